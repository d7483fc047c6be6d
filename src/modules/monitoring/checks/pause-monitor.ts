// Pausing and resuming a monitor (monitoring.configure_alerts): a conditional update, so a monitor
// already paused (or running) is a conflict, not a second audit row. A resumed monitor is due at once.
import type { Monitor, PrismaClient } from "@prisma/client";
import { writeAudit } from "../../../lib/audit.js";
import { AppError } from "../../../lib/errors.js";
import { requirePermission } from "../../auth/index.js";

async function setEnabled(prisma: PrismaClient, id: number, enabled: boolean): Promise<Monitor> {
  requirePermission("monitoring", "configure_alerts");
  return prisma.$transaction(async (tx) => {
    const before = await tx.monitor.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found", `Monitor #${id} does not exist`);
    const { count } = await tx.monitor.updateMany({
      where: { id, enabled: !enabled },
      data: enabled ? { enabled: true, nextCheckAt: new Date() } : { enabled: false },
    });
    if (count === 0) {
      throw new AppError("conflict", enabled ? `Monitor #${id} is not paused` : `Monitor #${id} is already paused`);
    }
    const after = await tx.monitor.findUniqueOrThrow({ where: { id } });
    await writeAudit(tx, {
      action: enabled ? "monitoring.monitor_resume" : "monitoring.monitor_pause",
      resourceType: "monitors",
      resourceId: id,
      before,
      after,
    });
    return after;
  });
}

/** enabled -> paused: the rounds skip it until it is resumed. */
export function pauseMonitor(prisma: PrismaClient, id: number): Promise<Monitor> {
  return setEnabled(prisma, id, false);
}

/** paused -> enabled, due at once. */
export function resumeMonitor(prisma: PrismaClient, id: number): Promise<Monitor> {
  return setEnabled(prisma, id, true);
}
