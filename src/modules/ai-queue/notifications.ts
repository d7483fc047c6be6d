// Customer e-mails of the AI queue (received, in progress, completed, rejected). A transition records
// its e-mail in email_log inside its own transaction (so no transition loses its e-mail and no e-mail
// goes out for a transition that rolled back); a job sends it after the commit, retrying until SMTP
// answers. The (ai_request_id, template) unique key makes each e-mail happen once. Other modules' e-mails
// (billing's payment reminders) go through the same log, job and sweep, rendered by their own module.
import type { Job, JobsOptions } from "bullmq";
import type { Language, Prisma, PrismaClient } from "@prisma/client";
import { z } from "zod";
import type { Config } from "../../config.js";
import type { Logger } from "../../lib/logger.js";
import { sendMail, type MailMessage } from "../../lib/mailer.js";
import type { Queues } from "../../queues/queues.js";
import { renderEmail, subjectOf } from "./email-templates.js";
import type { RequestType } from "./schemas.js";

export const NOTIFICATION_EVENTS = ["received", "in_progress", "completed", "rejected"] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const templateOf = (event: NotificationEvent) => `ai_request.${event}`;

function eventOf(template: string): NotificationEvent | null {
  const event = template.startsWith("ai_request.") ? template.slice("ai_request.".length) : "";
  return (NOTIFICATION_EVENTS as readonly string[]).includes(event) ? (event as NotificationEvent) : null;
}

/**
 * 20 attempts, 5 s apart and doubling: an SMTP outage of up to about 60 days delays the e-mail, and
 * only then is it marked failed (and stays retryable by hand in Bull Board).
 */
export const NOTIFICATION_JOB_OPTIONS: JobsOptions = { attempts: 20, backoff: { type: "exponential", delay: 5_000 } };

/**
 * Records the e-mail of a transition, in the transition's transaction. Returns the email_log id, or
 * null when this e-mail was already recorded for the request (a retried transition).
 */
export async function recordNotification(
  tx: Prisma.TransactionClient,
  aiRequestId: number,
  event: NotificationEvent,
): Promise<number | null> {
  const request = await tx.aiRequest.findUniqueOrThrow({
    where: { id: aiRequestId },
    select: { customer: { select: { id: true, email: true, language: true } } },
  });
  const { customer } = request;
  const rows = await tx.emailLog.createManyAndReturn({
    data: [
      {
        template: templateOf(event),
        language: customer.language,
        toAddress: customer.email,
        subject: subjectOf(event, customer.language, aiRequestId),
        customerId: customer.id,
        aiRequestId,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  return rows[0]?.id ?? null;
}

/** After the commit: hands the recorded e-mails to the mail queue (job id = email_log id: sent once). */
export async function dispatchNotifications(
  queues: Pick<Queues, "byName">,
  emailLogIds: (number | null)[],
): Promise<void> {
  for (const id of emailLogIds) {
    if (id === null) continue;
    await queues.byName.mail.add(
      "send-email-log",
      { emailLogId: id },
      { ...NOTIFICATION_JOB_OPTIONS, jobId: `email-log-${id}` },
    );
  }
}

const ZSendEmailLogJob = z.object({ emailLogId: z.number().int().positive() });

/**
 * Renders a recorded e-mail of another module (e.g. billing's payment reminders), by the row's template;
 * `reason` when it must not be sent (retrying cannot help).
 */
export type EmailLogRenderer = (
  prisma: PrismaClient,
  row: { id: number; template: string; language: Language },
) => Promise<{ text: string; html: string } | { reason: string }>;

export interface NotificationJobDeps {
  prisma: PrismaClient;
  config: Pick<Config, "mail">;
  log?: Logger;
  /** Renderers of other modules' templates (src/queues/registry.ts); the AI queue's own are built in. */
  renderers?: Readonly<Record<string, EmailLogRenderer>>;
}

export type SendEmailLogResult = { sent: true; messageId: string } | { sent: false; reason: string };

/**
 * The `send-email-log` job of the mail queue: renders the recorded e-mail in its language from the
 * request as it is now, sends it, marks it sent. Idempotent: an e-mail already sent is not sent again
 * (a retry after the SMTP server took the message but before the row was marked can still send it
 * twice, which no mail sender can rule out). An SMTP error is counted on the row and rethrown for
 * BullMQ to retry with backoff; the row turns failed only after the job's last attempt.
 */
export async function sendEmailLog(
  deps: NotificationJobDeps,
  job: Pick<Job, "data" | "attemptsMade" | "opts">,
): Promise<SendEmailLogResult> {
  const { emailLogId } = ZSendEmailLogJob.parse(job.data);
  const row = await deps.prisma.emailLog.findUnique({
    where: { id: emailLogId },
    select: {
      id: true,
      template: true,
      language: true,
      toAddress: true,
      subject: true,
      status: true,
      aiRequest: {
        select: {
          id: true,
          requestType: true,
          businessType: true,
          generatedContent: true,
          adminNotes: true,
          customer: { select: { name: true } },
        },
      },
    },
  });
  if (!row) return { sent: false, reason: "no such e-mail" };
  if (row.status === "sent") return { sent: false, reason: "already sent" };
  const event = eventOf(row.template);
  const request = row.aiRequest;
  const external = deps.renderers?.[row.template];
  const rendered = external
    ? await external(deps.prisma, { id: row.id, template: row.template, language: row.language })
    : event && request
      ? renderEmail(event, row.language, {
          id: request.id,
          requestType: request.requestType as RequestType,
          businessType: request.businessType,
          customerName: request.customer.name,
          generatedContent: request.generatedContent,
          adminNotes: request.adminNotes,
        })
      : { reason: event ? "the AI request no longer exists" : `unknown template ${row.template}` };
  if ("reason" in rendered) {
    // Nothing to send (an unknown template, the request deleted, what it was about settled): retrying cannot help.
    const { reason } = rendered;
    await deps.prisma.emailLog.updateMany({
      where: { id: row.id, status: "queued" },
      data: { status: "failed", lastError: reason },
    });
    deps.log?.warn({ emailLogId: row.id, reason }, "e-mail not sent");
    return { sent: false, reason };
  }
  // The subject recorded with the transition, so that the log says what the customer received.
  const message: MailMessage = {
    to: row.toAddress,
    subject: row.subject,
    text: rendered.text,
    html: rendered.html,
  };
  let messageId: string;
  try {
    messageId = await sendMail(deps.config.mail, message);
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

/** An e-mail still queued this long after its transition has lost its job (e.g. a crash before the enqueue). */
export const STALE_QUEUED_MS = 10 * 60_000;

/**
 * The repeatable `sweep-email-log` job: hands e-mails still queued after STALE_QUEUED_MS back to the
 * mail queue. Those whose job is waiting or retrying are left alone (same job id: adding is a no-op);
 * a job that failed without marking its row (e.g. stalled too often) is retried.
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
    const existing = await queues.byName.mail.getJob(`email-log-${id}`);
    const state = existing ? await existing.getState() : "unknown";
    if (existing && state === "failed") {
      await existing.retry("failed");
      redispatched++;
    } else if (!existing || state === "completed" || state === "unknown") {
      // A completed job with its row still queued was removed or cut short: start it again.
      if (existing) await existing.remove();
      await dispatchNotifications(queues, [id]);
      redispatched++;
    }
  }
  if (redispatched > 0) deps.log?.info({ redispatched }, "queued e-mails handed back to the mail queue");
  return { redispatched };
}
