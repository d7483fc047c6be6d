// The audit trail (admin_activity_log): every mutation, from every path, in the transaction of the change.
import type { Prisma } from "@prisma/client";
import { currentContext } from "./request-context.js";

/** Never written to the log, whatever the table: hashes, tokens, keys. */
const SECRET_KEY = /password|token|secret|api_?key|hash/i;

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

function redact(key: string, value: unknown): unknown {
  return SECRET_KEY.test(key) ? "[redacted]" : plain(value);
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
  const { oldValues, newValues } = changes(entry.before, entry.after);
  const numericId = typeof entry.resourceId === "number" ? entry.resourceId : null;
  return {
    adminId: entry.adminId !== undefined ? entry.adminId : (ctx?.admin?.id ?? null),
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: numericId,
    // A text key (admin_sessions) has no place in resource_id: it goes with the values.
    oldValues: (oldValues ?? undefined) as Prisma.InputJsonValue | undefined,
    newValues: (newValues ??
      (numericId === null && entry.resourceId != null ? { id: String(entry.resourceId) } : undefined)) as
      Prisma.InputJsonValue | undefined,
    ipAddress: ctx?.ip ?? null,
    userAgent: ctx?.userAgent?.slice(0, 500) ?? null,
  };
}

/** Writes one admin_activity_log row with the actor, IP and user agent of the running request or job. */
export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.adminActivityLog.create({ data: auditRecord(entry) });
}
