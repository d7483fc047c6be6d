// The billing module's maintenance jobs (the Stripe ones are in stripe/jobs.ts). Each handler imports
// its use case when it runs, so declaring them pulls no module code in.
import { z } from "zod";
import { defineJob, scheduleJob, ZNoData } from "../../queues/define-job.js";

/** The month just ended (or `period`) invoiced on the 1st (invoicing.ts). */
export const invoiceMonthJob = defineJob({
  queue: "maintenance",
  name: "monthly-invoicing",
  schema: z.object({ period: z.string().optional() }).nullish(),
  async handler(data, deps) {
    const { monthlyInvoicingJob } = await import("./invoicing.js");
    return monthlyInvoicingJob({ ...deps, stripeEnabled: Boolean(deps.config.stripe.secretKey) }, data ?? undefined);
  },
});

/** Periods of local subscriptions roll forward, and cancellations at period end take effect (subscriptions.ts). */
export const renewSubscriptionsJob = defineJob({
  queue: "maintenance",
  name: "renew-subscriptions",
  schema: ZNoData,
  async handler(_data, deps) {
    const { renewSubscriptions } = await import("./subscriptions.js");
    return renewSubscriptions(deps.prisma);
  },
});

export const billingJobs = [invoiceMonthJob, renewSubscriptionsJob];
export const billingSchedules = [
  scheduleJob(invoiceMonthJob, "0 1 1 * *"),
  scheduleJob(renewSubscriptionsJob, "5 * * * *"),
];
