// Tracking: an open (the pixel), a click (the redirect), an unsubscribe (the page and RFC 8058's
// one-click POST), and the provider's bounce and complaint events. Every write names the send by its
// signed token; a click goes only to a link frozen on the send's campaign.
import type { PrismaClient } from "@prisma/client";
import { Prisma } from "@prisma/client";
import { verifyToken, type TrackingToken } from "./rules/token.js";

export function readToken(key: Buffer, text: string, kind: TrackingToken["kind"]): TrackingToken | null {
  const token = verifyToken(key, text);
  return token && token.kind === kind ? token : null;
}

/** Records an open (the first time sets opened_at). Returns whether the send exists. */
export async function recordOpen(prisma: PrismaClient, sendId: number, at = new Date()): Promise<boolean> {
  const n = await prisma.$executeRaw`
    UPDATE email_sends
       SET opened_at = COALESCE(opened_at, ${at}),
           delivered_at = COALESCE(delivered_at, ${at}),
           status = CASE WHEN status IN ('sent', 'delivered') THEN 'opened'::email_send_status ELSE status END
     WHERE id = ${sendId} AND status NOT IN ('pending', 'skipped', 'failed')`;
  return n > 0;
}

/** Records a click of link `link` and answers its URL, or null when the send or the link is unknown. */
export async function recordClick(
  prisma: PrismaClient,
  sendId: number,
  link: number,
  at = new Date(),
): Promise<string | null> {
  const [row] = await prisma.$queryRaw<{ links: unknown }[]>`
    SELECT c.links FROM email_sends s JOIN email_campaigns c ON c.id = s.campaign_id
     WHERE s.id = ${sendId} AND s.status NOT IN ('pending', 'skipped', 'failed')`;
  const links = Array.isArray(row?.links) ? (row.links as unknown[]) : [];
  const url = links[link];
  if (typeof url !== "string" || !/^https?:\/\//i.test(url)) return null;
  // One statement (no transaction to open): the click row and the send's first-click times.
  await prisma.$executeRaw`
    WITH click AS (INSERT INTO email_clicks (send_id, link_index, clicked_at) VALUES (${sendId}, ${link}, ${at}))
    UPDATE email_sends
       SET clicked_at = COALESCE(clicked_at, ${at}), opened_at = COALESCE(opened_at, ${at}),
           delivered_at = COALESCE(delivered_at, ${at}),
           status = CASE WHEN status IN ('sent', 'delivered', 'opened') THEN 'clicked'::email_send_status ELSE status END
     WHERE id = ${sendId}`;
  return url;
}

export interface SendOfToken {
  id: number;
  email: string;
  language: "fr" | "en";
  customerId: number | null;
  campaignId: number;
}

export async function sendOf(prisma: PrismaClient, sendId: number): Promise<SendOfToken | null> {
  return prisma.emailSend.findUnique({
    where: { id: sendId },
    select: { id: true, email: true, language: true, customerId: true, campaignId: true },
  });
}

/**
 * Withdraws the customer's marketing consent: the address goes on the suppression list with its time
 * and source (idempotent: an address already there keeps its first record). Transactional e-mail
 * (email_log) does not read the list.
 */
export async function unsubscribe(prisma: PrismaClient, send: SendOfToken, source: string): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO email_suppressions (email, customer_id, reason, source, campaign_id)
    VALUES (${send.email.toLowerCase()}, ${send.customerId}, 'unsubscribed', ${source}, ${send.campaignId})
    ON CONFLICT (email) DO NOTHING`;
}

export type BounceKind = "bounced" | "complained";

/**
 * One bounce or complaint event of the provider, applied once (email_events.event_id is unique: a
 * replay changes nothing). The send is marked and the address suppressed. Returns false for a replay.
 */
export async function applyEmailEvent(
  prisma: PrismaClient,
  event: { eventId: string; kind: BounceKind; email: string; sendId?: number },
): Promise<boolean> {
  const email = event.email.toLowerCase();
  try {
    await prisma.$transaction(async (tx) => {
      await tx.emailEvent.create({
        data: { eventId: event.eventId, kind: event.kind, email, sendId: event.sendId ?? null },
      });
      const target = event.sendId
        ? Prisma.sql`id = ${event.sendId} AND email = ${email}`
        : Prisma.sql`id = (SELECT max(id) FROM email_sends WHERE email = ${email} AND status <> 'pending')`;
      await tx.$executeRaw`
        UPDATE email_sends SET status = ${event.kind}::email_send_status,
               error_message = ${event.kind === "bounced" ? "bounced" : "spam complaint"}
         WHERE ${target} AND status NOT IN ('pending', 'skipped')`;
      const customer = await tx.customer.findFirst({
        where: { email: { equals: email, mode: "insensitive" } },
        select: { id: true },
      });
      await tx.$executeRaw`
        INSERT INTO email_suppressions (email, customer_id, reason, source)
        VALUES (${email}, ${customer?.id ?? null}, ${event.kind}::suppression_reason, 'webhook')
        ON CONFLICT (email) DO NOTHING`;
    });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}
