// The billing queue's Stripe jobs: one per stored event, one per invoice to push, and a sweep every ten
// minutes that queues again what a lost job left behind. Each is idempotent: the event row and the
// invoice's Stripe id say what is already done. Each handler imports its use case when it runs, so
// declaring them pulls no module code in.
import { z } from "zod";
import { defineJob, scheduleJob, ZNoData } from "../../../queues/define-job.js";

/** A Stripe event stored by the webhook (events.ts), applied from Stripe's current state. */
export const stripeEventJob = defineJob({
  queue: "billing",
  name: "stripe-event",
  schema: z.object({ eventId: z.string().min(1) }),
  async handler(data, deps) {
    const [{ stripeClientFor }, { processStripeEvent }] = await Promise.all([
      import("./client.js"),
      import("./events.js"),
    ]);
    return processStripeEvent({ prisma: deps.prisma, stripe: stripeClientFor(deps.config.stripe) }, data.eventId);
  },
});

/** An issued invoice pushed to Stripe (invoices.ts); skipped while Stripe is not configured. */
export const pushInvoiceJob = defineJob({
  queue: "billing",
  name: "push-invoice",
  schema: z.object({ invoiceId: z.number().int().positive() }),
  async handler(data, deps) {
    const { stripeClientFor } = await import("./client.js");
    const stripe = stripeClientFor(deps.config.stripe);
    if (!stripe) return { result: "skipped", reason: "Stripe is not configured" };
    const { pushInvoice } = await import("./invoices.js");
    return pushInvoice({ prisma: deps.prisma, stripe }, data.invoiceId);
  },
});

export const sweepStripeJob = defineJob({
  queue: "billing",
  name: "sweep-stripe",
  schema: ZNoData,
  async handler(_data, deps) {
    const { sweepStripe } = await import("./sweep.js");
    return sweepStripe(deps, deps.queues);
  },
});

export const stripeJobs = [stripeEventJob, pushInvoiceJob, sweepStripeJob];
export const stripeSchedules = [scheduleJob(sweepStripeJob, "*/10 * * * *")];
