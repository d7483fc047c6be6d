// The dashboard's alert thresholds (issue 6, item 3): the setting "analytics.alert_thresholds", read by
// whoever may view analytics and changed only with analytics.configure. One write path for the AdminJS
// form and the REST PUT: the permission, the setting's own schema and the audit row are all here.
import type { PrismaClient } from "@prisma/client";
import { AppError, type FieldError } from "../../lib/errors.js";
import { readSetting, SETTINGS, writeSetting, type SettingValue } from "../settings/values.js";
import { requirePermission } from "../auth/current-admin.js";

export const THRESHOLDS_KEY = "analytics.alert_thresholds";
export type AlertThresholds = SettingValue<typeof THRESHOLDS_KEY>;

/** The thresholds' fields, in the order the form shows them. */
export const THRESHOLD_FIELDS = [
  "aiQueuePending",
  "overdueInvoices",
  "sitesDown",
  "failedJobs",
] as const satisfies readonly (keyof AlertThresholds)[];

export const ZAlertThresholds = SETTINGS[THRESHOLDS_KEY].schema;

/** The thresholds in force (the defaults until someone changes them). */
export function readAlertThresholds(prisma: Pick<PrismaClient, "setting">): Promise<AlertThresholds> {
  return readSetting(prisma, THRESHOLDS_KEY);
}

const RANGE = "a whole number from 0 to 100000";

/**
 * The body as thresholds, or a 400 naming each refused field (an unknown field by its own name). The
 * messages are the portal's own and hold no colon: the admin form's notice goes through i18next, which
 * reads a colon as a namespace separator and fails to render it.
 */
export function parseAlertThresholds(input: unknown): AlertThresholds {
  const parsed = ZAlertThresholds.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors: FieldError[] = parsed.error.issues.flatMap((issue): FieldError[] => {
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) => ({ field: key, message: "is not a threshold" }));
    if (!issue.path.length)
      return [{ field: "(body)", message: `must be an object of ${THRESHOLD_FIELDS.join(", ")}` }];
    const field = issue.path.join(".");
    const missing =
      input !== null && typeof input === "object" && (input as Record<string, unknown>)[field] === undefined;
    return [{ field, message: missing ? `is required (${RANGE})` : `must be ${RANGE}` }];
  });
  throw new AppError("validation", errors.map((e) => `${e.field} ${e.message}`).join("; "), errors);
}

/** Replaces the thresholds (every field is required), audited (settings' writeSetting). */
export async function updateAlertThresholds(prisma: PrismaClient, input: unknown): Promise<AlertThresholds> {
  requirePermission("analytics", "configure");
  const value = parseAlertThresholds(input);
  await writeSetting(prisma, THRESHOLDS_KEY, value, ["analytics", "configure"]);
  return value;
}
