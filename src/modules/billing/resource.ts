import type { ResourceFactory } from "../../admin/resource-kit.js";
import {
  INVOICE_ACTION_ACCESS,
  invoiceActions,
  invoiceItemWrites,
  invoiceWrites,
  paymentField,
  readOnlyMoney,
  setOnCreate,
} from "./invoice-actions.js";
import { SUBSCRIPTION_ACTION_ACCESS, subscriptionActions, subscriptionWrites } from "./subscription-actions.js";
import { INVOICE_DOCUMENT_ACCESS, invoiceDocumentActions } from "./document-routes.js";
import { REMINDER_ACTION_ACCESS, reminderActions } from "./reminder-actions.js";
import { REMIND_OVERDUE_ACCESS, remindOverdueAction } from "../dashboard/overdue-reminders.js";
import {
  BILLING_ALERT_ACTION_ACCESS,
  REFUND_ACTION_ACCESS,
  billingAlertActions,
  refundActions,
} from "./refund-actions.js";

export const billingResources: ResourceFactory = (kit) => [
  kit.resource(
    "BillingPlan",
    {
      listProperties: ["id", "name", "priceMonthly", "priceYearly", "aiCreditsIncluded", "maxSites", "status"],
      filterProperties: ["name", "status", "createdAt"],
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: {
        name: { isTitle: true },
        priceMonthly: kit.money(),
        priceYearly: kit.money(),
        features: kit.json("string-array"),
        aiCreditsIncluded: kit.int({ min: 0 }),
        maxSites: kit.int({ min: 0 }),
        // Set when Stripe first sells the plan (stripe/gateway.ts).
        stripeProductId: kit.readOnly(),
      },
    },
    { access: { module: "billing", actions: { new: "create_invoice", edit: "create_invoice" } } },
  ),
  kit.resource(
    "CustomerSubscription",
    {
      listProperties: ["id", "customer", "plan", "status", "currentPeriodEnd", "cancelAtPeriodEnd", "createdAt"],
      filterProperties: [
        "customer",
        "plan",
        "status",
        "cancelAtPeriodEnd",
        "currentPeriodEnd",
        "stripeSubscriptionId",
        "startedAt",
        "createdAt",
      ],
      sort: { sortBy: "createdAt", direction: "desc" },
      // Created with the form, then changed only through the actions (subscriptions.ts).
      editProperties: ["customer", "plan", "billingInterval", "startedAt"],
      showProperties: [
        "id",
        "customer",
        "plan",
        "billingInterval",
        "status",
        "startedAt",
        "currentPeriodStart",
        "currentPeriodEnd",
        "cancelAtPeriodEnd",
        "trialEnd",
        "endedAt",
        "stripeSubscriptionId",
        "createdAt",
      ],
      properties: {
        stripeSubscriptionId: { isTitle: true },
      },
      actions: subscriptionActions(kit),
    },
    {
      access: {
        module: "billing",
        actions: { new: "create_invoice", edit: null, ...SUBSCRIPTION_ACTION_ACCESS },
      },
      writes: subscriptionWrites(kit),
    },
  ),
  kit.resource(
    "Invoice",
    {
      listProperties: ["invoiceNumber", "customer", "totalAmount", "status", "issuedAt", "dueAt", "paidAt"],
      filterProperties: [
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
      sort: { sortBy: "issuedAt", direction: "desc" },
      properties: {
        // Allocated when the draft is issued (invoicing/numbering.ts); a draft carries a LCD-DRAFT-... placeholder.
        invoiceNumber: { ...kit.readOnly(), isTitle: true },
        // Chosen when the invoice is created, then fixed (invoicing/invoice-fields.ts).
        customer: setOnCreate(kit),
        subscription: setOnCreate(kit),
        // Follow the lines: amount = sum of the lines, tax at the VAT rate of the settings, total (never typed).
        amount: readOnlyMoney(kit),
        taxAmount: readOnlyMoney(kit),
        totalAmount: readOnlyMoney(kit),
        // ISO 4217 code; the money columns are shown in it. Invoices are in EUR.
        currency: kit.readOnly(),
        // Set by the issue (invoicing/issue-invoice.ts) or the monthly run.
        issuedAt: kit.readOnly(),
        dueAt: kit.readOnly(),
        periodStart: kit.readOnly(),
        periodEnd: kit.readOnly(),
        // What may change once the invoice is issued (INVOICE_PAYMENT_FIELDS), offered on issued invoices only.
        status: paymentField(kit),
        paidAt: paymentField(kit),
        paymentMethod: paymentField(kit),
        stripeInvoiceId: paymentField(kit),
        stripePaymentIntentId: paymentField(kit),
        notes: kit.text(),
        // Follows the invoice's refunds (stripe/refunds.ts), never typed.
        amountRefunded: {
          ...kit.money({ currencyPath: "currency" }),
          isVisible: { list: false, show: true, edit: false, filter: false },
        },
      },
      // "Download PDF" and "Accounting export" (document-routes.ts).
      // "Send reminder" to the customer of an overdue invoice (dunning.ts).
      // "Refund" a paid invoice (refund-actions.ts).
      // "Issue" a draft and "Run monthly invoicing" (invoice-actions.ts).
      actions: {
        ...invoiceDocumentActions(kit),
        ...reminderActions(kit),
        // The dashboard's "send reminders for all overdue invoices" (modules/dashboard/overdue-reminders.ts).
        ...remindOverdueAction(kit),
        ...refundActions(kit),
        ...invoiceActions(kit),
      },
    },
    {
      access: {
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
      },
      // The form makes a draft and changes what may change (invoicing/invoice-fields.ts), as the REST routes do.
      writes: invoiceWrites(kit),
    },
  ),
  kit.resource(
    "InvoiceItem",
    {
      listProperties: ["id", "invoice", "description", "quantity", "unitPrice", "totalPrice", "aiRequest", "createdAt"],
      filterProperties: ["invoice", "aiRequest", "description", "createdAt"],
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: {
        description: { isTitle: true },
        // A line is added to a draft and stays on it.
        invoice: setOnCreate(kit),
        quantity: kit.int({ min: 1 }),
        unitPrice: kit.money(),
        // quantity x unit price, computed by the service.
        totalPrice: readOnlyMoney(kit),
        // Set when a completed AI request is billed (ai-billing.ts).
        aiRequest: kit.readOnly(),
      },
    },
    {
      // Lines of drafts only; each write recomputes the invoice's totals (invoicing/invoice-items.ts).
      access: {
        module: "billing",
        actions: { new: "create_invoice", edit: "create_invoice", delete: "create_invoice" },
      },
      writes: invoiceItemWrites(kit),
    },
  ),
  // Stripe's events as received (stripe/events.ts): a record of what Stripe said and what was done.
  kit.resource(
    "StripeEvent",
    {
      listProperties: ["id", "type", "status", "attempts", "receivedAt", "processedAt"],
      filterProperties: ["id", "type", "status", "receivedAt", "processedAt"],
      sort: { sortBy: "receivedAt", direction: "desc" },
      properties: { type: { isTitle: true }, payload: kit.json(), error: kit.text() },
    },
    { access: { module: "billing", actions: { new: null, edit: null, delete: null, bulkDelete: null } } },
  ),
  // Made by the invoices' "Refund" action or recorded from Stripe (stripe/refunds.ts); legal records.
  kit.resource(
    "Refund",
    {
      listProperties: ["id", "invoice", "amount", "status", "reason", "admin", "createdAt"],
      filterProperties: ["invoice", "status", "admin", "stripeRefundId", "createdAt"],
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: { reason: { isTitle: true }, amount: kit.money() },
    },
    { access: { module: "billing", actions: { new: null, edit: null, delete: null, bulkDelete: null } } },
  ),
  // Failed payments and disputes, raised from Stripe's events (stripe/alerts.ts); only acknowledged.
  kit.resource(
    "BillingAlert",
    {
      listProperties: ["id", "createdAt", "kind", "invoice", "customerId", "acknowledgedAt"],
      filterProperties: ["kind", "invoice", "customerId", "createdAt", "acknowledgedAt"],
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: {
        kind: { isTitle: true },
        details: kit.json(),
        acknowledgedAt: kit.readOnly(),
        acknowledger: kit.readOnly(),
      },
      actions: billingAlertActions(kit),
    },
    {
      access: {
        module: "billing",
        actions: { new: null, edit: null, delete: null, bulkDelete: null, ...BILLING_ALERT_ACTION_ACCESS },
      },
    },
  ),
  // The MRR history the revenue metrics read: written by the subscription service and Stripe's events only.
  kit.resource(
    "SubscriptionHistory",
    {
      listProperties: [
        "id",
        "subscription",
        "customerId",
        "planId",
        "status",
        "billingInterval",
        "mrr",
        "validFrom",
        "reason",
      ],
      filterProperties: ["subscription", "customerId", "planId", "status", "reason", "validFrom"],
      sort: { sortBy: "validFrom", direction: "desc" },
      properties: { reason: { isTitle: true }, mrr: kit.money() },
    },
    { access: { module: "billing", actions: { new: null, edit: null, delete: null, bulkDelete: null } } },
  ),
];
