// The campaign-batch job of the mail queue: takes the next due recipients of a sending campaign (a
// lease on each row, so two jobs never take the same one), sends them at the campaign's rate through a
// pooled SMTP connection, marks each sent (status pending -> sent, conditional), and queues the next
// batch. An SMTP error counts an attempt on that recipient and retries it later with backoff; when the
// server is down the batch stops and the rest wait, attempts untouched. A paused or cancelled campaign
// sends nothing more (checked before every few messages). When nothing is left, the campaign is sent.
import type { EmailCampaign, Language, PrismaClient } from "@prisma/client";
import type { Queues } from "../../../queues/queues.js";
import type { MailSettings } from "../../../lib/email/mailer.js";
import { catchMail } from "../../../lib/email/mailer.js";
import { writeAudit } from "../../../lib/audit.js";
import { versionFor } from "../content/service.js";
import { compileVersion, renderMessage, type CompiledVersion } from "../content/rules/render.js";
import { signToken, trackingKey } from "../tracking/rules/token.js";
import { abWinner } from "./rules/ab-test.js";
import { unsubscribeHeaders } from "./rules/headers.js";
import { MAX_ATTEMPTS, nextAttemptAt } from "./rules/retry.js";
import { campaignTransport, isConnectionError } from "./transport.js";
import { enqueueBatch } from "./service.js";

export interface BatchDeps {
  prisma: PrismaClient;
  queues: Pick<Queues, "byName">;
  mail: MailSettings;
  publicBaseUrl: string;
  /** The server secret the tracking tokens are signed from. */
  trackingSecret: string;
}

export interface BatchOptions {
  now?: () => Date;
  /** Messages taken per batch (default: 5 seconds at the campaign's rate, 20 to 1000). */
  size?: number;
  /** The first retry's delay; doubles per attempt (rules/retry.ts). Default 30 s. */
  retryBaseMs?: number;
  /** Queue the next batch (default true; tests drive batches one by one). */
  chain?: boolean;
}

interface Claimed {
  id: number;
  email: string;
  language: Language;
  variant: string | null;
  attempts: number;
  name: string | null;
  plan: string | null;
}

const LEASE_MS = 10 * 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Decides the subject test once its wait is over: the winner goes to the held rest. */
async function decideAbTest(prisma: PrismaClient, c: EmailCampaign): Promise<string | null> {
  const rows = await prisma.$queryRaw<{ variant: string; sent: bigint; opens: bigint; clicks: bigint }[]>`
    SELECT variant, count(*) FILTER (WHERE status NOT IN ('pending','failed','skipped')) AS sent,
           count(opened_at) AS opens, count(clicked_at) AS clicks
      FROM email_sends WHERE campaign_id = ${c.id} AND variant IS NOT NULL GROUP BY variant`;
  const by = (v: string) => rows.find((r) => r.variant === v);
  const hits = (v: string) => Number((c.abMetric === "clicks" ? by(v)?.clicks : by(v)?.opens) ?? 0);
  const { winner, lift, pValue } = abWinner({
    a: { sent: Number(by("a")?.sent ?? 0), hits: hits("a") },
    b: { sent: Number(by("b")?.sent ?? 0), hits: hits("b") },
  });
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.emailCampaign.updateMany({
      where: { id: c.id, abWinner: null },
      data: { abWinner: winner },
    });
    if (count === 0) return (await tx.emailCampaign.findUniqueOrThrow({ where: { id: c.id } })).abWinner;
    await writeAudit(tx, {
      action: "campaigns.ab_winner",
      resourceType: "email_campaigns",
      resourceId: c.id,
      before: { abWinner: null },
      after: { abWinner: winner, lift, pValue },
    });
    return winner;
  });
}

export type BatchResult = { sent: number; failed: number; retry: number; done: boolean; stopped?: string };

