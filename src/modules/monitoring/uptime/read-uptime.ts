// Uptime and response time of one site's checks of one type over a window ending now (issue 14, item 3):
// whole days from the daily rollups, whole hours from the hourly ones, and the rest (the open hour, the
// window's first partial hour, anything the rollup job has not reached) from the raw rows, classified by
// the same rules the rollup applies. See rules/uptime.ts for the histogram's accuracy.
import { Prisma, type CheckType, type PrismaClient } from "@prisma/client";
import { isInMaintenance } from "../rules/maintenance.js";
import {
  WINDOWS,
  mergeSummaries,
  percentile,
  planWindow,
  summarise,
  uptimeRatio,
  type CheckSummary,
  type UptimeWindow,
} from "../rules/uptime.js";
import { rolledUntil } from "./rollup.js";

const HOUR = 3_600_000;

export interface UptimeFigures {
  window: UptimeWindow;
  from: string;
  to: string;
  /** up / (up + down), 0 to 1; null when nothing was checked outside maintenance. */
  uptime: number | null;
  up: number;
  down: number;
  maintenance: number;
  /** Of the up checks, in ms. */
  responseTime: { avg: number | null; p50: number | null; p95: number | null };
}

interface RollupRow {
  up_count: number;
  down_count: number;
  maintenance_count: number;
  rt_count: number;
  rt_sum: bigint | number;
  rt_max: number | null;
  rt_buckets: number[];
}

function fromRow(r: RollupRow): CheckSummary {
  return {
    up: r.up_count,
    down: r.down_count,
    maintenance: r.maintenance_count,
    rtCount: r.rt_count,
    rtSum: Number(r.rt_sum),
    rtMax: r.rt_max,
    buckets: r.rt_buckets,
  };
}

export function figures(window: UptimeWindow, from: number, to: number, s: CheckSummary): UptimeFigures {
  return {
    window,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    uptime: uptimeRatio(s),
    up: s.up,
    down: s.down,
    maintenance: s.maintenance,
    responseTime: {
      avg: s.rtCount ? Math.round(s.rtSum / s.rtCount) : null,
      p50: percentile(s, 0.5),
      p95: percentile(s, 0.95),
    },
  };
}

export interface UptimeTarget {
  siteId: number;
  checkType: CheckType;
}

type Range = { start: number; end: number };

const within = (t: number, ranges: Range[]) => ranges.some((r) => r.start <= t && t < r.end);
/** Ranges as one SQL condition on `column`: (column >= a AND column < b) OR ... */
const rangesSql = (column: Prisma.Sql, ranges: Range[]) =>
  Prisma.join(
    ranges.map((r) => Prisma.sql`(${column} >= ${new Date(r.start)} AND ${column} < ${new Date(r.end)})`),
    " OR ",
  );

/**
 * The figures of each window, ending at `now`. Three queries whatever the number of windows: the daily
 * rollups of every window's whole days, the hourly rollups of their whole hours, the raw rows of the rest;
 * each window then adds up its own rows.
 */
