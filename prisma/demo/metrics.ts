// The days of the demo's daily business snapshots (the last 90), and the recent health checks of the
// live sites. The snapshots themselves are taken by the nightly job's own function over the seeded rows
// (prisma/seed.ts), so the dashboard's trends and the job never disagree.
import type { Prisma } from "@prisma/client";
import type { DemoSite } from "./customers.js";
import { createRng } from "./random.js";
import { addMs, DAY, formatDateFr, HOUR, MINUTE, startOfUtcDay } from "./time.js";

export const METRIC_DAYS = 90;
/** Sites whose latest HTTP check failed: the dashboard's "sites down" alert has something to show. */
export const SITES_DOWN = 2;

/** One day to snapshot, and when the 00:05 job would have taken it. */
export interface DemoSnapshotDay {
  metricDate: Date;
  takenAt: Date;
}

/** The 90 days before `now`'s day (today's snapshot is not taken yet), oldest first. */
export function snapshotDays(now: Date): DemoSnapshotDay[] {
  const today = startOfUtcDay(now);
  return Array.from({ length: METRIC_DAYS }, (_, i) => {
    const metricDate = addMs(today, -(METRIC_DAYS - i) * DAY);
    return { metricDate, takenAt: addMs(metricDate, DAY + 5 * MINUTE) };
  });
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
  return { rows, downSiteIds: down.map((s) => s.id), expiredCertificateSiteId: expiredCertificate.id };
}