export async function runCampaignBatch(
  deps: BatchDeps,
  campaignId: number,
  options: BatchOptions = {},
): Promise<BatchResult> {
  const now = options.now ?? (() => new Date());
  const chain = options.chain ?? true;
  let campaign = await deps.prisma.emailCampaign.findUnique({ where: { id: campaignId } });
  if (!campaign || campaign.status !== "sending")
    return { sent: 0, failed: 0, retry: 0, done: false, stopped: campaign?.status ?? "missing" };

  const hasAb = Boolean(campaign.subjectB && campaign.abSamplePercent);
  if (hasAb && !campaign.abWinner && campaign.abDecideAt && campaign.abDecideAt <= now()) {
    const winner = await decideAbTest(deps.prisma, campaign);
    campaign = { ...campaign, abWinner: winner };
  }
  // Until the subject test is decided, only its sample is sent.
  const heldBack = hasAb && !campaign.abWinner;
  const rate = Math.max(1, campaign.sendRate);
  const size = options.size ?? Math.min(1000, Math.max(20, rate * 5));
  const at = now();
  const claimed = await deps.prisma.$queryRaw<Claimed[]>`
    UPDATE email_sends s SET next_attempt_at = ${new Date(at.getTime() + LEASE_MS)}
      FROM (SELECT id FROM email_sends
             WHERE campaign_id = ${campaignId} AND status = 'pending'
               AND (next_attempt_at IS NULL OR next_attempt_at <= ${at})
               AND (${heldBack} = false OR variant IS NOT NULL)
             ORDER BY id LIMIT ${size} FOR UPDATE SKIP LOCKED) due
     WHERE s.id = due.id
    RETURNING s.id, s.email, s.language, s.variant, s.attempts,
              (SELECT c.name FROM customers c WHERE c.id = s.customer_id) AS name,
              (SELECT c.plan_type::text FROM customers c WHERE c.id = s.customer_id) AS plan`;

  const key = trackingKey(deps.trackingSecret);
  const base = deps.publicBaseUrl.replace(/\/$/, "");
  const links = (Array.isArray(campaign.links) ? campaign.links : []) as string[];
  const compiled = new Map<Language, CompiledVersion>();
  for (const language of new Set(claimed.map((r) => r.language))) {
    const { version, subjectB } = versionFor(campaign, language);
    compiled.set(language, await compileVersion(version, subjectB));
  }

  const result: BatchResult = { sent: 0, failed: 0, retry: 0, done: false };
  const retryBase = options.retryBaseMs ?? 30_000;
  const started = Date.now();
  let connectionDown = false;
  let stopped: string | undefined;
  const queue = [...claimed];
  const inFlight = new Set<Promise<void>>();
  const maxInFlight = Math.min(16, Math.max(1, Math.ceil(rate / 20)));
  let index = 0;

  const sendOne = async (row: Claimed): Promise<void> => {
    const variant = (row.variant ?? campaign!.abWinner ?? "a") as "a" | "b";
    const unsubscribeUrl = `${base}/t/u/${signToken(key, { kind: "unsubscribe", sendId: row.id })}`;
    const message = renderMessage(
      compiled.get(row.language)!,
      variant,
      {
        customer: { name: row.name ?? "", email: row.email, plan: row.plan ?? "", language: row.language },
        unsubscribe_url: unsubscribeUrl,
      },
      {
        links,
        click: (link) => `${base}/t/c/${signToken(key, { kind: "click", sendId: row.id, link })}`,
        openPixel: `${base}/t/o/${signToken(key, { kind: "open", sendId: row.id })}`,
      },
    );
    try {
      if (deps.mail.smtpUrl) {
        await campaignTransport(deps.mail.smtpUrl).sendMail({
          from: deps.mail.from,
          to: row.email,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: { ...unsubscribeHeaders(unsubscribeUrl), "X-Campaign-Send": String(row.id) },
        });
      } else {
        await catchMail(
          deps.mail,
          { to: row.email, subject: message.subject, text: message.text, html: message.html },
          { prisma: deps.prisma },
        );
      }
      await deps.prisma.$executeRaw`
        UPDATE email_sends SET status = 'sent', sent_at = ${now()}, attempts = attempts + 1, next_attempt_at = NULL,
               error_message = NULL, variant = COALESCE(variant, ${campaign!.abWinner})
         WHERE id = ${row.id} AND status = 'pending'`;
      result.sent++;
    } catch (error) {
      const text = (error as Error).message.slice(0, 500);
      if (isConnectionError(error)) {
        // The server is unreachable or deferring: this one and the rest wait, attempts untouched.
        connectionDown = true;
        await deps.prisma.$executeRaw`
          UPDATE email_sends SET next_attempt_at = ${new Date(now().getTime() + retryBase)}, error_message = ${text}
           WHERE id = ${row.id} AND status = 'pending'`;
        result.retry++;
        return;
      }
      const attempts = row.attempts + 1;
      if (attempts >= MAX_ATTEMPTS) {
        await deps.prisma.$executeRaw`
          UPDATE email_sends SET status = 'failed', attempts = ${attempts}, error_message = ${text}, next_attempt_at = NULL
           WHERE id = ${row.id} AND status = 'pending'`;
        result.failed++;
      } else {
        const next = nextAttemptAt(now(), attempts, retryBase);
        await deps.prisma.$executeRaw`
          UPDATE email_sends SET attempts = ${attempts}, error_message = ${text}, next_attempt_at = ${next}
           WHERE id = ${row.id} AND status = 'pending'`;
        result.retry++;
      }
    }
  };

  while (queue.length > 0) {
    if (connectionDown) break;
    if (index > 0 && index % 50 === 0) {
      const current = await deps.prisma.emailCampaign.findUnique({
        where: { id: campaignId },
        select: { status: true },
      });
      if (current?.status !== "sending") {
        stopped = current?.status ?? "missing";
        break;
      }
    }
    // The rate: message i leaves no sooner than i/rate seconds after the batch started.
    const wait = started + (index * 1000) / rate - Date.now();
    if (wait > 0) await sleep(wait);
    const row = queue.shift()!;
    index++;
    const p = sendOne(row).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  // What was claimed but not sent (server down, campaign paused or cancelled) is released.
  if (queue.length > 0) {
    const ids = queue.map((r) => r.id);
    const release = connectionDown ? new Date(now().getTime() + retryBase) : null;
    await deps.prisma.emailSend.updateMany({
      where: { id: { in: ids }, status: "pending" },
      data: { nextAttemptAt: release },
    });
  }
  if (stopped) return { ...result, stopped };

  // What is left: due now, due later, or held for the subject test's winner.
  const [left] = await deps.prisma.$queryRaw<{ pending: bigint; next: Date | null }[]>`
    SELECT count(*) AS pending, min(COALESCE(next_attempt_at, ${now()})) AS next
      FROM email_sends WHERE campaign_id = ${campaignId} AND status = 'pending'`;
  if (Number(left!.pending) === 0) {
    const done = await deps.prisma.$transaction(async (tx) => {
      const { count } = await tx.emailCampaign.updateMany({
        where: { id: campaignId, status: "sending" },
        data: { status: "sent", sentAt: now() },
      });
      if (count === 0) return false;
      await writeAudit(tx, {
        action: "campaigns.sent",
        resourceType: "email_campaigns",
        resourceId: campaignId,
        before: { status: "sending" },
        after: { status: "sent" },
      });
      return true;
    });
    return { ...result, done };
  }
  if (chain) {
    let delay = Math.max(0, (left!.next?.getTime() ?? now().getTime()) - now().getTime());
    if (heldBack && campaign.abDecideAt) {
      const sampleLeft = await deps.prisma.emailSend.count({
        where: { campaignId, status: "pending", variant: { not: null } },
      });
      if (sampleLeft === 0) delay = Math.max(0, campaign.abDecideAt.getTime() - now().getTime());
    }
    await enqueueBatch(deps.queues, campaignId, delay);
  }
  return result;
}
