// The Stripe sweep (every ten minutes): queues again what a lost job left behind, events never picked
// up and issued invoices not pushed. Idempotent: the event row and the invoice's Stripe id say what is
// already done.
import type { JobDeps, Queues } from "../../../queues/queues.js";
import { enqueueStripeEvent, stalledEvents } from "./events.js";
import { enqueueInvoicePush, invoicesToPush } from "./invoices.js";

export async function sweepStripe(deps: Pick<JobDeps, "prisma" | "config">, queues: Pick<Queues, "byName">) {
  const events = await stalledEvents(deps.prisma);
  for (const id of events) await enqueueStripeEvent(queues, id);
  const invoices = deps.config.stripe.secretKey ? await invoicesToPush(deps.prisma) : [];
  for (const id of invoices) await enqueueInvoicePush(queues, id);
  return { events: events.length, invoices: invoices.length };
}
