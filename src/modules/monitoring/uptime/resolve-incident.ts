// Resolving an incident by hand (issue 14, item 7): for an outage the checks cannot see end (a monitor
// deleted or paused while its incident was open), monitoring.configure_alerts closes it. A conditional
// update: of two admins resolving together, or an admin racing the checks' own resolution, one wins and
// the other gets a 409. Audited in the same transaction.
import type { Incident, PrismaClient } from "@prisma/client";
import { AppError } from "../../../lib/errors.js";
import { writeAudit } from "../../../lib/audit.js";
import { requirePermission } from "../../auth/index.js";

export async function resolveIncident(prisma: PrismaClient, id: number, now: Date = new Date()): Promise<Incident> {
  requirePermission("monitoring", "configure_alerts");
  return prisma.$transaction(async (tx) => {
    const before = await tx.incident.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found", `No incident ${id}`);
    const { count } = await tx.incident.updateMany({ where: { id, resolvedAt: null }, data: { resolvedAt: now } });
    if (count === 0) throw new AppError("conflict", `Incident ${id} is already resolved`);
    const after = await tx.incident.findUniqueOrThrow({ where: { id } });
    await writeAudit(tx, { action: "resolve", resourceType: "incidents", resourceId: id, before, after });
    return after;
  });
}
