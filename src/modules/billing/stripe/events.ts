// Stripe events (issue 5, item 5): stored once under their id by the webhook, processed by a job of the
// billing queue. Stripe delivers at least once and in no particular order, so:
// - the webhook's INSERT ... ON CONFLICT DO NOTHING makes a redelivery a no-op, and the job id is the
//   event id, so one event is one job;
// - a job locks its event row and does nothing when the row is already processed, so even a second
//   run of the same event has no second effect;
// - where order matters (invoices, subscriptions, refunds) the object is fetched again from Stripe and
//   its current state applied, rather than the state the event carried when it was sent.
import type { Invoice, Prisma, PrismaClient, StripeEventStatus } from "@prisma/client";
import type Stripe from "stripe";
import { writeAudit } from "../../../lib/audit.js";
import type { Queues } from "../../../queues/queues.js";
import { raiseBillingAlert } from "./alerts.js";
import { fromStripeAmount, fromStripeTime, idOf, type StripeClient } from "./client.js";
import {
  fetchStripeInvoice,
  lockLocalInvoice,
  mirrorStripeInvoice,
  paidPaymentIntent,
  subscriptionOfInvoice,
  type RemoteInvoice,
} from "./invoices.js";
import { syncStripeRefunds } from "./refunds.js";
import { applyStripeSubscription, NotYetVisibleError } from "./subscription-state.js";
import { requeueJob } from "../../../queues/requeue.js";

/** The event types the portal acts on; any other is stored as ignored. */
export const HANDLED_EVENT_TYPES = [
  "invoice.paid",
  "invoice.payment_failed",
  "invoice.finalized",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "charge.refunded",
  "charge.dispute.created",
] as const;

export const isHandledEventType = (type: string): boolean => (HANDLED_EVENT_TYPES as readonly string[]).includes(type);

/** Job options of an event: retried with backoff (5 s, 10 s, 20 s... about 20 minutes in all). */
export const EVENT_JOB_OPTIONS = { attempts: 8, backoff: { type: "exponential", delay: 5_000 } } as const;

export interface ReceivedEvent {
  id: string;
  type: string;
}

/**
 * Stores a verified event under its id and queues its processing. A redelivered event is not stored
 * again; it is queued again only if it was never picked up (a queue outage after the insert), and the
 * job id (the event id) keeps that from making a second job.
 */
