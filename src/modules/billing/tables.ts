import { defineTable } from "../../db/table-spec.js";
import { INVOICE_ACTION_ACCESS, invoiceItemWrites, invoiceWrites } from "./invoice-actions.js";
import { SUBSCRIPTION_ACTION_ACCESS, subscriptionWrites } from "./subscription-actions.js";
import { INVOICE_DOCUMENT_ACCESS } from "./document-routes.js";
import { REMINDER_ACTION_ACCESS } from "./reminder-actions.js";
import { REMIND_OVERDUE_ACCESS } from "../dashboard/overdue-reminders.js";
import { BILLING_ALERT_ACTION_ACCESS, REFUND_ACTION_ACCESS } from "./refund-actions.js";

export const billingPlanTable = defineTable({
  model: "BillingPlan",
  module: "billing",
  actions: { new: "create_invoice", edit: "create_invoice" },
  writable: {
    name: {},
    priceMonthly: {},
    priceYearly: {},
    features: { json: "string-array" },
    aiCreditsIncluded: { min: 0 },
    maxSites: { min: 0 },
    status: {},
  },
  list: ["id", "name", "priceMonthly", "priceYearly", "aiCreditsIncluded", "maxSites", "status"],
  title: ["name"],
  filters: ["name", "status", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

export const customerSubscriptionTable = defineTable({
  model: "CustomerSubscription",
  module: "billing",
  actions: { new: "create_invoice", edit: null, ...SUBSCRIPTION_ACTION_ACCESS },
  // Created through the subscription service; changed only by its actions.
  writes: subscriptionWrites,
  writable: {
    customerId: {},
    planId: {},
    startedAt: {},
    billingInterval: {},
  },
  workflow: [
    "status",
    "currentPeriodStart",
    "currentPeriodEnd",
    "cancelAtPeriodEnd",
    "trialEnd",
    "endedAt",
    "stripeSubscriptionId",
  ],
  list: ["id", "customer", "plan", "status", "currentPeriodEnd", "cancelAtPeriodEnd", "createdAt"],
  title: ["customer.name", "plan.name"],
  related: [
    { table: "subscription_history", via: "subscriptionId" },
    { table: "invoices", via: "subscriptionId" },
  ],
  filters: [
    "customer",
    "plan",
    "status",
    "cancelAtPeriodEnd",
    "currentPeriodEnd",
    "stripeSubscriptionId",
    "startedAt",
    "createdAt",
  ],
  order: { by: "createdAt", direction: "desc" },
});

export const invoiceTable = defineTable({
  model: "Invoice",
  module: "billing",
  actions: {
    new: "create_invoice",
    edit: "create_invoice",
    ...INVOICE_DOCUMENT_ACCESS,
    ...REMINDER_ACTION_ACCESS,
    ...REMIND_OVERDUE_ACCESS,
    ...REFUND_ACTION_ACCESS,
    ...INVOICE_ACTION_ACCESS,
  },
  // A draft is made, and what may change is changed, by the invoicing service.
  writes: invoiceWrites,
  writable: {
    customerId: { createOnly: true },
    subscriptionId: { createOnly: true },
    stripeInvoiceId: {},
    paymentMethod: {},
    notes: { text: true },
    stripePaymentIntentId: {},
  },
  workflow: [
    "status",
    "paidAt",
    "amountRefunded",
    "amount",
    "taxAmount",
    "totalAmount",
    "invoiceNumber",
    "issuedAt",
    "dueAt",
    "seller",
    "vatRate",
  ],
  list: ["invoiceNumber", "customer", "totalAmount", "status", "issuedAt", "dueAt", "paidAt"],
  title: ["invoiceNumber", "customer.name"],
  // The payments' trouble (failed payments, disputes) is in billing_alerts; reminders in email_log.
  related: [
    { table: "invoice_items", via: "invoiceId", limit: 10 },
    { table: "refunds", via: "invoiceId" },
    { table: "billing_alerts", via: "invoiceId" },
    { table: "email_log", via: "invoiceId" },
  ],
  filters: [
    "invoiceNumber",
    "customer",
    "subscription",
    "status",
    "issuedAt",
    "dueAt",
    "paidAt",
    "paymentMethod",
    "stripeInvoiceId",
  ],
  order: { by: "issuedAt", direction: "desc" },
});

export const invoiceItemTable = defineTable({
  model: "InvoiceItem",
  module: "billing",
  actions: { new: "create_invoice", edit: "create_invoice", delete: "create_invoice" },
  // Lines of drafts only; each write recomputes the invoice's totals.
  writes: invoiceItemWrites,
  writable: {
    invoiceId: { createOnly: true },
    description: {},
    quantity: { min: 1 },
    unitPrice: {},
  },
  list: ["id", "invoice", "description", "quantity", "unitPrice", "totalPrice", "aiRequest", "createdAt"],
  title: ["description"],
  filters: ["invoice", "aiRequest", "description", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

export const stripeEventTable = defineTable({
  model: "StripeEvent",
  module: "billing",
  actions: { new: null, edit: null, delete: null, bulkDelete: null },
  writable: {},
  list: ["id", "type", "status", "attempts", "receivedAt", "processedAt"],
  title: ["type", "receivedAt"],
  filters: ["id", "type", "status", "receivedAt", "processedAt"],
  order: { by: "receivedAt", direction: "desc" },
});

export const refundTable = defineTable({
  model: "Refund",
  module: "billing",
  actions: { new: null, edit: null, delete: null, bulkDelete: null },
  writable: {},
  list: ["id", "invoice", "amount", "status", "reason", "admin", "createdAt"],
  title: ["invoice.invoiceNumber", "reason"],
  filters: ["invoice", "status", "admin", "stripeRefundId", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

export const billingAlertTable = defineTable({
  model: "BillingAlert",
  module: "billing",
  actions: { new: null, edit: null, delete: null, bulkDelete: null, ...BILLING_ALERT_ACTION_ACCESS },
  writable: {},
  list: ["id", "createdAt", "kind", "invoice", "customerId", "acknowledgedAt"],
  title: ["invoice.invoiceNumber", "createdAt"],
  references: { customerId: "Customer" },
  filters: ["kind", "invoice", "customerId", "createdAt", "acknowledgedAt"],
  order: { by: "createdAt", direction: "desc" },
});

export const subscriptionHistoryTable = defineTable({
  model: "SubscriptionHistory",
  module: "billing",
  actions: { new: null, edit: null, delete: null, bulkDelete: null },
  writable: {},
  list: ["id", "subscription", "customerId", "planId", "status", "billingInterval", "mrr", "validFrom", "reason"],
  title: ["validFrom"],
  references: { customerId: "Customer", planId: "BillingPlan" },
  filters: ["subscription", "customerId", "planId", "status", "reason", "validFrom"],
  order: { by: "validFrom", direction: "desc" },
});

/** The tables of the module, in menu order. */
export const billingTables = [
  billingPlanTable,
  customerSubscriptionTable,
  invoiceTable,
  invoiceItemTable,
  stripeEventTable,
  refundTable,
  billingAlertTable,
  subscriptionHistoryTable,
];
