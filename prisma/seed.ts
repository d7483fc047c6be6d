// Demo data for an empty database: deterministic (the same rows for the same `now`) and plausible
// (French small businesses, 90 days of activity). The rows are built in memory by prisma/demo/ and
// written here in one transaction, so a database is either seeded completely or not at all.
import type { Prisma, PrismaClient } from "@prisma/client";
import { hashPassword } from "../src/modules/auth/password.js";
import { buildDemoData, type DemoData } from "./demo/build.js";
import { startOfUtcDay } from "./demo/time.js";
import { snapshot } from "../src/modules/analytics/snapshot.js";
import { billAiRequest } from "../src/modules/billing/ai-billing.js";
import { runRollup } from "../src/modules/monitoring/uptime/rollup.js";
import { rollUpAbTestIn } from "../src/modules/templates/ab/rollup.js";

export const DEMO_ADMINS = [
  { email: "super@locod-ai.local", name: "Sophie Martin", role: "super_admin", password: "demo-super-admin-2026" },
  { email: "admin@locod-ai.local", name: "Antoine Dubois", role: "admin", password: "demo-admin-2026!" },
  { email: "editor@locod-ai.local", name: "Emma Leroy", role: "editor", password: "demo-editor-2026!" },
  { email: "viewer@locod-ai.local", name: "Victor Moreau", role: "viewer", password: "demo-viewer-2026!" },
] as const;

export interface SeedOptions {
  bcryptCost: number;
  /** Every demo date is relative to it; by default midnight UTC today, so two runs on one day agree. */
  now?: Date;
  /** Erase the demo's tables (and the sessions) first, in the same transaction. */
  replace?: boolean;
}

export interface SeedResult {
  seeded: boolean;
  /** Rows written per table (empty when nothing was seeded). */
  rows: Partial<Record<DemoTable, number>>;
}

/** Table of each part of the demo data, in foreign-key order. */
const TABLES = {
  adminUsers: "admin_users",
  billingPlans: "billing_plans",
  customers: "customers",
  templates: "templates",
  templateVersions: "template_versions",
  templateAbTests: "template_ab_tests",
  templateAbEvents: "template_ab_events",
  sites: "sites",
  siteConfigs: "site_configs",
  customerSubscriptions: "customer_subscriptions",
  subscriptionHistory: "subscription_history",
  aiRequests: "ai_requests",
  invoices: "invoices",
  invoiceItems: "invoice_items",
  businessMetrics: "business_metrics",
  siteMonitoring: "site_monitoring",
  monitors: "monitors",
  incidents: "incidents",
  maintenanceWindows: "maintenance_windows",
  alertChannels: "alert_channels",
  alertOnCall: "alert_on_call",
  alertEscalationLevels: "alert_escalation_levels",
  incidentNotifications: "incident_notifications",
  siteAnalyticsDaily: "site_analytics_daily",
  emailCampaigns: "email_campaigns",
  emailSends: "email_sends",
  segments: "segments",
  emailSuppressions: "email_suppressions",
  emailClicks: "email_clicks",
  emailEvents: "email_events",
  referrals: "referral_program",
  adminActivityLog: "admin_activity_log",
  supportSlaPolicies: "support_sla_policies",
  supportCannedReplies: "support_canned_replies",
  supportTickets: "support_tickets",
  supportMessages: "support_messages",
  supportAttachments: "support_attachments",
  customerNotes: "customer_notes",
  customerNoteRevisions: "customer_note_revisions",
  customerTasks: "customer_tasks",
  customerEmailTemplates: "customer_email_templates",
} as const satisfies Record<keyof DemoData, string>;

export type DemoTable = (typeof TABLES)[keyof typeof TABLES];

type Tx = Prisma.TransactionClient;
type Insert<K extends keyof DemoData> = (tx: Tx, data: DemoData[K]) => Promise<Prisma.BatchPayload>;