export async function receiveStripeEvent(
  deps: { prisma: PrismaClient; queues: Pick<Queues, "byName"> },
  event: Stripe.Event,
): Promise<{ stored: boolean; status: StripeEventStatus }> {
  const handled = isHandledEventType(event.type);
  const status: StripeEventStatus = handled ? "received" : "ignored";
  const stored = await deps.prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO stripe_events (id, type, payload, status, processed_at)
      VALUES (${event.id}, ${event.type}, ${JSON.stringify(event)}::jsonb, ${status}::stripe_event_status,
              ${handled ? null : new Date()})
      ON CONFLICT (id) DO NOTHING
      RETURNING id`;
    if (!rows.length) return false;
    await writeAudit(tx, {
      action: "stripe_event.receive",
      resourceType: "stripe_events",
      resourceId: event.id,
      after: { id: event.id, type: event.type, status },
    });
    return true;
  });
  const row = stored
    ? { status }
    : await deps.prisma.stripeEvent.findUniqueOrThrow({ where: { id: event.id }, select: { status: true } });
  if (row.status === "received") await enqueueStripeEvent(deps.queues, event.id);
  return { stored, status: row.status };
}

/**
 * Queues the processing of a stored event (job id = event id). A job of that id already completed or
 * failed is replaced (requeueJob): the row, not Redis, says whether the event is still to process.
 */
export async function enqueueStripeEvent(queues: Pick<Queues, "byName">, eventId: string): Promise<void> {
  await requeueJob(queues.byName.billing, "stripe-event", { eventId }, { jobId: eventId, ...EVENT_JOB_OPTIONS });
}

/** Events stored but never processed for `olderThanMs` (their job was lost): the sweep queues them again. */
export async function stalledEvents(prisma: PrismaClient, olderThanMs = 10 * 60_000, now = new Date()) {
  const rows = await prisma.stripeEvent.findMany({
    where: { status: "received", receivedAt: { lt: new Date(now.getTime() - olderThanMs) } },
    orderBy: { receivedAt: "asc" },
    take: 500,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export interface EventDeps {
  prisma: PrismaClient;
  /** Null without STRIPE_SECRET_KEY: events that need a fetch from Stripe then fail, and are retried. */
  stripe: StripeClient | null;
}

type Outcome = { status: "processed" | "ignored"; note?: string };
type Effect = (tx: Prisma.TransactionClient) => Promise<Outcome>;

/**
 * Runs an event's effect and marks it done in one transaction, under the event row's lock: a second
 * run waits, then finds it processed and does nothing.
 */
async function settle(prisma: PrismaClient, eventId: string, effect: Effect): Promise<StripeEventStatus> {
  return prisma.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ status: StripeEventStatus; type: string }[]>`
        SELECT status::text AS status, type FROM stripe_events WHERE id = ${eventId} FOR UPDATE`;
      const row = rows[0];
      if (!row) throw new Error(`Stripe event ${eventId} is not stored`);
      if (row.status === "processed" || row.status === "ignored") return row.status;
      const outcome = await effect(tx);
      await tx.stripeEvent.update({
        where: { id: eventId },
        data: {
          status: outcome.status,
          processedAt: new Date(),
          error: outcome.note ?? null,
          attempts: { increment: 1 },
        },
      });
      await writeAudit(tx, {
        action: `stripe_event.${outcome.status}`,
        resourceType: "stripe_events",
        resourceId: eventId,
        before: { id: eventId, status: row.status },
        after: { id: eventId, type: row.type, status: outcome.status, note: outcome.note ?? null },
      });
      return outcome.status;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

function requireStripe(deps: EventDeps): StripeClient {
  if (!deps.stripe) throw new Error("Stripe is not configured (STRIPE_SECRET_KEY): the event cannot be fetched");
  return deps.stripe;
}

/** How a Stripe payment was made ("card", "sepa_debit"...), for invoices.payment_method. */
async function paymentMethodOf(stripe: StripeClient, paymentIntent: string | null): Promise<string> {
  if (!paymentIntent) return "stripe";
  const intent = await stripe.paymentIntents.retrieve(paymentIntent, { expand: ["payment_method"] });
  const method = intent.payment_method;
  return method && typeof method !== "string" && method.type ? method.type : "stripe";
}

async function markPaid(
  tx: Prisma.TransactionClient,
  invoice: Invoice,
  remote: Stripe.Invoice,
  payment: { intent: string | null; method: string },
): Promise<Outcome> {
  if (invoice.status === "paid" || invoice.status === "refunded") {
    if (invoice.stripePaymentIntentId || !payment.intent) return { status: "processed", note: "already paid" };
  }
  const paidAt = remote.status_transitions?.paid_at ? fromStripeTime(remote.status_transitions.paid_at) : new Date();
  const data = {
    status: invoice.status === "refunded" ? ("refunded" as const) : ("paid" as const),
    paidAt: invoice.paidAt ?? paidAt,
    paymentMethod: payment.method,
    stripePaymentIntentId: payment.intent ?? invoice.stripePaymentIntentId,
    stripeInvoiceId: invoice.stripeInvoiceId ?? remote.id,
  };
  // An issued invoice only (its row is locked by the caller): a draft is never paid.
  const updated = await tx.invoice.updateMany({
    where: { id: invoice.id, status: { in: ["pending", "failed", "paid", "refunded"] } },
    data,
  });
  if (!updated.count) return { status: "processed", note: `invoice ${invoice.invoiceNumber} unchanged` };
  await writeAudit(tx, {
    action: "invoice.stripe_paid",
    resourceType: "invoices",
    resourceId: invoice.id,
    before: {
      status: invoice.status,
      paidAt: invoice.paidAt,
      paymentMethod: invoice.paymentMethod,
      stripePaymentIntentId: invoice.stripePaymentIntentId,
      stripeInvoiceId: invoice.stripeInvoiceId,
    },
    after: data,
  });
  return { status: "processed" };
}

async function markFailed(tx: Prisma.TransactionClient, invoice: Invoice, remote: Stripe.Invoice): Promise<Outcome> {
  if (invoice.status === "pending") {
    await tx.invoice.updateMany({ where: { id: invoice.id, status: "pending" }, data: { status: "failed" } });
    await writeAudit(tx, {
      action: "invoice.stripe_payment_failed",
      resourceType: "invoices",
      resourceId: invoice.id,
      before: { status: "pending" },
      after: { status: "failed" },
    });
  }
  await raiseBillingAlert(tx, {
    kind: "payment_failed",
    invoiceId: invoice.id,
    customerId: invoice.customerId,
    subject: `invoice:${invoice.id}`,
    details: {
      invoiceNumber: invoice.invoiceNumber,
      stripeInvoiceId: remote.id,
      amountDue: fromStripeAmount(remote.amount_due).toFixed(2),
      attempts: remote.attempt_count,
    },
  });
  return { status: "processed" };
}

/** invoice.paid, invoice.payment_failed, invoice.finalized: Stripe's invoice as it is now decides. */
async function handleInvoiceEvent(deps: EventDeps, eventId: string, type: string, objectId: string) {
  const stripe = requireStripe(deps);
  const remote: RemoteInvoice = await fetchStripeInvoice(stripe, objectId);
  const paid = remote.invoice.status === "paid";
  const intent = paid ? paidPaymentIntent(remote.invoice) : null;
  const method = paid ? await paymentMethodOf(stripe, intent) : "stripe";

  return settle(deps.prisma, eventId, async (tx) => {
    let invoice = await lockLocalInvoice(tx, remote.invoice);
    if (!invoice) {
      if (!subscriptionOfInvoice(remote.invoice)) {
        return { status: "ignored", note: `Stripe invoice ${objectId} is neither ours nor a subscription's` };
      }
      if (remote.invoice.status === "draft" || remote.invoice.status === "void") {
        return { status: "ignored", note: `Stripe invoice ${objectId} is ${remote.invoice.status}` };
      }
      invoice = await mirrorStripeInvoice(tx, remote);
      if (!invoice) return { status: "ignored", note: `Stripe invoice ${objectId} is not for one of our customers` };
    } else if (!invoice.stripeInvoiceId) {
      await tx.invoice.update({ where: { id: invoice.id }, data: { stripeInvoiceId: remote.invoice.id } });
      await writeAudit(tx, {
        action: "stripe.invoice_link",
        resourceType: "invoices",
        resourceId: invoice.id,
        before: { stripeInvoiceId: null },
        after: { stripeInvoiceId: remote.invoice.id },
      });
      invoice = { ...invoice, stripeInvoiceId: remote.invoice.id };
    }
    if (paid) return markPaid(tx, invoice, remote.invoice, { intent, method });
    if (type === "invoice.payment_failed" && remote.invoice.status === "open") {
      return markFailed(tx, invoice, remote.invoice);
    }
    return { status: "processed" };
  });
}

