// Refunds of paid invoices (issue 5, item 5): billing.refund, a reason, any amount up to what is left
// of the payment. Through Stripe's Refunds API when the invoice was paid through Stripe; recorded here as
// succeeded when it was paid otherwise (a bank transfer, refunded the same way by the accountant).
// The invoice row is locked for the whole refund, so two refunds at once cannot exceed the paid amount.
//
// invoices.amount_refunded is the sum of the invoice's refunds that are succeeded or still pending
// (money promised back counts, so a pending refund cannot be refunded twice); the invoice becomes
// refunded when that reaches its total.
import { parseAmount } from "../../../lib/format.js";
import type { Invoice, Prisma, PrismaClient, Refund, RefundStatus } from "@prisma/client";
import type Stripe from "stripe";
import { writeAudit } from "../../../lib/audit.js";
import { AppError } from "../../../lib/errors.js";
import { cents, format2, money, sum, ZERO, type Money } from "../money.js";
import { callStripe, fromStripeAmount, toStripeAmount, type StripeClient } from "./client.js";
import { requirePermission } from "../../../modules/auth/current-admin.js";

export interface RefundDeps {
  prisma: PrismaClient;
  /** Null without Stripe: only invoices paid outside Stripe can then be refunded. */
  stripe?: StripeClient | null;
}

export interface RefundInput {
  amount: unknown;
  reason: unknown;
}

const AMOUNT = /^\d{1,8}(\.\d{1,2})?$/;
const AMBIGUOUS_AMOUNT = 'ambiguous: "1,234" reads as 1.234 or as 1234';
export const REASON_MAX = 500;

/** The amount (euros, at most two decimals, above zero) and the reason (required), or a 400 naming them. */
export function parseRefundInput(input: RefundInput): { amount: Money; reason: string } {
  const errors: { field: string; message: string }[] = [];
  const text =
    typeof input.amount === "number"
      ? String(input.amount)
      : typeof input.amount === "string"
        ? input.amount.trim()
        : "";
  let amount: Money = ZERO;
  // Typed in French or English ("12,50", "12.50", "1 234,50"); "1,234" reads two ways and is refused.
  const read = text ? parseAmount(text) : null;
  if (!read) errors.push({ field: "amount", message: "required" });
  else if (!read.ok)
    errors.push({
      field: "amount",
      message: read.reason === "fieldMoneyAmbiguous" ? AMBIGUOUS_AMOUNT : "an amount in euros like 12.50",
    });
  else if (!AMOUNT.test(read.value)) errors.push({ field: "amount", message: "an amount in euros like 12.50" });
  else {
    amount = money(read.value);
    if (amount.lte(0)) errors.push({ field: "amount", message: "must be more than 0.00" });
  }
  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  if (!reason) errors.push({ field: "reason", message: "required" });
  else if (reason.length > REASON_MAX) errors.push({ field: "reason", message: `at most ${REASON_MAX} characters` });
  if (errors.length) throw new AppError("validation", "Invalid refund", errors);
  return { amount, reason };
}

/** Stripe's refund statuses in ours (requires_action waits on the customer: pending). */
export function refundStatusOf(status: string | null): RefundStatus {
  switch (status) {
    case "succeeded":
      return "succeeded";
    case "failed":
      return "failed";
    case "canceled":
      return "canceled";
    default:
      return "pending";
  }
}

const COUNTED: readonly RefundStatus[] = ["pending", "succeeded"];

/** Sets amount_refunded from the invoice's refunds, and the status (refunded once fully refunded). */
async function settleInvoice(tx: Prisma.TransactionClient, before: Invoice): Promise<Invoice> {
  const refunds = await tx.refund.findMany({
    where: { invoiceId: before.id, status: { in: [...COUNTED] } },
    select: { amount: true },
  });
  const amountRefunded = cents(sum(refunds.map((r) => r.amount)));
  const status = amountRefunded.gte(before.totalAmount) && amountRefunded.gt(0) ? "refunded" : "paid";
  if (amountRefunded.eq(before.amountRefunded) && status === before.status) return before;
  const after = await tx.invoice.update({ where: { id: before.id }, data: { amountRefunded, status } });
  await writeAudit(tx, {
    action: "invoice.refund_total",
    resourceType: "invoices",
    resourceId: before.id,
    before: { amountRefunded: before.amountRefunded, status: before.status },
    after: { amountRefunded: after.amountRefunded, status: after.status },
  });
  return after;
}