const INSERT: { [K in keyof DemoData]: Insert<K> } = {
  adminUsers: (tx, data) => tx.adminUser.createMany({ data }),
  billingPlans: (tx, data) => tx.billingPlan.createMany({ data }),
  customers: (tx, data) => tx.customer.createMany({ data }),
  templates: (tx, data) => tx.template.createMany({ data }),
  templateVersions: (tx, data) => tx.templateVersion.createMany({ data }),
  templateAbTests: (tx, data) => tx.templateAbTest.createMany({ data }),
  // Some 25k events in one statement (PostgreSQL reads them from one JSON array), then each test rolled
  // up by the rollup job's own function, as of the demo's `now` (the last event's time).
  templateAbEvents: async (tx, data) => {
    const count = await tx.$executeRaw`
      INSERT INTO template_ab_events (test_id, event_id, visitor_id, variant, kind, goal, occurred_at)
      SELECT "testId", "eventId", "visitorId", variant::ab_variant, kind::ab_event_kind, goal, "occurredAt"
        FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb) AS x(
          "testId" int, "eventId" text, "visitorId" text, variant text, kind text, goal text, "occurredAt" timestamptz)`;
    const last = data.reduce((max, e) => (e.occurredAt > max ? e.occurredAt : max), "");
    for (const testId of new Set(data.map((e) => e.testId))) await rollUpAbTestIn(tx, testId, new Date(last));
    return { count };
  },
  sites: (tx, data) => tx.site.createMany({ data }),
  siteConfigs: (tx, data) => tx.siteConfig.createMany({ data }),
  customerSubscriptions: (tx, data) => tx.customerSubscription.createMany({ data }),
  subscriptionHistory: (tx, data) => tx.subscriptionHistory.createMany({ data }),
  aiRequests: (tx, data) => tx.aiRequest.createMany({ data }),
  // Drafts first: an issued invoice's lines are frozen (migration invoice_immutability), so each invoice
  // takes its status only once its lines are in (issueDemoInvoices).
  invoices: (tx, data) => tx.invoice.createMany({ data: data.map((invoice) => ({ ...invoice, status: "draft" })) }),
  invoiceItems: (tx, data) => tx.invoiceItem.createMany({ data }),
  // The nightly job's own snapshots of the demo days, over the rows inserted before them (customers, sites,
  // subscription history, AI requests and their invoice lines). Demo data carries no audit rows.
  businessMetrics: async (tx, days) => {
    await billOpenUsage(tx, days);
    for (const day of days) await snapshot(tx, day.metricDate, { takenAt: day.takenAt, audit: false });
    return { count: days.length };
  },
  siteMonitoring: (tx, data) => tx.siteMonitoring.createMany({ data }),
  monitors: (tx, data) => tx.monitor.createMany({ data }),
  incidents: (tx, data) => tx.incident.createMany({ data }),
  maintenanceWindows: (tx, data) => tx.maintenanceWindow.createMany({ data }),
  alertChannels: (tx, data) => tx.alertChannel.createMany({ data }),
  alertOnCall: (tx, data) => tx.alertOnCall.createMany({ data }),
  alertEscalationLevels: (tx, data) => tx.alertEscalationLevel.createMany({ data }),
  incidentNotifications: (tx, data) => tx.incidentNotification.createMany({ data }),
  // 90 days of every live site (some 17k rows of JSON lists): one statement per batch, PostgreSQL reading
  // the rows from one JSON array, several times faster than createMany's parameters.
  siteAnalyticsDaily: async (tx, data) => {
    const count = await tx.$executeRaw`
      INSERT INTO site_analytics_daily
        (id, site_id, day, page_views, visitors, top_pages, top_referrers, goals, vitals, rolled_up_at)
      SELECT id, "siteId", day, "pageViews", visitors, "topPages", "topReferrers", goals, vitals, "rolledUpAt"
        FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb) AS x(
          id int, "siteId" int, day date, "pageViews" int, visitors int, "topPages" jsonb, "topReferrers" jsonb,
          goals jsonb, vitals jsonb, "rolledUpAt" timestamptz)`;
    return { count };
  },
  emailCampaigns: (tx, data) => tx.emailCampaign.createMany({ data }),
  emailSends: (tx, data) => tx.emailSend.createMany({ data }),
  segments: (tx, data) => tx.segment.createMany({ data }),
  emailSuppressions: (tx, data) => tx.emailSuppression.createMany({ data }),
  emailClicks: (tx, data) => tx.emailClick.createMany({ data }),
  emailEvents: (tx, data) => tx.emailEvent.createMany({ data }),
  referrals: (tx, data) => tx.referral.createMany({ data }),
  adminActivityLog: (tx, data) => tx.adminActivityLog.createMany({ data }),
  supportSlaPolicies: (tx, data) => tx.supportSlaPolicy.createMany({ data }),
  supportCannedReplies: (tx, data) => tx.supportCannedReply.createMany({ data }),
  supportTickets: (tx, data) => tx.supportTicket.createMany({ data }),
  supportMessages: (tx, data) => tx.supportMessage.createMany({ data }),
  supportAttachments: (tx, data) => tx.supportAttachment.createMany({ data }),
  customerNotes: (tx, data) => tx.customerNote.createMany({ data }),
  customerNoteRevisions: (tx, data) => tx.customerNoteRevision.createMany({ data }),
  customerTasks: (tx, data) => tx.customerTask.createMany({ data }),
  customerEmailTemplates: (tx, data) => tx.customerEmailTemplate.createMany({ data }),
};

/**
 * Gives the demo invoices, inserted as drafts with their lines, their status; then points each year's
 * invoice counter at the highest demo number of that year, so the next issued invoice continues it.
 */
