// Running a segment against PostgreSQL: its count, its customer ids (keyset pages, or a stream of
// batches for a large send) and a sample for the builder's live preview. Each call validates the
// criteria and compiles them to parameterised SQL (rules/compile.ts); nothing is stored.
import type pg from "pg";
import { compileSegment, type CompileOptions } from "./rules/compile.js";
import type { SegmentCriteria, SegmentCriteriaInput } from "./rules/criteria.js";

/** What running a segment needs: a pg pool or client (the app's `deps.pool`, or a transaction's client). */
export interface SegmentDeps {
  pool: Pick<pg.Pool, "query"> | Pick<pg.PoolClient, "query">;
}

type Criteria = SegmentCriteriaInput | SegmentCriteria;

/** How many customers match. */
export async function countSegment(
  deps: SegmentDeps,
  criteria: Criteria,
  options: { now?: Date } = {},
): Promise<number> {
  const { where, params } = compileSegment(criteria, options);
  const { rows } = await deps.pool.query<{ n: string }>(`SELECT count(*) AS n FROM customers c WHERE ${where}`, params);
  return Number(rows[0]?.n ?? 0);
}

export interface IdPageOptions {
  now?: Date;
  /** Only ids above this one (keyset paging: pass the last id of the previous page). */
  afterId?: number;
  /** At most this many ids; all of them when unset. */
  limit?: number;
}

/** The matching customers' ids, ascending. */
export async function segmentCustomerIds(
  deps: SegmentDeps,
  criteria: Criteria,
  options: IdPageOptions = {},
): Promise<number[]> {
  const compiled = compileSegment(criteria, { now: options.now });
  const params = [...compiled.params];
  let sql = `SELECT c.id FROM customers c WHERE ${compiled.where}`;
  if (options.afterId !== undefined) {
    params.push(options.afterId);
    sql += ` AND c.id > $${params.length}::int`;
  }
  sql += " ORDER BY c.id";
  if (options.limit !== undefined) {
    params.push(options.limit);
    sql += ` LIMIT $${params.length}::int`;
  }
  const { rows } = await deps.pool.query<{ id: number }>(sql, params);
  return rows.map((r) => r.id);
}

/**
 * The matching customers' ids in ascending batches (keyset pages of `batchSize`, default 5,000), all
 * judged at one instant: a send of 100,000 recipients never holds them all nor a cursor open.
 */
export async function* streamSegmentCustomerIds(
  deps: SegmentDeps,
  criteria: Criteria,
  options: { now?: Date; batchSize?: number } = {},
): AsyncGenerator<number[], void, undefined> {
  const now = options.now ?? new Date();
  const limit = options.batchSize ?? 5_000;
  let afterId: number | undefined;
  for (;;) {
    const ids = await segmentCustomerIds(deps, criteria, { now, afterId, limit });
    if (ids.length) yield ids;
    if (ids.length < limit) return;
    afterId = ids[ids.length - 1];
  }
}

/** A customer as the builder's preview shows it. */
export interface SegmentSampleRow {
  id: number;
  name: string;
  email: string;
  planType: string;
  status: string;
  language: string;
  createdAt: string;
}

/** The newest matching customers, at most `limit` (default 10, at most 50). */
export async function sampleSegment(
  deps: SegmentDeps,
  criteria: Criteria,
  options: { now?: Date; limit?: number } = {},
): Promise<SegmentSampleRow[]> {
  const limit = Math.min(Math.max(options.limit ?? 10, 1), 50);
  const compiled = compileSegment(criteria, { now: options.now });
  const { rows } = await deps.pool.query<{
    id: number;
    name: string;
    email: string;
    plan_type: string;
    status: string;
    language: string;
    created_at: Date;
  }>(
    `SELECT c.id, c.name, c.email, c.plan_type, c.status, c.language, c.created_at
     FROM customers c WHERE ${compiled.where} ORDER BY c.created_at DESC, c.id DESC LIMIT $${compiled.params.length + 1}::int`,
    [...compiled.params, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    planType: r.plan_type,
    status: r.status,
    language: r.language,
    createdAt: r.created_at.toISOString(),
  }));
}

/** The builder's live preview: the count and a sample, judged at one instant. */
export async function previewSegment(
  deps: SegmentDeps,
  criteria: Criteria,
  options: { now?: Date; limit?: number } = {},
): Promise<{ count: number; sample: SegmentSampleRow[] }> {
  const now = options.now ?? new Date();
  const [count, sample] = await Promise.all([
    countSegment(deps, criteria, { now }),
    sampleSegment(deps, criteria, { now, limit: options.limit }),
  ]);
  return { count, sample };
}

export type { CompileOptions };
