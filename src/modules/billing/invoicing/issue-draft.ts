// "Issue" of a manual draft (AdminJS, REST), then, with Stripe configured, its push to Stripe.
import type { Invoice } from "@prisma/client";
import { AppError } from "../../../lib/errors.js";
import { enqueueInvoicePush } from "../stripe/invoices.js";
import { issueInvoice } from "./issue-invoice.js";
import { requireInvoicing, transaction, type InvoicingDeps } from "./invoice-transaction.js";

/**
 * "Issue" of a manual draft (AdminJS, REST): a draft with at least one line becomes a numbered invoice.
 * The draft of a month (Queue IA usage, proration) is the monthly run's: issued by hand, it would leave
 * that month's subscription fees unbilled.
 */
export async function issueDraft(deps: InvoicingDeps, invoiceId: number, at: Date = new Date()): Promise<Invoice> {
  requireInvoicing();
  const issued = await transaction(deps.prisma, async (tx) => {
    const lines = await tx.invoiceItem.count({ where: { invoiceId } });
    const invoice = await tx.invoice.findUnique({
      where: { id: invoiceId },
      select: { status: true, periodStart: true },
    });
    if (invoice?.status === "draft" && invoice.periodStart) {
      throw new AppError(
        "conflict",
        `Invoice #${invoiceId} is the draft of ${invoice.periodStart.toISOString().slice(0, 7)}: the monthly invoicing issues it`,
      );
    }
    if (invoice?.status === "draft" && lines === 0) {
      throw new AppError("conflict", `Invoice #${invoiceId} has no lines: there is nothing to issue`);
    }
    return issueInvoice(tx, invoiceId, at);
  });
  if (deps.stripeEnabled && deps.queues) await enqueueInvoicePush(deps.queues, issued.id);
  return issued;
}