/** customer.subscription.*: the subscription as Stripe has it now is applied. */
async function handleSubscriptionEvent(deps: EventDeps, eventId: string, objectId: string) {
  const remote = await requireStripe(deps).subscriptions.retrieve(objectId);
  return settle(deps.prisma, eventId, async (tx) => {
    const outcome = await applyStripeSubscription(tx, remote);
    if (outcome.result === "ignored") return { status: "ignored", note: outcome.reason };
    return { status: "processed", note: `subscription #${outcome.subscriptionId} ${outcome.result}` };
  });
}

async function invoiceOfPayment(db: Prisma.TransactionClient | PrismaClient, paymentIntent: string | null) {
  if (!paymentIntent) return null;
  return db.invoice.findFirst({
    where: { stripePaymentIntentId: paymentIntent },
    select: { id: true, customerId: true, invoiceNumber: true },
  });
}

/** charge.refunded: Stripe's refunds of the charge, listed now, are recorded against its invoice. */
async function handleChargeRefunded(deps: EventDeps, eventId: string, charge: Stripe.Charge) {
  const stripe = requireStripe(deps);
  const refunds = await stripe.refunds.list({ charge: charge.id, limit: 100 }).autoPagingToArray({ limit: 10_000 });
  const paymentIntent = idOf(charge.payment_intent as string | { id: string } | null);
  return settle(deps.prisma, eventId, async (tx) => {
    const invoice = await invoiceOfPayment(tx, paymentIntent);
    // The invoice.paid that names this payment may come after this event: retried until it has.
    if (!invoice) throw new NotYetVisibleError(`No invoice is paid by ${paymentIntent ?? charge.id} yet`);
    const synced = await syncStripeRefunds(tx, invoice.id, refunds);
    return {
      status: "processed",
      note: `${synced.recorded} refund(s) recorded, ${synced.updated} updated; invoice ${synced.invoice.status}`,
    };
  });
}

