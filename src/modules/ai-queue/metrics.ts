// Queue IA metrics (issue 4, items 6 and 7): the figures of the "Queue IA" page and of
// GET /admin/api/v1/ai-queue/stats, over the last 7, 30 or 90 days. SQL aggregates on ai_requests;
// the helpers beside them (period, rates, SLA levels) are pure.
import { Prisma, type PrismaClient } from "@prisma/client";
import { AppError } from "../../lib/errors.js";
import { currentContext } from "../../lib/request-context.js";
import { can } from "../auth/permissions.js";
import { readSetting } from "../settings/values.js";
import { aiQueueCounts, type AiQueueCounts } from "./counts.js";

export const METRIC_PERIODS = [7, 30, 90] as const;
export type MetricPeriod = (typeof METRIC_PERIODS)[number];

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** `days` from a query string or a page parameter: 7, 30 or 90 (`fallback` when absent), else a 400 naming `days`. */
export function parsePeriod(raw: unknown, fallback?: MetricPeriod): MetricPeriod {
  if (raw === undefined && fallback !== undefined) return fallback;
  const value = typeof raw === "number" ? raw : typeof raw === "string" && /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (!(METRIC_PERIODS as readonly number[]).includes(value)) {
    throw new AppError("validation", "days must be 7, 30 or 90", [{ field: "days", message: "one of 7, 30, 90" }]);
  }
  return value as MetricPeriod;
}

/** The start of the window of `days` days that ends at `now`. */
export function periodStart(days: MetricPeriod, now: Date): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** part / total, rounded to 4 decimals; null when nothing was decided. */
export function rate(part: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.round((part / total) * 10_000) / 10_000;
}

/** Hours between two instants, with 2 decimals. */
export function ageHours(from: Date, now: Date): number {
  return Math.round(((now.getTime() - from.getTime()) / HOUR_MS) * 100) / 100;
}

/**
 * The SLA (hours) of a priority from the setting ai_queue.sla_hours, which lists some priorities
 * (1 urgent, 5 normal, 10 low): the priority's own entry, else the closest more urgent one listed,
 * else the most urgent one listed. null when the setting lists nothing.
 */
export function slaHoursFor(priority: number, sla: Record<string, number>): number | null {
  const levels = Object.keys(sla)
    .map(Number)
    .filter((p) => Number.isInteger(p))
    .sort((a, b) => a - b);
  if (!levels.length) return null;
  const atOrAbove = levels.filter((p) => p <= priority);
  const level = atOrAbove.length ? atOrAbove[atOrAbove.length - 1]! : levels[0]!;
  return sla[String(level)] ?? null;
}

export type SlaLevel = "ok" | "warning" | "breached";

/** Green below half the SLA, orange below the SLA, red from the SLA on. */
export function slaLevel(age: number, slaHours: number | null): SlaLevel {
  if (slaHours === null || slaHours <= 0) return "ok";
  if (age < slaHours / 2) return "ok";
  if (age < slaHours) return "warning";
  return "breached";
}

export interface QueueMetrics {
  days: MetricPeriod;
  from: string;
  to: string;
  /** Average hours from created_at to completed_at of the requests completed in the window. */
  avgHoursCreatedToCompleted: number | null;
  /** Same, from started_at (the take), for the completed requests that have one. */
  avgHoursStartedToCompleted: number | null;
  /** Requests completed or rejected in the window, and the share of each. */
  decided: number;
  completed: number;
  rejected: number;
  completionRate: number | null;
  rejectionRate: number | null;
  /** Pending and processing requests now. */
  backlog: {
    total: number;
    byPriority: { priority: number; count: number }[];
    byType: { requestType: string; count: number }[];
  };
  /** Sum of actual_cost of the requests completed in the window, EUR, like "12.50". */
  revenue: string;
  /** Requests completed in the window by each admin, most first. */
  perAdmin: { adminId: number; name: string; count: number }[];
}

