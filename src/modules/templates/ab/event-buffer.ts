// A/B events are written in batches: one multi-row INSERT (arrays through unnest) every 200 ms or every
// 1,000 events, whichever comes first. A replayed event id is skipped by the unique (test_id, event_id)
// (ON CONFLICT DO NOTHING), so a sender may retry freely. /ab/events answers before its event is
// written; a crash loses at most the last batch, which the sender's retry (same ids) restores.
import type pg from "pg";
import { batchWriter, type BatchOptions, type BatchWriter } from "../../../lib/batch-writer.js";
import type { Variant } from "./rules/assignment.js";

export interface AbEventRow {
  testId: number;
  eventId: string;
  visitorId: string;
  variant: Variant;
  kind: "exposure" | "conversion";
  goal: string | null;
  occurredAt: Date;
}

export type AbEventBuffer = BatchWriter<AbEventRow>;

const INSERT = `
INSERT INTO template_ab_events (test_id, event_id, visitor_id, variant, kind, goal, occurred_at)
SELECT u.* FROM unnest($1::int[], $2::text[], $3::text[], $4::ab_variant[], $5::ab_event_kind[], $6::text[],
                       $7::timestamptz[]) AS u(test_id, event_id, visitor_id, variant, kind, goal, occurred_at)
  -- A test deleted since the directory looked it up loses its events, not the whole batch.
  JOIN template_ab_tests t ON t.id = u.test_id
ON CONFLICT (test_id, event_id) DO NOTHING`;

/** Writes rows in one statement; answers how many were new. */
export async function insertAbEvents(pool: Pick<pg.Pool, "query">, rows: readonly AbEventRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  // One batch may carry one id twice (a quick retry): ON CONFLICT cannot touch a row twice in a statement.
  const seen = new Set<string>();
  const unique = rows.filter((r) => {
    const key = `${r.testId}:${r.eventId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const result = await pool.query(INSERT, [
    unique.map((r) => r.testId),
    unique.map((r) => r.eventId),
    unique.map((r) => r.visitorId),
    unique.map((r) => r.variant),
    unique.map((r) => r.kind),
    unique.map((r) => r.goal),
    unique.map((r) => r.occurredAt.toISOString()),
  ]);
  return result.rowCount ?? 0;
}

export function abEventBuffer(
  pool: Pick<pg.Pool, "query">,
  onError: (err: Error, lost: number) => void,
  options: BatchOptions = {},
): AbEventBuffer {
  return batchWriter((rows: AbEventRow[]) => insertAbEvents(pool, rows), onError, options);
}