/** charge.dispute.created: a billing alert, once per dispute. */
async function handleDispute(deps: EventDeps, eventId: string, dispute: Stripe.Dispute) {
  const paymentIntent = idOf(dispute.payment_intent as string | { id: string } | null);
  return settle(deps.prisma, eventId, async (tx) => {
    const invoice = await invoiceOfPayment(tx, paymentIntent);
    await raiseBillingAlert(tx, {
      kind: "dispute_created",
      invoiceId: invoice?.id ?? null,
      customerId: invoice?.customerId ?? null,
      subject: `dispute:${dispute.id}`,
      details: {
        disputeId: dispute.id,
        charge: idOf(dispute.charge as string | { id: string }),
        amount: fromStripeAmount(dispute.amount).toFixed(2),
        reason: dispute.reason,
        invoiceNumber: invoice?.invoiceNumber ?? null,
      },
    });
    return { status: "processed" };
  });
}

/**
 * The job: processes one stored event. A failure marks the row failed with its error and throws, so
 * the queue retries it with backoff; a later success marks it processed.
 */
export async function processStripeEvent(deps: EventDeps, eventId: string): Promise<StripeEventStatus> {
  const row = await deps.prisma.stripeEvent.findUnique({ where: { id: eventId } });
  if (!row) throw new Error(`Stripe event ${eventId} is not stored`);
  if (row.status === "processed" || row.status === "ignored") return row.status;
  const event = row.payload as unknown as Stripe.Event;
  const object = event.data?.object as unknown as { id: string };
  try {
    switch (row.type) {
      case "invoice.paid":
      case "invoice.payment_failed":
      case "invoice.finalized":
        return await handleInvoiceEvent(deps, eventId, row.type, object.id);
      case "customer.subscription.created":
      case "customer.subscription.updated":
      case "customer.subscription.deleted":
        return await handleSubscriptionEvent(deps, eventId, object.id);
      case "charge.refunded":
        return await handleChargeRefunded(deps, eventId, object as unknown as Stripe.Charge);
      case "charge.dispute.created":
        return await handleDispute(deps, eventId, object as unknown as Stripe.Dispute);
      default:
        return await settle(deps.prisma, eventId, async () => ({ status: "ignored", note: "not handled" }));
    }
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    await deps.prisma.$transaction(async (tx) => {
      const failed = await tx.stripeEvent.updateMany({
        where: { id: eventId, status: { in: ["received", "failed"] } },
        data: { status: "failed", error: message, attempts: { increment: 1 } },
      });
      if (failed.count) {
        await writeAudit(tx, {
          action: "stripe_event.failed",
          resourceType: "stripe_events",
          resourceId: eventId,
          after: { id: eventId, type: row.type, status: "failed", error: message },
        });
      }
    });
    throw error;
  }
}
