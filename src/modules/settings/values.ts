// Settings with their defaults: a row of table `settings` overrides the default of its key.
import { jsonProblem, storable } from "../../lib/input-rules.js";
import type { Prisma, PrismaClient } from "@prisma/client";
import { z } from "zod";
import { AppError } from "../../lib/errors.js";
import { writeAudit } from "../../lib/audit.js";
import { requirePermission } from "../auth/current-admin.js";
import type { Permission, PermissionModule } from "../auth/permissions.js";

const ZPrice = z.string().regex(/^\d{1,3}\.\d{2}$/, "a price like 2.00");

export const SETTINGS = {
  /** Estimated cost of an AI request by request_type, in EUR (DECIMAL(5,2)). */
  "ai_queue.price_list": {
    schema: z.object({ services: ZPrice, content: ZPrice, images: ZPrice, full_site: ZPrice }).strict(),
    default: { services: "2.00", content: "3.50", images: "5.00", full_site: "12.00" },
  },
  /** Hours a request may wait, by priority (1 urgent, 5 normal, 10 low), before it breaks its SLA. */
  "ai_queue.sla_hours": {
    schema: z.record(z.string().regex(/^([1-9]|10)$/), z.number().positive()),
    default: { "1": 4, "5": 24, "10": 72 } as Record<string, number>,
  },
  /** VAT rate applied to invoices, in percent ("20.00" for 20%). */
  "billing.vat_rate": {
    schema: z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, "a percentage like 20.00"),
    default: "20.00",
  },
  /** Days between an invoice's issue and its due date. */
  "billing.payment_terms_days": {
    schema: z.number().int().min(0).max(365),
    default: 30,
  },
  /** The seller's legal details printed on invoices. */
  "billing.seller": {
    schema: z
      .object({
        name: z.string().min(1).max(200).superRefine(storable),
        address: z.array(z.string().max(200).superRefine(storable)).min(1).max(6),
        siret: z.string().max(40).superRefine(storable),
        vatNumber: z.string().max(40).superRefine(storable),
        email: z.string().email().max(200),
        iban: z.string().max(60).superRefine(storable).optional(),
        legalMentions: z.string().max(1000).superRefine(storable).optional(),
      })
      .strict(),
    default: {
      name: "Locod-AI SAS",
      address: ["10 rue de la Paix", "75002 Paris", "France"],
      siret: "000 000 000 00000",
      vatNumber: "FR00000000000",
      email: "billing@locod-ai.com",
      legalMentions:
        "Pénalités de retard : trois fois le taux d'intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 €.",
    } as {
      name: string;
      address: string[];
      siret: string;
      vatNumber: string;
      email: string;
      iban?: string;
      legalMentions?: string;
    },
  },
  /**
   * When the dashboard raises an alert (analytics.configure edits them): more pending AI requests than
   * `aiQueuePending` (besides any pending beyond its SLA), more overdue unpaid invoices than
   * `overdueInvoices`, more sites down than `sitesDown`, more failed jobs than `failedJobs`.
   */
  "analytics.alert_thresholds": {
    editPermission: ["analytics", "configure"],
    schema: z
      .object({
        aiQueuePending: z.number().int().min(0).max(100_000),
        overdueInvoices: z.number().int().min(0).max(100_000),
        sitesDown: z.number().int().min(0).max(100_000),
        failedJobs: z.number().int().min(0).max(100_000),
      })
      .strict(),
    default: { aiQueuePending: 20, overdueInvoices: 0, sitesDown: 0, failedJobs: 0 },
  },
  /** How many monitor checks a round runs at once (each worker process; monitoring/checks/check-round.ts). */
  "monitoring.check_concurrency": {
    editPermission: ["monitoring", "configure_alerts"],
    schema: z.number().int().min(1).max(2000),
    default: 200,
  },
  /** The DNS servers dns checks ask ("1.1.1.1", "127.0.0.1:5353"); empty: the system's resolvers. */
  "monitoring.dns_servers": {
    editPermission: ["monitoring", "configure_alerts"],
    schema: z
      .array(
        z
          .string()
          .regex(
            /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\])(:\d{1,5})?$|^[0-9a-fA-F:]+$/,
            "an IP address, with an optional :port",
          ),
      )
      .max(10),
    default: [] as string[],
  },
  /**
   * Incident alerts (monitoring.configure_alerts edits them): the least minutes between an alert and
   * the next reminder while nobody acknowledges the incident; 0: no reminders.
   */
  "monitoring.alert_reminder_minutes": {
    editPermission: ["monitoring", "configure_alerts"],
    schema: z.number().int().min(0).max(1440),
    default: 30,
  },
  /** The customer's e-mail (FR/EN) once an outage of their site lasts `afterMinutes`: opt-in. */
  "monitoring.customer_notice": {
    editPermission: ["monitoring", "configure_alerts"],
    schema: z.object({ enabled: z.boolean(), afterMinutes: z.number().int().min(1).max(10080) }).strict(),
    default: { enabled: false, afterMinutes: 30 },
  },
  /**
   * Days the raw site checks (site_monitoring) are kept; older days are dropped by the retention job
   * (their hourly and daily rollups stay). monitoring.configure_alerts edits it.
   */
  "monitoring.raw_retention_days": {
    editPermission: ["monitoring", "configure_alerts"],
    schema: z.number().int().min(2).max(400),
    default: 30,
  },
  /**
   * The A/B tests' statistics (templates.test edits them): no verdict below `minConversions` per
   * variant; significance `alpha` (two-sided); `power` of the planned sample size; a sample ratio
   * mismatch is flagged below `srmThreshold` (chi-squared p-value).
   */
  "templates.ab_statistics": {
    editPermission: ["templates", "test"],
    schema: z
      .object({
        minConversions: z.number().int().min(1).max(1_000_000),
        alpha: z.number().min(0.001).max(0.2),
        power: z.number().min(0.5).max(0.99),
        srmThreshold: z.number().min(0.000001).max(0.05),
      })
      .strict(),
    default: { minConversions: 100, alpha: 0.05, power: 0.8, srmThreshold: 0.001 },
  },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]["schema"]>;

