// The dashboard's rules (plain functions over plain data, unit-tested in rules.test.ts).
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
// Board, needs settings.system, the only one that gets its link). An alert is shown above its threshold
// (analytics.alert_thresholds; 0 for security and billing alerts), with the link to act on it when the
// admin may open that screen.
import { Prisma } from "@prisma/client";
import { can, type Grantee } from "../auth/permissions.js";
import { cents, money, type Money } from "../billing/money.js";
import { slaHoursFor, type MetricPeriod } from "../ai-queue/metrics.js";
import type { SettingValue } from "../settings/values.js";
import type { DashboardAlert, DashboardKpis, Kpi, QuickAction, SnapshotRow, TrendPoint } from "./types.js";

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" of a UTC day. */
export const isoDay = (day: Date) => day.toISOString().slice(0, 10);

export const addDays = (day: Date, n: number) => new Date(day.getTime() + n * DAY_MS);

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

export type DashboardPeriod = ReturnType<typeof dashboardPeriod>;

/**
 * The KPIs and the daily trend of the period from its snapshots (`rows`, from the day before the previous
 * period to the period's end); `mrr` is the MRR now. Revenue figures only when `revenue`.
 */
export function periodFigures(
  rows: SnapshotRow[],
  days: MetricPeriod,
  period: DashboardPeriod,
  mrr: Money | null,
  revenue: boolean,
): { kpis: DashboardKpis; trend: TrendPoint[]; snapshots: number } {
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

  return { kpis, trend, snapshots: current.length };
}

/** What the alerts are counted from, read live; null where the admin may not see it. */
export interface AlertFigures {
  sitesDown: number;
  overdue: { count: number; amounts?: { currency: string; amount: string }[] };
  aiQueue: { pending: number; overSla: number };
  failedJobs: Record<string, number> | null;
  securityAlerts: { open: number } | null;
  billingAlerts: { open: number } | null;
}

/** The alerts above their threshold, each with where to act when the admin may open it. */
export function dashboardAlerts(
  figures: AlertFigures,
  thresholds: SettingValue<"analytics.alert_thresholds">,
  viewer: Grantee | null,
): DashboardAlert[] {
  const { sitesDown: down, overdue, aiQueue, failedJobs: jobs, securityAlerts, billingAlerts } = figures;
  const alerts: DashboardAlert[] = [];
  if (raised(down, thresholds.sitesDown)) {
    alerts.push({
      kind: "sites_down",
      count: down,
      threshold: thresholds.sitesDown,
      href: can(viewer, "monitoring", "view") ? "/admin/pages/monitoringStatus?state=down" : null,
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
  return alerts;
}

/** Where the AdminJS page posts "send reminders for all overdue invoices" (overdue-reminders.ts). */
export const REMIND_OVERDUE_ADMIN_PATH = "/admin/api/resources/invoices/actions/remindOverdue";

/** Where "open support" leads: the support tickets. */
export const SUPPORT_INBOX_PATH = "/admin/resources/support_tickets";

/** The home page's shortcuts, offered as the admin's rights allow. */
export function quickActions(viewer: Grantee | null): QuickAction[] {
  const queue = can(viewer, "ai_queue", "view");
  const remind = can(viewer, "billing", "create_invoice");
  const support = can(viewer, "support", "view");
  return [
    { kind: "open_ai_queue", method: "GET", href: queue ? "/admin/pages/queueBoard" : null, allowed: queue },
    {
      kind: "send_overdue_reminders",
      method: "POST",
      href: remind ? REMIND_OVERDUE_ADMIN_PATH : null,
      allowed: remind,
    },
    // The support inbox: the ticket list, newest first.
    { kind: "open_support", method: "GET", href: support ? SUPPORT_INBOX_PATH : null, allowed: support },
  ];
}
