// The nightly "metrics-snapshot" job (maintenance queue, 00:05 UTC) and the backfill of a range of
// days (`npm run metrics:backfill`). Both only call snapshot(), which replaces a day's row: running
// either twice gives the same rows.
import type { PrismaClient } from "@prisma/client";
import { AppError } from "../../lib/errors.js";
import {
  addDays,
  dayCount,
  dayJustEnded,
  dayOf,
  daysFrom,
  dayStart,
  isCalendarDay,
  parseDay,
  snapshot,
} from "./snapshot.js";

/** Days of the week before the job's day that it fills when they have no row (a worker that was down). */
export const CATCH_UP_DAYS = 7;
/** The longest range one backfill takes (about ten years). */
export const MAX_BACKFILL_DAYS = 3660;

export interface BackfillRange {
  from: string;
  to: string;
}

/**
 * A backfill's range, or a 400 naming the field: calendar days, from <= to, at most MAX_BACKFILL_DAYS
 * days, and only days that have ended (`now`'s day is still running: the 00:05 job takes it tomorrow).
 */
export function parseBackfillRange(input: { from?: unknown; to?: unknown }, now: Date): BackfillRange {
  const from = parseDay(input.from, "from");
  const to = parseDay(input.to, "to");
  if (from > to) {
    throw new AppError("validation", "to must be on or after from", [
      { field: "to", message: "must be on or after from" },
    ]);
  }
  const today = dayOf(now);
  if (to >= today) {
    throw new AppError(
      "validation",
      `to must be before today (${today}, UTC): a day is snapshotted once it has ended`,
      [{ field: "to", message: `must be before ${today} (UTC)` }],
    );
  }
  if (dayCount(from, to) > MAX_BACKFILL_DAYS) {
    throw new AppError("validation", `at most ${MAX_BACKFILL_DAYS} days at once`, [
      { field: "from", message: `the range may hold at most ${MAX_BACKFILL_DAYS} days` },
    ]);
  }
  return { from, to };
}

/** Snapshots every day of the range, oldest first, each in its own transaction. */
export async function backfillSnapshots(
  prisma: PrismaClient,
  range: BackfillRange,
  onDay?: (day: string) => void,
): Promise<{ days: number }> {
  const days = daysFrom(range.from, range.to);
  for (const day of days) {
    await snapshot(prisma, day);
    onDay?.(day);
  }
  return { days: days.length };
}

/** What the scheduler or a caller puts in the job: a day to snapshot instead of the one just ended. */
export interface SnapshotJobData {
  date?: string;
}

/** The parts of a BullMQ job the processor reads. */
export interface SnapshotJob {
  data?: SnapshotJobData | null;
  timestamp: number;
  /** A scheduler's job carries the time it was due (prevMillis), which a late or retried run keeps. */
  opts?: { prevMillis?: number };
}

export interface SnapshotJobResult {
  date: string;
  /** Days of the week before that had no row and were filled too. */
  caughtUp: string[];
}

/**
 * Snapshots the day that ended before the job was due (or `data.date`), then any of the CATCH_UP_DAYS
 * days before it that has no row. A late or retried run still takes the day it was due for.
 */
export async function metricsSnapshotJob(prisma: PrismaClient, job: SnapshotJob): Promise<SnapshotJobResult> {
  const due = new Date(job.opts?.prevMillis ?? job.timestamp);
  const requested = job.data?.date;
  if (requested !== undefined && !isCalendarDay(requested)) {
    throw new Error(`metrics-snapshot: data.date must be a date like 2026-01-31, not ${JSON.stringify(requested)}`);
  }
  const date = requested ?? dayJustEnded(due);
  await snapshot(prisma, date);
  const week = daysFrom(addDays(date, -CATCH_UP_DAYS), addDays(date, -1));
  const present = await prisma.businessMetric.findMany({
    where: { metricDate: { gte: dayStart(week[0]!), lte: dayStart(week[week.length - 1]!) } },
    select: { metricDate: true },
  });
  const have = new Set(present.map((r) => dayOf(r.metricDate)));
  const caughtUp = week.filter((day) => !have.has(day));
  for (const day of caughtUp) await snapshot(prisma, day);
  return { date, caughtUp };
}
