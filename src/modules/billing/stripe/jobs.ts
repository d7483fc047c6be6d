// The billing queue's Stripe jobs: one per stored event, one per invoice to push, and a sweep every ten
// minutes that queues again what a lost job left behind (events never picked up, issued invoices not
// pushed). Each is idempotent: the event row and the invoice's Stripe id say what is already done.
import type { Job } from "bullmq";
import type { JobDeps, Queues } from "../../../queues/queues.js";
import { stripeClientFor } from "./client.js";
import { enqueueStripeEvent, processStripeEvent, stalledEvents } from "./events.js";
import { enqueueInvoicePush, invoicesToPush, pushInvoice } from "./invoices.js";

export function runStripeEventJob(job: Job<{ eventId: string }>, deps: JobDeps) {
  return processStripeEvent({ prisma: deps.prisma, stripe: stripeClientFor(deps.config.stripe) }, job.data.eventId);
}

export async function runInvoicePushJob(job: Job<{ invoiceId: number }>, deps: JobDeps) {
  const stripe = stripeClientFor(deps.config.stripe);
  if (!stripe) return { result: "skipped", reason: "Stripe is not configured" };
  return pushInvoice({ prisma: deps.prisma, stripe }, job.data.invoiceId);
}

export async function sweepStripe(deps: JobDeps, queues: Pick<Queues, "byName">) {
  const events = await stalledEvents(deps.prisma);
  for (const id of events) await enqueueStripeEvent(queues, id);
  const invoices = deps.config.stripe.secretKey ? await invoicesToPush(deps.prisma) : [];
  for (const id of invoices) await enqueueInvoicePush(queues, id);
  return { events: events.length, invoices: invoices.length };
}
