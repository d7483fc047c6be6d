// The dashboard (issue 6, items 2 and 4): everything the home page of /admin shows, in one answer, for
// the AdminJS dashboard (components/Dashboard.tsx) and GET /admin/api/v1/dashboard alike.
//
// Trends and KPI flows come from the daily snapshots (business_metrics, one row per UTC day, written by
// the analytics job); what must be current is read live with small queries: MRR now, the AI queue, sites
// down, overdue invoices, failed jobs, open security and billing alerts.
//
// Periods (days = 7, 30 or 90) are whole UTC days ending yesterday, the last day a snapshot can exist
// for: `from`..`to`, and the previous period of the same length just before it. KPIs:
// - MRR: now (subscription_history, the billing definition), against the MRR at the end of the previous
//   period (its snapshot's monthly_revenue).
// - Churn rate: customers churned during the period / active customers at the end of the day before it
//   (4 decimals), against the same for the previous period.
// - New customers and AI revenue: the sums of the period's snapshots, against the previous period's.
// Each KPI carries change = value - previous and changeRatio = change / previous (4 decimals; null when
// the previous value is unknown or 0). A period without any snapshot has a null value.
//
// Permissions: revenue figures (MRR, AI revenue, the overdue amounts, the revenue series) need
// billing.view or analytics.view; without either they are left out of the answer, not nulled. Security
// alerts need settings.view, billing alerts billing.view, failed jobs settings.view (their screen, Bull
// Board, needs settings.system, the only one that gets its link).
import { Prisma, type PrismaClient } from "@prisma/client";
import { currentContext } from "../../lib/request-context.js";
import type { Queues } from "../../queues/queues.js";
import { can, type Grantee } from "../auth/permissions.js";
import { openAlerts, type OpenAlerts } from "../auth/security-alerts.js";
import { openBillingAlerts, type OpenBillingAlerts } from "../billing/stripe/alerts.js";
import { cents, money, type Money } from "../billing/money.js";
import { UNPAID_STATUSES } from "../billing/dunning.js";
import { parsePeriod, slaHoursFor, type MetricPeriod } from "../ai-queue/metrics.js";
import { readSetting } from "../settings/values.js";
import { mrrAt } from "../billing/metrics.js";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** A site's latest HTTP check counts as "now" for this long; an older one means monitoring stopped. */
export const SITE_CHECK_FRESHNESS_MS = 24 * HOUR_MS;

export type AlertKind =
  "sites_down" | "invoices_overdue" | "ai_queue_backlog" | "failed_jobs" | "security_alerts" | "billing_alerts";

export interface DashboardAlert {
  kind: AlertKind;
  count: number;
  /** Shown only when count is above it (analytics.alert_thresholds; 0 for security and billing alerts). */
  threshold: number;
  /** Where to act; null when the admin cannot open that screen. */
  href: string | null;
  /** invoices_overdue, for admins who may see revenue: what the overdue invoices add up to, per currency. */
  amounts?: { currency: string; amount: string }[];
  /** ai_queue_backlog: pending requests beyond their priority's SLA (ai_queue.sla_hours). */
  overSla?: number;
  /** failed_jobs: failed jobs per queue. */
  byQueue?: Record<string, number>;
}

export interface Kpi<T> {
  value: T | null;
  previous: T | null;
  change: T | null;
  /** change / previous, "0.1234"; null when previous is unknown or 0. */
  changeRatio: string | null;
}

export interface DashboardKpis {
  /** EUR excluding tax, "1234.56"; only with billing.view or analytics.view. */
  mrr?: Kpi<string>;
  /** "0.0123" (4 decimals). */
  churnRate: Kpi<string> & { churned: number | null; base: number | null };
  newCustomers: Kpi<number>;
  /** EUR, "1234.56"; only with billing.view or analytics.view. */
  aiRevenue?: Kpi<string>;
}

export interface TrendPoint {
  /** "YYYY-MM-DD"; the values are null for a day without a snapshot. */
  date: string;
  mrr?: string | null;
  activeCustomers: number | null;
  newCustomers: number | null;
  aiRevenue?: string | null;
  aiRequests: number | null;
}

export interface QuickAction {
  kind: "open_ai_queue" | "send_overdue_reminders" | "open_support";
  /** The page to open (GET), or the action to run (POST); null when it cannot be offered. */
  href: string | null;
  method: "GET" | "POST";
  /** The admin may use it. */
  allowed: boolean;
  /** Why it is not offered, when it is not (a message key). */
  reason?: string;
}

