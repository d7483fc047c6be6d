// What the dashboard reads live, one small query each: the snapshots, the AI queue, sites down, overdue
// invoices, customers, failed jobs.
import { Prisma, type PrismaClient } from "@prisma/client";
import type { Queues } from "../../queues/queues.js";
import { cents, money } from "../billing/money.js";
import { UNPAID_STATUSES } from "../billing/dunning.js";
import { aiQueueCounts } from "../ai-queue/index.js";
import { isoDay, slaByPriority } from "./rules.js";
import type { SnapshotRow } from "./types.js";

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
 * Sites down now: those with an open incident (the monitoring module opens one after a monitor's
 * failure_threshold consecutive failures and resolves it after its success_threshold successes), so a
 * single failed check is not an outage and the dashboard agrees with the status page. Read from the
 * open incidents (incidents_resolved_at_idx): few rows, whatever the number of checks.
 */
export async function sitesDown(prisma: PrismaClient, now: Date): Promise<number> {
  const [row] = await prisma.$queryRaw<{ down: number }[]>`
    SELECT count(DISTINCT site_id)::int AS down FROM incidents
     WHERE resolved_at IS NULL AND opened_at <= ${now}`;
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
