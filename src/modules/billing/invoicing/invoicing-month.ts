// Which calendar month a run of the monthly invoicing bills: a month that has ended ("YYYY-MM"), by
// default the one just ended when the job of the 1st runs. Plain functions, unit-tested in
// invoicing-month.test.ts.
import { addMonths, monthPeriod } from "../periods.js";
import { invalid } from "./invoice-fields.js";

/** A calendar month, "YYYY-MM". */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The calendar month "YYYY-MM" to invoice, which must have ended by `now` (400 naming `period`). */
export function invoicingMonth(period: unknown, now: Date): { start: Date; end: Date } {
  if (typeof period !== "string" || !PERIOD_PATTERN.test(period)) {
    throw invalid([{ field: "period", message: "must be a month like 2026-10" }]);
  }
  let month: { start: Date; end: Date };
  try {
    month = monthPeriod(period);
  } catch (err) {
    throw invalid([{ field: "period", message: (err as Error).message }]);
  }
  if (month.end.getTime() > now.getTime()) {
    throw invalid([
      { field: "period", message: `${period} has not ended yet: it can be invoiced from ${isoDay(month.end)}` },
    ]);
  }
  return month;
}

/** The month just ended at `now` ("YYYY-MM"): what the job of the 1st invoices. */
export function monthJustEnded(now: Date): string {
  const previous = addMonths(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), -1);
  return `${previous.getUTCFullYear()}-${String(previous.getUTCMonth() + 1).padStart(2, "0")}`;
}
