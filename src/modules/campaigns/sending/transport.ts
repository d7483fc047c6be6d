// The campaign sender's SMTP connection: a nodemailer pool (several connections reused across messages,
// as a steady rate needs), one per SMTP URL. Without SMTP_URL (outside production) messages are caught
// in caught_emails like the outbox's.
import nodemailer, { type Transporter } from "nodemailer";

const pools = new Map<string, Transporter>();

export function campaignTransport(smtpUrl: string): Transporter {
  let pool = pools.get(smtpUrl);
  if (!pool) {
    const url = new URL(smtpUrl);
    pool = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port || (url.protocol === "smtps:" ? 465 : 587)),
      secure: url.protocol === "smtps:",
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      pool: true,
      maxConnections: 8,
      maxMessages: Infinity,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    pools.set(smtpUrl, pool);
  }
  return pool;
}

/** Closes every pool (tests, shutdown). */
export function closeCampaignTransports(): void {
  for (const pool of pools.values()) pool.close();
  pools.clear();
}

/** An error of the connection (server down, refused, timed out) rather than of one message. */
export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: string; responseCode?: number };
  if (e.responseCode && e.responseCode >= 400 && e.responseCode < 500) return true;
  return ["ECONNECTION", "ECONNREFUSED", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNRESET", "EGREETING"].includes(
    e.code ?? "",
  );
}