export interface DashboardData {
  generatedAt: string;
  days: MetricPeriod;
  period: { from: string; to: string; previousFrom: string; previousTo: string; snapshots: number };
  /** The admin may see revenue figures (billing.view or analytics.view). */
  revenue: boolean;
  kpis: DashboardKpis;
  trend: TrendPoint[];
  /** Only the alerts above their threshold. */
  alerts: DashboardAlert[];
  quickActions: QuickAction[];
  aiQueue: { pending: number; processing: number; overSla: number; oldestPendingAt: string | null };
  customers: { total: number; active: number };
  sites: { down: number };
  invoices: { overdue: number };
  /** Unacknowledged security alerts; null without settings.view. */
  securityAlerts: OpenAlerts | null;
  /** Unacknowledged billing alerts (failed payments, disputes); null without billing.view. */
  billingAlerts: OpenBillingAlerts | null;
}

export interface DashboardDeps {
  prisma: PrismaClient;
  queues: Pick<Queues, "byName">;
}

// ---------------------------------------------------------------------------------------------
// Rules (pure)
// ---------------------------------------------------------------------------------------------

/** "YYYY-MM-DD" of a UTC day. */
export const isoDay = (day: Date) => day.toISOString().slice(0, 10);

const addDays = (day: Date, n: number) => new Date(day.getTime() + n * DAY_MS);

/** The period of `days` whole UTC days ending yesterday, and the previous one of the same length. */
export function dashboardPeriod(days: MetricPeriod, now: Date) {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const to = addDays(today, -1);
  const from = addDays(to, -(days - 1));
  const previousTo = addDays(from, -1);
  const previousFrom = addDays(previousTo, -(days - 1));
  return { from, to, previousFrom, previousTo };
}

/** Who may see revenue figures on the dashboard. */
export function seesRevenue(admin: Grantee | null | undefined): boolean {
  return can(admin, "billing", "view") || can(admin, "analytics", "view");
}

const ratio4 = (part: Money, whole: Money): string | null =>
  whole.isZero() ? null : part.div(whole).toDecimalPlaces(4, Prisma.Decimal.ROUND_HALF_UP).toFixed(4);

/** A money KPI ("1234.56"). */
export function moneyKpi(value: Money | null, previous: Money | null): Kpi<string> {
  const fmt = (m: Money) => cents(m).toFixed(2);
  const change = value && previous ? value.sub(previous) : null;
  return {
    value: value ? fmt(value) : null,
    previous: previous ? fmt(previous) : null,
    change: change ? fmt(change) : null,
    changeRatio: change && previous ? ratio4(change, previous) : null,
  };
}

/** A count KPI. */
export function countKpi(value: number | null, previous: number | null): Kpi<number> {
  const change = value !== null && previous !== null ? value - previous : null;
  return {
    value,
    previous,
    change,
    changeRatio: change !== null && previous ? ratio4(money(change), money(previous)) : null,
  };
}

/** A ratio KPI ("0.0123"): the change is in the same unit (points of ratio), changeRatio relative. */
export function rateKpi(value: string | null, previous: string | null): Kpi<string> {
  const v = value === null ? null : money(value);
  const p = previous === null ? null : money(previous);
  const change = v && p ? v.sub(p) : null;
  return {
    value,
    previous,
    change: change ? change.toFixed(4) : null,
    changeRatio: change && p ? ratio4(change, p) : null,
  };
}

/** The SLA hours of priorities 1..10 (index 0 = priority 1); null where the setting gives none. */
export function slaByPriority(sla: Record<string, number>): (number | null)[] {
  return Array.from({ length: 10 }, (_, i) => slaHoursFor(i + 1, sla));
}

