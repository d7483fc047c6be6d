// The audit trail (admin_activity_log): every mutation, from every path, in the transaction of the change.
import type { Prisma } from "@prisma/client";
import { currentContext } from "./request-context.js";

/**
 * Never written to the log, whatever the table or the depth: passwords and their hashes, tokens and
 * their ids (jti), session ids, secrets, keys, cookies. Matched on the key without case, `_` or `-`.
 */
const SECRET_KEY =
  /password|passwd|passphrase|token(?!s)|secret|apikey|privatekey|hash|credential|cookie|authorization|signature/;
const SECRET_NAME = new Set(["jti", "sid", "sessionid", "session", "otp", "pin"]);

/** Whether a field's value is a credential, by its name (camelCase, snake_case, kebab-case alike). */
export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[-_\s]/g, "");
  return SECRET_NAME.has(k) || SECRET_KEY.test(k);
}

/** Tables whose row id is itself a credential (an admin_sessions id is a live token's jti). */
const SECRET_ID_TABLES = new Set(["admin_sessions"]);

type Row = Record<string, unknown> | null | undefined;

function plain(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  // Prisma.Decimal and similar value objects print themselves exactly.
  if (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    typeof (value as { toFixed?: unknown }).toFixed === "function"
  )
    return String(value);
  return value;
}

export const REDACTED = "[redacted]";

/** `value` with every credential-named field (nested in objects and arrays too) replaced by REDACTED. */
export function redact(key: string, value: unknown): unknown {
  if (isSecretKey(key)) return value === null || value === undefined ? null : REDACTED;
  const v = plain(value);
  if (Array.isArray(v)) return v.map((item) => redact("", item));
  if (v !== null && typeof v === "object")
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, item]) => [k, redact(k, item)]));
  return v;
}

/** A row's fields, with the id redacted where the id is a credential. */
function withoutSecretId(resourceType: string, row: Row): Row {
  if (!row || !SECRET_ID_TABLES.has(resourceType) || !("id" in row)) return row;
  return { ...row, id: REDACTED };
}

/** The fields that differ, as {old, new} objects with secrets redacted; all fields for a create or delete. */
export function changes(
  before: Row,
  after: Row,
): { oldValues: Record<string, unknown> | null; newValues: Record<string, unknown> | null } {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const oldValues: Record<string, unknown> = {};
  const newValues: Record<string, unknown> = {};
  for (const key of keys) {
    const a = plain(before?.[key]);
    const b = plain(after?.[key]);
    if (before && after && JSON.stringify(a) === JSON.stringify(b)) continue;
    if (before) oldValues[key] = redact(key, before[key]);
    if (after) newValues[key] = redact(key, after[key]);
  }
  return { oldValues: before ? oldValues : null, newValues: after ? newValues : null };
}

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId?: number | string | null;
  before?: Row;
  after?: Row;
  /** Overrides the acting admin of the request context (e.g. the account a failed login targeted). */
  adminId?: number | null;
}

/** The admin_activity_log row of an entry, with the actor, IP and user agent of the running request or job. */
export function auditRecord(entry: AuditEntry) {
  const ctx = currentContext();
  const { oldValues, newValues } = changes(
    withoutSecretId(entry.resourceType, entry.before),
    withoutSecretId(entry.resourceType, entry.after),
  );
  const numericId = typeof entry.resourceId === "number" ? entry.resourceId : null;
  // A text key goes with the values, unless it is a credential (a session's id).
  const textId = numericId === null && entry.resourceId != null && !SECRET_ID_TABLES.has(entry.resourceType);
  return {
    adminId: entry.adminId !== undefined ? entry.adminId : (ctx?.admin?.id ?? null),
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: numericId,
    oldValues: (oldValues ?? undefined) as Prisma.InputJsonValue | undefined,
    newValues: (newValues ?? (textId ? { id: String(entry.resourceId) } : undefined)) as
      Prisma.InputJsonValue | undefined,
    ipAddress: ctx?.ip ?? null,
    userAgent: ctx?.userAgent?.slice(0, 500) ?? null,
  };
}

/** Writes one admin_activity_log row with the actor, IP and user agent of the running request or job. */
export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.adminActivityLog.create({ data: auditRecord(entry) });
}
