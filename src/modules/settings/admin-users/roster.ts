// The roster of admin users a change is checked against, read under lock.
import type { Prisma } from "@prisma/client";
import { refuse } from "../admin-user-error.js";
import type { RosterEntry } from "./roster-rules.js";

/** The audit trail's resource type for these rows: the table, as AdminJS's own writes name it. */
export const RESOURCE = "admin_users";

export const ADMIN_FIELDS = { id: true, email: true, name: true, role: true, status: true, permissions: true } as const;

export type AdminRow = Prisma.AdminUserGetPayload<{ select: typeof ADMIN_FIELDS }>;

export function asRosterEntry(row: AdminRow): RosterEntry {
  const permissions = Array.isArray(row.permissions)
    ? row.permissions.filter((p): p is string => typeof p === "string")
    : null;
  return { id: row.id, role: row.role, status: row.status, permissions };
}

/**
 * Locks the target and every active super admin, in id order (no deadlock between two callers), and
 * reads them. Two admins demoting or disabling the last two super admins at once cannot both
 * succeed: the second waits for the first to commit, and then sees one super admin fewer.
 */
export async function lockRoster(tx: Prisma.TransactionClient, targetId: number) {
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM admin_users
    WHERE id = ${targetId} OR (role = 'super_admin' AND status = 'active')
    ORDER BY id
    FOR UPDATE`;
  const rows = await tx.adminUser.findMany({ where: { id: { in: locked.map((r) => r.id) } }, select: ADMIN_FIELDS });
  const target = rows.find((row) => row.id === targetId);
  if (!target) throw refuse.notFound();
  return { target, roster: rows.map(asRosterEntry) };
}
