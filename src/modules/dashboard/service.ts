// The dashboard (issue 6, items 2 and 4): everything the home page of /admin shows, in one answer, for
// the AdminJS dashboard (components/Dashboard.tsx) and GET /admin/api/v1/dashboard alike.
// The figures come from the daily snapshots (business_metrics, one row per UTC day, written by the
// analytics job) and from small live queries (queries.ts): MRR now, the AI queue, sites down, overdue
// invoices, failed jobs, open security and billing alerts. What they mean, who sees what and when an
// alert shows: rules.ts.
import { currentContext } from "../../lib/request-context.js";
import { can } from "../auth/permissions.js";
import { openAlerts } from "../auth/security-alerts.js";
import { openBillingAlerts } from "../billing/stripe/alerts.js";
import { mrrAt } from "../billing/metrics.js";
import { parsePeriod } from "../ai-queue/metrics.js";
import { readSetting } from "../settings/values.js";
import { aiQueueNow, customersNow, failedJobs, overdueNow, sitesDown, snapshots } from "./queries.js";
import {
  addDays,
  dashboardAlerts,
  dashboardPeriod,
  periodFigures,
  quickActions,
  seesRevenue,
  isoDay,
} from "./rules.js";
import type { DashboardData, DashboardDeps, DashboardOptions } from "./types.js";

export type {
  AlertKind,
  DashboardAlert,
  DashboardData,
  DashboardDeps,
  DashboardKpis,
  DashboardOptions,
  Kpi,
  QuickAction,
  TrendPoint,
} from "./types.js";

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
  const { kpis, trend, snapshots: snapshotCount } = periodFigures(rows, days, period, mrr, revenue);
  const alerts = dashboardAlerts(
    { sitesDown: down, overdue, aiQueue, failedJobs: jobs, securityAlerts, billingAlerts },
    thresholds,
    viewer,
  );

  return {
    generatedAt: now.toISOString(),
    days,
    period: {
      from: isoDay(period.from),
      to: isoDay(period.to),
      previousFrom: isoDay(period.previousFrom),
      previousTo: isoDay(period.previousTo),
      snapshots: snapshotCount,
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
