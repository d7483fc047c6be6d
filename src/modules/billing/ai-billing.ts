// Billing of a completed AI request (issue 4, item 4), inside the completing transaction: one
// invoice_items row on the customer's open draft invoice of the month (created when missing), at the
// request's actual cost, or at 0.00 as an included credit ("Crédit inclus") while the month's AI items are within the
// active plan's ai_credits_included. The unique invoice_items.ai_request_id makes a second billing of
// the same request a no-op, whatever retries or races happen.
import type { Prisma } from "@prisma/client";
import { aiRequestLine } from "./invoicing/line-words.js";
import { cents, ZERO } from "./money.js";
import { lockDraftInvoice } from "./invoicing/draft-invoice.js";
import { recomputeInvoiceTotals } from "./invoicing/invoice-totals.js";

/**
 * Bills a completed request in the given transaction. Returns the invoice item id, or null when the
 * request was already billed (or is not completed).
 */
export async function billAiRequest(tx: Prisma.TransactionClient, aiRequestId: number, at = new Date()) {
  const request = await tx.aiRequest.findUniqueOrThrow({
    where: { id: aiRequestId },
    select: {
      id: true,
      customerId: true,
      requestType: true,
      status: true,
      actualCost: true,
      estimatedCost: true,
      customer: { select: { language: true } },
    },
  });
  if (request.status !== "completed") return null;
  const invoiceId = await lockDraftInvoice(tx, request.customerId, at);

  const plan = await tx.customerSubscription.findFirst({
    where: { customerId: request.customerId, status: { in: ["active", "past_due", "trialing"] } },
    orderBy: { startedAt: "desc" },
    select: { plan: { select: { aiCreditsIncluded: true } } },
  });
  const used = await tx.invoiceItem.count({ where: { invoiceId, aiRequestId: { not: null } } });
  const included = used < (plan?.plan.aiCreditsIncluded ?? 0);
  const price = included ? ZERO : cents(request.actualCost ?? request.estimatedCost ?? ZERO);

  const created = await tx.invoiceItem.createManyAndReturn({
    data: [
      {
        invoiceId,
        aiRequestId: request.id,
        description: aiRequestLine(request.customer.language, request.id, request.requestType, included),
        quantity: 1,
        unitPrice: price,
        totalPrice: price,
        createdAt: at,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!created.length) return null;

  await recomputeInvoiceTotals(tx, invoiceId);
  await tx.aiRequest.update({ where: { id: request.id }, data: { billingStatus: "billed" } });
  return created[0]!.id;
}
