// Uptime and response time as Uptime Kuma counts them (issue 14, item 3): uptime = up / (up + down),
// where a failed check counts as down even while its monitor is still "pending" (below its failure
// threshold), and a check inside a maintenance window counts as neither.
//
// Response times are kept as a histogram over fixed bounds (RT_BOUNDS), so that hourly and daily rollups
// add up exactly and a year's p95 is read from 365 rows. Bucket j holds the times in
// (RT_BOUNDS[j-1], RT_BOUNDS[j]] (bucket 0: 0 ms and below; the last: above 60 s). A percentile is the
// upper bound of the bucket holding the nearest-rank value, clamped to the largest time seen: it never
// under-reports, and over-reports by at most one bucket's width: 5 ms below 50 ms, 10 ms up to 100 ms,
// then at most 12.5% of the value (e.g. a true p95 of 161 ms reads 180 ms); above 60 s, the largest time
// seen. A time on a bound reads exactly.

export const RT_BOUNDS: readonly number[] = [
  0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 180, 200, 220, 240, 260,
  280, 300, 330, 360, 400, 440, 480, 520, 560, 600, 650, 700, 750, 800, 900, 1000, 1100, 1200, 1300, 1400, 1500, 1600,
  1800, 2000, 2200, 2400, 2600, 2800, 3000, 3300, 3600, 4000, 4400, 4800, 5200, 5600, 6000, 6500, 7000, 7500, 8000,
  9000, 10000, 11000, 12000, 13000, 14000, 15000, 16000, 18000, 20000, 22000, 24000, 26000, 28000, 30000, 33000, 36000,
  40000, 45000, 50000, 55000, 60000,
];

/** Buckets of a histogram: one per bound, plus one above the last. */
export const RT_BUCKETS = RT_BOUNDS.length + 1;

/** The bucket of a response time (ms). PostgreSQL's width_bucket(ms - 1, RT_BOUNDS) gives the same index. */
export function bucketOf(ms: number): number {
  let lo = 0;
  let hi = RT_BOUNDS.length;
  // The first bound >= ms.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (RT_BOUNDS[mid]! >= ms) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** What a span of checks adds up to: a rollup row, the raw rows of an hour, or a whole window. */
export interface CheckSummary {
  up: number;
  /** Failed checks, pending ones included. */
  down: number;
  /** Checks inside a maintenance window: neither up nor down. */
  maintenance: number;
  /** Response times of the up checks: how many, their sum, the largest, and their histogram. */
  rtCount: number;
  rtSum: number;
  rtMax: number | null;
  buckets: number[];
}

export function emptySummary(): CheckSummary {
  return { up: 0, down: 0, maintenance: 0, rtCount: 0, rtSum: 0, rtMax: null, buckets: new Array(RT_BUCKETS).fill(0) };
}

/** One check as the monitor wrote it; `inMaintenance` from the maintenance rule. */
export interface CheckLike {
  isUp: boolean;
  responseTimeMs: number | null;
  inMaintenance: boolean;
}

/** Adds checks to a summary (the same rule the rollup SQL applies). */
export function summarise(checks: Iterable<CheckLike>, into = emptySummary()): CheckSummary {
  for (const c of checks) {
    if (c.inMaintenance) into.maintenance += 1;
    else if (c.isUp) into.up += 1;
    else into.down += 1;
    if (!c.inMaintenance && c.isUp && c.responseTimeMs != null) {
      into.rtCount += 1;
      into.rtSum += c.responseTimeMs;
      into.rtMax = Math.max(into.rtMax ?? c.responseTimeMs, c.responseTimeMs);
      into.buckets[bucketOf(c.responseTimeMs)]! += 1;
    }
  }
  return into;
}

/** The sum of summaries. */
export function mergeSummaries(parts: Iterable<CheckSummary>): CheckSummary {
  const out = emptySummary();
  for (const p of parts) {
    out.up += p.up;
    out.down += p.down;
    out.maintenance += p.maintenance;
    out.rtCount += p.rtCount;
    out.rtSum += p.rtSum;
    if (p.rtMax != null) out.rtMax = Math.max(out.rtMax ?? p.rtMax, p.rtMax);
    p.buckets.forEach((n, i) => {
      if (i < RT_BUCKETS) out.buckets[i]! += n;
    });
  }
  return out;
}

/** up / (up + down), or null when nothing was checked outside maintenance. */
export function uptimeRatio(s: Pick<CheckSummary, "up" | "down">): number | null {
  const total = s.up + s.down;
  return total === 0 ? null : s.up / total;
}

/** The p-th percentile (0 < p <= 1) of the response times, by nearest rank on the histogram; null if none. */
export function percentile(s: Pick<CheckSummary, "buckets" | "rtMax">, p: number): number | null {
  const n = s.buckets.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(p * n));
  let seen = 0;
  for (let j = 0; j < s.buckets.length; j++) {
    seen += s.buckets[j]!;
    if (seen >= rank) {
      const bound = j < RT_BOUNDS.length ? RT_BOUNDS[j]! : Infinity;
      return s.rtMax == null ? bound : Math.min(bound, s.rtMax);
    }
  }
  return s.rtMax;
}

export const WINDOWS = { "24h": 24, "7d": 7 * 24, "30d": 30 * 24, "1y": 365 * 24 } as const;
export type UptimeWindow = keyof typeof WINDOWS;

const HOUR = 3_600_000;
const DAY = 86_400_000;

const floorTo = (t: number, unit: number) => Math.floor(t / unit) * unit;
const ceilTo = (t: number, unit: number) => Math.ceil(t / unit) * unit;

/** Where each part of a window [start, end) is read from. Days and hours are UTC. */
export interface WindowPlan {
  /** Whole days from the daily rollups: [start, end), on day boundaries. */
  days: { start: number; end: number } | null;
  /** Whole hours from the hourly rollups, on hour boundaries. */
  hours: { start: number; end: number }[];
  /** The rest from the raw rows. */
  raw: { start: number; end: number }[];
}

/**
 * Splits a window between the rollups and the raw rows. `hoursRolledUntil` and `daysRolledUntil` are how
 * far the rollup job has gone (rollups exist before them, and only there): an hour or a day the job has not
 * reached yet, such as the open hour, is read from the raw rows.
 */
export function planWindow(start: number, end: number, hoursRolledUntil: number, daysRolledUntil: number): WindowPlan {
  const plan: WindowPlan = { days: null, hours: [], raw: [] };
  if (end <= start) return plan;
  const dayStart = ceilTo(start, DAY);
  const dayEnd = Math.min(floorTo(end, DAY), floorTo(daysRolledUntil, DAY));
  const rest: { start: number; end: number }[] = [];
  if (dayEnd > dayStart) {
    plan.days = { start: dayStart, end: dayEnd };
    if (start < dayStart) rest.push({ start, end: dayStart });
    if (dayEnd < end) rest.push({ start: dayEnd, end });
  } else rest.push({ start, end });
  for (const part of rest) {
    const hourStart = ceilTo(part.start, HOUR);
    const hourEnd = Math.min(floorTo(part.end, HOUR), floorTo(hoursRolledUntil, HOUR));
    if (hourEnd > hourStart) {
      plan.hours.push({ start: hourStart, end: hourEnd });
      if (part.start < hourStart) plan.raw.push({ start: part.start, end: hourStart });
      if (hourEnd < part.end) plan.raw.push({ start: hourEnd, end: part.end });
    } else plan.raw.push(part);
  }
  return plan;
}
