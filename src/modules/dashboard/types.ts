// The dashboard's answer (service.ts) and what it is built from: the types the AdminJS page
// (components/Dashboard.tsx) and the REST route share.
import type { PrismaClient } from "@prisma/client";
import type { Queues } from "../../queues/queues.js";
import type { Grantee } from "../auth/permissions.js";
import type { OpenAlerts } from "../auth/security-alerts.js";
import type { OpenBillingAlerts } from "../billing/stripe/alerts.js";
import type { MetricPeriod } from "../ai-queue/metrics.js";

/** The dashboard's alert kinds, in the order the dashboard shows them. */
export const ALERT_KINDS = [
  "sites_down",
  "invoices_overdue",
  "ai_queue_backlog",
  "failed_jobs",
  "security_alerts",
  "billing_alerts",
] as const;

export type AlertKind = (typeof ALERT_KINDS)[number];

export interface DashboardAlert {
  kind: AlertKind;
  count: number;
  /** Shown only when count is above it (analytics.alert_thresholds; 0 for security and billing alerts). */
  threshold: number;
  /** Where to act; null when the admin cannot open that screen. */
  href: string | null;
  /** invoices_overdue, for admins who may see revenue: what the overdue invoices add up to, per currency. */
  amounts?: { currency: string; amount: string }[];
  /** ai_queue_backlog: pending requests beyond their priority's SLA (ai_queue.sla_hours). */
  overSla?: number;
  /** failed_jobs: failed jobs per queue. */
  byQueue?: Record<string, number>;
}

export interface Kpi<T> {
  value: T | null;
  previous: T | null;
  change: T | null;
  /** change / previous, "0.1234"; null when previous is unknown or 0. */
  changeRatio: string | null;
}

export interface DashboardKpis {
  /** EUR excluding tax, "1234.56"; only with billing.view or analytics.view. */
  mrr?: Kpi<string>;
  /** "0.0123" (4 decimals). */
  churnRate: Kpi<string> & { churned: number | null; base: number | null };
  newCustomers: Kpi<number>;
  /** EUR, "1234.56"; only with billing.view or analytics.view. */
  aiRevenue?: Kpi<string>;
}

export interface TrendPoint {
  /** "YYYY-MM-DD"; the values are null for a day without a snapshot. */
  date: string;
  mrr?: string | null;
  activeCustomers: number | null;
  newCustomers: number | null;
  aiRevenue?: string | null;
  aiRequests: number | null;
}

export interface QuickAction {
  kind: "open_ai_queue" | "send_overdue_reminders" | "open_support";
  /** The page to open (GET), or the action to run (POST); null when it cannot be offered. */
  href: string | null;
  method: "GET" | "POST";
  /** The admin may use it. */
  allowed: boolean;
  /** Why it is not offered, when it is not (a message key). */
  reason?: string;
}

export interface DashboardData {
  generatedAt: string;
  days: MetricPeriod;
  period: { from: string; to: string; previousFrom: string; previousTo: string; snapshots: number };
  /** The admin may see revenue figures (billing.view or analytics.view). */
  revenue: boolean;
  kpis: DashboardKpis;
  trend: TrendPoint[];
  /** Only the alerts above their threshold. */
  alerts: DashboardAlert[];
  quickActions: QuickAction[];
  aiQueue: { pending: number; processing: number; overSla: number; oldestPendingAt: string | null };
  customers: { total: number; active: number };
  sites: { down: number };
  invoices: { overdue: number };
  /** Unacknowledged security alerts; null without settings.view. */
  securityAlerts: OpenAlerts | null;
  /** Unacknowledged billing alerts (failed payments, disputes); null without billing.view. */
  billingAlerts: OpenBillingAlerts | null;
}

export interface DashboardDeps {
  prisma: PrismaClient;
  queues: Pick<Queues, "byName">;
}

export interface DashboardOptions {
  /** 7, 30 or 90 (a string from a query is checked: 400 naming `days`). */
  days?: unknown;
  now?: Date;
  /** The admin the answer is for; the request's admin by default. */
  viewer?: Grantee | null;
}

/** A daily snapshot (business_metrics) as the dashboard reads it. */
export interface SnapshotRow {
  day: string;
  active_customers: number;
  new_customers: number;
  churned_customers: number;
  monthly_revenue: string;
  ai_requests_count: number;
  ai_revenue: string;
}
