// Core Web Vitals thresholds (web.dev, 2024: INP replaced FID) and the 75th percentile Google rates a
// page on. LCP and INP are milliseconds, CLS a unitless score.
export const WEB_VITALS = ["LCP", "INP", "CLS"] as const;
export type WebVitalName = (typeof WEB_VITALS)[number];
export type VitalRating = "good" | "needs-improvement" | "poor";

/** [good up to and including, poor above]. */
export const VITAL_THRESHOLDS: Record<WebVitalName, readonly [good: number, poor: number]> = {
  LCP: [2500, 4000],
  INP: [200, 500],
  CLS: [0.1, 0.25],
};

/** The largest value a browser may report, beyond which the measure is taken as bogus and refused. */
export const VITAL_MAX: Record<WebVitalName, number> = { LCP: 600_000, INP: 600_000, CLS: 100 };

export function rateVital(metric: WebVitalName, value: number): VitalRating {
  const [good, poor] = VITAL_THRESHOLDS[metric];
  if (value <= good) return "good";
  return value <= poor ? "needs-improvement" : "poor";
}

/** The p-th percentile (0..1) with linear interpolation, as PostgreSQL's percentile_cont; null if empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export interface DailyVital {
  p75: number;
  count: number;
}

/**
 * The p75 of a period from its days' p75s: the 75th percentile of the daily values weighted by their
 * counts. Exact for one day; an estimate over several (the raw measures are not kept), which follows
 * the busy days as the true p75 does.
 */
export function periodP75(days: readonly DailyVital[]): DailyVital | null {
  const kept = days.filter((d) => d.count > 0).sort((a, b) => a.p75 - b.p75);
  const total = kept.reduce((sum, d) => sum + d.count, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const day of kept) {
    seen += day.count;
    if (seen >= 0.75 * total) return { p75: day.p75, count: total };
  }
  return { p75: kept[kept.length - 1]!.p75, count: total };
}
