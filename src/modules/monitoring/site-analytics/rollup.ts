// The daily rollup of site analytics: each closed UTC day of raw events becomes one site_analytics_daily
// row per site (page views, unique visitors, top pages and referrers, goals, Web Vitals p75); raw events
// older than RAW_RETENTION_DAYS are then deleted, and the salts of past days. Idempotent: a day is
// computed from its raw events only, and written with ON CONFLICT, so a second run (a retried job, a
// forced recompute) leaves the same rows.
import { Prisma, type PrismaClient } from "@prisma/client";
import type { Redis } from "ioredis";
import { writeAudit } from "../../../lib/audit.js";
import { DAY_MS, dayStart, isoDay, type AnalyticsDay } from "./rules/period.js";
import { deleteOldSalts } from "./salts.js";

/** Days of raw events kept after the day they were counted (they can be rolled up again meanwhile). */
export const RAW_RETENTION_DAYS = 3;
/** Entries of each top list kept per day. */
export const TOP_PER_DAY = 20;

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * The per-site, per-day figures of the raw events matching `where` (a condition on `e`), in the
 * shape of site_analytics_daily.
 */
function aggregate(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH ev AS (SELECT * FROM site_analytics_events e WHERE ${where}),
    base AS (
      SELECT site_id, day,
             count(*) FILTER (WHERE kind = 'pageview')::int AS page_views,
             count(DISTINCT visitor_hash) FILTER (WHERE kind = 'pageview')::int AS visitors
        FROM ev GROUP BY site_id, day),
    pages AS (
      SELECT site_id, day, jsonb_agg(jsonb_build_object('path', path, 'views', n) ORDER BY n DESC, path) AS list
        FROM (SELECT site_id, day, path, count(*)::int AS n,
                     row_number() OVER (PARTITION BY site_id, day ORDER BY count(*) DESC, path) AS rank
                FROM ev WHERE kind = 'pageview' GROUP BY site_id, day, path) p
       WHERE rank <= ${TOP_PER_DAY} GROUP BY site_id, day),
    refs AS (
      SELECT site_id, day, jsonb_agg(jsonb_build_object('host', referrer_host, 'visitors', n) ORDER BY n DESC, referrer_host) AS list
        FROM (SELECT site_id, day, referrer_host, count(DISTINCT visitor_hash)::int AS n,
                     row_number() OVER (PARTITION BY site_id, day ORDER BY count(DISTINCT visitor_hash) DESC, referrer_host) AS rank
                FROM ev WHERE kind = 'pageview' AND referrer_host IS NOT NULL GROUP BY site_id, day, referrer_host) r
       WHERE rank <= ${TOP_PER_DAY} GROUP BY site_id, day),
    goals AS (
      SELECT site_id, day, jsonb_agg(jsonb_build_object('name', goal, 'count', n, 'visitors', v) ORDER BY n DESC, goal) AS list
        FROM (SELECT site_id, day, goal, count(*)::int AS n, count(DISTINCT visitor_hash)::int AS v
                FROM ev WHERE kind = 'goal' GROUP BY site_id, day, goal) g
       GROUP BY site_id, day),
    vitals AS (
      SELECT site_id, day, jsonb_object_agg(metric, jsonb_build_object('p75', p75, 'count', n)) AS list
        FROM (SELECT site_id, day, metric::text AS metric,
                     round((percentile_cont(0.75) WITHIN GROUP (ORDER BY value::float8))::numeric, 4)::float8 AS p75,
                     count(*)::int AS n
                FROM ev WHERE kind = 'vital' GROUP BY site_id, day, metric) v
       GROUP BY site_id, day)
    SELECT b.site_id, b.day, b.page_views, b.visitors,
           coalesce(pages.list, '[]'::jsonb) AS top_pages, coalesce(refs.list, '[]'::jsonb) AS top_referrers,
           coalesce(goals.list, '[]'::jsonb) AS goals, coalesce(vitals.list, '{}'::jsonb) AS vitals
      FROM base b
      LEFT JOIN pages USING (site_id, day) LEFT JOIN refs USING (site_id, day)
      LEFT JOIN goals USING (site_id, day) LEFT JOIN vitals USING (site_id, day)`;
}

interface AggregateRow {
  site_id: number;
  day: Date;
  page_views: number;
  visitors: number;
  top_pages: AnalyticsDay["topPages"];
  top_referrers: AnalyticsDay["topReferrers"];
  goals: AnalyticsDay["goals"];
  vitals: AnalyticsDay["vitals"];
}

/** One site's figures for one day straight from its raw events (today's, before the rollup). */
export async function liveDay(db: Db, siteId: number, day: string): Promise<AnalyticsDay | null> {
  const rows = await db.$queryRaw<AggregateRow[]>(
    aggregate(Prisma.sql`e.site_id = ${siteId} AND e.day = ${dayStart(day)}::date`),
  );
  const row = rows[0];
  return row
    ? {
        day,
        pageViews: row.page_views,
        visitors: row.visitors,
        topPages: row.top_pages,
        topReferrers: row.top_referrers,
        goals: row.goals,
        vitals: row.vitals,
      }
    : null;
}

export interface RollupResult {
  /** Site-days written. */
  rolledUp: number;
  /** Raw events deleted (past the retention). */
  deletedEvents: number;
  deletedSalts: number;
}

export interface RollupOptions {
  now: Date;
  /** Compute again the closed days already rolled up whose raw events are still kept. */
  recompute?: boolean;
  /** The salts live in Redis; without it (the demo seed) they are left to expire. */
  redis?: Pick<Redis, "set" | "get" | "scan" | "del">;
  keyPrefix?: string;
}

/** Rolls the closed days up, deletes what is past its retention; one audit row per run that changed anything. */
export async function rollUpSiteAnalytics(prisma: PrismaClient, options: RollupOptions): Promise<RollupResult> {
  const today = isoDay(options.now);
  const keepFrom = isoDay(new Date(dayStart(today).getTime() - RAW_RETENTION_DAYS * DAY_MS));
  const todayDate = dayStart(today);
  const result = await prisma.$transaction(
    async (tx) => {
      // Two runs at once (a retry beside the schedule) would write the same rows; one waits for the other.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('site_analytics_rollup'))`;
      const pending = options.recompute
        ? Prisma.sql`e.day < ${todayDate}::date`
        : Prisma.sql`e.day < ${todayDate}::date AND NOT EXISTS (
            SELECT 1 FROM site_analytics_daily d WHERE d.site_id = e.site_id AND d.day = e.day)`;
      const rolledUp = await tx.$executeRaw`
        INSERT INTO site_analytics_daily
          (site_id, day, page_views, visitors, top_pages, top_referrers, goals, vitals, rolled_up_at)
        SELECT site_id, day, page_views, visitors, top_pages, top_referrers, goals, vitals, now()
          FROM (${aggregate(pending)}) a
        ON CONFLICT (site_id, day) DO UPDATE SET
          page_views = EXCLUDED.page_views, visitors = EXCLUDED.visitors, top_pages = EXCLUDED.top_pages,
          top_referrers = EXCLUDED.top_referrers, goals = EXCLUDED.goals, vitals = EXCLUDED.vitals,
          rolled_up_at = EXCLUDED.rolled_up_at`;
      // Only days already rolled up are deleted, so a late rollup never loses a day.
      const deletedEvents = await tx.$executeRaw`
        DELETE FROM site_analytics_events e
         WHERE e.day < ${dayStart(keepFrom)}::date
           AND EXISTS (SELECT 1 FROM site_analytics_daily d WHERE d.site_id = e.site_id AND d.day = e.day)`;
      if (rolledUp > 0 || deletedEvents > 0) {
        await writeAudit(tx, {
          action: "site_analytics.rollup",
          resourceType: "site_analytics_daily",
          adminId: null,
          after: { before: today, rolledUp, deletedEvents, recompute: options.recompute ?? false },
        });
      }
      return { rolledUp, deletedEvents };
    },
    { timeout: 10 * 60_000 },
  );
  const deletedSalts = options.redis ? await deleteOldSalts(options.redis, options.keyPrefix ?? "", today) : 0;
  return { ...result, deletedSalts };
}
