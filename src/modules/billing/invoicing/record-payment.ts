// Recording a payment received outside Stripe (a bank transfer, a cheque): the invoice's status and
// payment date are its workflow's, never a generic edit's. Only an issued invoice awaiting its payment
// (pending or failed) becomes paid; the change and its audit row go through updateInvoice.
import type { Invoice } from "@prisma/client";
import type { InvoicingDeps } from "./invoice-transaction.js";
import { updateInvoice } from "./update-invoice.js";

export interface PaymentInput {
  paidAt: Date;
  paymentMethod: string;
  notes?: string | null;
}

export function recordPayment(deps: InvoicingDeps, id: number, payment: PaymentInput): Promise<Invoice> {
  return updateInvoice(deps, id, {
    status: "paid",
    paidAt: payment.paidAt,
    paymentMethod: payment.paymentMethod,
    ...(payment.notes !== undefined ? { notes: payment.notes } : {}),
  });
}
