// The daily business snapshot (issue 6, item 1): one business_metrics row per UTC day, the day being
// [metric_date 00:00, next day 00:00) UTC. Definitions (the README's "Analytics" section says the same):
// - total_customers: customers created before the day's end;
// - new_customers: customers created during the day;
// - active_customers: paying customers at the day's end: MRR > 0 from subscription_history, as billing
//   counts them (src/modules/billing/metrics.ts, whose function gives this figure);
// - churned_customers: customers whose MRR went from > 0 at the day's start to 0 at its end (billing's
//   customer churn, over one day instead of one month): MRR "at" a boundary is the MRR in force just
//   before it, so a change at midnight belongs to the day it opens;
// - total_sites: sites created before the day's end; active_sites: those of them whose status is active.
//   Site status has no history: a snapshot of a past day (a backfill) uses each site's current status;
// - monthly_revenue: MRR at the day's end (billing's revenueMetrics, not a copy of its SQL);
// - ai_requests_count: AI requests completed during the day (completed_at);
// - ai_revenue: the billed price of those requests, the total_price of their invoice line (an included
//   credit is a 0.00 line; a request not billed adds nothing).
//
// Each figure is one set-based query over an index: created_at of customers and sites, completed_at of
// ai_requests, (customer_id, valid_from) and valid_from of subscription_history for the churn (only the
// customers whose subscriptions changed during the day are looked at), so a snapshot costs the same on
// 100k customers and 1M AI requests as on the demo.
//
// Re-running a day replaces its row (upsert on the unique metric_date). Runs for one day are serialised
// by a transaction-scoped advisory lock, so concurrent runs leave one row and each audit row tells what
// its run replaced.
import { Prisma, type PrismaClient } from "@prisma/client";
import { AppError } from "../../lib/errors.js";
import { writeAudit } from "../../lib/audit.js";
import { revenueMetrics } from "../billing/metrics.js";

type Db = PrismaClient | Prisma.TransactionClient;

const DAY_MS = 86_400_000;
/** The advisory lock class of snapshots; the second key is the day's number since 1970-01-01. */
const SNAPSHOT_LOCK = 6_061_001;

// ---------------------------------------------------------------------------------------------
// UTC calendar days, as "YYYY-MM-DD"
// ---------------------------------------------------------------------------------------------

/** True for a real calendar date written "YYYY-MM-DD" (2026-02-30 is not one). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
}

/** `value` as a calendar day, or a 400 naming `field`. */
export function parseDay(value: unknown, field = "date"): string {
  if (typeof value === "string" && isCalendarDay(value)) return value;
  const message =
    value === undefined || value === ""
      ? "is required: a date like 2026-01-31"
      : "must be a calendar date like 2026-01-31";
  throw new AppError("validation", `${field} ${message}`, [{ field, message }]);
}

/** Midnight UTC starting the day. */
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

