// The open (draft) invoice of a customer for a calendar month: Queue IA usage and proration lines collect
// into it until the monthly invoicing issues it. Keyed by (customer_id, period_start).
import type { Prisma } from "@prisma/client";
import { ZERO } from "../money.js";
import { addMonths, monthOf, monthPeriod } from "../periods.js";

/** `LCD-DRAFT-<customerId>-<YYYYMM>`: a draft's placeholder number, outside the legal sequence. */
export function draftInvoiceNumber(customerId: number, at: Date = new Date()): string {
  return `LCD-DRAFT-${customerId}-${monthOf(at).replace("-", "")}`;
}

/**
 * The customer's draft invoice for the month of `at`, created when missing and row-locked for the rest of
 * the transaction. When that month's invoice has already been issued, the next month's draft is used: a
 * line is never added to an issued invoice.
 */
export async function lockDraftInvoice(tx: Prisma.TransactionClient, customerId: number, at: Date): Promise<number> {
  const subscription = await tx.customerSubscription.findFirst({
    where: { customerId, status: { notIn: ["cancelled", "expired"] } },
    orderBy: { startedAt: "desc" },
    select: { id: true },
  });
  for (let month = monthOf(at), tries = 0; tries < 24; tries++) {
    const period = monthPeriod(month);
    // ON CONFLICT DO NOTHING: a concurrent creator wins, this one then finds its row.
    await tx.invoice.createMany({
      data: [
        {
          customerId,
          subscriptionId: subscription?.id ?? null,
          invoiceNumber: draftInvoiceNumber(customerId, period.start),
          amount: ZERO,
          taxAmount: ZERO,
          totalAmount: ZERO,
          currency: "EUR",
          status: "draft",
          issuedAt: at,
          periodStart: period.start,
          periodEnd: period.end,
        },
      ],
      skipDuplicates: true,
    });
    const rows = await tx.$queryRaw<{ id: number; status: string }[]>`
      SELECT id, status::text FROM invoices
       WHERE customer_id = ${customerId} AND period_start = ${period.start}::date FOR UPDATE`;
    const row = rows[0];
    if (row && row.status === "draft") return row.id;
    month = monthOf(addMonths(period.start, 1));
  }
  throw new Error(`No open draft invoice for customer ${customerId}`);
}
