// The rollup job (issue 14, item 3): what the raw checks of each site and check type add up to per UTC
// hour (site_monitoring_hourly) and per UTC day (site_monitoring_daily), by the rule of rules/uptime.ts,
// with maintenance windows expanded by rules/maintenance.ts. A run recomputes whole closed periods from
// the raw rows (deletes the period's rollups, inserts them again), so re-running it gives the same rows;
// it goes back two hours and a day before where it stopped, for checks written late.
import { Prisma, type PrismaClient } from "@prisma/client";
import { maintenanceIntervals } from "../rules/maintenance.js";
import { RT_BOUNDS, RT_BUCKETS } from "../rules/uptime.js";

const HOUR = 3_600_000;
const DAY = 86_400_000;
const LOOKBACK = { hour: 2 * HOUR, day: DAY } as const;
// Serialises rollup runs: two workers rolling up the same hours would insert the same keys.
const ROLLUP_LOCK = 7_411_502_114;

export type Grain = "hour" | "day";

/** How far the job has rolled up each grain: rollups exist for every period before it. */
export async function rolledUntil(db: Prisma.TransactionClient | PrismaClient): Promise<Record<Grain, Date | null>> {
  const rows = await db.$queryRaw<{ grain: Grain; rolled_until: Date }[]>`
    SELECT grain, rolled_until FROM site_monitoring_rollup_state`;
  const out: Record<Grain, Date | null> = { hour: null, day: null };
  for (const r of rows) out[r.grain] = r.rolled_until;
  return out;
}

/**
 * Rolls up the raw rows of [from, to) (on the grain's boundaries) into the grain's table, replacing
 * what was there. Returns the number of rollup rows written.
 */
export async function rollupRange(tx: Prisma.TransactionClient, grain: Grain, from: Date, to: Date): Promise<number> {
  const windows = await tx.maintenanceWindow.findMany();
  const intervals = maintenanceIntervals(
    windows.map((w) => ({ ...w, kind: w.kind })),
    from.getTime(),
    to.getTime(),
  );
  const period =
    grain === "hour"
      ? Prisma.sql`date_trunc('hour', s.check_time AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`
      : Prisma.sql`(s.check_time AT TIME ZONE 'UTC')::date`;
  const table = grain === "hour" ? Prisma.sql`site_monitoring_hourly` : Prisma.sql`site_monitoring_daily`;
  const column = grain === "hour" ? Prisma.sql`hour` : Prisma.sql`day`;
  const fromKey =
    grain === "hour" ? Prisma.sql`${from}::timestamptz` : Prisma.sql`(${from}::timestamptz AT TIME ZONE 'UTC')::date`;
  const toKey =
    grain === "hour" ? Prisma.sql`${to}::timestamptz` : Prisma.sql`(${to}::timestamptz AT TIME ZONE 'UTC')::date`;
  await tx.$executeRaw`DELETE FROM ${table} WHERE ${column} >= ${fromKey} AND ${column} < ${toKey}`;
  return tx.$executeRaw`
    WITH m AS (
      SELECT * FROM unnest(${intervals.map((i) => i.siteId)}::int[],
                           ${intervals.map((i) => new Date(i.start))}::timestamptz[],
                           ${intervals.map((i) => new Date(i.end))}::timestamptz[]) AS m(site_id, starts, ends)
    ), c AS MATERIALIZED (
      SELECT s.site_id, s.check_type, ${period} AS period, s.is_up, s.response_time_ms,
             EXISTS (SELECT 1 FROM m WHERE (m.site_id IS NULL OR m.site_id = s.site_id)
                                        AND s.check_time >= m.starts AND s.check_time < m.ends) AS maint
        FROM site_monitoring s
       WHERE s.check_time >= ${from} AND s.check_time < ${to}
    ), g AS (
      SELECT site_id, check_type, period,
             count(*) FILTER (WHERE NOT maint AND is_up)::int AS up,
             count(*) FILTER (WHERE NOT maint AND NOT is_up)::int AS down,
             count(*) FILTER (WHERE maint)::int AS maintenance,
             count(response_time_ms) FILTER (WHERE NOT maint AND is_up)::int AS rt_count,
             coalesce(sum(response_time_ms) FILTER (WHERE NOT maint AND is_up), 0)::bigint AS rt_sum,
             max(response_time_ms) FILTER (WHERE NOT maint AND is_up) AS rt_max
        FROM c GROUP BY 1, 2, 3
    ), b AS (
      SELECT site_id, check_type, period, array_agg(j) AS js, array_agg(n) AS ns FROM (
        SELECT site_id, check_type, period, width_bucket(response_time_ms - 1, ${RT_BOUNDS as number[]}::int[]) AS j,
               count(*)::int AS n
          FROM c WHERE NOT maint AND is_up AND response_time_ms IS NOT NULL
         GROUP BY 1, 2, 3, 4) x
       GROUP BY 1, 2, 3
    )
    INSERT INTO ${table} (site_id, check_type, ${column}, up_count, down_count, maintenance_count,
                          rt_count, rt_sum, rt_max, rt_buckets)
    SELECT g.site_id, g.check_type, g.period, g.up, g.down, g.maintenance, g.rt_count, g.rt_sum, g.rt_max,
           ARRAY(SELECT coalesce(b.ns[array_position(b.js, k)], 0)
                   FROM generate_series(0, ${RT_BUCKETS - 1}::int) k ORDER BY k)
      FROM g LEFT JOIN b ON b.site_id = g.site_id AND b.check_type = g.check_type AND b.period = g.period`;
}

const floorTo = (t: number, unit: number) => Math.floor(t / unit) * unit;

export interface RollupResult {
  hours: { from: string; to: string; rows: number } | null;
  days: { from: string; to: string; rows: number } | null;
}

/**
 * Rolls up every closed hour and day not yet rolled up (from the oldest raw row on a first run), plus a
 * look-back for late checks, and moves each grain's mark forward. Idempotent: a second run over the same
 * raw rows writes the same rollups.
 */
export async function runRollup(prisma: PrismaClient, now: Date = new Date()): Promise<RollupResult> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK}::bigint)`;
      const marks = await rolledUntil(tx);
      const [oldest] = await tx.$queryRaw<{ t: Date | null }[]>`SELECT min(check_time) AS t FROM site_monitoring`;
      const result: RollupResult = { hours: null, days: null };
      for (const grain of ["hour", "day"] as const) {
        const unit = grain === "hour" ? HOUR : DAY;
        const to = floorTo(now.getTime(), unit);
        const mark = marks[grain]?.getTime();
        const start = mark !== undefined ? mark - LOOKBACK[grain] : oldest?.t ? oldest.t.getTime() : to;
        const from = floorTo(Math.min(start, to), unit);
        const rows = from < to ? await rollupRange(tx, grain, new Date(from), new Date(to)) : 0;
        await tx.$executeRaw`
          INSERT INTO site_monitoring_rollup_state (grain, rolled_until) VALUES (${grain}, ${new Date(to)})
          ON CONFLICT (grain) DO UPDATE SET rolled_until = GREATEST(site_monitoring_rollup_state.rolled_until, EXCLUDED.rolled_until)`;
        result[grain === "hour" ? "hours" : "days"] = {
          from: new Date(from).toISOString(),
          to: new Date(to).toISOString(),
          rows,
        };
      }
      return result;
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
