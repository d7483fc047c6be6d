// The alert job (every minute): for each open or recently resolved incident, what the escalation rule
// (rules/escalation.ts) says is due is recorded in incident_notifications under its unique key, then
// sent: e-mails through the e-mail outbox (recorded in email_log in the same transaction), webhook
// posts straight away. The incident workflow (checks opening and resolving incidents) never calls this:
// the job reads the incidents table, so a check run that crashes mid-way cannot lose an alert, and a
// job delivered twice finds its alerts recorded and sends nothing twice.
//
// A webhook post that fails stays pending and is tried again by the next run (nextAttemptAt), for up to
// WEBHOOK_MAX_ATTEMPTS runs; each failure is logged and kept in last_error.
import type { Language, Prisma, PrismaClient } from "@prisma/client";
import type { Config } from "../../../config.js";
import type { Logger } from "../../../lib/logger.js";
import type { Queues } from "../../../queues/queues.js";
import { writeAudit } from "../../../lib/audit.js";
import { dispatchNotifications } from "../../../lib/email/outbox.js";
import { readSetting } from "../../settings/index.js";
import { dueNotifications, type AlertPolicy, type DueNotification } from "./rules/escalation.js";
import { isInMaintenance } from "../rules/maintenance.js";
import { ackLink, signAckToken } from "./rules/ack-token.js";
import { alertSubject, webhookMessage, type AlertSubject } from "./rules/messages.js";
import { postWebhook } from "./webhook.js";
import { ALERT_TEMPLATE, CUSTOMER_TEMPLATE } from "./templates.js";

export interface AlertDeps {
  prisma: PrismaClient;
  config: Pick<Config, "publicBaseUrl" | "jwtSecret">;
  queues: Pick<Queues, "byName">;
  log?: Logger;
}

/** A resolved incident is looked at for this long (its "resolved" messages). */
const RESOLVED_LOOKBACK_MS = 24 * 3_600_000;
/** An acknowledge link works this long. */
export const ACK_LINK_TTL_MS = 7 * 24 * 3_600_000;
/** One post a minute for an hour, then the post is marked failed. */
export const WEBHOOK_MAX_ATTEMPTS = 60;
const RETRY_AFTER_MS = 55_000;
const TEAM_KINDS = new Set(["opened", "escalated", "reminder", "resolved"]);

export interface AlertRunResult {
  recorded: number;
  posted: number;
  failed: number;
}

type Channel = Prisma.AlertChannelGetPayload<{ include: { admin: { select: { email: true; language: true } } } }>;

async function loadPolicy(prisma: PrismaClient): Promise<{ policy: AlertPolicy; channels: Map<number, Channel> }> {
  const [channels, onCall, ladder, reminderMinutes, notice] = await Promise.all([
    prisma.alertChannel.findMany({ include: { admin: { select: { email: true, language: true } } } }),
    prisma.alertOnCall.findMany({ select: { level: true, channelId: true }, orderBy: { channelId: "asc" } }),
    prisma.alertEscalationLevel.findMany({ select: { level: true, afterMinutes: true } }),
    readSetting(prisma, "monitoring.alert_reminder_minutes"),
    readSetting(prisma, "monitoring.customer_notice"),
  ]);
  const enabled = new Map(channels.filter((c) => c.enabled).map((c) => [c.id, c]));
  const byLevel = new Map<number, number[]>();
  for (const row of onCall) {
    if (!enabled.has(row.channelId)) continue;
    byLevel.set(row.level, [...(byLevel.get(row.level) ?? []), row.channelId]);
  }
  return {
    policy: {
      onCall: byLevel,
      ladder: new Map(ladder.map((l) => [l.level, l.afterMinutes])),
      reminderMinutes,
      customerNoticeMinutes: notice.enabled ? notice.afterMinutes : null,
    },
    channels: enabled,
  };
}

/** What an alert's words say of its incident (alertSubjectOf), here and when its e-mail is rendered. */
export const INCIDENT_WORDS_SELECT = {
  id: true,
  cause: true,
  openedAt: true,
  acknowledgedAt: true,
  resolvedAt: true,
  acknowledgedBy: { select: { name: true } },
  monitor: { select: { type: true, target: true } },
  site: {
    select: {
      name: true,
      domain: true,
      customer: { select: { id: true, email: true, name: true, language: true } },
    },
  },
} satisfies Prisma.IncidentSelect;

