// Calendar arithmetic of billing, in UTC. A billing period runs from its start to the same day one
// month (or year) later, clamped to the end of shorter months: Jan 31 -> Feb 28 -> Mar 31 (each period is
// computed from the subscription's anchor, so a clamp never drifts).
import type { BillingInterval } from "@prisma/client";

const DAY = 86_400_000;

/** `anchor` plus `count` months, keeping the anchor's day where the month has it. */
export function addMonths(anchor: Date, count: number): Date {
  const y = anchor.getUTCFullYear();
  const m = anchor.getUTCMonth() + count;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(anchor.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(
      y,
      m,
      day,
      anchor.getUTCHours(),
      anchor.getUTCMinutes(),
      anchor.getUTCSeconds(),
      anchor.getUTCMilliseconds(),
    ),
  );
}

export const intervalMonths = (interval: BillingInterval): number => (interval === "yearly" ? 12 : 1);

/** The n-th billing period (0-based) of a subscription anchored at `anchor`. */
export function nthPeriod(anchor: Date, interval: BillingInterval, n: number): { start: Date; end: Date } {
  const months = intervalMonths(interval);
  return { start: addMonths(anchor, n * months), end: addMonths(anchor, (n + 1) * months) };
}

/** The billing period containing `at` (the first one when `at` is before the anchor). */
export function periodAt(anchor: Date, interval: BillingInterval, at: Date): { start: Date; end: Date } {
  const months = intervalMonths(interval);
  const approx = (at.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + at.getUTCMonth() - anchor.getUTCMonth();
  let n = Math.max(0, Math.floor(approx / months) - 1);
  while (nthPeriod(anchor, interval, n + 1).start <= at) n += 1;
  return nthPeriod(anchor, interval, n);
}

/** The first and last years a billing period may fall in. */
export const FIRST_BILLING_YEAR = 2000;
export const LAST_BILLING_YEAR = 2100;

/** A calendar month [start, end) in UTC, from "YYYY-MM"; years before 2000 or after 2100 are refused. */
export function monthPeriod(month: string): { start: Date; end: Date } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new RangeError(`"${month}" is not a month like 2026-11`);
  const y = Number(match[1]);
  if (y < FIRST_BILLING_YEAR || y > LAST_BILLING_YEAR) {
    throw new RangeError(`"${month}" is not between ${FIRST_BILLING_YEAR}-01 and ${LAST_BILLING_YEAR}-12`);
  }
  const m = Number(match[2]) - 1;
  return { start: new Date(Date.UTC(y, m, 1)), end: new Date(Date.UTC(y, m + 1, 1)) };
}

/** "YYYY-MM" of a date (UTC). */
export const monthOf = (at: Date): string => `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, "0")}`;

/** The month before "YYYY-MM". */
export const previousMonth = (month: string): string => monthOf(addMonths(monthPeriod(month).start, -1));

/** Whole UTC days from `from` to `to` (the days' dates, ignoring the time of day). */
export function daysBetween(from: Date, to: Date): number {
  const a = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const b = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  return Math.round((b - a) / DAY);
}
