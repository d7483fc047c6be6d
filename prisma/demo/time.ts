// Dates of the demo data are offsets from one `now`, so a run with the same `now` gives the same rows.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Midnight UTC of the day of `date`: the default `now`, so two runs on one day give the same rows. */
export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

/** Same day-of-month and time `months` later; the 31st becomes the last day of a shorter month. */
export function addMonthsUtc(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(date.getTime());
  d.setUTCFullYear(y, m, Math.min(date.getUTCDate(), lastDay));
  return d;
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** 31/03/2026 */
export function formatDateFr(date: Date): string {
  const dd = String(date.getUTCDate()).padStart(2, "0");
  const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${date.getUTCFullYear()}`;
}

/** Day of the year, 1 for January 1st (UTC). */
export function dayOfYear(date: Date): number {
  return Math.floor((startOfUtcDay(date).getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY) + 1;
}

/** A moment drawn uniformly in [from, to), truncated to the second (so the rows look like real ones). */
export function dateBetween(rng: { next(): number }, from: Date, to: Date): Date {
  const span = Math.max(0, to.getTime() - from.getTime());
  const ms = from.getTime() + Math.floor(rng.next() * span);
  return new Date(ms - (ms % 1000));
}
