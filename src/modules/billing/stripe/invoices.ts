// Invoices between us and Stripe (issue 5, item 5), both ways:
// - our issued invoices are pushed to Stripe (customer, one invoice item per line plus the VAT, the
//   invoice under our legal number, finalized) by a job, so the customer pays them through Stripe;
// - an invoice Stripe issued for one of its subscriptions that we do not know yet is mirrored here as
//   our invoice (its lines as items, a legal number of our sequence), so the books hold every invoice.
import type { Invoice, Prisma, PrismaClient } from "@prisma/client";
import type Stripe from "stripe";
import { writeAudit } from "../../../lib/audit.js";
import type { Queues } from "../../../queues/queues.js";
import { cents, ZERO, type Money } from "../money.js";
import { INVOICE_PREFIX } from "../invoicing/numbering.js";
import { issueInvoice } from "../invoicing/issue-invoice.js";
import { callStripe, fromStripeAmount, fromStripeTime, idOf, toStripeAmount, type StripeClient } from "./client.js";
import { ensureStripeCustomer } from "./gateway.js";
import { requeueJob } from "../../../queues/requeue.js";

const DAY_MS = 86_400_000;

export interface PushDeps {
  prisma: PrismaClient;
  stripe: StripeClient;
}

export type PushOutcome =
  { result: "pushed" | "already_pushed"; stripeInvoiceId: string } | { result: "skipped"; reason: string };

/**
 * Why an invoice is not for Stripe: not issued yet, or settled already. Null when it is. (The fee of a
 * Stripe-managed subscription is never on our invoices, which the monthly run leaves to Stripe, and
 * Stripe's own invoices mirrored here carry their Stripe id: what remains, such as the month's AI
 * usage, is ours to collect.)
 */
export function notPushable(invoice: Pick<Invoice, "status">): string | null {
  if (invoice.status === "draft") return "not issued yet";
  if (invoice.status !== "pending") return `already ${invoice.status}`;
  return null;
}

/**
 * Pushes an issued invoice to Stripe and stores its stripe_invoice_id. Idempotent: an invoice that
 * has its Stripe id is not pushed again (the row lock makes a concurrent push wait, then see it), and
 * every Stripe call carries an idempotency key derived from our ids, so a push that failed halfway and
 * runs again gets the same Stripe invoice and items back instead of duplicates.
 */
export async function pushInvoice(deps: PushDeps, invoiceId: number): Promise<PushOutcome> {
  const { stripe } = deps;
  return deps.prisma.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM invoices WHERE id = ${invoiceId} FOR UPDATE`;
      if (!locked.length) return { result: "skipped", reason: `invoice #${invoiceId} does not exist` };
      const invoice = await tx.invoice.findUniqueOrThrow({
        where: { id: invoiceId },
        include: { items: { orderBy: { id: "asc" } } },
      });
      if (invoice.stripeInvoiceId) return { result: "already_pushed", stripeInvoiceId: invoice.stripeInvoiceId };
      const reason = notPushable(invoice);
      if (reason) return { result: "skipped", reason };

      const customer = await ensureStripeCustomer(tx, stripe, invoice.customerId);
      const key = `invoice-${invoice.id}`;
      const daysLeft = invoice.dueAt ? Math.ceil((invoice.dueAt.getTime() - Date.now()) / DAY_MS) : 0;
      const created = await callStripe(() =>
        stripe.invoices.create(
          {
            customer,
            currency: invoice.currency.toLowerCase(),
            collection_method: "send_invoice",
            // Stripe wants a due date in the future: an overdue invoice is due at once (one day).
            days_until_due: Math.max(1, daysLeft),
            auto_advance: false,
            pending_invoice_items_behavior: "exclude",
            number: invoice.invoiceNumber,
            metadata: { invoice_id: String(invoice.id), invoice_number: invoice.invoiceNumber },
          },
          { idempotencyKey: `${key}-create` },
        ),
      );
      const lines: { id: string; amount: Money; description: string }[] = invoice.items.map((item) => ({
        id: `item-${item.id}`,
        amount: item.totalPrice,
        description: item.quantity > 1 ? `${item.description} (x${item.quantity})` : item.description,
      }));
      // The VAT as a line of its own: ours is computed on the invoice's sum (half-up, once), which
      // Stripe's per-line tax rates could miss by a cent; the Stripe total then equals ours exactly.
      if (!invoice.taxAmount.isZero()) lines.push({ id: "vat", amount: invoice.taxAmount, description: "TVA / VAT" });
      for (const line of lines) {
        await callStripe(() =>
          stripe.invoiceItems.create(
            {
              customer,
              invoice: created.id,
              currency: invoice.currency.toLowerCase(),
              amount: toStripeAmount(line.amount),
              description: line.description,
              metadata: { invoice_id: String(invoice.id), line: line.id },
            },
            { idempotencyKey: `${key}-${line.id}` },
          ),
        );
      }
      const finalized = await callStripe(() =>
        stripe.invoices.finalizeInvoice(created.id, { auto_advance: false }, { idempotencyKey: `${key}-finalize` }),
      );
      const after = await tx.invoice.update({ where: { id: invoice.id }, data: { stripeInvoiceId: finalized.id } });
      await writeAudit(tx, {
        action: "stripe.invoice_push",
        resourceType: "invoices",
        resourceId: invoice.id,
        before: { stripeInvoiceId: null },
        after: { stripeInvoiceId: after.stripeInvoiceId },
      });
      return { result: "pushed", stripeInvoiceId: finalized.id };
    },
    // One Stripe call per line: longer than the default five seconds on a long invoice.
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** Queues the push of an issued invoice (one job per invoice; the job is a no-op once it is pushed). */
export async function enqueueInvoicePush(queues: Pick<Queues, "byName">, invoiceId: number): Promise<void> {
  // Gone once done: an invoice skipped while a draft is queued again once issued (the row lock and its
  // Stripe id, not the job id, keep a push from happening twice).
  // A failed push kept by BullMQ (or a completed one a restored database no longer knows) is replaced.
  await requeueJob(
    queues.byName.billing,
    "push-invoice",
    { invoiceId },
    { jobId: `push-invoice-${invoiceId}`, removeOnComplete: true },
  );
}

