import type { PrismaClient } from "@prisma/client";
import { currentContext } from "../../lib/request-context.js";
import { can, type Grantee } from "../auth/permissions.js";
import { openAlerts, type OpenAlerts } from "../auth/security-alerts.js";
import { openBillingAlerts, type OpenBillingAlerts } from "../billing/stripe/alerts.js";

export interface DashboardOverview {
  aiQueue: { pending: number; processing: number; oldestPendingAt: string | null };
  customers: { total: number; active: number };
  sites: { total: number; active: number; down: number };
  invoices: { pending: number; overdue: number; overdueAmount: string };
  /** Unacknowledged security alerts; null for an admin without settings.view. */
  securityAlerts: OpenAlerts | null;
  /** Unacknowledged billing alerts (failed payments, disputes); null for an admin without billing.view. */
  billingAlerts: OpenBillingAlerts | null;
  generatedAt: string;
}

/**
 * The figures the dashboard opens with: what is waiting and what is broken, from small live queries.
 * `viewer` (the request's admin by default) decides whether the security alerts are included.
 */
export async function overview(
  prisma: PrismaClient,
  now = new Date(),
  viewer: Grantee | null | undefined = currentContext()?.admin,
): Promise<DashboardOverview> {
  const [queue, oldest, customers, sites, down, invoices, securityAlerts, billingAlerts] = await Promise.all([
    prisma.aiRequest.groupBy({ by: ["status"], where: { status: { in: ["pending", "processing"] } }, _count: true }),
    prisma.aiRequest.findFirst({
      where: { status: "pending" },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    prisma.customer.groupBy({ by: ["status"], _count: true }),
    prisma.site.groupBy({ by: ["status"], _count: true }),
    // A site is down when its latest http check failed.
    prisma.$queryRaw<{ down: bigint }[]>`
      SELECT count(*) AS down FROM (
        SELECT DISTINCT ON (site_id) is_up FROM site_monitoring
         WHERE check_type = 'http' AND check_time > ${new Date(now.getTime() - 24 * 3600_000)}
         ORDER BY site_id, check_time DESC) latest
       WHERE NOT is_up`,
    prisma.$queryRaw<{ pending: bigint; overdue: bigint; overdue_amount: string | null }[]>`
      SELECT count(*) FILTER (WHERE status = 'pending') AS pending,
             count(*) FILTER (WHERE status IN ('pending','failed') AND due_at < ${now}) AS overdue,
             COALESCE(sum(total_amount) FILTER (WHERE status IN ('pending','failed') AND due_at < ${now}), 0)::text AS overdue_amount
        FROM invoices WHERE status IN ('pending','failed')`,
    can(viewer, "settings", "view") ? openAlerts(prisma) : Promise.resolve(null),
    can(viewer, "billing", "view") ? openBillingAlerts(prisma) : Promise.resolve(null),
  ]);
  const countOf = <T extends { _count: number }>(rows: (T & { status: string })[], status?: string) =>
    rows.filter((r) => status === undefined || r.status === status).reduce((n, r) => n + r._count, 0);
  return {
    aiQueue: {
      pending: countOf(queue, "pending"),
      processing: countOf(queue, "processing"),
      oldestPendingAt: oldest?.createdAt.toISOString() ?? null,
    },
    customers: { total: countOf(customers), active: countOf(customers, "active") },
    sites: { total: countOf(sites), active: countOf(sites, "active"), down: Number(down[0]?.down ?? 0) },
    invoices: {
      pending: Number(invoices[0]?.pending ?? 0),
      overdue: Number(invoices[0]?.overdue ?? 0),
      overdueAmount: invoices[0]?.overdue_amount ?? "0",
    },
    securityAlerts,
    billingAlerts,
    generatedAt: now.toISOString(),
  };
}
