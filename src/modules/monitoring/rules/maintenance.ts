// Maintenance windows as instants: when a window covers a moment, its checks count neither up nor down
// (issue 14: maintenance is excluded from uptime) and its alerts are suppressed.
//
// A one-off window covers [starts_at, ends_at). A weekly window starts every `weekday` (0 = Sunday) at
// `start_minute` after local midnight in its `time_zone`, and lasts `duration_minutes` of real time. A
// local start that does not exist (the hour skipped when clocks go forward) starts at the same wall time
// under the offset before the change (02:30 on a spring-forward night in Paris starts at 03:30); a start
// that happens twice (clocks go back) starts at the first. This is what Temporal calls "compatible".

export interface MaintenanceWindowLike {
  siteId: number | null;
  kind: "one_off" | "weekly";
  startsAt: Date | null;
  endsAt: Date | null;
  weekday: number | null;
  startMinute: number | null;
  durationMinutes: number | null;
  timeZone: string;
}

/** A half-open interval of instants, [start, end), in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** Which sites an interval applies to: null is every site. */
export interface SiteInterval extends Interval {
  siteId: number | null;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The time zone's offset from UTC at an instant, in milliseconds (Paris in summer: +7,200,000). */
export function zoneOffset(timeZone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant of a local wall time (a calendar date and minutes after midnight) in a time zone. */
export function zonedInstant(timeZone: string, year: number, month: number, day: number, minute: number): number {
  const wall = Date.UTC(year, month - 1, day, 0, minute);
  // The offsets in force a day before and a day after: a zone changes offset at most once in between.
  const before = zoneOffset(timeZone, wall - DAY);
  const after = zoneOffset(timeZone, wall + DAY);
  const candidates = [wall - before, wall - after].filter((t, i) => zoneOffset(timeZone, t) === [before, after][i]);
  if (candidates.length) return Math.min(...candidates);
  return wall - before; // in the gap: the wall time under the offset before the change
}

/** The intervals one window covers that overlap [from, to). */
export function windowIntervals(window: MaintenanceWindowLike, from: number, to: number): Interval[] {
  if (window.kind === "one_off") {
    if (!window.startsAt || !window.endsAt) return [];
    const start = window.startsAt.getTime();
    const end = window.endsAt.getTime();
    return end > from && start < to && end > start ? [{ start, end }] : [];
  }
  const { weekday, startMinute, durationMinutes } = window;
  if (weekday == null || startMinute == null || !durationMinutes) return [];
  const out: Interval[] = [];
  // Local calendar dates from a week before `from` (a window up to a week long may still cover it).
  const first = from - 8 * DAY + zoneOffset(window.timeZone, from);
  const firstDay = Math.floor(first / DAY) * DAY;
  for (let day = firstDay; day < to + 2 * DAY; day += DAY) {
    const date = new Date(day);
    if (date.getUTCDay() !== weekday) continue;
    const start = zonedInstant(
      window.timeZone,
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      startMinute,
    );
    const end = start + durationMinutes * MINUTE;
    if (end > from && start < to) out.push({ start, end });
  }
  return out;
}

/** Every interval of the windows that overlaps [from, to), with the site it applies to. */
export function maintenanceIntervals(windows: MaintenanceWindowLike[], from: number, to: number): SiteInterval[] {
  return windows.flatMap((w) => windowIntervals(w, from, to).map((i) => ({ ...i, siteId: w.siteId })));
}

/** True when a window of the site (or of every site) covers the instant. */
export function isInMaintenance(windows: MaintenanceWindowLike[], siteId: number, instant: number): boolean {
  return windows.some(
    (w) =>
      (w.siteId === null || w.siteId === siteId) &&
      windowIntervals(w, instant, instant + 1).some((i) => i.start <= instant && instant < i.end),
  );
}

/** True when the windows of the site cover all of [from, to). */
export function isIntervalInMaintenance(
  windows: MaintenanceWindowLike[],
  siteId: number,
  from: number,
  to: number,
): boolean {
  const covering = maintenanceIntervals(
    windows.filter((w) => w.siteId === null || w.siteId === siteId),
    from,
    to,
  ).sort((a, b) => a.start - b.start);
  let reached = from;
  for (const i of covering) {
    if (i.start > reached) return false;
    reached = Math.max(reached, i.end);
    if (reached >= to) return true;
  }
  return reached >= to;
}
