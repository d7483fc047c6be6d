import type { ResourceFactory } from "../../admin/resource-kit.js";
import { invoiceActions, paymentField, readOnlyMoney, setOnCreate } from "./invoice-actions.js";
import { subscriptionActions } from "./subscription-actions.js";
import { invoiceDocumentActions } from "./document-routes.js";
import { reminderActions } from "./reminder-actions.js";
import { remindOverdueAction } from "../dashboard/overdue-reminders.js";
import { billingAlertActions, refundActions } from "./refund-actions.js";
import {
  billingAlertTable,
  billingPlanTable,
  customerSubscriptionTable,
  invoiceItemTable,
  invoiceTable,
  refundTable,
  stripeEventTable,
  subscriptionHistoryTable,
} from "./tables.js";

export const billingResources: ResourceFactory = (kit) => [
  kit.table(billingPlanTable, { properties: { name: { isTitle: true } } }),
  kit.table(customerSubscriptionTable, {
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
    properties: { stripeSubscriptionId: { isTitle: true } },
    actions: subscriptionActions(kit),
  }),
  kit.table(invoiceTable, {
    properties: {
      // Allocated when the draft is issued (numbering.ts); a draft carries a LCD-DRAFT-... placeholder.
      invoiceNumber: { isTitle: true },
      // Chosen when the invoice is created, then fixed (invoicing.ts).
      customer: setOnCreate(kit),
      subscription: setOnCreate(kit),
      // Follow the lines: amount = sum of the lines, tax at the VAT rate of the settings, total (never typed).
      amount: readOnlyMoney(kit),
      taxAmount: readOnlyMoney(kit),
      totalAmount: readOnlyMoney(kit),
      // What may change once the invoice is issued, offered on issued invoices only.
      paymentMethod: paymentField(kit),
      stripeInvoiceId: paymentField(kit),
      stripePaymentIntentId: paymentField(kit),
      // Follows the invoice's refunds (stripe/refunds.ts), never typed.
      amountRefunded: {
        ...kit.money({ currencyPath: "currency" }),
        isVisible: { list: false, show: true, filter: false },
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
  }),
  kit.table(invoiceItemTable, {
    properties: {
      description: { isTitle: true },
      // A line is added to a draft and stays on it.
      invoice: setOnCreate(kit),
      // quantity x unit price, computed by the service.
      totalPrice: readOnlyMoney(kit),
    },
  }),
  // Stripe's events as received (stripe/events.ts): a record of what Stripe said and what was done.
  kit.table(stripeEventTable, { properties: { type: { isTitle: true } } }),
  // Made by the invoices' "Refund" action or recorded from Stripe (stripe/refunds.ts); legal records.
  kit.table(refundTable, { properties: { reason: { isTitle: true } } }),
  // Failed payments and disputes, raised from Stripe's events (stripe/alerts.ts); only acknowledged.
  kit.table(billingAlertTable, {
    properties: { kind: { isTitle: true } },
    actions: billingAlertActions(kit),
  }),
  // The MRR history the revenue metrics read: written by the subscription service and Stripe's events only.
  kit.table(subscriptionHistoryTable, { properties: { reason: { isTitle: true } } }),
];
