// The data of the monitoring screens (issue 14, item 7): the status overview page (every site with its
// state, a 90-day uptime bar from the daily rollups, its open incidents; filtered by state, plan and a
// customer search) and a site's monitoring view (its monitors, response times, uptime over 24 h to 1 y,
// incidents). Both refuse an admin without monitoring.view.
import { Prisma, type PrismaClient } from "@prisma/client";
import { currentContext } from "../../../lib/request-context.js";
import { can } from "../../auth/index.js";
import type { UptimeWindow } from "../rules/uptime.js";
import { WINDOWS } from "../rules/uptime.js";
import { readUptime, uptimeBars, type UptimeDay, type UptimeFigures } from "./read-uptime.js";

export const STATUS_STATES = ["down", "pending", "up", "unmonitored"] as const;
export type SiteState = (typeof STATUS_STATES)[number];
export const STATUS_PAGE_SIZE = 50;
export const BAR_DAYS = 90;

export interface StatusSite {
  id: number;
  name: string;
  domain: string | null;
  customer: string;
  plan: string;
  state: SiteState;
  openIncidents: { id: number; cause: string; openedAt: string; acknowledged: boolean }[];
  bar: UptimeDay[];
}

export interface StatusPage {
  filters: { state: SiteState | null; plan: string | null; q: string };
  plans: string[];
  counts: Record<SiteState, number>;
  page: number;
  pages: number;
  sites: StatusSite[];
  canResolve: boolean;
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

/**
 * A site's state: down with an open incident; else pending or up from its monitors (pending while any
 * is pending); unmonitored without an enabled monitor.
 */
const STATE_SQL = Prisma.sql`
  CASE WHEN EXISTS (SELECT 1 FROM incidents i WHERE i.site_id = s.id AND i.resolved_at IS NULL) THEN 'down'
       WHEN NOT EXISTS (SELECT 1 FROM monitors m WHERE m.site_id = s.id AND m.enabled) THEN 'unmonitored'
       WHEN EXISTS (SELECT 1 FROM monitors m WHERE m.site_id = s.id AND m.enabled AND m.state <> 'up') THEN
         CASE WHEN EXISTS (SELECT 1 FROM monitors m WHERE m.site_id = s.id AND m.enabled AND m.state = 'down')
              THEN 'down' ELSE 'pending' END
       ELSE 'up' END`;

export async function statusPage(
  prisma: PrismaClient,
  query: Record<string, unknown>,
  now: Date = new Date(),
): Promise<StatusPage | { error: string }> {
  const admin = currentContext()?.admin ?? null;
  if (!admin || !can(admin, "monitoring", "view")) return { error: "monitoringForbidden" };
  const state = (STATUS_STATES as readonly string[]).includes(str(query.state))
    ? (str(query.state) as SiteState)
    : null;
  const plan = str(query.plan).slice(0, 50) || null;
  const q = str(query.q).trim().slice(0, 100);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(str(query.page), 10) || 1));
  const where = Prisma.sql`s.status IN ('active', 'suspended')
    ${plan ? Prisma.sql`AND c.plan_type = ${plan}` : Prisma.empty}
    ${q ? Prisma.sql`AND (c.name ILIKE ${`%${q}%`} OR c.email ILIKE ${`%${q}%`} OR s.name ILIKE ${`%${q}%`} OR s.domain ILIKE ${`%${q}%`})` : Prisma.empty}`;
  const base = Prisma.sql`
    SELECT s.id, s.name, s.domain, c.name AS customer, c.plan_type AS plan, ${STATE_SQL} AS state
      FROM sites s JOIN customers c ON c.id = s.customer_id WHERE ${where}`;
  const [countRows, rows, planRows] = await Promise.all([
    prisma.$queryRaw<
      { state: SiteState; n: number }[]
    >`SELECT state, count(*)::int AS n FROM (${base}) x GROUP BY state`,
    prisma.$queryRaw<Omit<StatusSite, "openIncidents" | "bar">[]>`
      SELECT * FROM (${base}) x ${state ? Prisma.sql`WHERE state = ${state}` : Prisma.empty}
       ORDER BY CASE state WHEN 'down' THEN 0 WHEN 'pending' THEN 1 WHEN 'up' THEN 2 ELSE 3 END, name, id
       LIMIT ${STATUS_PAGE_SIZE} OFFSET ${(page - 1) * STATUS_PAGE_SIZE}`,
    prisma.$queryRaw<{ plan: string }[]>`SELECT DISTINCT plan_type AS plan FROM customers ORDER BY 1`,
  ]);
  const counts = Object.fromEntries(STATUS_STATES.map((s) => [s, 0])) as Record<SiteState, number>;
  for (const r of countRows) counts[r.state] = r.n;
  const ids = rows.map((r) => r.id);
  const [bars, incidents] = await Promise.all([
    uptimeBars(prisma, ids, BAR_DAYS, now),
    prisma.incident.findMany({
      where: { siteId: { in: ids }, resolvedAt: null },
      orderBy: { openedAt: "desc" },
      select: { id: true, siteId: true, cause: true, openedAt: true, acknowledgedAt: true },
    }),
  ]);
  const total = state ? counts[state] : Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    filters: { state, plan, q },
    plans: planRows.map((p) => p.plan),
    counts,
    page,
    pages: Math.max(1, Math.ceil(total / STATUS_PAGE_SIZE)),
    sites: rows.map((r) => ({
      ...r,
      openIncidents: incidents
        .filter((i) => i.siteId === r.id)
        .map((i) => ({
          id: i.id,
          cause: i.cause,
          openedAt: i.openedAt.toISOString(),
          acknowledged: i.acknowledgedAt !== null,
        })),
      bar: bars.get(r.id) ?? [],
    })),
    canResolve: can(admin, "monitoring", "configure_alerts"),
  };
}

