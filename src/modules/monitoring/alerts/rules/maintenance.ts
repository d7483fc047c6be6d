// Whether a site is in a maintenance window at an instant: alerts are not sent then. One-off windows are
// [starts_at, ends_at); weekly windows start on `weekday` (0 = Sunday) at `start_minute` after midnight
// in their own time zone (so 03:00 stays 03:00 across daylight-saving changes) and last
// `duration_minutes`, possibly past midnight into the next days. A window with site_id null covers
// every site.

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

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Minutes since Sunday 00:00 of the local week in `timeZone` at `t` (0 to 10079). */
export function minuteOfWeek(t: Date, timeZone: string): number {
  const parts = formatterOf(timeZone).formatToParts(t);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const day = WEEKDAYS[get("weekday")] ?? 0;
  return day * 1440 + Number(get("hour")) * 60 + Number(get("minute"));
}

const WEEK_MINUTES = 7 * 1440;

/** Whether `window` covers `siteId` at `t`. */
export function windowCovers(window: MaintenanceWindowLike, siteId: number, t: Date): boolean {
  if (window.siteId !== null && window.siteId !== siteId) return false;
  if (window.kind === "one_off") {
    if (!window.startsAt || !window.endsAt) return false;
    return window.startsAt.getTime() <= t.getTime() && t.getTime() < window.endsAt.getTime();
  }
  if (window.weekday === null || window.startMinute === null || window.durationMinutes === null) return false;
  let now: number;
  try {
    now = minuteOfWeek(t, window.timeZone);
  } catch {
    return false; // an unknown time zone (the column rule refuses them) covers nothing
  }
  const start = window.weekday * 1440 + window.startMinute;
  // Minutes since the window's latest start, wrapping around the week.
  const since = (((now - start) % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;
  return since < Math.min(window.durationMinutes, WEEK_MINUTES);
}

/** Whether any of `windows` covers `siteId` at `t`. */
export function inMaintenanceAt(windows: readonly MaintenanceWindowLike[], siteId: number, t: Date): boolean {
  return windows.some((w) => windowCovers(w, siteId, t));
}