const round2 = (value: number | null): number | null => (value === null ? null : Math.round(value * 100) / 100);

/** The metrics of the `days` days that end at `now`. */
export async function queueMetrics(
  prisma: PrismaClient,
  days: MetricPeriod,
  now: Date = new Date(),
): Promise<QueueMetrics> {
  const period = parsePeriod(days);
  const from = periodStart(period, now);
  // A decision (complete or reject) sets completed_at; the window is (from, now].
  const inWindow = Prisma.sql`completed_at > ${from} AND completed_at <= ${now}`;

  const [[summary], byPriority, byType, perAdmin] = await Promise.all([
    prisma.$queryRaw<
      {
        completed: number;
        rejected: number;
        avg_created: number | null;
        avg_started: number | null;
        revenue: string;
      }[]
    >(Prisma.sql`
      SELECT
        COUNT(*) FILTER (WHERE status = 'completed')::int AS completed,
        COUNT(*) FILTER (WHERE status = 'rejected')::int AS rejected,
        (AVG(EXTRACT(EPOCH FROM completed_at - created_at)) FILTER (WHERE status = 'completed') / 3600)::float8
          AS avg_created,
        (AVG(EXTRACT(EPOCH FROM completed_at - started_at))
          FILTER (WHERE status = 'completed' AND started_at IS NOT NULL) / 3600)::float8 AS avg_started,
        COALESCE(SUM(actual_cost) FILTER (WHERE status = 'completed'), 0)::numeric(12, 2)::text AS revenue
      FROM ai_requests
      WHERE status IN ('completed', 'rejected') AND ${inWindow}`),
    prisma.$queryRaw<{ priority: number; count: number }[]>(Prisma.sql`
      SELECT priority, COUNT(*)::int AS count FROM ai_requests
      WHERE status IN ('pending', 'processing') GROUP BY priority ORDER BY priority`),
    prisma.$queryRaw<{ requestType: string; count: number }[]>(Prisma.sql`
      SELECT request_type::text AS "requestType", COUNT(*)::int AS count FROM ai_requests
      WHERE status IN ('pending', 'processing') GROUP BY request_type ORDER BY request_type`),
    prisma.$queryRaw<{ adminId: number; name: string; count: number }[]>(Prisma.sql`
      SELECT r.admin_id AS "adminId", a.name, COUNT(*)::int AS count
      FROM ai_requests r JOIN admin_users a ON a.id = r.admin_id
      WHERE r.status = 'completed' AND r.completed_at > ${from} AND r.completed_at <= ${now}
      GROUP BY r.admin_id, a.name ORDER BY count DESC, a.name, r.admin_id`),
  ]);

  const completed = summary?.completed ?? 0;
  const rejected = summary?.rejected ?? 0;
  const decided = completed + rejected;
  return {
    days: period,
    from: from.toISOString(),
    to: now.toISOString(),
    avgHoursCreatedToCompleted: round2(summary?.avg_created ?? null),
    avgHoursStartedToCompleted: round2(summary?.avg_started ?? null),
    decided,
    completed,
    rejected,
    completionRate: rate(completed, decided),
    rejectionRate: rate(rejected, decided),
    backlog: {
      total: byPriority.reduce((sum, row) => sum + row.count, 0),
      byPriority,
      byType,
    },
    revenue: summary?.revenue ?? "0.00",
    perAdmin,
  };
}

// ---------------------------------------------------------------------------------------------
// The "Queue IA" page (components/QueueBoard.tsx): open requests by tab, with their age and SLA
// ---------------------------------------------------------------------------------------------

export const BOARD_TABS = ["unassigned", "mine", "all"] as const;
export type BoardTab = (typeof BOARD_TABS)[number];
export const BOARD_LIMIT = 50;

export function parseTab(raw: unknown): BoardTab {
  return (BOARD_TABS as readonly unknown[]).includes(raw) ? (raw as BoardTab) : "unassigned";
}