/** An alert is raised only above its threshold. */
export function raised(count: number, threshold: number): boolean {
  return count > threshold;
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

interface SnapshotRow {
  day: string;
  active_customers: number;
  new_customers: number;
  churned_customers: number;
  monthly_revenue: string;
  ai_requests_count: number;
  ai_revenue: string;
}

/** The snapshots from the day before the previous period to the period's end (at most 2 x 90 + 1 rows). */
function snapshots(prisma: PrismaClient, from: Date, to: Date) {
  return prisma.$queryRaw<SnapshotRow[]>`
    SELECT to_char(metric_date, 'YYYY-MM-DD') AS day, active_customers, new_customers, churned_customers,
           monthly_revenue::text, ai_requests_count, ai_revenue::text
      FROM business_metrics
     WHERE metric_date BETWEEN ${isoDay(from)}::date AND ${isoDay(to)}::date
     ORDER BY metric_date`;
}

async function aiQueueNow(prisma: PrismaClient, sla: Record<string, number>, now: Date) {
  const hours = slaByPriority(sla);
  const [row] = await prisma.$queryRaw<
    { pending: number; processing: number; over_sla: number; oldest: Date | null }[]
  >`
    SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
           count(*) FILTER (WHERE status = 'processing')::int AS processing,
           count(*) FILTER (WHERE status = 'pending'
             AND created_at <= ${now}::timestamptz - (${hours}::float8[])[priority] * interval '1 hour')::int AS over_sla,
           min(created_at) FILTER (WHERE status = 'pending') AS oldest
      FROM ai_requests
     WHERE status IN ('pending', 'processing')`;
  return {
    pending: row?.pending ?? 0,
    processing: row?.processing ?? 0,
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
async function sitesDown(prisma: PrismaClient, now: Date): Promise<number> {
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

async function overdueNow(prisma: PrismaClient, now: Date, withAmounts: boolean) {
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

async function customersNow(prisma: PrismaClient) {
  const [row] = await prisma.$queryRaw<{ total: number; active: number }[]>`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'active')::int AS active FROM customers`;
  return { total: row?.total ?? 0, active: row?.active ?? 0 };
}

/** Failed jobs of every queue (BullMQ keeps them until they are retried or removed). */
async function failedJobs(queues: Pick<Queues, "byName">): Promise<Record<string, number>> {
  const entries = await Promise.all(
    Object.entries(queues.byName).map(async ([name, queue]) => [name, await queue.getFailedCount()] as const),
  );
  return Object.fromEntries(entries);
}

// ---------------------------------------------------------------------------------------------
// The answer
// ---------------------------------------------------------------------------------------------

const sumMoney = (rows: SnapshotRow[], pick: (r: SnapshotRow) => string) =>
  rows.length ? rows.reduce((total, r) => total.add(money(pick(r))), money(0)) : null;
const sumCount = (rows: SnapshotRow[], pick: (r: SnapshotRow) => number) =>
  rows.length ? rows.reduce((total, r) => total + pick(r), 0) : null;

/** customers churned over the rows / active customers of `base` (the day before), with the two counts. */
function churn(rows: SnapshotRow[], base: SnapshotRow | undefined) {
  const churned = sumCount(rows, (r) => r.churned_customers);
  const active = base?.active_customers ?? null;
  return {
    churned,
    base: active,
    rate: churned !== null && active ? ratio4(money(churned), money(active)) : null,
  };
}

export interface DashboardOptions {
  /** 7, 30 or 90 (a string from a query is checked: 400 naming `days`). */
  days?: unknown;
  now?: Date;
  /** The admin the answer is for; the request's admin by default. */
  viewer?: Grantee | null;
}

/** Everything the dashboard shows, for one admin. */
export async function dashboard(deps: DashboardDeps, options: DashboardOptions = {}): Promise<DashboardData> {
  const days = parsePeriod(options.days, 30);
  const now = options.now ?? new Date();
  const viewer = options.viewer !== undefined ? options.viewer : (currentContext()?.admin ?? null);
  const revenue = seesRevenue(viewer);
  const { prisma } = deps;
  const period = dashboardPeriod(days, now);

  // Every query at once: the page waits for the slowest one, not for their sum.
  const [thresholds, rows, mrr, aiQueue, down, overdue, customers, jobs, securityAlerts, billingAlerts] =
    await Promise.all([
      readSetting(prisma, "analytics.alert_thresholds"),
      snapshots(prisma, addDays(period.previousFrom, -1), period.to),
      revenue ? mrrAt(prisma, now) : Promise.resolve(null),
      readSetting(prisma, "ai_queue.sla_hours").then((sla) => aiQueueNow(prisma, sla, now)),
      sitesDown(prisma, now),
      overdueNow(prisma, now, revenue),
      customersNow(prisma),
      can(viewer, "settings", "view") ? failedJobs(deps.queues) : Promise.resolve(null),
      can(viewer, "settings", "view") ? openAlerts(prisma) : Promise.resolve(null),
      can(viewer, "billing", "view") ? openBillingAlerts(prisma) : Promise.resolve(null),
    ]);

  const byDay = new Map(rows.map((r) => [r.day, r]));
  const within = (from: Date, to: Date) => rows.filter((r) => r.day >= isoDay(from) && r.day <= isoDay(to));
  const current = within(period.from, period.to);
  const previous = within(period.previousFrom, period.previousTo);
  const currentChurn = churn(current, byDay.get(isoDay(period.previousTo)));
  const previousChurn = churn(previous, byDay.get(isoDay(addDays(period.previousFrom, -1))));
  const endOfPrevious = byDay.get(isoDay(period.previousTo));

  const kpis: DashboardKpis = {
    ...(revenue && mrr ? { mrr: moneyKpi(mrr, endOfPrevious ? money(endOfPrevious.monthly_revenue) : null) } : {}),
    churnRate: {
      ...rateKpi(currentChurn.rate, previousChurn.rate),
      churned: currentChurn.churned,
      base: currentChurn.base,
    },
    newCustomers: countKpi(
      sumCount(current, (r) => r.new_customers),
      sumCount(previous, (r) => r.new_customers),
    ),
    ...(revenue
      ? {
          aiRevenue: moneyKpi(
            sumMoney(current, (r) => r.ai_revenue),
            sumMoney(previous, (r) => r.ai_revenue),
          ),
        }
      : {}),
  };

  const trend: TrendPoint[] = Array.from({ length: days }, (_, i) => {
    const date = isoDay(addDays(period.from, i));
    const r = byDay.get(date);
    return {
      date,
      ...(revenue ? { mrr: r ? cents(money(r.monthly_revenue)).toFixed(2) : null } : {}),
      activeCustomers: r?.active_customers ?? null,
      newCustomers: r?.new_customers ?? null,
      ...(revenue ? { aiRevenue: r ? cents(money(r.ai_revenue)).toFixed(2) : null } : {}),
      aiRequests: r?.ai_requests_count ?? null,
    };
  });

  const alerts: DashboardAlert[] = [];
  if (raised(down, thresholds.sitesDown)) {
    alerts.push({
      kind: "sites_down",
      count: down,
      threshold: thresholds.sitesDown,
      href: can(viewer, "monitoring", "view")
        ? "/admin/resources/site_monitoring?filters.checkType=http&filters.isUp=false"
        : null,
    });
  }
  if (raised(overdue.count, thresholds.overdueInvoices)) {
    alerts.push({
      kind: "invoices_overdue",
      count: overdue.count,
      threshold: thresholds.overdueInvoices,
      href: can(viewer, "billing", "view") ? "/admin/pages/revenue" : null,
      ...(overdue.amounts ? { amounts: overdue.amounts } : {}),
    });
  }
  if (raised(aiQueue.pending, thresholds.aiQueuePending) || aiQueue.overSla > 0) {
    alerts.push({
      kind: "ai_queue_backlog",
      count: aiQueue.pending,
      threshold: thresholds.aiQueuePending,
      overSla: aiQueue.overSla,
      href: can(viewer, "ai_queue", "view") ? "/admin/pages/queueBoard" : null,
    });
  }
  const failed = jobs ? Object.values(jobs).reduce((n, c) => n + c, 0) : 0;
  if (jobs && raised(failed, thresholds.failedJobs)) {
    alerts.push({
      kind: "failed_jobs",
      count: failed,
      threshold: thresholds.failedJobs,
      byQueue: jobs,
      href: can(viewer, "settings", "system") ? "/admin/queues" : null,
    });
  }
  if (securityAlerts && raised(securityAlerts.open, 0)) {
    alerts.push({
      kind: "security_alerts",
      count: securityAlerts.open,
      threshold: 0,
      href: "/admin/resources/security_alerts",
    });
  }
  if (billingAlerts && raised(billingAlerts.open, 0)) {
    alerts.push({
      kind: "billing_alerts",
      count: billingAlerts.open,
      threshold: 0,
      href: "/admin/resources/billing_alerts",
    });
  }

  return {
    generatedAt: now.toISOString(),
    days,
    period: {
      from: isoDay(period.from),
      to: isoDay(period.to),
      previousFrom: isoDay(period.previousFrom),
      previousTo: isoDay(period.previousTo),
      snapshots: current.length,
    },
    revenue,
    kpis,
    trend,
    alerts,
    quickActions: quickActions(viewer),
    aiQueue,
    customers,
    sites: { down },
    invoices: { overdue: overdue.count },
    securityAlerts,
    billingAlerts,
  };
}

/** Where the AdminJS page posts "send reminders for all overdue invoices" (overdue-reminders.ts). */
export const REMIND_OVERDUE_ADMIN_PATH = "/admin/api/resources/invoices/actions/remindOverdue";

function quickActions(viewer: Grantee | null): QuickAction[] {
  const queue = can(viewer, "ai_queue", "view");
  const remind = can(viewer, "billing", "create_invoice");
  return [
    { kind: "open_ai_queue", method: "GET", href: queue ? "/admin/pages/queueBoard" : null, allowed: queue },
    {
      kind: "send_overdue_reminders",
      method: "POST",
      href: remind ? REMIND_OVERDUE_ADMIN_PATH : null,
      allowed: remind,
    },
    // The support module (tickets, spec module list) does not exist yet: nothing to link to.
    { kind: "open_support", method: "GET", href: null, allowed: false, reason: "dashboardSupportUnavailable" },
  ];
}

/**
 * The earlier figures of the dashboard, kept for callers that read them (aiQueue, customers,
 * securityAlerts, billingAlerts...): the same answer as dashboard().
 */
export function overview(
  prisma: PrismaClient,
  now = new Date(),
  viewer: Grantee | null | undefined = currentContext()?.admin,
  queues: Pick<Queues, "byName"> = { byName: {} as Queues["byName"] },
): Promise<DashboardData> {
  return dashboard({ prisma, queues }, { now, viewer: viewer ?? null });
}
