// Editing an admin user (the AdminJS edit form, the REST table route): e-mail, name, role, permissions,
// status, checked against the roster (roster-rules.ts).
import { Prisma, type PrismaClient } from "@prisma/client";
import { writeAudit } from "../../../lib/audit.js";
import { isKnownPermission, type Role } from "../../auth/permissions.js";
import { refuse } from "../admin-user-error.js";
import { endSessions } from "../end-sessions.js";
import { ADMIN_FIELDS, RESOURCE, asRosterEntry, lockRoster, type AdminRow } from "./roster.js";
import { lastSuperAdminField, rosterRefusal, type AdminStatus, type RosterEntry } from "./roster-rules.js";

/** What an edit of an admin user may change; absent fields stay as they are. null permissions: the role decides. */
export interface AdminChanges {
  email?: string;
  name?: string;
  role?: Role;
  status?: AdminStatus;
  permissions?: string[] | null;
}

/**
 * Edits an admin user (the AdminJS edit form): e-mail, name, role, permissions, status. The last
 * active super admin keeps settings.system; disabling ends the user's logins. The password is not
 * among the changes: another admin's password is never chosen by an admin (startPasswordReset).
 */
export async function updateAdminUser(
  prisma: PrismaClient,
  actorId: number | null,
  targetId: number,
  changes: AdminChanges,
): Promise<AdminRow> {
  const unknown = (changes.permissions ?? []).filter((p) => {
    const [module = "", permission = ""] = p.split(".");
    return !isKnownPermission(module, permission);
  });
  if (unknown.length) throw refuse.permissionUnknown(unknown);
  const email = changes.email?.trim().toLowerCase();
  const update = prisma.$transaction(async (tx) => {
    const { target, roster } = await lockRoster(tx, targetId);
    const data: Prisma.AdminUserUpdateInput = {};
    if (email !== undefined && email !== target.email) {
      const taken = await tx.adminUser.findFirst({ where: { email, id: { not: targetId } }, select: { id: true } });
      if (taken) throw refuse.emailTaken();
      data.email = email;
    }
    if (changes.name !== undefined) data.name = changes.name.trim();
    if (changes.role !== undefined) data.role = changes.role;
    if (changes.status !== undefined) data.status = changes.status;
    if (changes.permissions !== undefined)
      data.permissions = changes.permissions === null ? Prisma.DbNull : changes.permissions;

    const before = asRosterEntry(target);
    const after: RosterEntry = {
      ...before,
      role: changes.role ?? before.role,
      status: changes.status ?? before.status,
      permissions: changes.permissions !== undefined ? changes.permissions : before.permissions,
    };
    const refusal = rosterRefusal(actorId, before, after, roster);
    if (refusal === "selfDisable") throw refuse.selfDisable();
    if (refusal === "lastSuperAdmin") throw refuse.lastSuperAdmin(lastSuperAdminField(before, after));

    // The rows are locked: this update cannot race with another change of the roster.
    const updated = await tx.adminUser.update({ where: { id: targetId }, data, select: ADMIN_FIELDS });
    const ended = before.status === "active" && after.status === "disabled" ? await endSessions(tx, targetId) : null;
    await writeAudit(tx, {
      action: "update",
      resourceType: RESOURCE,
      resourceId: targetId,
      before: target,
      after: ended ? { ...updated, ...ended } : updated,
    });
    return updated;
  });
  // Two edits giving one e-mail to two accounts at once: the unique index decides.
  return update.catch((error: unknown) => {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw refuse.emailTaken();
    throw error;
  });
}
