// The period an Audience page or the REST route asks for, and the days of site_analytics_daily summed
// over it: a series with every day (zeros where nothing was counted), top lists merged, Web Vitals p75.
import { dateProblem } from "../../../../lib/input-rules.js";
import { periodP75, rateVital, WEB_VITALS, type DailyVital, type VitalRating, type WebVitalName } from "./vitals.js";

export const DAY_MS = 86_400_000;
/** The longest period asked at once. */
export const MAX_PERIOD_DAYS = 366;
export const PERIOD_CHOICES = [7, 30, 90] as const;
const TOP = 10;

export interface DayRange {
  /** First and last day, included, as YYYY-MM-DD (UTC days). */
  from: string;
  to: string;
}

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
export const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);

/** The last `days` days up to today, included. */
export function lastDays(days: number, now: Date): DayRange {
  const to = isoDay(now);
  return { from: isoDay(new Date(dayStart(to).getTime() - (days - 1) * DAY_MS)), to };
}

export type RangeError = { field: "from" | "to"; message: string };

/** A from/to pair from a query (either may be missing: the last 30 days), or the field at fault. */
export function parseRange(
  query: { from?: unknown; to?: unknown },
  now: Date,
): { range: DayRange } | { error: RangeError } {
  const read = (field: "from" | "to"): string | undefined | RangeError => {
    const raw = query[field];
    if (raw === undefined || raw === "") return undefined;
    if (
      typeof raw !== "string" ||
      !/^\d{4}-\d{2}-\d{2}$/.test(raw) ||
      Number.isNaN(dayStart(raw).getTime()) ||
      dateProblem(dayStart(raw)) !== null ||
      isoDay(dayStart(raw)) !== raw
    )
      return { field, message: "must be a date YYYY-MM-DD between 2000-01-01 and 2100-12-31" };
    return raw;
  };
  const to = read("to");
  if (typeof to === "object") return { error: to };
  const from = read("from");
  if (typeof from === "object") return { error: from };
  const end = to ?? isoDay(now);
  const start = from ?? isoDay(new Date(dayStart(end).getTime() - 29 * DAY_MS));
  if (start > end) return { error: { field: "from", message: "must not be after to" } };
  if (daysIn({ from: start, to: end }) > MAX_PERIOD_DAYS)
    return { error: { field: "from", message: `the period is at most ${MAX_PERIOD_DAYS} days` } };
  return { range: { from: start, to: end } };
}

export function daysIn(range: DayRange): number {
  return Math.round((dayStart(range.to).getTime() - dayStart(range.from).getTime()) / DAY_MS) + 1;
}

export interface PageCount {
  path: string;
  views: number;
}
export interface ReferrerCount {
  host: string;
  visitors: number;
}
export interface GoalCount {
  name: string;
  count: number;
  visitors: number;
}

/** One site's day, as site_analytics_daily holds it (or as today's raw events sum up). */
export interface AnalyticsDay {
  day: string;
  pageViews: number;
  visitors: number;
  topPages: PageCount[];
  topReferrers: ReferrerCount[];
  goals: GoalCount[];
  vitals: Partial<Record<WebVitalName, DailyVital>>;
}

export interface VitalSummary extends DailyVital {
  metric: WebVitalName;
  rating: VitalRating;
}

export interface AnalyticsSummary {
  range: DayRange;
  totals: { pageViews: number; visitors: number; conversions: number };
  series: { day: string; pageViews: number; visitors: number }[];
  topPages: PageCount[];
  referrers: ReferrerCount[];
  goals: GoalCount[];
  vitals: VitalSummary[];
}

function addTo<K extends string>(map: Map<string, Record<K, number>>, key: string, counts: Record<K, number>): void {
  const current = map.get(key);
  if (!current) map.set(key, { ...counts });
  else for (const k of Object.keys(counts) as K[]) current[k] += counts[k];
}

/**
 * The period's figures from its days. Visitors of the period are the sum of each day's (the daily
 * salt makes the same person a new visitor every day, as Plausible counts them per day); top pages and
 * referrers are summed over the days' own top lists.
 */
export function summarise(range: DayRange, days: readonly AnalyticsDay[]): AnalyticsSummary {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const series: AnalyticsSummary["series"] = [];
  for (let t = dayStart(range.from).getTime(); t <= dayStart(range.to).getTime(); t += DAY_MS) {
    const day = isoDay(new Date(t));
    const row = byDay.get(day);
    series.push({ day, pageViews: row?.pageViews ?? 0, visitors: row?.visitors ?? 0 });
  }
  const inRange = days.filter((d) => d.day >= range.from && d.day <= range.to);
  const pages = new Map<string, { views: number }>();
  const referrers = new Map<string, { visitors: number }>();
  const goals = new Map<string, { count: number; visitors: number }>();
  const vitals = new Map<WebVitalName, DailyVital[]>();
  for (const day of inRange) {
    for (const p of day.topPages) addTo(pages, p.path, { views: p.views });
    for (const r of day.topReferrers) addTo(referrers, r.host, { visitors: r.visitors });
    for (const g of day.goals) addTo(goals, g.name, { count: g.count, visitors: g.visitors });
    for (const metric of WEB_VITALS) {
      const v = day.vitals[metric];
      if (v) vitals.set(metric, [...(vitals.get(metric) ?? []), v]);
    }
  }
  const sorted = <T>(map: Map<string, T>, by: (v: T) => number) =>
    [...map.entries()].sort((a, b) => by(b[1]) - by(a[1]) || (a[0] < b[0] ? -1 : 1)).slice(0, TOP);
  const goalList = sorted(goals, (g) => g.count).map(([name, g]) => ({ name, ...g }));
  return {
    range,
    totals: {
      pageViews: series.reduce((s, d) => s + d.pageViews, 0),
      visitors: series.reduce((s, d) => s + d.visitors, 0),
      conversions: [...goals.values()].reduce((s, g) => s + g.count, 0),
    },
    series,
    topPages: sorted(pages, (p) => p.views).map(([path, p]) => ({ path, views: p.views })),
    referrers: sorted(referrers, (r) => r.visitors).map(([host, r]) => ({ host, visitors: r.visitors })),
    goals: goalList,
    vitals: WEB_VITALS.flatMap((metric) => {
      const v = periodP75(vitals.get(metric) ?? []);
      return v ? [{ metric, ...v, rating: rateVital(metric, v.p75) }] : [];
    }),
  };
}
