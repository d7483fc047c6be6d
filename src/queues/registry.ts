// Which processor runs each job, the repeatable jobs, and the workers. Imported by the server and the
// worker only; workers run in `npm start` and `npm run worker`.
import { Worker, type Job } from "bullmq";
import { QUEUE_NAMES, createQueues, redisConnection, type JobDeps, type QueueName, type Queues } from "./queues.js";
import { purgeExpiredSessions } from "../modules/auth/jobs.js";
import { processMailJob } from "../lib/mailer.js";
import { sendPasswordResetMail } from "../modules/settings/service.js";
import { processDraftJob } from "../modules/ai-queue/drafts.js";
import { sendEmailLog, sweepEmailLog, type EmailLogRenderer } from "../modules/ai-queue/notifications.js";
import { REMINDER_TEMPLATE, renderReminderEmail } from "../modules/billing/dunning.js";
import { runInvoicePushJob, runStripeEventJob, sweepStripe } from "../modules/billing/stripe/jobs.js";
import { monthlyInvoicingJob } from "../modules/billing/invoicing.js";
import { renewSubscriptions } from "../modules/billing/subscriptions.js";
import { metricsSnapshotJob } from "../modules/analytics/jobs.js";

type Processor = (job: Job, deps: JobDeps) => Promise<unknown>;

/** email_log templates of other modules than the AI queue, and what renders them. */
const EMAIL_RENDERERS: Record<string, EmailLogRenderer> = {
  [REMINDER_TEMPLATE]: renderReminderEmail,
};

/** job name -> processor, per queue. Processors are idempotent: jobs are delivered at least once. */
const PROCESSORS: Record<QueueName, Record<string, Processor>> = {
  maintenance: {
    "purge-expired-sessions": (_job, deps) => purgeExpiredSessions(deps.prisma),
    // Billing (src/modules/billing/invoicing.ts): the month just ended is invoiced on the 1st; periods
    // of local subscriptions roll forward (and cancellations at period end take effect) every hour.
    "monthly-invoicing": async (job, deps) => {
      const queues = createQueues(deps.config.redisUrl, deps.config.queuePrefix);
      try {
        const stripeEnabled = Boolean(deps.config.stripe.secretKey);
        return await monthlyInvoicingJob(
          { ...deps, queues, stripeEnabled },
          job.data as { period?: string } | undefined,
        );
      } finally {
        await queues.close();
      }
    },
    "renew-subscriptions": (_job, deps) => renewSubscriptions(deps.prisma),
    // Analytics (src/modules/analytics/jobs.ts): the business_metrics row of the day just ended.
    "metrics-snapshot": (job, deps) => metricsSnapshotJob(deps.prisma, job),
  },
  mail: {
    send: (job, deps) => processMailJob(job, deps.config.mail),
    "password-reset": (job, deps) => sendPasswordResetMail({ ...deps, config: deps.config }, job.data),
    // Customer e-mails recorded in email_log (src/modules/ai-queue/notifications.ts): the AI queue's,
    // and the other modules' by their renderers.
    "send-email-log": (job, deps) => sendEmailLog({ ...deps, renderers: EMAIL_RENDERERS }, job),
    "sweep-email-log": async (_job, deps) => {
      const queues = createQueues(deps.config.redisUrl, deps.config.queuePrefix);
      try {
        return await sweepEmailLog(deps, queues);
      } finally {
        await queues.close();
      }
    },
  },
  // Claude drafts of AI requests (src/modules/ai-queue/drafts.ts).
  ai: {
    "generate-draft": (job, deps) => processDraftJob(job, deps),
  },
  // Stripe: webhook events, pushes of issued invoices, and the sweep (src/modules/billing/stripe/jobs.ts).
  billing: {
    "stripe-event": (job, deps) => runStripeEventJob(job, deps),
    "push-invoice": (job, deps) => runInvoicePushJob(job, deps),
    "sweep-stripe": async (_job, deps) => {
      const queues = createQueues(deps.config.redisUrl, deps.config.queuePrefix);
      try {
        return await sweepStripe(deps, queues);
      } finally {
        await queues.close();
      }
    },
  },
};

/** Repeatable jobs, keyed so that every start re-declares rather than duplicates them. */
const SCHEDULES: { queue: QueueName; name: string; pattern: string }[] = [
  { queue: "maintenance", name: "purge-expired-sessions", pattern: "17 * * * *" },
  { queue: "maintenance", name: "monthly-invoicing", pattern: "0 1 1 * *" },
  { queue: "maintenance", name: "renew-subscriptions", pattern: "5 * * * *" },
  { queue: "maintenance", name: "metrics-snapshot", pattern: "5 0 * * *" },
  { queue: "mail", name: "sweep-email-log", pattern: "*/5 * * * *" },
  { queue: "billing", name: "sweep-stripe", pattern: "*/10 * * * *" },
];

export async function scheduleRepeatableJobs(queues: Queues): Promise<void> {
  for (const s of SCHEDULES) {
    await queues.byName[s.queue].upsertJobScheduler(s.name, { pattern: s.pattern, tz: "UTC" }, { name: s.name });
  }
}

export interface Workers {
  workers: Worker[];
  close(): Promise<void>;
}

export function startWorkers(redisUrl: string, prefix: string, deps: JobDeps): Workers {
  const connection = redisConnection(redisUrl);
  const workers = QUEUE_NAMES.map((queueName) => {
    const processors = PROCESSORS[queueName];
    const worker = new Worker(
      queueName,
      async (job) => {
        const processor = processors[job.name];
        if (!processor) throw new Error(`No processor for job "${job.name}" on queue "${queueName}"`);
        return processor(job, deps);
      },
      { connection, prefix, concurrency: 4 },
    );
    worker.on("failed", (job, err) =>
      deps.log.warn({ queue: queueName, job: job?.name, id: job?.id, err: err.message }, "job failed"),
    );
    worker.on("error", (err) => deps.log.error({ queue: queueName, err: err.message }, "worker error"));
    return worker;
  });
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
