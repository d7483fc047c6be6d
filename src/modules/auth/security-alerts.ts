// Security alerts (table security_alerts): suspicious login activity, shown on the dashboard until an
// admin acknowledges it. Raised by the login protection (service.ts authenticate).
import type { Prisma, PrismaClient, SecurityAlertKind } from "@prisma/client";
import { writeAudit } from "../../lib/audit.js";
import { AppError } from "../../lib/errors.js";
import { requirePermission } from "./current-admin.js";

/** An open alert of the same kind about the same subject, younger than this, absorbs a new one. */
export const ALERT_DEDUPE_MS = 3600_000;

export interface NewAlert {
  kind: SecurityAlertKind;
  adminId?: number | null;
  email?: string | null;
  ipAddress?: string | null;
  details?: Record<string, unknown>;
}

/** What an alert is about, for deduplication: the account for a lock, the IP for a burst, both for a new IP. */
export function alertSubject(alert: NewAlert): Prisma.SecurityAlertWhereInput {
  switch (alert.kind) {
    case "failed_login_burst":
      return { ipAddress: alert.ipAddress ?? null };
    case "account_locked":
      return { email: alert.email ?? null };
    case "new_ip_login":
      return { adminId: alert.adminId ?? null, ipAddress: alert.ipAddress ?? null };
    default:
      return { adminId: alert.adminId ?? null };
  }
}

/**
 * Records an alert unless an open one of the same kind about the same subject was raised in the last hour.
 * Runs in the caller's transaction; an advisory lock on kind + subject makes two racing raises one.
 */
export async function raiseAlert(
  tx: Prisma.TransactionClient,
  alert: NewAlert,
  now = new Date(),
): Promise<{ id: number } | null> {
  const subject = alertSubject(alert);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`security_alert:${alert.kind}:${JSON.stringify(subject)}`}))`;
  const open = await tx.securityAlert.findFirst({
    where: {
      kind: alert.kind,
      ...subject,
      acknowledgedAt: null,
      createdAt: { gte: new Date(now.getTime() - ALERT_DEDUPE_MS) },
    },
    select: { id: true },
  });
  if (open) return null;
  const created = await tx.securityAlert.create({
    data: {
      kind: alert.kind,
      adminId: alert.adminId ?? null,
      email: alert.email?.slice(0, 254) ?? null,
      ipAddress: alert.ipAddress ?? null,
      details: (alert.details ?? undefined) as Prisma.InputJsonValue | undefined,
      createdAt: now,
    },
    select: { id: true, kind: true, adminId: true, email: true, ipAddress: true, details: true },
  });
  // Raised by the system, not by whoever was trying to log in.
  await writeAudit(tx, {
    action: "create",
    resourceType: "security_alerts",
    resourceId: created.id,
    after: created,
    adminId: null,
  });
  return { id: created.id };
}

/**
 * Marks an alert as seen by the acting admin (settings.edit). Conditional on it being still open: of two
 * admins acknowledging the same alert, one wins and the other gets a conflict.
 */
export async function acknowledgeAlert(prisma: PrismaClient, id: number, now = new Date()) {
  const adminId = requirePermission("settings", "edit").id;
  return prisma.$transaction(async (tx) => {
    const updated = await tx.securityAlert.updateMany({
      where: { id, acknowledgedAt: null },
      data: { acknowledgedAt: now, acknowledgedBy: adminId },
    });
    if (updated.count === 0) {
      const exists = await tx.securityAlert.findUnique({ where: { id }, select: { id: true } });
      if (!exists) throw new AppError("not_found", `Security alert ${id} does not exist`);
      throw new AppError("conflict", `Security alert ${id} is already acknowledged`);
    }
    await writeAudit(tx, {
      action: "acknowledge",
      resourceType: "security_alerts",
      resourceId: id,
      before: { acknowledgedAt: null, acknowledgedBy: null },
      after: { acknowledgedAt: now, acknowledgedBy: adminId },
    });
    return tx.securityAlert.findUniqueOrThrow({ where: { id } });
  });
}

/** Acknowledges each alert still open; the ones already acknowledged (or gone) are skipped, not errors. */
export async function acknowledgeAlerts(
  prisma: PrismaClient,
  ids: number[],
  now = new Date(),
): Promise<{ acknowledged: number[]; skipped: number[] }> {
  const acknowledged: number[] = [];
  const skipped: number[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      await acknowledgeAlert(prisma, id, now);
      acknowledged.push(id);
    } catch (err) {
      if (err instanceof AppError && (err.code === "conflict" || err.code === "not_found")) skipped.push(id);
      else throw err;
    }
  }
  return { acknowledged, skipped };
}

export interface OpenAlerts {
  open: number;
  latest: { id: number; kind: SecurityAlertKind; email: string | null; ipAddress: string | null; createdAt: string }[];
}

/** Unacknowledged alerts: how many, and the newest few (for the dashboard). */
export async function openAlerts(prisma: PrismaClient, limit = 5): Promise<OpenAlerts> {
  const where = { acknowledgedAt: null };
  const [open, latest] = await Promise.all([
    prisma.securityAlert.count({ where }),
    prisma.securityAlert.findMany({
      where,
      orderBy: { createdAt: "desc" },
      take: limit,
      select: { id: true, kind: true, email: true, ipAddress: true, createdAt: true },
    }),
  ]);
  return { open, latest: latest.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })) };
}
