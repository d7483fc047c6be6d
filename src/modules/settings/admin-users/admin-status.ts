// Disabling and re-enabling an admin account.
import type { PrismaClient } from "@prisma/client";
import { writeAudit } from "../../../lib/audit.js";
import { refuse } from "../admin-user-error.js";
import { endSessions, type EndedSessions } from "../end-sessions.js";
import { RESOURCE, asRosterEntry, lockRoster } from "./roster.js";
import { rosterRefusal, type AdminStatus } from "./roster-rules.js";

/**
 * Disables or re-enables an account. A conditional update (status as read): two admins clicking at
 * once get one change and one "already" conflict. Disabling ends every login of the account at once;
 * the session middleware would refuse the next request anyway, the API token check too.
 */
export async function setAdminStatus(
  prisma: PrismaClient,
  actorId: number | null,
  targetId: number,
  status: AdminStatus,
): Promise<EndedSessions | null> {
  return prisma.$transaction(async (tx) => {
    const { target, roster } = await lockRoster(tx, targetId);
    if (target.status === status) throw status === "disabled" ? refuse.alreadyDisabled() : refuse.alreadyActive();
    const before = asRosterEntry(target);
    const refusal = rosterRefusal(actorId, before, { ...before, status }, roster);
    if (refusal === "selfDisable") throw refuse.selfDisable();
    if (refusal === "lastSuperAdmin") throw refuse.lastSuperAdmin("status");

    const changed = await tx.adminUser.updateMany({ where: { id: targetId, status: target.status }, data: { status } });
    if (changed.count !== 1) throw status === "disabled" ? refuse.alreadyDisabled() : refuse.alreadyActive();
    const ended = status === "disabled" ? await endSessions(tx, targetId) : null;
    await writeAudit(tx, {
      action: status === "disabled" ? "disable" : "enable",
      resourceType: RESOURCE,
      resourceId: targetId,
      before: { status: target.status },
      after: { status, ...ended },
    });
    return ended;
  });
}

export const disableAdmin = (prisma: PrismaClient, actorId: number | null, targetId: number) =>
  setAdminStatus(prisma, actorId, targetId, "disabled");

export const enableAdmin = (prisma: PrismaClient, actorId: number | null, targetId: number) =>
  setAdminStatus(prisma, actorId, targetId, "active");
