// The campaign's sending life: send now or schedule (draft -> scheduled -> sending -> sent), pause and
// resume (sending <-> paused), cancel. Each move is a conditional update on the current status, so a
// race gets one winner and a 409; each writes admin_activity_log in its transaction. Recipients are
// frozen into email_sends when the sending starts; the mail queue's campaign-batch job sends them.
import type { EmailCampaign, PrismaClient } from "@prisma/client";
import type { Queues } from "../../../queues/queues.js";
import { writeAudit } from "../../../lib/audit.js";
import { AppError } from "../../../lib/errors.js";
import { requirePermission } from "../../auth/index.js";
import { checkCampaignContent } from "../content/service.js";
import { checkedCriteria } from "../segments/saved.js";
import { freezeRecipients, type RecipientSelection } from "./recipients.js";

export const CAMPAIGN_BATCH = "campaign-batch";
export const CAMPAIGN_START_DUE = "campaign-start-due";

export interface SendingDeps {
  prisma: PrismaClient;
  queues: Pick<Queues, "byName">;
}

/** Hands the campaign to the mail queue (a new job each time: the batch itself is idempotent). */
export async function enqueueBatch(queues: Pick<Queues, "byName">, campaignId: number, delayMs = 0): Promise<void> {
  await queues.byName.mail.add(
    CAMPAIGN_BATCH,
    { campaignId },
    {
      jobId: `campaign-${campaignId}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      delay: Math.max(0, delayMs),
      attempts: 3,
    },
  );
}

async function campaignOr404(prisma: Pick<PrismaClient, "emailCampaign">, id: number): Promise<EmailCampaign> {
  const found = await prisma.emailCampaign.findUnique({ where: { id } });
  if (!found) throw new AppError("not_found", `Campaign #${id} does not exist`);
  return found;
}

function abOf(c: EmailCampaign): { percent: number } | null {
  return c.subjectB && c.abSamplePercent ? { percent: c.abSamplePercent } : null;
}

/**
 * Starts sending inside `tx`: freezes the recipients, links and A/B decision time, and moves the
 * campaign from `from` to sending. Returns the number of recipients, or null when it lost the race.
 */
async function startInTx(
  tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0],
  campaign: EmailCampaign,
  from: "draft" | "scheduled",
  selection: RecipientSelection,
  now: Date,
): Promise<number | null> {
  const { links } = await checkCampaignContent(campaign);
  const audience = audienceOf(campaign, selection);
  const { count } = await tx.emailCampaign.updateMany({
    where: { id: campaign.id, status: from },
    data: {
      status: "sending",
      links,
      scheduledAt: campaign.scheduledAt ?? now,
      abDecideAt: abOf(campaign) ? new Date(now.getTime() + (campaign.abWaitMinutes ?? 60) * 60_000) : null,
      ...(audience.segment ? { segmentCriteria: audience.segment } : {}),
    },
  });
  if (count === 0) return null;
  return freezeRecipients(tx, campaign.id, audience, abOf(campaign), now);
}

/**
 * Whom a campaign reaches: the selection given to the move, else the segment criteria the campaign
 * holds (copied from a saved segment when it was sent or scheduled), else every active customer.
 */
function audienceOf(campaign: EmailCampaign, selection: RecipientSelection): RecipientSelection {
  if (selection.customerIds || selection.segment) return selection;
  return campaign.segmentCriteria == null ? {} : { segment: checkedCriteria(campaign.segmentCriteria) };
}

export interface SendOptions {
  /** Later than now: scheduled for then; otherwise sent now. */
  at?: Date;
  /** Fixed recipients or a segment's criteria instead of the campaign's segment (or every active customer). */
  recipients?: RecipientSelection;
  now?: Date;
}

/** campaigns.send: draft -> sending (recipients frozen now) or draft -> scheduled. */
export async function sendCampaign(
  deps: SendingDeps,
  id: number,
  options: SendOptions = {},
): Promise<{ campaign: EmailCampaign; recipients: number | null }> {
  requirePermission("campaigns", "send");
  const now = options.now ?? new Date();
  const scheduled = options.at !== undefined && options.at.getTime() > now.getTime();
  const result = await deps.prisma.$transaction(
    async (tx) => {
      const before = await campaignOr404(tx, id);
      if (before.status !== "draft") throw new AppError("conflict", `Campaign #${id} is ${before.status}, not a draft`);
      let recipients: number | null = null;
      if (scheduled) {
        await checkCampaignContent(before);
        const { count } = await tx.emailCampaign.updateMany({
          where: { id, status: "draft" },
          data: {
            status: "scheduled",
            scheduledAt: options.at,
            ...(options.recipients?.segment ? { segmentCriteria: options.recipients.segment } : {}),
          },
        });
        if (count === 0) throw new AppError("conflict", `Campaign #${id} is no longer a draft`);
      } else {
        recipients = await startInTx(tx, before, "draft", options.recipients ?? {}, now);
        if (recipients === null) throw new AppError("conflict", `Campaign #${id} is no longer a draft`);
      }
      const after = await tx.emailCampaign.findUniqueOrThrow({ where: { id } });
      await writeAudit(tx, {
        action: scheduled ? "campaigns.schedule" : "campaigns.send",
        resourceType: "email_campaigns",
        resourceId: id,
        before: { status: before.status, scheduledAt: before.scheduledAt },
        after: { status: after.status, scheduledAt: after.scheduledAt, recipients },
      });
      return { campaign: after, recipients };
    },
    { timeout: 120_000 },
  );
  if (!scheduled) await enqueueBatch(deps.queues, id);
  return result;
}

/** The scheduled campaigns that are due: each frozen and started (the campaign-start-due job, every minute). */
export async function startDueCampaigns(deps: SendingDeps, now = new Date()): Promise<number[]> {
  const due = await deps.prisma.emailCampaign.findMany({
    where: { status: "scheduled", scheduledAt: { lte: now } },
    orderBy: { scheduledAt: "asc" },
  });
  const started: number[] = [];
  for (const campaign of due) {
    const ok = await deps.prisma.$transaction(
      async (tx) => {
        const recipients = await startInTx(tx, campaign, "scheduled", {}, now);
        if (recipients === null) return false;
        await writeAudit(tx, {
          action: "campaigns.start",
          resourceType: "email_campaigns",
          resourceId: campaign.id,
          before: { status: "scheduled" },
          after: { status: "sending", recipients },
        });
        return true;
      },
      { timeout: 120_000 },
    );
    if (ok) {
      started.push(campaign.id);
      await enqueueBatch(deps.queues, campaign.id);
    }
  }
  // A sending campaign whose job was lost (a worker killed mid-batch) is picked up again.
  const stalled = await deps.prisma.$queryRaw<{ id: number }[]>`
    SELECT c.id FROM email_campaigns c
     WHERE c.status = 'sending'
       AND EXISTS (SELECT 1 FROM email_sends s WHERE s.campaign_id = c.id AND s.status = 'pending'
                     AND (s.next_attempt_at IS NULL OR s.next_attempt_at <= ${now}))`;
  if (stalled.length > 0) {
    // Only where no batch of the campaign is waiting, delayed or running: a live chain is not doubled.
    const live = await deps.queues.byName.mail.getJobs(["waiting", "delayed", "active", "prioritized"]);
    const chained = new Set(
      live.filter((j) => j?.name === CAMPAIGN_BATCH).map((j) => (j.data as { campaignId?: number }).campaignId),
    );
    for (const { id } of stalled) if (!started.includes(id) && !chained.has(id)) await enqueueBatch(deps.queues, id);
  }
  return started;
}

type Move = { action: string; from: EmailCampaign["status"][]; to: EmailCampaign["status"] };

const MOVES = {
  pause: { action: "campaigns.pause", from: ["sending"], to: "paused" },
  resume: { action: "campaigns.resume", from: ["paused"], to: "sending" },
  cancel: { action: "campaigns.cancel", from: ["scheduled", "sending", "paused"], to: "cancelled" },
} satisfies Record<string, Move>;

async function move(deps: SendingDeps, id: number, which: keyof typeof MOVES): Promise<EmailCampaign> {
  requirePermission("campaigns", "send");
  const m: Move = MOVES[which];
  const after = await deps.prisma.$transaction(
    async (tx) => {
      const before = await campaignOr404(tx, id);
      const { count } = await tx.emailCampaign.updateMany({
        where: { id, status: { in: m.from } },
        data: { status: m.to },
      });
      if (count === 0) throw new AppError("conflict", `Campaign #${id} is ${before.status}: it cannot be ${m.to}`);
      // A cancelled campaign sends nothing more: what was still waiting is skipped.
      let skipped = 0;
      if (m.to === "cancelled") {
        skipped = (
          await tx.emailSend.updateMany({ where: { campaignId: id, status: "pending" }, data: { status: "skipped" } })
        ).count;
      }
      const row = await tx.emailCampaign.findUniqueOrThrow({ where: { id } });
      await writeAudit(tx, {
        action: m.action,
        resourceType: "email_campaigns",
        resourceId: id,
        before: { status: before.status },
        after: { status: row.status, ...(m.to === "cancelled" ? { skipped } : {}) },
      });
      return row;
    },
    { timeout: 120_000 },
  );
  if (m.to === "sending") await enqueueBatch(deps.queues, id);
  return after;
}

export const pauseCampaign = (deps: SendingDeps, id: number) => move(deps, id, "pause");
export const resumeCampaign = (deps: SendingDeps, id: number) => move(deps, id, "resume");
export const cancelCampaign = (deps: SendingDeps, id: number) => move(deps, id, "cancel");
