// The e-mail outbox. Mail leaves from jobs of the `mail` queue, never from inside a request, so an SMTP
// outage delays mail but neither loses it nor fails the click that asked for it.
//
// Two ways in:
// - enqueueMail: a message sent as it is (the `send` job);
// - email_log: a customer e-mail recorded in the transaction of what caused it (so none is lost and
//   none goes out for a change that rolled back), handed to the queue after the commit
//   (dispatchNotifications), then rendered by its module's renderer from the data as it is when it
//   leaves and sent with retries (the `send-email-log` job). A sweep hands back rows whose job was lost.
import type { Job, JobsOptions } from "bullmq";
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import type { Config } from "../../config.js";
import type { Logger } from "../logger.js";
// A type only: the registry imports the mail jobs, not the other way round.
import type { Queues } from "../../queues/queues.js";
import { requeueJob } from "../../queues/requeue.js";
import { MAIL_JOB_OPTIONS, sendMail, ZMailMessage, type MailMessage } from "./mailer.js";
import type { EmailRenderers } from "./renderers.js";

/** Job names of the mail queue's outbox. */
export const SEND_MAIL = "send";
export const SEND_EMAIL_LOG = "send-email-log";
export const SWEEP_EMAIL_LOG = "sweep-email-log";

/** Queues a message for the `send` job of the mail queue. */
export async function enqueueMail(queues: Pick<Queues, "byName">, message: MailMessage): Promise<void> {
  await queues.byName.mail.add(SEND_MAIL, ZMailMessage.parse(message), MAIL_JOB_OPTIONS);
}

/**
 * 20 attempts, 5 s apart and doubling: an SMTP outage of up to about 60 days delays the e-mail, and
 * only then is it marked failed (and stays retryable by hand in Bull Board).
 */
export const EMAIL_LOG_JOB_OPTIONS: JobsOptions = { attempts: 20, backoff: { type: "exponential", delay: 5_000 } };

/** After the commit: hands the recorded e-mails to the mail queue (job id = email_log id: sent once). */
export async function dispatchNotifications(
  queues: Pick<Queues, "byName">,
  emailLogIds: (number | null)[],
): Promise<void> {
  for (const id of emailLogIds) {
    if (id === null) continue;
    await queues.byName.mail.add(
      SEND_EMAIL_LOG,
      { emailLogId: id },
      { ...EMAIL_LOG_JOB_OPTIONS, jobId: `email-log-${id}` },
    );
  }
}

export const ZSendEmailLogJob = z.object({ emailLogId: z.number().int().positive() });

export interface OutboxDeps {
  prisma: PrismaClient;
  config: Pick<Config, "mail">;
  log?: Logger;
  /** The modules' renderers, by email_log template (collectEmailRenderers). */
  renderers?: EmailRenderers;
}

export type SendEmailLogResult = { sent: true; messageId: string } | { sent: false; reason: string };

/**
 * The `send-email-log` job of the mail queue: renders the recorded e-mail in its language by its
 * template's renderer, sends it, marks it sent. Idempotent: an e-mail already sent is not sent again
 * (a retry after the SMTP server took the message but before the row was marked can still send it
 * twice, which no mail sender can rule out). An SMTP error is counted on the row and rethrown for
 * BullMQ to retry with backoff; the row turns failed only after the job's last attempt.
 */
export async function sendEmailLog(
  deps: OutboxDeps,
  job: Pick<Job, "data" | "attemptsMade" | "opts">,
): Promise<SendEmailLogResult> {
  const { emailLogId } = ZSendEmailLogJob.parse(job.data);
  const row = await deps.prisma.emailLog.findUnique({
    where: { id: emailLogId },
    select: { id: true, template: true, language: true, toAddress: true, subject: true, status: true },
  });
  if (!row) return { sent: false, reason: "no such e-mail" };
  if (row.status === "sent") return { sent: false, reason: "already sent" };
  const render = deps.renderers?.[row.template];
  const rendered = render
    ? await render(deps.prisma, { id: row.id, template: row.template, language: row.language })
    : { reason: `unknown template ${row.template}` };
  if ("reason" in rendered) {
    // Nothing to send (an unknown template, what it was about deleted or settled): retrying cannot help.
    const { reason } = rendered;
    await deps.prisma.emailLog.updateMany({
      where: { id: row.id, status: "queued" },
      data: { status: "failed", lastError: reason },
    });
    deps.log?.warn({ emailLogId: row.id, reason }, "e-mail not sent");
    return { sent: false, reason };
  }
  // The subject recorded with the e-mail, so that the log says what the customer received.
  const message: MailMessage = {
    to: row.toAddress,
    subject: row.subject,
    text: rendered.text,
    html: rendered.html,
    ...(rendered.messageId ? { messageId: rendered.messageId } : {}),
    ...(rendered.inReplyTo ? { inReplyTo: rendered.inReplyTo } : {}),
    ...(rendered.references ? { references: rendered.references } : {}),
  };
  let messageId: string;
  try {
    messageId = await sendMail(deps.config.mail, message, { prisma: deps.prisma, emailLogId: row.id });
  } catch (err) {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await deps.prisma.emailLog.updateMany({
      where: { id: row.id, status: "queued" },
      data: {
        attempts: { increment: 1 },
        lastError: (err instanceof Error ? err.message : String(err)).slice(0, 2000),
        ...(lastAttempt ? { status: "failed" as const } : {}),
      },
    });
    throw err;
  }
  // Conditional: a concurrent run that already marked it keeps its own messageId.
  await deps.prisma.emailLog.updateMany({
    where: { id: row.id, status: { not: "sent" } },
    data: { status: "sent", sentAt: new Date(), messageId, attempts: { increment: 1 } },
  });
  return { sent: true, messageId };
}

/** An e-mail still queued this long after it was recorded has lost its job (e.g. a crash before the enqueue). */
export const STALE_QUEUED_MS = 10 * 60_000;

/**
 * The repeatable `sweep-email-log` job: hands e-mails still queued after STALE_QUEUED_MS back to the
 * mail queue (requeueJob). Those whose job is waiting or retrying are left alone; a job that completed
 * or failed without marking its row (stalled too often, cut short, or a database restored behind Redis's
 * back) is replaced by a new one under the same id.
 */
export async function sweepEmailLog(
  deps: { prisma: PrismaClient; log?: Logger },
  queues: Pick<Queues, "byName">,
  now = new Date(),
): Promise<{ redispatched: number }> {
  const stale = await deps.prisma.emailLog.findMany({
    where: { status: "queued", createdAt: { lt: new Date(now.getTime() - STALE_QUEUED_MS) } },
    select: { id: true },
    orderBy: { id: "asc" },
    take: 1_000,
  });
  let redispatched = 0;
  for (const { id } of stale) {
    const outcome = await requeueJob(
      queues.byName.mail,
      SEND_EMAIL_LOG,
      { emailLogId: id },
      { ...EMAIL_LOG_JOB_OPTIONS, jobId: `email-log-${id}` },
    );
    if (outcome !== "pending") redispatched++;
  }
  if (redispatched > 0) deps.log?.info({ redispatched }, "queued e-mails handed back to the mail queue");
  return { redispatched };
}