/** Issued invoices still waiting to be pushed (the sweep queues them), oldest first. */
export async function invoicesToPush(prisma: PrismaClient, limit = 500): Promise<number[]> {
  const rows = await prisma.invoice.findMany({
    where: { status: "pending", stripeInvoiceId: null },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Stripe's invoices here
// ---------------------------------------------------------------------------------------------

/** A Stripe invoice as Stripe has it now, with all its lines and its payments. */
export interface RemoteInvoice {
  invoice: Stripe.Invoice;
  lines: Stripe.InvoiceLineItem[];
}

export async function fetchStripeInvoice(stripe: StripeClient, id: string): Promise<RemoteInvoice> {
  const invoice = await stripe.invoices.retrieve(id, { expand: ["payments"] });
  const lines = invoice.lines?.has_more
    ? await stripe.invoices.listLineItems(id, { limit: 100 }).autoPagingToArray({ limit: 10_000 })
    : (invoice.lines?.data ?? []);
  return { invoice, lines };
}

/** The Stripe subscription an invoice bills, if any. */
export function subscriptionOfInvoice(invoice: Stripe.Invoice): string | null {
  const sub = invoice.parent?.subscription_details?.subscription;
  return sub ? idOf(sub as string | { id: string }) : null;
}

/**
 * Our invoice for a Stripe invoice, row-locked for the transaction: by its Stripe id, or by the id our
 * push put in its metadata (the push may not have stored the Stripe id yet when Stripe's event comes).
 */
export async function lockLocalInvoice(tx: Prisma.TransactionClient, remote: Stripe.Invoice): Promise<Invoice | null> {
  const ours = Number(remote.metadata?.invoice_id);
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM invoices
     WHERE stripe_invoice_id = ${remote.id} OR (${Number.isSafeInteger(ours) && ours > 0} AND id = ${ours || 0})
     ORDER BY (stripe_invoice_id = ${remote.id}) DESC NULLS LAST
     LIMIT 1 FOR UPDATE`;
  return rows[0] ? tx.invoice.findUniqueOrThrow({ where: { id: rows[0].id } }) : null;
}

/**
 * Mirrors a Stripe subscription invoice that we do not know: a draft of ours with Stripe's lines as its
 * items, issued by the invoicing's own issueInvoice (totals and VAT from the lines, the next legal
 * number, due date from the payment terms), dated when Stripe finalized it. Stripe charges the VAT of
 * the settings on subscriptions (gateway.ts), so both totals agree. Returns null when the Stripe customer
 * is not one of ours. Two events about the same new invoice mirror it once.
 */
export async function mirrorStripeInvoice(
  tx: Prisma.TransactionClient,
  remote: RemoteInvoice,
): Promise<Invoice | null> {
  const { invoice } = remote;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`stripe_invoice:${invoice.id}`}))`;
  const existing = await lockLocalInvoice(tx, invoice);
  if (existing) return existing;
  const stripeCustomer = idOf(invoice.customer as string | { id: string } | null);
  const customer = stripeCustomer
    ? await tx.customer.findUnique({ where: { stripeCustomerId: stripeCustomer }, select: { id: true } })
    : null;
  if (!customer) return null;
  const stripeSub = subscriptionOfInvoice(invoice);
  const subscription = stripeSub
    ? await tx.customerSubscription.findUnique({ where: { stripeSubscriptionId: stripeSub }, select: { id: true } })
    : null;

  const items = remote.lines.map((line) => {
    const quantity = line.quantity && line.quantity > 0 ? line.quantity : 1;
    const total = cents(fromStripeAmount(line.amount));
    return {
      description: (line.description ?? "Stripe").slice(0, 500),
      quantity,
      unitPrice: cents(total.div(quantity)),
      totalPrice: total,
    };
  });
  const issuedAt = fromStripeTime(invoice.status_transitions?.finalized_at ?? invoice.created);
  const draft = await tx.invoice.create({
    data: {
      customerId: customer.id,
      subscriptionId: subscription?.id ?? null,
      // Outside the legal sequence until issued, like every draft.
      invoiceNumber: `${INVOICE_PREFIX}-DRAFT-${customer.id}-${invoice.id}`,
      amount: ZERO,
      taxAmount: ZERO,
      totalAmount: ZERO,
      currency: invoice.currency.toUpperCase(),
      status: "draft",
      issuedAt,
      stripeInvoiceId: invoice.id,
      notes: `Stripe invoice ${invoice.number ?? invoice.id}`,
      items: { create: items },
    },
  });
  await writeAudit(tx, {
    action: "stripe.invoice_mirror",
    resourceType: "invoices",
    resourceId: draft.id,
    after: draft,
  });
  return issueInvoice(tx, draft.id, issuedAt);
}

/** The payment behind a paid Stripe invoice: its payment intent, if Stripe paid it. */
export function paidPaymentIntent(invoice: Stripe.Invoice): string | null {
  const payments = invoice.payments?.data ?? [];
  const paid = payments.find((p) => p.status === "paid") ?? payments[0];
  return paid?.payment?.payment_intent ? idOf(paid.payment.payment_intent as string | { id: string }) : null;
}