async function issueDemoInvoices(tx: Tx, invoices: DemoData["invoices"], replace: boolean): Promise<void> {
  const idsByStatus = new Map<string, number[]>();
  for (const invoice of invoices) {
    if (invoice.status === undefined || invoice.status === "draft") continue;
    idsByStatus.set(invoice.status, [...(idsByStatus.get(invoice.status) ?? []), invoice.id!]);
  }
  for (const [status, ids] of idsByStatus) {
    for (let i = 0; i < ids.length; i += BATCH) {
      await tx.invoice.updateMany({
        where: { id: { in: ids.slice(i, i + BATCH) } },
        data: { status: status as Exclude<Prisma.InvoiceCreateManyInput["status"], undefined> },
      });
    }
  }
  if (replace) await tx.invoiceNumberSequence.deleteMany({});
  await tx.$executeRaw`
    INSERT INTO invoice_number_sequences (year, last_value)
    SELECT substring(invoice_number FROM 5 FOR 4)::int, max(right(invoice_number, 6)::int)
      FROM invoices WHERE invoice_number ~ '^LCD-[0-9]{4}-[0-9]{6}$'
     GROUP BY 1
    ON CONFLICT (year) DO UPDATE SET last_value = EXCLUDED.last_value`;
}

/**
 * Completed AI requests that no demo invoice billed (completed after their customer's last one) are
 * billed as the Queue IA bills a completion (billAiRequest): a line on the customer's draft invoice of the
 * current month, within the plan's included credits at 0.00, so the open month shows its usage.
 */
async function billOpenUsage(tx: Tx, days: readonly { metricDate: Date }[]): Promise<void> {
  const last = days.reduce((max, d) => (d.metricDate > max ? d.metricDate : max), new Date(0));
  const monthStart = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), 1));
  const open = await tx.aiRequest.findMany({
    where: { status: "completed", billingStatus: "pending" },
    select: { id: true, completedAt: true },
    orderBy: [{ completedAt: "asc" }, { id: "asc" }],
  });
  for (const request of open) {
    const at = request.completedAt && request.completedAt > monthStart ? request.completedAt : monthStart;
    await billAiRequest(tx, request.id, at);
  }
}

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table. */
const BATCH = 1000;

/** Two processes starting together on an empty database (web and worker) seed it once. */
const SEED_LOCK = 7_411_502_032;

export async function isDatabaseEmpty(prisma: Pick<PrismaClient, "adminUser" | "customer">): Promise<boolean> {
  const [admins, customers] = await Promise.all([prisma.adminUser.count(), prisma.customer.count()]);
  return admins === 0 && customers === 0;
}

/**
 * Seeds the demo data into an empty database; on a database that has admins or customers it does
 * nothing (unless `replace`) and answers `seeded: false`.
 */
export async function seedDemoData(prisma: PrismaClient, options: SeedOptions): Promise<SeedResult> {
  const nothing: SeedResult = { seeded: false, rows: {} };
  if (!options.replace && !(await isDatabaseEmpty(prisma))) return nothing;

  // Hashed before the transaction opens: bcrypt is the slow part and needs no lock.
  const hashes = await Promise.all(DEMO_ADMINS.map((a) => hashPassword(a.password, options.bcryptCost)));
  const data = buildDemoData({
    now: options.now ?? startOfUtcDay(new Date()),
    admins: DEMO_ADMINS.map((a, i) => ({ email: a.email, name: a.name, role: a.role, passwordHash: hashes[i]! })),
  });

  const result = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
      if (options.replace) {
        const tables = [...Object.values(TABLES), "session"].map((t) => `"${t}"`).join(", ");
        await tx.$executeRawUnsafe(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
      } else if (!(await isDatabaseEmpty(tx))) {
        return nothing; // another process seeded it while we were hashing
      }
      const rows: SeedResult["rows"] = {};
      for (const key of Object.keys(TABLES) as (keyof DemoData)[]) {
        const all: unknown[] = data[key];
        const insert = INSERT[key] as (tx: Tx, data: unknown[]) => Promise<Prisma.BatchPayload>;
        for (let i = 0; i < all.length; i += BATCH) await insert(tx, all.slice(i, i + BATCH));
        // The ids were given explicitly: move each sequence past them for the rows the app will add.
        const table = TABLES[key];
        await tx.$executeRawUnsafe(
          `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM "${table}"`,
        );
        rows[table] = all.length;
      }
      await issueDemoInvoices(tx, data.invoices, Boolean(options.replace));
      // The open month's drafts (billOpenUsage) add to the demo's invoices and lines.
      rows.invoices = await tx.invoice.count();
      rows.invoice_items = await tx.invoiceItem.count();
      return { seeded: true, rows };
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
  if (result.seeded) {
    // The uptime rollups of the demo's checks, from scratch (the status page's 90-day bars read them).
    await prisma.$executeRawUnsafe(
      "TRUNCATE site_monitoring_hourly, site_monitoring_daily, site_monitoring_rollup_state",
    );
    await runRollup(prisma, options.now ?? new Date());
  }
  return result;
}