export async function readUptime(
  prisma: PrismaClient,
  target: UptimeTarget,
  windows: readonly UptimeWindow[],
  now: Date = new Date(),
): Promise<UptimeFigures[]> {
  const { siteId, checkType } = target;
  const end = now.getTime();
  const [marks, maintenance] = await Promise.all([
    rolledUntil(prisma),
    prisma.maintenanceWindow.findMany({ where: { OR: [{ siteId }, { siteId: null }] } }),
  ]);
  const plans = windows.map((window) => {
    const start = end - WINDOWS[window] * HOUR;
    return { window, start, plan: planWindow(start, end, marks.hour?.getTime() ?? 0, marks.day?.getTime() ?? 0) };
  });
  const days = plans.flatMap((p) => (p.plan.days ? [p.plan.days] : []));
  const hours = plans.flatMap((p) => p.plan.hours);
  const raw = plans.flatMap((p) => p.plan.raw);
  const select = Prisma.sql`SELECT up_count, down_count, maintenance_count, rt_count, rt_sum, rt_max, rt_buckets`;
  const [dayRows, hourRows, rawRows] = await Promise.all([
    days.length
      ? prisma.$queryRaw<(RollupRow & { at: Date })[]>`${select}, day::timestamp AT TIME ZONE 'UTC' AS at
          FROM site_monitoring_daily
         WHERE site_id = ${siteId} AND check_type = ${checkType}::check_type
           AND day >= (${new Date(Math.min(...days.map((d) => d.start)))}::timestamptz AT TIME ZONE 'UTC')::date
           AND day < (${new Date(Math.max(...days.map((d) => d.end)))}::timestamptz AT TIME ZONE 'UTC')::date`
      : Promise.resolve([]),
    hours.length
      ? prisma.$queryRaw<(RollupRow & { at: Date })[]>`${select}, hour AS at FROM site_monitoring_hourly
         WHERE site_id = ${siteId} AND check_type = ${checkType}::check_type AND (${rangesSql(Prisma.sql`hour`, hours)})`
      : Promise.resolve([]),
    raw.length
      ? prisma.$queryRaw<{ check_time: Date; is_up: boolean; response_time_ms: number | null }[]>`
          SELECT check_time, is_up, response_time_ms FROM site_monitoring
           WHERE site_id = ${siteId} AND check_type = ${checkType}::check_type
             AND (${rangesSql(Prisma.sql`check_time`, raw)})`
      : Promise.resolve([]),
  ]);
  const checks = rawRows.map((c) => ({
    at: c.check_time.getTime(),
    isUp: c.is_up,
    responseTimeMs: c.response_time_ms,
    inMaintenance: isInMaintenance(maintenance, siteId, c.check_time.getTime()),
  }));
  return plans.map(({ window, start, plan }) => {
    const parts: CheckSummary[] = [];
    if (plan.days) parts.push(...dayRows.filter((r) => within(r.at.getTime(), [plan.days!])).map(fromRow));
    parts.push(...hourRows.filter((r) => within(r.at.getTime(), plan.hours)).map(fromRow));
    parts.push(summarise(checks.filter((c) => within(c.at, plan.raw))));
    return figures(window, start, end, mergeSummaries(parts));
  });
}

/** A day of the status bar: the uptime of the site's HTTP checks that UTC day, null when unchecked. */
export interface UptimeDay {
  day: string;
  uptime: number | null;
  down: number;
}

/** The last `days` closed UTC days of each site's HTTP uptime, from the daily rollups. */
export async function uptimeBars(
  prisma: PrismaClient,
  siteIds: number[],
  days: number,
  now: Date = new Date(),
): Promise<Map<number, UptimeDay[]>> {
  const today = Math.floor(now.getTime() / 86_400_000) * 86_400_000;
  const first = today - days * 86_400_000;
  const rows = siteIds.length
    ? await prisma.$queryRaw<{ site_id: number; day: Date; up_count: number; down_count: number }[]>`
        SELECT site_id, day, up_count, down_count FROM site_monitoring_daily
         WHERE site_id = ANY(${siteIds}::int[]) AND check_type = 'http'
           AND day >= (${new Date(first)}::timestamptz AT TIME ZONE 'UTC')::date`
    : [];
  const bySite = new Map<number, Map<number, { up: number; down: number }>>();
  for (const r of rows) {
    const m = bySite.get(r.site_id) ?? new Map();
    m.set(r.day.getTime(), { up: r.up_count, down: r.down_count });
    bySite.set(r.site_id, m);
  }
  const out = new Map<number, UptimeDay[]>();
  for (const id of siteIds) {
    const m = bySite.get(id);
    const bar: UptimeDay[] = [];
    for (let d = first; d < today; d += 86_400_000) {
      const c = m?.get(d);
      bar.push({
        day: new Date(d).toISOString().slice(0, 10),
        uptime: c ? uptimeRatio(c) : null,
        down: c?.down ?? 0,
      });
    }
    out.set(id, bar);
  }
  return out;
}
