// Ending every login of an admin account at once.
import type { PrismaClient } from "@prisma/client";
import { writeAudit } from "../../../lib/audit.js";
import { refuse } from "../admin-user-error.js";
import { endSessions, type EndedSessions } from "../end-sessions.js";
import { RESOURCE } from "./roster.js";

/** Ends every login of an account, form sessions and API tokens (a lost laptop, a leaked token). */
export async function forceLogout(prisma: PrismaClient, targetId: number): Promise<EndedSessions> {
  return prisma.$transaction(async (tx) => {
    const target = await tx.adminUser.findUnique({ where: { id: targetId }, select: { id: true } });
    if (!target) throw refuse.notFound();
    const ended = await endSessions(tx, targetId);
    await writeAudit(tx, { action: "force_logout", resourceType: RESOURCE, resourceId: targetId, after: { ...ended } });
    return ended;
  });
}
