// Outgoing e-mail: nodemailer over SMTP_URL, sent as MAIL_FROM. Mail leaves from a job of the `mail`
// queue, never from inside a request: an SMTP outage delays mail (the job retries for about a day,
// then stays in Bull Board where it can be retried by hand) but neither loses it nor fails the click
// that asked for it.
import nodemailer, { type Transporter } from "nodemailer";
import type { JobsOptions } from "bullmq";
import { z } from "zod";

export interface MailSettings {
  smtpUrl: string;
  from: string;
}

export const ZMailMessage = z.object({
  to: z.string().trim().min(3),
  subject: z.string().min(1),
  text: z.string(),
  /** An HTML alternative of the same message, when there is one. */
  html: z.string().optional(),
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

/** Sends one message now; throws when the SMTP server refuses it or cannot be reached. */
export async function sendMail(settings: MailSettings, message: MailMessage): Promise<string> {
  const info = (await transport(settings.smtpUrl).sendMail({ from: settings.from, ...message })) as {
    messageId?: string;
  };
  return info.messageId ?? "";
}
