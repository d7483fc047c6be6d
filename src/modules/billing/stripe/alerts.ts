// Billing alerts (table billing_alerts): a failed payment or a dispute opened in Stripe, shown on the
// dashboard to admins with billing.view until one of them acknowledges it.
import type { BillingAlertKind, Prisma, PrismaClient } from "@prisma/client";
import { writeAudit } from "../../../lib/audit.js";
import { AppError } from "../../../lib/errors.js";
import { requirePermission } from "../../../modules/auth/current-admin.js";

export interface NewBillingAlert {
  kind: BillingAlertKind;
  invoiceId?: number | null;
  customerId?: number | null;
  /** What the alert is about, once: the invoice for a failed payment, the dispute for a dispute. */
  subject: string;
  details?: Record<string, unknown>;
}

/**
 * Records an alert unless one of the same kind about the same subject exists (acknowledged or not):
 * Stripe retries a failed payment several times and redelivers events, and each is one alert.
 * Runs in the caller's transaction; an advisory lock on kind + subject makes two racing raises one.
 */
export async function raiseBillingAlert(
  tx: Prisma.TransactionClient,
  alert: NewBillingAlert,
  now: Date = new Date(),
): Promise<{ id: number } | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`billing_alert:${alert.kind}:${alert.subject}`}))`;
  const existing = await tx.billingAlert.findFirst({
    where: { kind: alert.kind, details: { path: ["subject"], equals: alert.subject } },
    select: { id: true },
  });
  if (existing) return null;
  const created = await tx.billingAlert.create({
    data: {
      kind: alert.kind,
      invoiceId: alert.invoiceId ?? null,
      customerId: alert.customerId ?? null,
      details: { subject: alert.subject, ...alert.details } as Prisma.InputJsonValue,
      createdAt: now,
    },
  });
  await writeAudit(tx, {
    action: "create",
    resourceType: "billing_alerts",
    resourceId: created.id,
    after: created,
    adminId: null,
  });
  return { id: created.id };
}

/** Acknowledging is billing's write permission: it changes what every admin's dashboard shows. */
export const ACKNOWLEDGE_PERMISSION = "create_invoice" as const;

/**
 * Marks an alert as seen by the acting admin. Conditional on it being still open: of two admins
 * acknowledging the same alert, one wins and the other gets a conflict.
 */
export async function acknowledgeBillingAlert(prisma: PrismaClient, id: number, now: Date = new Date()) {
  const admin = requirePermission("billing", ACKNOWLEDGE_PERMISSION);
  return prisma.$transaction(async (tx) => {
    const updated = await tx.billingAlert.updateMany({
      where: { id, acknowledgedAt: null },
      data: { acknowledgedAt: now, acknowledgedBy: admin.id },
    });
    if (updated.count === 0) {
      const exists = await tx.billingAlert.findUnique({ where: { id }, select: { id: true } });
      if (!exists) throw new AppError("not_found", `Billing alert #${id} does not exist`);
      throw new AppError("conflict", `Billing alert #${id} is already acknowledged`);
    }
    await writeAudit(tx, {
      action: "acknowledge",
      resourceType: "billing_alerts",
      resourceId: id,
      before: { acknowledgedAt: null, acknowledgedBy: null },
      after: { acknowledgedAt: now, acknowledgedBy: admin.id },
    });
    return tx.billingAlert.findUniqueOrThrow({ where: { id } });
  });
}

export interface OpenBillingAlerts {
  open: number;
  latest: {
    id: number;
    kind: BillingAlertKind;
    invoiceId: number | null;
    invoiceNumber: string | null;
    customerId: number | null;
    createdAt: string;
  }[];
}

/** Unacknowledged billing alerts: how many, and the newest few (for the dashboard). */
export async function openBillingAlerts(prisma: PrismaClient, limit = 5): Promise<OpenBillingAlerts> {
  const where = { acknowledgedAt: null };
  const [open, latest] = await Promise.all([
    prisma.billingAlert.count({ where }),
    prisma.billingAlert.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: {
        id: true,
        kind: true,
        invoiceId: true,
        customerId: true,
        createdAt: true,
        invoice: { select: { invoiceNumber: true } },
      },
    }),
  ]);
  return {
    open,
    latest: latest.map(({ invoice, createdAt, ...a }) => ({
      ...a,
      invoiceNumber: invoice?.invoiceNumber ?? null,
      createdAt: createdAt.toISOString(),
    })),
  };
}
