// Daily business snapshots of the last 90 days, computed from the demo rows themselves (so the
// dashboard's trends agree with the tables), and the recent health checks of the live sites.
import type { Prisma } from "@prisma/client";
import type { DemoAiRequest } from "./ai-requests.js";
import { payingAt, planAt, type DemoCustomer, type DemoSite, type DemoSubscription } from "./customers.js";
import { sum, toCents, ZERO } from "./money.js";
import { createRng } from "./random.js";
import { addMs, DAY, formatDateFr, HOUR, MINUTE, startOfUtcDay } from "./time.js";

export const METRIC_DAYS = 90;
/** Sites whose latest HTTP check failed: the dashboard's "sites down" alert has something to show. */
export const SITES_DOWN = 2;

const within = (t: Date, from: Date, to: Date) => t.getTime() >= from.getTime() && t.getTime() < to.getTime();
const before = (t: Date | null, limit: Date) => t !== null && t.getTime() < limit.getTime();

/** One row per day, for the 90 days before `now`'s day (the nightly snapshot of today is not taken yet). */
export function buildBusinessMetrics(
  now: Date,
  customers: readonly DemoCustomer[],
  sites: readonly DemoSite[],
  subscriptions: readonly DemoSubscription[],
  requests: readonly DemoAiRequest[],
): Prisma.BusinessMetricCreateManyInput[] {
  const today = startOfUtcDay(now);
  const rows: Prisma.BusinessMetricCreateManyInput[] = [];
  for (let i = 0; i < METRIC_DAYS; i++) {
    const dayStart = addMs(today, -(METRIC_DAYS - i) * DAY);
    const dayEnd = addMs(dayStart, DAY);
    const existing = customers.filter((c) => before(c.createdAt, dayEnd));
    const live = (s: DemoSite) => before(s.liveFrom, dayEnd) && !before(s.liveUntil, dayEnd);
    // MRR at the end of the day, with each subscription's plan then (as subscription_history has it).
    const lastMoment = addMs(dayEnd, -1);
    const mrr = sum(
      subscriptions
        .filter((s) => payingAt(s, lastMoment))
        .map((s) => {
          const plan = planAt(s, lastMoment);
          return s.yearly ? toCents(plan.yearly.div(12)) : plan.monthly;
        }),
    );
    const completedThatDay = requests.filter((r) => r.completedAt && within(r.completedAt, dayStart, dayEnd));
    rows.push({
      id: i + 1,
      metricDate: dayStart,
      totalCustomers: existing.length,
      activeCustomers: existing.filter((c) => !before(c.endedAt, dayEnd)).length,
      newCustomers: customers.filter((c) => within(c.createdAt, dayStart, dayEnd)).length,
      churnedCustomers: customers.filter(
        (c) => c.status === "cancelled" && c.endedAt && within(c.endedAt, dayStart, dayEnd),
      ).length,
      totalSites: sites.filter((s) => before(s.createdAt, dayEnd)).length,
      activeSites: sites.filter(live).length,
      monthlyRevenue: mrr,
      aiRequestsCount: requests.filter((r) => within(r.row.createdAt, dayStart, dayEnd)).length,
      aiRevenue: completedThatDay.reduce((total, r) => total.plus(r.actualCost!), ZERO),
      createdAt: addMs(dayEnd, 5 * MINUTE),
    });
  }
  return rows;
}

const HTTP_FAILURES = [
  { statusCode: 503, errorMessage: "HTTP 503 Service Unavailable" },
  { statusCode: 504, errorMessage: "HTTP 504 Gateway Timeout" },
  { statusCode: null, errorMessage: "timeout of 10000ms exceeded" },
] as const;

/** Live sites are checked over HTTP every 8 hours and for SSL and DNS once a day, over the last two days. */
export function buildSiteMonitoring(seed: number, now: Date, sites: readonly DemoSite[]) {
  const rng = createRng(seed, "site_monitoring");
  const live = sites.filter((s) => s.status === "active" && s.domain !== null);
  const down = rng.sample(live, SITES_DOWN);
  const expiredCertificate = rng.pick(live.filter((s) => !down.includes(s)));
  const rows: Prisma.SiteMonitoringCreateManyInput[] = [];
  const at = (hoursAgo: number) => addMs(now, -hoursAgo * HOUR - rng.int(1, 25) * MINUTE - rng.int(0, 59) * 1000);

  for (const site of live) {
    const typical = rng.int(90, 450);
    const downIndex = down.indexOf(site);
    for (let k = 5; k >= 0; k--) {
      const checkTime = at(k * 8);
      if (checkTime.getTime() < site.liveFrom!.getTime()) continue;
      const base = { siteId: site.id, checkTime, checkType: "http" as const };
      if (downIndex >= 0 && k <= 1) {
        // Down since the check before last: first an error page, then no answer at all.
        const failure =
          k === 1
            ? {
                statusCode: downIndex === 0 ? 502 : 503,
                errorMessage: downIndex === 0 ? "HTTP 502 Bad Gateway" : "HTTP 503 Service Unavailable",
              }
            : { statusCode: null, errorMessage: downIndex === 0 ? "connect ETIMEDOUT" : "connect ECONNREFUSED" };
        rows.push({ ...base, ...failure, responseTimeMs: failure.statusCode ? rng.int(30, 200) : null, isUp: false });
      } else if (k > 0 && rng.chance(0.015)) {
        const failure = rng.pick(HTTP_FAILURES);
        rows.push({
          ...base,
          ...failure,
          responseTimeMs: failure.statusCode ? rng.int(5000, 10000) : null,
          isUp: false,
        });
      } else {
        rows.push({
          ...base,
          statusCode: 200,
          responseTimeMs: Math.round((typical * rng.int(70, 160)) / 100),
          isUp: true,
        });
      }
    }
    const sslTime = at(rng.int(2, 20));
    if (sslTime.getTime() >= site.liveFrom!.getTime()) {
      rows.push(
        site === expiredCertificate
          ? {
              siteId: site.id,
              checkTime: sslTime,
              checkType: "ssl",
              isUp: false,
              errorMessage: `certificate has expired (expiré le ${formatDateFr(addMs(now, -3 * DAY))})`,
            }
          : { siteId: site.id, checkTime: sslTime, checkType: "ssl", isUp: true, responseTimeMs: rng.int(20, 120) },
      );
      rows.push({
        siteId: site.id,
        checkTime: at(rng.int(2, 20)),
        checkType: "dns",
        isUp: true,
        responseTimeMs: rng.int(5, 60),
      });
    }
  }
  rows.sort((a, b) => (a.checkTime as Date).getTime() - (b.checkTime as Date).getTime() || a.siteId - b.siteId);
  rows.forEach((r, i) => (r.id = i + 1));
  return { rows, downSiteIds: down.map((s) => s.id) };
}