export interface BoardRow {
  id: number;
  customerId: number;
  customerName: string;
  requestType: string;
  businessType: string;
  status: string;
  priority: number;
  adminId: number | null;
  /** The assignee's name, null when nobody has it. */
  adminName: string | null;
  createdAt: string;
  ageHours: number;
  slaHours: number | null;
  sla: SlaLevel;
}

/** Where each tab looks: unassigned pending ones, the admin's own open ones, or every open one. */
export function tabWhere(tab: BoardTab, adminId: number): Prisma.AiRequestWhereInput {
  switch (tab) {
    case "unassigned":
      return { status: "pending", adminId: null };
    case "mine":
      return { status: { in: ["pending", "processing"] }, adminId };
    case "all":
      return { status: { in: ["pending", "processing"] } };
  }
}

/** The first BOARD_LIMIT open requests of a tab, by priority then age, with their SLA colour. */
export async function queueBoard(
  prisma: PrismaClient,
  tab: BoardTab,
  adminId: number,
  sla: Record<string, number>,
  now: Date = new Date(),
): Promise<BoardRow[]> {
  const rows = await prisma.aiRequest.findMany({
    where: tabWhere(tab, adminId),
    orderBy: [{ priority: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: BOARD_LIMIT,
    select: {
      id: true,
      customerId: true,
      requestType: true,
      businessType: true,
      status: true,
      priority: true,
      adminId: true,
      createdAt: true,
      customer: { select: { name: true } },
      admin: { select: { name: true } },
    },
  });
  return rows.map((row) => {
    const age = ageHours(row.createdAt, now);
    const slaHours = slaHoursFor(row.priority, sla);
    return {
      id: row.id,
      customerId: row.customerId,
      customerName: row.customer.name,
      requestType: row.requestType,
      businessType: row.businessType,
      status: row.status,
      priority: row.priority,
      adminId: row.adminId,
      adminName: row.admin?.name ?? null,
      createdAt: row.createdAt.toISOString(),
      ageHours: age,
      slaHours,
      sla: slaLevel(age, slaHours),
    };
  });
}

export interface QueueBoardPage {
  adminId: number;
  tab: BoardTab;
  days: MetricPeriod;
  /** ai_queue.sla_hours: hours by priority. */
  sla: Record<string, number>;
  canProcess: boolean;
  /** Pending and processing requests now, as the list and the dashboard count them. */
  counts: AiQueueCounts;
  requests: BoardRow[];
  /** null for an admin without ai_queue.stats. */
  metrics: QueueMetrics | null;
}

/**
 * The data of the "Queue IA" page for the acting admin (request context). AdminJS pages have no
 * isAccessible: without ai_queue.view the answer is `{ error }` (a message key) and nothing else.
 */
export async function queueBoardPage(
  prisma: PrismaClient,
  query: Record<string, unknown>,
  now: Date = new Date(),
): Promise<QueueBoardPage | { error: string }> {
  const admin = currentContext()?.admin ?? null;
  if (!admin || !can(admin, "ai_queue", "view")) return { error: "queueBoardForbidden" };
  let days: MetricPeriod;
  try {
    days = parsePeriod(query.days, 30);
  } catch {
    return { error: "queueBoardBadPeriod" };
  }
  const tab = parseTab(query.tab);
  const sla = await readSetting(prisma, "ai_queue.sla_hours");
  const [requests, counts, metrics] = await Promise.all([
    queueBoard(prisma, tab, admin.id, sla, now),
    aiQueueCounts(prisma),
    can(admin, "ai_queue", "stats") ? queueMetrics(prisma, days, now) : Promise.resolve(null),
  ]);
  return {
    adminId: admin.id,
    tab,
    days,
    sla,
    canProcess: can(admin, "ai_queue", "process"),
    counts,
    requests,
    metrics,
  };
}
