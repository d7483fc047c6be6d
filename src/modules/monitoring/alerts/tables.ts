// The alert configuration as tables (monitoring.configure_alerts edits them, in AdminJS and over REST):
// channels, who is on call per level, the escalation ladder; and the record of every alert sent.
import { z } from "zod";
import { defineTable, type WriteDeps } from "../../../db/table-spec.js";
import { AppError } from "../../../lib/errors.js";
import { writeAudit } from "../../../lib/audit.js";
import { webhookHint } from "./webhook.js";

const ZWebhookUrl = z
  .string()
  .max(2048, "at most 2048 characters")
  .regex(/^https?:\/\/[^\s/?#]+[^\s]*$/i, "an http(s) URL");

/**
 * A channel is created by its service: a webhook's URL is a create input, stored as a secret column
 * with a hint (host and last characters) that the screens show instead. To change the URL, a new
 * channel replaces the old one.
 */
function alertChannelWrites(deps: WriteDeps) {
  return {
    create: async (data: Record<string, unknown>) => {
      const { webhook, ...columns } = data;
      const url = typeof webhook === "string" && webhook.trim() !== "" ? webhook.trim() : null;
      if (columns.kind === "webhook") {
        if (!url)
          throw new AppError("validation", "webhook: is required", [{ field: "webhook", message: "is required" }]);
        const parsed = ZWebhookUrl.safeParse(url);
        if (!parsed.success) {
          const message = parsed.error.issues[0]?.message ?? "an http(s) URL";
          throw new AppError("validation", `webhook: ${message}`, [{ field: "webhook", message }]);
        }
      } else if (url) {
        const message = "only for a webhook channel";
        throw new AppError("validation", `webhook: ${message}`, [{ field: "webhook", message }]);
      }
      return deps.prisma.$transaction(async (tx) => {
        const row = await tx.alertChannel.create({
          data: {
            ...(columns as Parameters<typeof tx.alertChannel.create>[0]["data"]),
            ...(url ? { secretWebhookUrl: url, webhookHint: webhookHint(url) } : {}),
          },
        });
        await writeAudit(tx, { action: "create", resourceType: "alert_channels", resourceId: row.id, after: row });
        const { secretWebhookUrl: _secret, ...shown } = row;
        return shown as Record<string, unknown>;
      });
    },
  };
}

export const alertChannelTable = defineTable({
  model: "AlertChannel",
  module: "monitoring",
  actions: {
    new: "configure_alerts",
    edit: "configure_alerts",
    delete: "configure_alerts",
    bulkDelete: null,
  },
  writable: {
    name: { maxLength: 200 },
    kind: {},
    email: { email: true, lowercase: true, maxLength: 320 },
    adminId: {},
    language: {},
    enabled: {},
  },
  createInputs: { webhook: ZWebhookUrl.optional() },
  writes: alertChannelWrites,
  workflow: ["webhookHint"],
  secrets: ["secretWebhookUrl"],
  list: ["id", "name", "kind", "email", "admin", "webhookHint", "enabled"],
  title: ["name"],
  related: [{ table: "alert_on_call", via: "channelId" }],
  filters: ["kind", "enabled", "admin"],
  order: { by: "id", direction: "asc" },
  constraints: {
    alert_channels_target: {
      field: "kind",
      message: "alertChannelTarget",
      text: "an e-mail channel needs an address or an admin; a webhook channel needs its URL",
    },
  },
});

export const alertOnCallTable = defineTable({
  model: "AlertOnCall",
  module: "monitoring",
  actions: { new: "configure_alerts", edit: "configure_alerts", delete: "configure_alerts", bulkDelete: null },
  writable: { level: { min: 1, max: 3 }, channelId: {} },
  list: ["id", "level", "channel", "createdAt"],
  title: ["channel.name"],
  filters: ["level", "channel"],
  order: { by: "level", direction: "asc" },
});

export const alertEscalationLevelTable = defineTable({
  model: "AlertEscalationLevel",
  module: "monitoring",
  actions: { new: "configure_alerts", edit: "configure_alerts", delete: "configure_alerts", bulkDelete: null },
  writable: { level: { min: 1, max: 3 }, afterMinutes: { min: 0, max: 10080 } },
  list: ["id", "level", "afterMinutes"],
  title: ["level"],
  order: { by: "level", direction: "asc" },
});

/** Written by the alert job only. */
export const incidentNotificationTable = defineTable({
  model: "IncidentNotification",
  module: "monitoring",
  actions: { new: null, edit: null, delete: null, bulkDelete: null },
  writable: {},
  workflow: ["status", "attempts", "lastError", "nextAttemptAt", "sentAt", "emailLogId"],
  secrets: ["ackLink"],
  list: ["id", "incident", "kind", "level", "recipient", "status", "createdAt", "sentAt"],
  title: ["kind", "recipient"],
  filters: ["incident", "kind", "status", "channel"],
  order: { by: "id", direction: "desc" },
});

/** The incidents table's custom actions and their permissions (tables.ts of the module). */
export const INCIDENT_ACTION_ACCESS = { acknowledgeIncident: "configure_alerts" } as const;

export const alertTables = [alertChannelTable, alertOnCallTable, alertEscalationLevelTable, incidentNotificationTable];
