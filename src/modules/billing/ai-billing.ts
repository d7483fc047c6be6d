// Billing of a completed AI request (issue 4, item 4), inside the completing transaction: one
// invoice_items row on the customer's open draft invoice of the month (created when missing), at the
// request's actual cost, or at 0.00 as "Included credit" while the month's AI items are within the
// active plan's ai_credits_included. The unique invoice_items.ai_request_id makes a second billing of
// the same request a no-op, whatever retries or races happen.
import { Prisma } from "@prisma/client";

export const VAT_RATE = new Prisma.Decimal("0.20");
export const INCLUDED_CREDIT = "Included credit";

const ZERO = new Prisma.Decimal(0);
const cents = (value: Prisma.Decimal) => value.toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP);

/** `LCD-DRAFT-<customerId>-<YYYYMM>` (UTC month): the open draft invoice of a customer for a month. */
export function draftInvoiceNumber(customerId: number, at: Date = new Date()): string {
  const month = `${at.getUTCFullYear()}${String(at.getUTCMonth() + 1).padStart(2, "0")}`;
  return `LCD-DRAFT-${customerId}-${month}`;
}

/** VAT (20%, half-up to cents) and total of an amount. */
export function withVat(amount: Prisma.Decimal): { tax: Prisma.Decimal; total: Prisma.Decimal } {
  const tax = cents(amount.mul(VAT_RATE));
  return { tax, total: cents(amount).add(tax) };
}

/**
 * The customer's draft invoice of the month, created when missing and row-locked for the rest of the
 * transaction (two completions for one customer add their items one after the other).
 */
async function lockDraftInvoice(tx: Prisma.TransactionClient, customerId: number, at: Date): Promise<number> {
  const invoiceNumber = draftInvoiceNumber(customerId, at);
  const subscription = await tx.customerSubscription.findFirst({
    where: { customerId, status: "active" },
    orderBy: { startedAt: "desc" },
    select: { id: true },
  });
  // ON CONFLICT DO NOTHING: a concurrent creator wins, this one then finds its row.
  await tx.invoice.createMany({
    data: [
      {
        customerId,
        subscriptionId: subscription?.id ?? null,
        invoiceNumber,
        amount: ZERO,
        taxAmount: ZERO,
        totalAmount: ZERO,
        currency: "EUR",
        status: "draft",
      },
    ],
    skipDuplicates: true,
  });
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM invoices WHERE invoice_number = ${invoiceNumber} FOR UPDATE`;
  return rows[0]!.id;
}

/**
 * Bills a completed request in the given transaction. Returns the invoice item id, or null when the
 * request was already billed (or is not completed).
 */
export async function billAiRequest(tx: Prisma.TransactionClient, aiRequestId: number, at = new Date()) {
  const request = await tx.aiRequest.findUniqueOrThrow({
    where: { id: aiRequestId },
    select: { id: true, customerId: true, requestType: true, status: true, actualCost: true, estimatedCost: true },
  });
  if (request.status !== "completed") return null;
  const invoiceId = await lockDraftInvoice(tx, request.customerId, at);

  const plan = await tx.customerSubscription.findFirst({
    where: { customerId: request.customerId, status: "active" },
    orderBy: { startedAt: "desc" },
    select: { plan: { select: { aiCreditsIncluded: true } } },
  });
  const used = await tx.invoiceItem.count({ where: { invoiceId, aiRequestId: { not: null } } });
  const included = used < (plan?.plan.aiCreditsIncluded ?? 0);
  const price = included ? ZERO : cents(request.actualCost ?? request.estimatedCost ?? ZERO);
  const label = `AI request #${request.id} (${request.requestType})`;

  const created = await tx.invoiceItem.createManyAndReturn({
    data: [
      {
        invoiceId,
        aiRequestId: request.id,
        description: included ? `${INCLUDED_CREDIT}: ${label}` : label,
        quantity: 1,
        unitPrice: price,
        totalPrice: price,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!created.length) return null;

  const sum = await tx.invoiceItem.aggregate({ where: { invoiceId }, _sum: { totalPrice: true } });
  const amount = cents(sum._sum.totalPrice ?? ZERO);
  const { tax, total } = withVat(amount);
  await tx.invoice.update({ where: { id: invoiceId }, data: { amount, taxAmount: tax, totalAmount: total } });
  await tx.aiRequest.update({ where: { id: request.id }, data: { billingStatus: "billed" } });
  return created[0]!.id;
}