const INCIDENT_SELECT = {
  ...INCIDENT_WORDS_SELECT,
  siteId: true,
  notifications: { select: { kind: true, seq: true, level: true, target: true, createdAt: true } },
} satisfies Prisma.IncidentSelect;

type IncidentRow = Prisma.IncidentGetPayload<{ select: typeof INCIDENT_SELECT }>;

export function alertSubjectOf(incident: Omit<IncidentRow, "notifications" | "siteId">): AlertSubject {
  return {
    incidentId: incident.id,
    siteName: incident.site.name,
    domain: incident.site.domain,
    monitor: `${incident.monitor.type.toUpperCase()} ${incident.monitor.target}`,
    cause: incident.cause,
    openedAt: incident.openedAt,
    resolvedAt: incident.resolvedAt,
    acknowledgedBy: incident.acknowledgedAt ? (incident.acknowledgedBy?.name ?? "?") : null,
  };
}

export const incidentPageLink = (publicBaseUrl: string, id: number) =>
  `${publicBaseUrl.replace(/\/+$/, "")}/admin/resources/incidents/records/${id}/show`;

interface Delivery {
  channelId: number | null;
  customerId: number | null;
  recipient: string;
  /** An e-mail address and its language; null for a webhook. */
  email: { to: string; language: Language } | null;
}

function deliveryOf(due: DueNotification, incident: IncidentRow, channels: Map<number, Channel>): Delivery | null {
  const [type, rawId] = due.target.split(":");
  const id = Number(rawId);
  if (type === "customer") {
    const customer = incident.site.customer;
    if (customer.id !== id) return null;
    return {
      channelId: null,
      customerId: id,
      recipient: customer.email,
      email: { to: customer.email, language: customer.language },
    };
  }
  const channel = channels.get(id);
  if (!channel) return null; // disabled or deleted since
  if (channel.kind === "webhook") {
    return { channelId: id, customerId: null, recipient: channel.webhookHint ?? "webhook", email: null };
  }
  const to = channel.email ?? channel.admin?.email;
  if (!to) return null;
  const language = channel.admin?.language ?? channel.language;
  return { channelId: id, customerId: null, recipient: to, email: { to, language } };
}

/**
 * Records one due notification (and its outbox e-mail) with an audit row, in one transaction. Null when
 * another run recorded it first (the unique key).
 */