type Reader = Pick<PrismaClient, "setting"> | Pick<Prisma.TransactionClient, "setting">;

/** The setting's value, or its default when unset; a stored value that no longer parses is an error. */
export async function readSetting<K extends SettingKey>(db: Reader, key: K): Promise<SettingValue<K>> {
  const row = await db.setting.findUnique({ where: { key } });
  if (!row) return SETTINGS[key].default as SettingValue<K>;
  const parsed = SETTINGS[key].schema.safeParse(row.value);
  if (!parsed.success) throw new Error(`Setting ${key} is invalid: ${parsed.error.issues[0]?.message}`);
  return parsed.data as SettingValue<K>;
}

/**
 * The permission a key needs besides settings.edit, or null: every key under `billing.` (the seller's
 * legal details and IBAN printed on invoices, the VAT rate, the payment terms) needs billing.refund, the
 * billing administrators' permission; a known key may name its own (the alert thresholds:
 * analytics.configure).
 */
export function editPermissionOf(key: string): readonly [PermissionModule, Permission] | null {
  if (key.startsWith("billing.")) return ["billing", "refund"];
  const entry = (SETTINGS as Record<string, { editPermission?: readonly [PermissionModule, Permission] }>)[key];
  return entry?.editPermission ?? null;
}

/**
 * Sets a setting for the acting admin: settings.edit, plus the key's own permission where it has one
 * (editPermissionOf: billing.refund for every billing key); a
 * known key's value must match its schema (400 naming `value`, nothing written). Audited with what it
 * replaced. Keys the portal does not know are free JSON.
 */
export async function writeSetting(
  prisma: PrismaClient,
  key: string,
  value: unknown,
  permission: readonly [PermissionModule, string] = ["settings", "edit"],
): Promise<{ key: string; value: Prisma.JsonValue }> {
  const admin = requirePermission(permission[0], permission[1] as Permission);
  if (!/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/.test(key) || key.length > 100) {
    throw new AppError("validation", "Invalid setting key", [
      { field: "key", message: "a key like billing.vat_rate (lowercase words separated by dots)" },
    ]);
  }
  const own = editPermissionOf(key);
  if (own && (own[0] !== permission[0] || own[1] !== permission[1])) requirePermission(own[0], own[1]);
  if (value === undefined) throw new AppError("validation", "No value", [{ field: "value", message: "is required" }]);
  const unstorable = jsonProblem(value);
  if (unstorable) throw new AppError("validation", "Invalid value", [{ field: "value", message: unstorable }]);
  const known = (SETTINGS as Record<string, { schema: z.ZodType }>)[key];
  if (known) {
    const parsed = known.schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length ? ` (${issue.path.join(".")})` : "";
      throw new AppError("validation", `Setting ${key} is invalid`, [
        { field: "value", message: `${issue.message}${where}` },
      ]);
    }
    value = parsed.data;
  }
  const json = value as Prisma.InputJsonValue;
  return prisma.$transaction(async (tx) => {
    // Locks the row when it exists, so the audit row's "before" is what this write replaced.
    const before = await tx.$queryRaw<{ value: Prisma.JsonValue }[]>`
      SELECT value FROM settings WHERE key = ${key} FOR UPDATE`;
    const row = await tx.setting.upsert({
      where: { key },
      create: { key, value: json, updatedBy: admin.id },
      update: { value: json, updatedBy: admin.id },
    });
    await writeAudit(tx, {
      action: "settings.update",
      resourceType: "settings",
      // An unset known key was at its default.
      before: before.length
        ? { [key]: before[0]!.value }
        : key in SETTINGS
          ? { [key]: SETTINGS[key as SettingKey].default }
          : undefined,
      after: { [key]: row.value },
    });
    return { key: row.key, value: row.value };
  });
}
