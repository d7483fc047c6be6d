// Events are written in batches: one multi-row INSERT (arrays through unnest) every 200 ms or every
// 1,000 events, whichever comes first, instead of one statement per event. /collect answers 204 before
// its event is written; a crash loses at most the last batch, which analytics can afford.
import type pg from "pg";
import { batchWriter, type BatchOptions, type BatchWriter } from "../../../lib/batch-writer.js";

export interface EventRow {
  siteId: number;
  /** YYYY-MM-DD (UTC) */
  day: string;
  occurredAt: Date;
  kind: "pageview" | "goal" | "vital";
  path: string;
  referrerHost: string | null;
  visitorHash: string;
  goal: string | null;
  metric: "LCP" | "INP" | "CLS" | null;
  value: number | null;
}

export type EventBuffer = BatchWriter<EventRow>;

const INSERT = `
INSERT INTO site_analytics_events
  (site_id, day, occurred_at, kind, path, referrer_host, visitor_hash, goal, metric, value)
SELECT u.* FROM unnest($1::int[], $2::date[], $3::timestamptz[], $4::"SiteAnalyticsEventKind"[], $5::text[],
                       $6::text[], $7::text[], $8::text[], $9::"WebVital"[], $10::numeric[])
                AS u(site_id, day, occurred_at, kind, path, referrer_host, visitor_hash, goal, metric, value)
  -- A site deleted since /collect looked it up loses its events, not the whole batch (foreign key).
  JOIN sites s ON s.id = u.site_id`;

/** Writes rows in one statement. */
export async function insertEvents(pool: Pick<pg.Pool, "query">, rows: readonly EventRow[]): Promise<void> {
  if (rows.length === 0) return;
  await pool.query(INSERT, [
    rows.map((r) => r.siteId),
    rows.map((r) => r.day),
    rows.map((r) => r.occurredAt.toISOString()),
    rows.map((r) => r.kind),
    rows.map((r) => r.path),
    rows.map((r) => r.referrerHost),
    rows.map((r) => r.visitorHash),
    rows.map((r) => r.goal),
    rows.map((r) => r.metric),
    rows.map((r) => r.value),
  ]);
}

export function eventBuffer(
  pool: Pick<pg.Pool, "query">,
  onError: (err: Error, lost: number) => void,
  options: BatchOptions = {},
): EventBuffer {
  return batchWriter((rows: EventRow[]) => insertEvents(pool, rows), onError, options);
}
