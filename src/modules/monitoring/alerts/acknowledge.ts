// "Acknowledge" (Prendre en charge) an open incident: the acting admin takes it, which stops its
// escalation and its reminders. From the incident's page, REST, or the signed link of an alert e-mail;
// a conditional update (open and not yet acknowledged), audited in the same transaction, so of two
// admins acknowledging at once one wins and the other is told it is taken.
import type { Incident, PrismaClient } from "@prisma/client";
import { writeAudit } from "../../../lib/audit.js";
import { AppError } from "../../../lib/errors.js";
import { requirePermission } from "../../auth/index.js";

export async function acknowledgeIncident(prisma: PrismaClient, id: number, now = new Date()): Promise<Incident> {
  const admin = requirePermission("monitoring", "configure_alerts");
  return prisma.$transaction(async (tx) => {
    const before = await tx.incident.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found", `Incident #${id} does not exist`);
    const { count } = await tx.incident.updateMany({
      where: { id, acknowledgedAt: null, resolvedAt: null },
      data: { acknowledgedAt: now, acknowledgedById: admin.id },
    });
    if (count === 0) {
      const current = await tx.incident.findUniqueOrThrow({ where: { id } });
      throw new AppError(
        "conflict",
        current.resolvedAt ? `Incident #${id} is already resolved` : `Incident #${id} is already acknowledged`,
      );
    }
    const after = await tx.incident.findUniqueOrThrow({ where: { id } });
    await writeAudit(tx, { action: "incident.acknowledge", resourceType: "incidents", resourceId: id, before, after });
    return after;
  });
}