async function record(
  deps: AlertDeps,
  incident: IncidentRow,
  due: DueNotification,
  delivery: Delivery,
  now: Date,
): Promise<{ id: number; emailLogId: number | null } | null> {
  const wantsAck = due.kind === "opened" || due.kind === "escalated" || due.kind === "reminder";
  const link = wantsAck
    ? ackLink(
        deps.config.publicBaseUrl,
        signAckToken(deps.config.jwtSecret, incident.id, new Date(now.getTime() + ACK_LINK_TTL_MS)),
      )
    : null;
  return deps.prisma.$transaction(async (tx) => {
    const [row] = await tx.incidentNotification.createManyAndReturn({
      data: [
        {
          incidentId: incident.id,
          kind: due.kind,
          level: due.level,
          seq: due.seq,
          target: due.target,
          channelId: delivery.channelId,
          customerId: delivery.customerId,
          recipient: delivery.recipient,
          ackLink: delivery.email ? link : null,
          nextAttemptAt: now,
          createdAt: now,
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    if (!row) return null;
    let emailLogId: number | null = null;
    if (delivery.email) {
      const customer = !TEAM_KINDS.has(due.kind);
      const log = await tx.emailLog.create({
        data: {
          template: customer ? CUSTOMER_TEMPLATE : ALERT_TEMPLATE,
          language: delivery.email.language,
          toAddress: delivery.email.to,
          subject: alertSubject({
            kind: due.kind,
            level: due.level,
            language: delivery.email.language,
            incident: alertSubjectOf(incident),
          }),
          customerId: delivery.customerId,
        },
        select: { id: true },
      });
      emailLogId = log.id;
      // Handed to the outbox, which sends and retries it: done here.
      await tx.incidentNotification.update({
        where: { id: row.id },
        data: { emailLogId, status: "sent", sentAt: now, attempts: 1 },
      });
    }
    await writeAudit(tx, {
      action: `incident.alert_${due.kind}`,
      resourceType: "incidents",
      resourceId: incident.id,
      adminId: null,
      after: { notificationId: row.id, kind: due.kind, level: due.level, recipient: delivery.recipient },
    });
    return { id: row.id, emailLogId };
  });
}

/** Posts the pending webhook notifications whose turn has come; each is claimed first (one run posts it). */
async function deliverWebhooks(deps: AlertDeps, now: Date): Promise<{ posted: number; failed: number }> {
  const pending = await deps.prisma.incidentNotification.findMany({
    where: { status: "pending", emailLogId: null, nextAttemptAt: { lte: now } },
    orderBy: { id: "asc" },
    take: 500,
    select: { id: true },
  });
  let posted = 0;
  let failed = 0;
  for (const { id } of pending) {
    const claimed = await deps.prisma.incidentNotification.updateMany({
      where: { id, status: "pending", nextAttemptAt: { lte: now } },
      data: { nextAttemptAt: new Date(now.getTime() + RETRY_AFTER_MS), attempts: { increment: 1 } },
    });
    if (claimed.count === 0) continue;
    const n = await deps.prisma.incidentNotification.findUniqueOrThrow({
      where: { id },
      select: {
        kind: true,
        level: true,
        attempts: true,
        channel: { select: { secretWebhookUrl: true, enabled: true, language: true } },
        incident: { select: INCIDENT_SELECT },
      },
    });
    const url = n.channel?.enabled ? n.channel.secretWebhookUrl : null;
    if (!url) {
      await deps.prisma.incidentNotification.updateMany({
        where: { id, status: "pending" },
        data: { status: "failed", lastError: "the channel was disabled or deleted" },
      });
      failed++;
      continue;
    }
    const message = webhookMessage(
      {
        kind: n.kind,
        level: n.level,
        language: n.channel!.language,
        incident: alertSubjectOf(n.incident),
        ackLink: ackLink(
          deps.config.publicBaseUrl,
          signAckToken(deps.config.jwtSecret, n.incident.id, new Date(now.getTime() + ACK_LINK_TTL_MS)),
        ),
      },
      now,
    );
    try {
      await postWebhook(url, message);
      await deps.prisma.incidentNotification.updateMany({
        where: { id, status: "pending" },
        data: { status: "sent", sentAt: new Date(), lastError: null },
      });
      posted++;
    } catch (err) {
      const reason = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const last = n.attempts >= WEBHOOK_MAX_ATTEMPTS;
      await deps.prisma.incidentNotification.updateMany({
        where: { id, status: "pending" },
        data: { lastError: reason, ...(last ? { status: "failed" as const } : {}) },
      });
      deps.log?.warn({ notificationId: id, attempts: n.attempts, reason }, "incident alert webhook failed");
      failed++;
    }
  }
  return { posted, failed };
}

/** One run of the alert job at `now`. */
export async function runIncidentAlerts(deps: AlertDeps, now = new Date()): Promise<AlertRunResult> {
  const { prisma } = deps;
  const { policy, channels } = await loadPolicy(prisma);
  const incidents = await prisma.incident.findMany({
    where: {
      OR: [
        { resolvedAt: null },
        { resolvedAt: { gte: new Date(now.getTime() - RESOLVED_LOOKBACK_MS) }, notifications: { some: {} } },
      ],
    },
    select: INCIDENT_SELECT,
    orderBy: { id: "asc" },
    take: 5_000,
  });
  const windows = incidents.length
    ? await prisma.maintenanceWindow.findMany({
        where: { OR: [{ siteId: null }, { siteId: { in: [...new Set(incidents.map((i) => i.siteId))] } }] },
      })
    : [];
  let recorded = 0;
  const emailIds: number[] = [];
  for (const incident of incidents) {
    const due = dueNotifications({
      incident,
      customerId: incident.site.customer.id,
      policy,
      recorded: incident.notifications,
      inMaintenance: isInMaintenance(windows, incident.siteId, now.getTime()),
      now,
    });
    for (const item of due) {
      const delivery = deliveryOf(item, incident, channels);
      if (!delivery) continue;
      const row = await record(deps, incident, item, delivery, now);
      if (!row) continue;
      recorded++;
      if (row.emailLogId !== null) emailIds.push(row.emailLogId);
    }
  }
  await dispatchNotifications(deps.queues, emailIds);
  const { posted, failed } = await deliverWebhooks(deps, now);
  if (recorded || posted || failed) deps.log?.info({ recorded, posted, failed }, "incident alerts");
  return { recorded, posted, failed };
}
