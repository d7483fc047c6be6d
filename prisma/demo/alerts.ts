// The incident alert configuration (channels, on call, the escalation ladder) and the alerts already
// sent for the demo incidents, as the alert job would have recorded them: so its first run sends only
// what is due now (reminders of the open incidents), not the whole history again.
import type { Prisma } from "@prisma/client";
import type { Staff } from "./staff.js";
import { addMs, MINUTE } from "./time.js";

export interface DemoAlerts {
  alertChannels: Prisma.AlertChannelCreateManyInput[];
  alertOnCall: Prisma.AlertOnCallCreateManyInput[];
  alertEscalationLevels: Prisma.AlertEscalationLevelCreateManyInput[];
  incidentNotifications: Prisma.IncidentNotificationCreateManyInput[];
}

export function buildAlerts(
  now: Date,
  staff: Staff,
  admins: readonly Prisma.AdminUserCreateManyInput[],
  incidents: readonly Prisma.IncidentCreateManyInput[],
): DemoAlerts {
  const emailOf = (id: number) => admins.find((a) => a.id === id)?.email ?? "admin@locod-ai.local";
  const createdAt = addMs(now, -90 * 24 * 60 * MINUTE);
  const alertChannels: Prisma.AlertChannelCreateManyInput[] = [
    { id: 1, name: "Astreinte (administrateur)", kind: "email", adminId: staff.admin, createdAt },
    { id: 2, name: "Boîte de l'équipe technique", kind: "email", email: "ops@locod-ai.local", createdAt },
    { id: 3, name: "Direction technique", kind: "email", adminId: staff.superAdmin, createdAt },
    {
      // Disabled: the demo posts nowhere. An admin creates a webhook channel with the real URL.
      id: 4,
      name: "Slack #alertes",
      kind: "webhook",
      secretWebhookUrl: "https://hooks.slack.com/services/T00000000/B00000000/DEMO0000000000000000demo",
      webhookHint: "hooks.slack.com/…demo",
      enabled: false,
      createdAt,
    },
  ];
  const alertOnCall: Prisma.AlertOnCallCreateManyInput[] = [
    { id: 1, level: 1, channelId: 1, createdAt },
    { id: 2, level: 1, channelId: 2, createdAt },
    { id: 3, level: 1, channelId: 4, createdAt },
    { id: 4, level: 2, channelId: 3, createdAt },
  ];
  const alertEscalationLevels: Prisma.AlertEscalationLevelCreateManyInput[] = [
    { id: 1, level: 2, afterMinutes: 15, createdAt },
    { id: 2, level: 3, afterMinutes: 60, createdAt },
  ];
  const incidentNotifications: Prisma.IncidentNotificationCreateManyInput[] = [];
  const recipients = [
    { channelId: 1, recipient: emailOf(staff.admin) },
    { channelId: 2, recipient: "ops@locod-ai.local" },
  ];
  for (const incident of incidents) {
    const openedAt = incident.openedAt as Date;
    const add = (
      kind: Prisma.IncidentNotificationCreateManyInput["kind"],
      level: number,
      seq: number,
      to: { channelId: number; recipient: string },
      at: Date,
    ) =>
      incidentNotifications.push({
        id: incidentNotifications.length + 1,
        incidentId: incident.id!,
        kind,
        level,
        seq,
        target: `channel:${to.channelId}`,
        channelId: to.channelId,
        recipient: to.recipient,
        status: "sent",
        attempts: 1,
        nextAttemptAt: at,
        createdAt: at,
        sentAt: at,
      });
    for (const to of recipients) add("opened", 1, 0, to, openedAt);
    const ackAt = (incident.acknowledgedAt as Date | null | undefined) ?? null;
    const end = (incident.resolvedAt as Date | null | undefined) ?? now;
    const escalateAt = addMs(openedAt, 15 * MINUTE);
    if ((!ackAt || ackAt > escalateAt) && end > escalateAt) {
      add("escalated", 2, 2, { channelId: 3, recipient: emailOf(staff.superAdmin) }, escalateAt);
    }
    const resolvedAt = (incident.resolvedAt as Date | null | undefined) ?? null;
    if (resolvedAt) {
      const alerted = [...recipients];
      if ((!ackAt || ackAt > escalateAt) && resolvedAt > escalateAt) {
        alerted.push({ channelId: 3, recipient: emailOf(staff.superAdmin) });
      }
      for (const to of alerted) add("resolved", 1, 0, to, addMs(resolvedAt, MINUTE));
    }
  }
  return { alertChannels, alertOnCall, alertEscalationLevels, incidentNotifications };
}
