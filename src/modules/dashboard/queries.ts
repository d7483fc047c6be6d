// What the dashboard reads live, one small query each: the snapshots, the AI queue, sites down, overdue
// invoices, customers, failed jobs.
import { Prisma, type PrismaClient } from "@prisma/client";
import type { Queues } from "../../queues/queues.js";
import { cents, money } from "../billing/money.js";
import { UNPAID_STATUSES } from "../billing/dunning.js";
import { aiQueueCounts } from "../ai-queue/index.js";
import { isoDay, slaByPriority } from "./rules.js";
import type { SnapshotRow } from "./types.js";

const HOUR_MS = 3_600_000;
/** A site's latest HTTP check counts as "now" for this long; an older one means monitoring stopped. */
export const SITE_CHECK_FRESHNESS_MS = 24 * HOUR_MS;

/** The snapshots from the day before the previous period to the period's end (at most 2 x 90 + 1 rows). */
export function snapshots(prisma: PrismaClient, from: Date, to: Date) {
  return prisma.$queryRaw<SnapshotRow[]>`
    SELECT to_char(metric_date, 'YYYY-MM-DD') AS day, active_customers, new_customers, churned_customers,
           monthly_revenue::text, ai_requests_count, ai_revenue::text
      FROM business_metrics
     WHERE metric_date BETWEEN ${isoDay(from)}::date AND ${isoDay(to)}::date
     ORDER BY metric_date`;
}

/** The AI queue now: pending and processing as the Queue IA page and the list count them (aiQueueCounts). */
export async function aiQueueNow(prisma: PrismaClient, sla: Record<string, number>, now: Date) {
  const hours = slaByPriority(sla);
  const [counts, [row]] = await Promise.all([
    aiQueueCounts(prisma),
    prisma.$queryRaw<{ over_sla: number; oldest: Date | null }[]>`
    SELECT count(*) FILTER (WHERE created_at <= ${now}::timestamptz - (${hours}::float8[])[priority] * interval '1 hour')::int AS over_sla,
           min(created_at) AS oldest
      FROM ai_requests
     WHERE status = 'pending'`,
  ]);
  return {
    pending: counts.pending,
    processing: counts.processing,
    overSla: row?.over_sla ?? 0,
    oldestPendingAt: row?.oldest?.toISOString() ?? null,
  };
}

/**
 * Sites whose latest HTTP check (within SITE_CHECK_FRESHNESS_MS) failed. Read from the failures: the
 * latest recent failure of each site (site_monitoring_http_failures_idx), kept when no HTTP check of
 * the site came after it. Failures are few, so this costs a probe per failing site, not one per
 * monitored site.
 */
export async function sitesDown(prisma: PrismaClient, now: Date): Promise<number> {
  const since = new Date(now.getTime() - SITE_CHECK_FRESHNESS_MS);
  const [row] = await prisma.$queryRaw<{ down: number }[]>`
    SELECT count(*)::int AS down FROM (
      SELECT DISTINCT ON (site_id) site_id, check_time FROM site_monitoring
       WHERE check_type = 'http' AND NOT is_up AND check_time > ${since} AND check_time <= ${now}
       ORDER BY site_id, check_time DESC) f
     WHERE NOT EXISTS (
       SELECT 1 FROM site_monitoring later
        WHERE later.site_id = f.site_id AND later.check_type = 'http'
          AND later.check_time > f.check_time AND later.check_time <= ${now})`;
  return row?.down ?? 0;
}

/**
 * Issued invoices past their due date and still unpaid (dunning.ts), and what they add up to. The
 * statuses are written into the SQL (constants, never input) so that invoices_unpaid_due_at_idx,
 * partial on them, answers.
 */
const UNPAID_SQL = Prisma.raw(UNPAID_STATUSES.map((s) => `'${s}'`).join(", "));

export async function overdueNow(prisma: PrismaClient, now: Date, withAmounts: boolean) {
  const rows = await prisma.$queryRaw<{ currency: string; n: number; amount: string }[]>`
    SELECT currency, count(*)::int AS n, sum(total_amount)::text AS amount
      FROM invoices
     WHERE status IN (${UNPAID_SQL}) AND due_at < ${now}
     GROUP BY currency ORDER BY currency`;
  return {
    count: rows.reduce((n, r) => n + r.n, 0),
    ...(withAmounts
      ? { amounts: rows.map((r) => ({ currency: r.currency, amount: cents(money(r.amount)).toFixed(2) })) }
      : {}),
  };
}

export async function customersNow(prisma: PrismaClient) {
  const [row] = await prisma.$queryRaw<{ total: number; active: number }[]>`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'active')::int AS active FROM customers`;
  return { total: row?.total ?? 0, active: row?.active ?? 0 };
}

/** Failed jobs of every queue (BullMQ keeps them until they are retried or removed). */
export async function failedJobs(queues: Pick<Queues, "byName">): Promise<Record<string, number>> {
  const entries = await Promise.all(
    Object.entries(queues.byName).map(async ([name, queue]) => [name, await queue.getFailedCount()] as const),
  );
  return Object.fromEntries(entries);
}
