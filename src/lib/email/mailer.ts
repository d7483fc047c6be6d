// Outgoing e-mail: nodemailer over SMTP_URL, sent as MAIL_FROM. Mail leaves from a job of the `mail`
// queue, never from inside a request: an SMTP outage delays mail (the job retries for about a day,
// then stays in Bull Board where it can be retried by hand) but neither loses it nor fails the click
// that asked for it.
//
// Without SMTP_URL (allowed outside production only, src/config.ts) mail is caught instead of sent: each
// message is kept in caught_emails, readable in the back-office (Settings > Caught e-mails), and counts
// as delivered, so nothing retries or fails for want of an SMTP server in development.
import nodemailer, { type Transporter } from "nodemailer";
import type { JobsOptions } from "bullmq";
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";

export interface MailSettings {
  /** Unset: the message is caught (caught_emails), never sent. */
  smtpUrl?: string;
  from: string;
}

/** Where a message is kept when there is no SMTP server: the database, and the email_log row it is. */
export interface MailCatcher {
  prisma: Pick<PrismaClient, "caughtEmail">;
  emailLogId?: number | null;
}

export const ZMailMessage = z.object({
  to: z.string().trim().min(3),
  cc: z.string().trim().min(3).optional(),
  subject: z.string().min(1),
  text: z.string(),
  /** An HTML alternative of the same message, when there is one. */
  html: z.string().optional(),
  /** Threading (RFC 5322 3.6.4): the message's own id, set by the sender, and the ids it answers. */
  messageId: z.string().optional(),
  inReplyTo: z.string().optional(),
  references: z.string().optional(),
});
export type MailMessage = z.infer<typeof ZMailMessage>;

/** 15 attempts, 5 s apart and doubling: the last one comes about 23 hours after the first. */
export const MAIL_JOB_OPTIONS: JobsOptions = { attempts: 15, backoff: { type: "exponential", delay: 5_000 } };

const transports = new Map<string, Transporter>();

function transport(smtpUrl: string): Transporter {
  let found = transports.get(smtpUrl);
  if (!found) {
    found = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, found);
  }
  return found;
}

/** The message id a caught e-mail is given (stored on its email_log row like a real one). */
export function caughtMessageId(caughtId: number): string {
  return `<caught-${caughtId}@locod-ai.local>`;
}

/** Keeps one message in caught_emails instead of sending it; returns its message id. */
export async function catchMail(
  settings: Pick<MailSettings, "from">,
  message: MailMessage,
  catcher: MailCatcher,
): Promise<string> {
  const row = await catcher.prisma.caughtEmail.create({
    data: {
      fromAddress: settings.from,
      toAddress: message.to,
      cc: message.cc ?? null,
      subject: message.subject,
      text: message.text,
      html: message.html ?? null,
      emailLogId: catcher.emailLogId ?? null,
    },
    select: { id: true },
  });
  return caughtMessageId(row.id);
}

/**
 * Sends one message now; throws when the SMTP server refuses it or cannot be reached. Without an SMTP
 * URL the message is caught (catchMail) instead: it then needs the catcher's database.
 */
export async function sendMail(settings: MailSettings, message: MailMessage, catcher?: MailCatcher): Promise<string> {
  if (!settings.smtpUrl) {
    if (!catcher) throw new Error("SMTP_URL is not set and this e-mail has no database to be caught in");
    return catchMail(settings, message, catcher);
  }
  const info = (await transport(settings.smtpUrl).sendMail({ from: settings.from, ...message })) as {
    messageId?: string;
  };
  return info.messageId ?? "";
}