/** The UTC day of an instant. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

export const addDays = (day: string, count: number): string =>
  dayOf(new Date(dayStart(day).getTime() + count * DAY_MS));

/** [start, end) of the day. */
export function dayBounds(day: string): { start: Date; end: Date } {
  const start = dayStart(day);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

/** The UTC day before the one `now` falls in: what the 00:05 job snapshots. */
export const dayJustEnded = (now: Date): string => addDays(dayOf(now), -1);

/** How many days from `from` to `to`, both included (0 when from > to). */
export const dayCount = (from: string, to: string): number =>
  Math.max(0, Math.round((dayStart(to).getTime() - dayStart(from).getTime()) / DAY_MS) + 1);

/** Every day from `from` to `to`, both included (empty when from > to). */
export function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

// ---------------------------------------------------------------------------------------------
// The snapshot
// ---------------------------------------------------------------------------------------------

/** A business_metrics row as the snapshot wrote it: counts as numbers, money as "1234.50". */
export interface BusinessSnapshot {
  id: number;
  metricDate: string;
  totalCustomers: number;
  activeCustomers: number;
  newCustomers: number;
  churnedCustomers: number;
  totalSites: number;
  activeSites: number;
  monthlyRevenue: string;
  aiRequestsCount: number;
  aiRevenue: string;
  /** When the snapshot was taken. */
  createdAt: string;
}

export interface SnapshotOptions {
  /** The row's created_at: when the snapshot was taken (now by default). */
  takenAt?: Date;
  /**
   * Write the audit row (default). The demo seed, which writes its data without audit rows, turns it
   * off; every other caller keeps it.
   */
  audit?: boolean;
}

type MetricRow = Prisma.BusinessMetricGetPayload<object>;

function toSnapshot(row: MetricRow): BusinessSnapshot {
  return {
    id: row.id,
    metricDate: dayOf(row.metricDate),
    totalCustomers: row.totalCustomers,
    activeCustomers: row.activeCustomers,
    newCustomers: row.newCustomers,
    churnedCustomers: row.churnedCustomers,
    totalSites: row.totalSites,
    activeSites: row.activeSites,
    monthlyRevenue: row.monthlyRevenue.toFixed(2),
    aiRequestsCount: row.aiRequestsCount,
    aiRevenue: row.aiRevenue.toFixed(2),
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The customers whose MRR went from > 0 at `start` to 0 at `end`. A customer's MRR at t is the sum,
 * over their subscriptions, of the mrr of each one's latest history row with valid_from < t (the latest
 * by valid_from then id, as billing orders them).
 */
const churnedSql = (start: Date, end: Date) => Prisma.sql`
  SELECT count(*)::int AS n
    FROM (SELECT DISTINCT customer_id FROM subscription_history
           WHERE valid_from >= ${start} AND valid_from < ${end}) moved
   WHERE (SELECT COALESCE(sum(s.mrr), 0) FROM (
            SELECT DISTINCT ON (h.subscription_id) h.mrr FROM subscription_history h
             WHERE h.customer_id = moved.customer_id AND h.valid_from < ${start}
             ORDER BY h.subscription_id, h.valid_from DESC, h.id DESC) s) > 0
     AND (SELECT COALESCE(sum(s.mrr), 0) FROM (
            SELECT DISTINCT ON (h.subscription_id) h.mrr FROM subscription_history h
             WHERE h.customer_id = moved.customer_id AND h.valid_from < ${end}
             ORDER BY h.subscription_id, h.valid_from DESC, h.id DESC) s) = 0`;

async function snapshotIn(tx: Prisma.TransactionClient, day: string, options: SnapshotOptions) {
  const { start, end } = dayBounds(day);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SNAPSHOT_LOCK}::int, ${Math.round(start.getTime() / DAY_MS)}::int)`;
  const before = await tx.businessMetric.findUnique({ where: { metricDate: start } });
  // MRR and paying customers in force at the day's last millisecond (timestamps are stored to the ms).
  const { current } = await revenueMetrics(tx, 1, new Date(end.getTime() - 1));
  const takenAt = options.takenAt ?? new Date();
  await tx.$executeRaw`
    WITH cust AS (
      SELECT count(*)::int AS total, count(*) FILTER (WHERE created_at >= ${start})::int AS fresh
        FROM customers WHERE created_at < ${end}
    ),
    site AS (
      SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'active')::int AS active
        FROM sites WHERE created_at < ${end}
    ),
    ai AS (
      SELECT count(*)::int AS n, COALESCE(sum(i.total_price), 0) AS revenue
        FROM ai_requests r
        LEFT JOIN invoice_items i ON i.ai_request_id = r.id
       WHERE r.completed_at >= ${start} AND r.completed_at < ${end} AND r.status = 'completed'
    ),
    churn AS (${churnedSql(start, end)})
    INSERT INTO business_metrics (metric_date, total_customers, active_customers, new_customers, churned_customers,
                                  total_sites, active_sites, monthly_revenue, ai_requests_count, ai_revenue, created_at)
    SELECT ${day}::date, cust.total, ${current.paying}::int, cust.fresh, churn.n, site.total, site.active,
           ${current.mrr}::numeric, ai.n, ai.revenue, ${takenAt}
      FROM cust, site, ai, churn
    ON CONFLICT (metric_date) DO UPDATE SET
      total_customers = EXCLUDED.total_customers, active_customers = EXCLUDED.active_customers,
      new_customers = EXCLUDED.new_customers, churned_customers = EXCLUDED.churned_customers,
      total_sites = EXCLUDED.total_sites, active_sites = EXCLUDED.active_sites,
      monthly_revenue = EXCLUDED.monthly_revenue, ai_requests_count = EXCLUDED.ai_requests_count,
      ai_revenue = EXCLUDED.ai_revenue, created_at = EXCLUDED.created_at`;
  const after = await tx.businessMetric.findUniqueOrThrow({ where: { metricDate: start } });
  if (options.audit ?? true) {
    await writeAudit(tx, {
      action: before ? "business_metrics.resnapshot" : "business_metrics.snapshot",
      resourceType: "business_metrics",
      resourceId: after.id,
      before,
      after,
    });
  }
  return toSnapshot(after);
}

/**
 * Takes the snapshot of `date` ("YYYY-MM-DD", or the UTC day of a Date) and upserts its row, with its
 * audit row, in one transaction (the caller's, when given a transaction client).
 */
export async function snapshot(db: Db, date: string | Date, options: SnapshotOptions = {}): Promise<BusinessSnapshot> {
  const day = typeof date === "string" ? parseDay(date) : dayOf(date);
  // A transaction client has no $transaction of its own: the caller's transaction is the one.
  const client = db as PrismaClient;
  if (typeof client.$transaction === "function") return client.$transaction((tx) => snapshotIn(tx, day, options));
  return snapshotIn(db as Prisma.TransactionClient, day, options);
}