export interface SiteMonitoringView {
  site: { id: number; name: string; domain: string | null };
  monitors: {
    id: number;
    type: string;
    target: string;
    state: string;
    enabled: boolean;
    lastCheckedAt: string | null;
    uptime: UptimeFigures[];
  }[];
  /** Hourly response time of the site's HTTP checks over the last 24 hours (p95 and average, ms). */
  responseTimes: { hour: string; avg: number | null; p95: number | null }[];
  incidents: {
    id: number;
    cause: string;
    openedAt: string;
    acknowledgedAt: string | null;
    resolvedAt: string | null;
  }[];
  canResolve: boolean;
}

/** A site's monitoring view; null when the site does not exist. */
export async function siteMonitoringView(
  prisma: PrismaClient,
  siteId: number,
  now: Date = new Date(),
): Promise<SiteMonitoringView | { error: string } | null> {
  const admin = currentContext()?.admin ?? null;
  if (!admin || !can(admin, "monitoring", "view")) return { error: "monitoringForbidden" };
  const site = await prisma.site.findUnique({ where: { id: siteId }, select: { id: true, name: true, domain: true } });
  if (!site) return null;
  const [monitors, incidents] = await Promise.all([
    prisma.monitor.findMany({ where: { siteId }, orderBy: { id: "asc" } }),
    prisma.incident.findMany({ where: { siteId }, orderBy: { openedAt: "desc" }, take: 50 }),
  ]);
  const windows = Object.keys(WINDOWS) as UptimeWindow[];
  // Uptime is counted per check type: monitors of one type share the site's checks of that type.
  const byType = new Map<string, UptimeFigures[]>();
  for (const type of new Set(monitors.map((m) => m.type))) {
    byType.set(type, await readUptime(prisma, { siteId, checkType: type }, windows, now));
  }
  const hours = await hourlyResponseTimes(prisma, siteId, now);
  return {
    site,
    monitors: monitors.map((m) => ({
      id: m.id,
      type: m.type,
      target: m.target,
      state: m.state,
      enabled: m.enabled,
      lastCheckedAt: m.lastCheckedAt?.toISOString() ?? null,
      uptime: byType.get(m.type) ?? [],
    })),
    responseTimes: hours,
    incidents: incidents.map((i) => ({
      id: i.id,
      cause: i.cause,
      openedAt: i.openedAt.toISOString(),
      acknowledgedAt: i.acknowledgedAt?.toISOString() ?? null,
      resolvedAt: i.resolvedAt?.toISOString() ?? null,
    })),
    canResolve: can(admin, "monitoring", "configure_alerts"),
  };
}

/** The last 24 hours of HTTP response times, hour by hour, from the raw checks (one index range). */
async function hourlyResponseTimes(prisma: PrismaClient, siteId: number, now: Date) {
  const to = Math.floor(now.getTime() / 3_600_000) * 3_600_000 + 3_600_000;
  const from = to - 24 * 3_600_000;
  const rows = await prisma.$queryRaw<{ hour: Date; avg: number | null; p95: number | null }[]>`
    SELECT date_trunc('hour', check_time AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour,
           round(avg(response_time_ms))::int AS avg,
           percentile_disc(0.95) WITHIN GROUP (ORDER BY response_time_ms)::int AS p95
      FROM site_monitoring
     WHERE site_id = ${siteId} AND check_type = 'http' AND is_up AND response_time_ms IS NOT NULL
       AND check_time >= ${new Date(from)} AND check_time < ${new Date(to)}
     GROUP BY 1`;
  const byHour = new Map(rows.map((r) => [r.hour.getTime(), r]));
  const out: SiteMonitoringView["responseTimes"] = [];
  for (let h = from; h < to; h += 3_600_000) {
    const r = byHour.get(h);
    out.push({ hour: new Date(h).toISOString(), avg: r?.avg ?? null, p95: r?.p95 ?? null });
  }
  return out;
}
