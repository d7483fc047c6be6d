// The invoicing's former single entry point, kept as re-exports for the callers outside billing that
// still import it (the job registry, src/queues/registry.ts). New code imports the use case's own file
// under invoicing/.
export { INVOICE_PAYMENT_FIELDS, ISSUED_STATUSES, type NewInvoiceInput } from "./invoicing/invoice-fields.js";
export type { InvoicingDeps } from "./invoicing/invoice-transaction.js";
export { issueInvoice } from "./invoicing/issue-invoice.js";
export { issueDraft } from "./invoicing/issue-draft.js";
export { createDraftInvoice } from "./invoicing/create-draft-invoice.js";
export { updateInvoice } from "./invoicing/update-invoice.js";
export { addInvoiceItem, deleteInvoiceItem, updateInvoiceItem } from "./invoicing/invoice-items.js";
export {
  stateAt,
  subscriptionFeeLines,
  type FeeLine,
  type FeePlan,
  type FeeSubscription,
  type SubscriptionState,
} from "./invoicing/fee-lines.js";
export { PERIOD_PATTERN, invoicingMonth, monthJustEnded } from "./invoicing/invoicing-month.js";
export {
  monthlyInvoicingJob,
  runMonthlyInvoicing,
  type InvoicingRunOptions,
  type InvoicingRunResult,
} from "./invoicing/monthly-run.js";