async function lockInvoice(tx: Prisma.TransactionClient, id: number): Promise<Invoice | null> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM invoices WHERE id = ${id} FOR UPDATE`;
  return rows.length ? tx.invoice.findUniqueOrThrow({ where: { id } }) : null;
}

/** Refunds `amount` of a paid invoice for `reason`. The permission is checked here, for every path. */
export async function refundInvoice(
  deps: RefundDeps,
  invoiceId: number,
  input: RefundInput,
): Promise<{ refund: Refund; invoice: Invoice }> {
  const admin = requirePermission("billing", "refund");
  const { amount, reason } = parseRefundInput(input);

  return deps.prisma.$transaction(
    async (tx) => {
      const invoice = await lockInvoice(tx, invoiceId);
      if (!invoice) throw new AppError("not_found", `Invoice #${invoiceId} does not exist`);
      if (invoice.status !== "paid" && invoice.status !== "refunded") {
        throw new AppError(
          "conflict",
          `Invoice ${invoice.invoiceNumber} is ${invoice.status}: only a paid invoice can be refunded`,
        );
      }
      const refundable = invoice.totalAmount.sub(invoice.amountRefunded);
      if (amount.gt(refundable)) {
        throw new AppError("validation", "Refund exceeds what is left of the payment", [
          {
            field: "amount",
            message: `at most ${format2(refundable)} ${invoice.currency} can be refunded (paid ${format2(invoice.totalAmount)}, refunded ${format2(invoice.amountRefunded)})`,
          },
        ]);
      }
      if (invoice.stripePaymentIntentId && !deps.stripe) {
        throw new AppError("unavailable", "This invoice was paid through Stripe, which is not configured here");
      }

      let refund = await tx.refund.create({
        data: { invoiceId, amount, reason, status: "pending", adminId: admin.id },
      });
      if (invoice.stripePaymentIntentId && deps.stripe) {
        const stripe = deps.stripe;
        const paymentIntent = invoice.stripePaymentIntentId;
        const remote = await callStripe(() =>
          stripe.refunds.create(
            {
              payment_intent: paymentIntent,
              amount: toStripeAmount(amount),
              reason: "requested_by_customer",
              metadata: { invoice_id: String(invoiceId), refund_id: String(refund.id), reason },
            },
            // The refund's own id: a retried call cannot refund twice.
            { idempotencyKey: `refund-${refund.id}` },
          ),
        );
        refund = await tx.refund.update({
          where: { id: refund.id },
          data: { stripeRefundId: remote.id, status: refundStatusOf(remote.status) },
        });
      } else {
        // Paid outside Stripe: the money goes back the same way, outside the portal.
        refund = await tx.refund.update({ where: { id: refund.id }, data: { status: "succeeded" } });
      }
      await writeAudit(tx, { action: "refund.create", resourceType: "refunds", resourceId: refund.id, after: refund });
      const after = await settleInvoice(tx, invoice);
      return { refund, invoice: after };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

/**
 * Brings the refunds of an invoice in step with Stripe's list for its charge (charge.refunded): new
 * refunds made in Stripe's dashboard are recorded, statuses follow Stripe's, and the invoice's
 * amount_refunded and status follow. Runs in the caller's transaction, which holds the invoice's lock.
 */
export async function syncStripeRefunds(
  tx: Prisma.TransactionClient,
  invoiceId: number,
  remoteRefunds: Stripe.Refund[],
): Promise<{ invoice: Invoice; recorded: number; updated: number }> {
  const invoice = await lockInvoice(tx, invoiceId);
  if (!invoice) throw new Error(`Invoice #${invoiceId} does not exist`);
  let recorded = 0;
  let updated = 0;
  for (const remote of remoteRefunds) {
    const status = refundStatusOf(remote.status);
    const local = await tx.refund.findUnique({ where: { stripeRefundId: remote.id } });
    if (local) {
      if (local.status === status) continue;
      const after = await tx.refund.update({ where: { id: local.id }, data: { status } });
      await writeAudit(tx, {
        action: "refund.stripe_sync",
        resourceType: "refunds",
        resourceId: local.id,
        before: { status: local.status },
        after: { status: after.status },
      });
      updated += 1;
      continue;
    }
    const reason = remote.metadata?.reason || remote.reason || "Refunded in Stripe";
    const created = await tx.refund.create({
      data: {
        invoiceId,
        amount: cents(fromStripeAmount(remote.amount)),
        reason: reason.slice(0, REASON_MAX),
        status,
        stripeRefundId: remote.id,
        createdAt: new Date(remote.created * 1000),
      },
    });
    await writeAudit(tx, {
      action: "refund.stripe_create",
      resourceType: "refunds",
      resourceId: created.id,
      after: created,
    });
    recorded += 1;
  }
  const after = invoice.status === "paid" || invoice.status === "refunded" ? await settleInvoice(tx, invoice) : invoice;
  return { invoice: after, recorded, updated };
}

/** The refunds of an invoice, newest first. */
export async function listInvoiceRefunds(prisma: PrismaClient, invoiceId: number) {
  const invoice = await prisma.invoice.findUnique({
    where: { id: invoiceId },
    select: { id: true, invoiceNumber: true, totalAmount: true, amountRefunded: true, currency: true, status: true },
  });
  if (!invoice) throw new AppError("not_found", `Invoice #${invoiceId} does not exist`);
  const refunds = await prisma.refund.findMany({
    where: { invoiceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return { invoice, refunds };
}
