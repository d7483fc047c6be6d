// The demo data of `npm start` / `npm run db:seed`, against the real PostgreSQL of this jest worker.
import pg from "pg";
import type { PrismaClient } from "@prisma/client";
import { createPrisma } from "../../src/db/prisma.js";
import { verifyPassword } from "../../src/modules/auth/password.js";
import { DEMO_ADMINS, isDatabaseEmpty, seedDemoData, type SeedResult } from "../../prisma/seed.js";

/** A fixed `now`, so that the dates are part of what must come out the same. */
const NOW = new Date("2026-03-15T00:00:00Z");

const TABLES = [
  "admin_users",
  "billing_plans",
  "customers",
  "templates",
  "template_versions",
  "template_ab_tests",
  "template_ab_events",
  "sites",
  "site_configs",
  "customer_subscriptions",
  "subscription_history",
  "ai_requests",
  "invoices",
  "invoice_items",
  "business_metrics",
  "site_monitoring",
  "monitors",
  "incidents",
  "maintenance_windows",
  "alert_channels",
  "alert_on_call",
  "alert_escalation_levels",
  "incident_notifications",
  "site_analytics_daily",
  "email_campaigns",
  "email_sends",
  "segments",
  "email_suppressions",
  "email_clicks",
  "email_events",
  "referral_program",
  "admin_activity_log",
  "support_sla_policies",
  "support_canned_replies",
  "support_tickets",
  "support_messages",
  "support_attachments",
  "customer_notes",
  "customer_note_revisions",
  "customer_tasks",
  "customer_email_templates",
] as const;

let prisma: PrismaClient;
let db: pg.Client;
let first: SeedResult;

async function rows<T extends object>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[];
}

async function one<T extends object>(sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await rows<T>(sql, params);
  return row!;
}

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = (await one<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)).n;
  return out;
}

/** Every row of every demo table, password hashes aside (bcrypt salts them at random). */
async function dump(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) {
    out[t] = (await rows<{ r: unknown }>(`SELECT to_jsonb(t) - 'password_hash' AS r FROM "${t}" t ORDER BY id`)).map(
      (x) => x.r,
    );
  }
  return out;
}

async function truncateDemoTables(): Promise<void> {
  await db.query(`TRUNCATE ${TABLES.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

/** A demo seed writes a few thousand rows: seconds alone, minutes beside other work on a busy machine. */
const SEED_TIMEOUT = 300_000;

beforeAll(async () => {
  prisma = createPrisma(process.env.DATABASE_URL!);
  db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  first = await seedDemoData(prisma, { bcryptCost: 4, now: NOW });
}, SEED_TIMEOUT);

afterAll(async () => {
  await db.end();
  await prisma.$disconnect();
});

describe("demo seed", () => {
  it("should fill every table of the spec, at the sizes of the issue, in a few seconds", async () => {
    expect(first.seeded).toBe(true);
    const n = await counts();
    expect(first.rows).toEqual(n);
    expect(n).toMatchObject({
      admin_users: 4,
      billing_plans: 4,
      customers: 200,
      templates: 3,
      sites: 300,
      ai_requests: 1000,
      business_metrics: 90,
      email_campaigns: 2,
    });
    const within: [string, number, number][] = [
      ["template_versions", 6, 12],
      ["template_ab_tests", 3, 6],
      ["template_ab_events", 10_000, 60_000],
      ["site_configs", 300, 900],
      ["customer_subscriptions", 60, 160],
      ["invoices", 150, 800],
      ["invoice_items", 300, 2000],
      ["site_monitoring", 600, 3000],
      ["monitors", 300, 900],
      ["incidents", 3, 12],
      ["maintenance_windows", 2, 2],
      ["alert_channels", 4, 4],
      ["alert_on_call", 4, 4],
      ["alert_escalation_levels", 2, 2],
      ["incident_notifications", 6, 60],
      ["site_analytics_daily", 3000, 40000],
      ["email_sends", 100, 400],
      ["segments", 3, 20],
      ["email_suppressions", 5, 60],
      ["email_clicks", 5, 100],
      ["email_events", 5, 60],
      ["referral_program", 10, 60],
      ["admin_activity_log", 5, 50],
      ["support_sla_policies", 4, 4],
      ["support_canned_replies", 4, 4],
      ["support_tickets", 10, 10],
      ["support_messages", 15, 40],
      ["support_attachments", 2, 2],
      ["customer_notes", 7, 7],
      ["customer_note_revisions", 1, 1],
      ["customer_tasks", 7, 7],
      ["customer_email_templates", 3, 3],
    ];
    for (const [table, min, max] of within) {
      expect([table, n[table]! >= min && n[table]! <= max]).toEqual([table, true]);
    }
  });

  it("should keep the four demo logins printed by npm start, with working passwords", async () => {
    const admins = await prisma.adminUser.findMany({ orderBy: { id: "asc" } });
    expect(admins.map((a) => [a.email, a.role, a.status])).toEqual(DEMO_ADMINS.map((a) => [a.email, a.role, "active"]));
    for (const [i, a] of admins.entries())
      expect(await verifyPassword(DEMO_ADMINS[i]!.password, a.passwordHash)).toBe(true);
  });

  it("should offer the four plans with EUR prices, features, AI credits and site limits", async () => {
    const plans = await rows<{ name: string; price_monthly: string; price_yearly: string; kind: string }>(
      `SELECT name, price_monthly::text, price_yearly::text, jsonb_typeof(features) AS kind
         FROM billing_plans ORDER BY billing_plans.price_monthly, id`,
    );
    expect(plans.map((p) => p.name)).toEqual(["free", "starter", "pro", "enterprise"]);
    expect(plans.every((p) => p.kind === "array")).toBe(true);
    expect(plans[0]!.price_monthly).toBe("0.00");
    expect(plans.every((p) => /^\d+\.\d{2}$/.test(p.price_yearly))).toBe(true);
    const limits = await rows<{ ai_credits_included: number; max_sites: number }>(
      "SELECT ai_credits_included, max_sites FROM billing_plans ORDER BY billing_plans.price_monthly",
    );
    // Each plan gives at least as much as the one below it.
    for (let i = 1; i < limits.length; i++) {
      expect(limits[i]!.max_sites).toBeGreaterThan(limits[i - 1]!.max_sites);
      expect(limits[i]!.ai_credits_included).toBeGreaterThan(limits[i - 1]!.ai_credits_included);
    }
  });

  it("should give every paying customer, and only them, a subscription to their plan", async () => {
    const wrong = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM customers c
         LEFT JOIN customer_subscriptions s ON s.customer_id = c.id
         LEFT JOIN billing_plans p ON p.id = s.plan_id
        WHERE (c.plan_type = 'free') <> (s.id IS NULL) OR (s.id IS NOT NULL AND p.name::text <> c.plan_type::text)`,
    );
    expect(wrong.n).toBe(0);
  });

  it("should put AI requests in every status and of every type, every combination included", async () => {
    const combos = await rows<{ status: string; request_type: string }>(
      "SELECT DISTINCT status::text, request_type::text FROM ai_requests",
    );
    expect(combos).toHaveLength(5 * 4);
  });

  it("should keep each AI request's assignment, cost and billing consistent with its status", async () => {
    const wrong = await rows<{ id: number; status: string }>(
      `SELECT r.id, r.status FROM ai_requests r
         LEFT JOIN invoice_items it ON it.ai_request_id = r.id
         LEFT JOIN invoices i ON i.id = it.invoice_id
        WHERE NOT CASE r.status
          WHEN 'pending' THEN r.admin_id IS NULL AND r.assigned_at IS NULL AND r.actual_cost IS NULL
                              AND r.billing_status = 'pending' AND it.id IS NULL
          WHEN 'processing' THEN r.admin_id IS NOT NULL AND r.started_at >= r.assigned_at AND r.completed_at IS NULL
                              AND r.billing_status = 'pending' AND it.id IS NULL
          WHEN 'completed' THEN r.admin_id IS NOT NULL AND r.completed_at >= r.started_at
                              AND r.started_at >= r.assigned_at AND r.assigned_at >= r.created_at
                              AND r.actual_cost > 0 AND r.generated_content IS NOT NULL
                              AND (CASE i.status WHEN 'paid' THEN 'paid' WHEN 'refunded' THEN 'refunded'
                                     WHEN 'pending' THEN 'billed' WHEN 'failed' THEN 'billed'
                                     WHEN 'draft' THEN 'billed' ELSE 'pending' END)::text = r.billing_status::text
                              AND (it.id IS NULL OR it.unit_price = r.actual_cost
                                   OR (i.status = 'draft' AND it.unit_price = 0
                                       AND it.description LIKE 'Crédit inclus : %'))
          ELSE r.billing_status = 'pending' AND it.id IS NULL AND r.actual_cost IS NULL
        END`,
    );
    expect(wrong).toEqual([]);
    const viewerWork = await one<{ n: number }>(
      "SELECT count(*)::int AS n FROM ai_requests r JOIN admin_users a ON a.id = r.admin_id WHERE a.role = 'viewer'",
    );
    expect(viewerWork.n).toBe(0);
  });

  it("should total every invoice from its items, with 20 % VAT rounded half-up to the cent", async () => {
    const wrong = await rows<{ invoice_number: string }>(
      `SELECT i.invoice_number FROM invoices i
         LEFT JOIN (SELECT invoice_id, sum(total_price) AS items, count(*) AS n,
                           bool_and(total_price = unit_price * quantity) AS lines_ok
                      FROM invoice_items GROUP BY invoice_id) s ON s.invoice_id = i.id
        WHERE s.n IS NULL OR NOT s.lines_ok OR i.amount <> s.items
           OR i.tax_amount <> round(i.amount * 0.20, 2) OR i.total_amount <> i.amount + i.tax_amount
           OR i.currency <> 'EUR'`,
    );
    expect(wrong).toEqual([]);
    // PostgreSQL's round() on numeric is half away from zero: on positive amounts, half-up.
    const statuses = await rows<{ status: string }>("SELECT DISTINCT status::text FROM invoices ORDER BY 1");
    expect(statuses.map((s) => s.status)).toEqual(["draft", "failed", "paid", "pending", "refunded"]);
    const paidWithoutDate = await one<{ n: number }>(
      "SELECT count(*)::int AS n FROM invoices WHERE (status IN ('paid', 'refunded')) <> (paid_at IS NOT NULL)",
    );
    expect(paidWithoutDate.n).toBe(0);
  });

  it("should number invoices like LCD-2026-000042, in issue order within each year", async () => {
    const invoices = await rows<{ invoice_number: string; issued_at: Date }>(
      "SELECT invoice_number, issued_at FROM invoices WHERE status <> 'draft' ORDER BY issued_at, id",
    );
    // The open month's drafts (its Queue IA usage) carry a placeholder, outside the legal sequence.
    const drafts = await rows<{ invoice_number: string; customer_id: number; period_start: string }>(
      "SELECT invoice_number, customer_id, to_char(period_start, 'YYYYMM') AS period_start FROM invoices WHERE status = 'draft'",
    );
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) expect(d.invoice_number).toBe(`LCD-DRAFT-${d.customer_id}-${d.period_start}`);
    for (const inv of invoices) {
      expect(inv.invoice_number).toMatch(new RegExp(`^LCD-${inv.issued_at.getUTCFullYear()}-\\d{6}$`));
    }
    const byYear = new Map<string, string[]>();
    for (const { invoice_number } of invoices) {
      const year = invoice_number.slice(4, 8);
      byYear.set(year, [...(byYear.get(year) ?? []), invoice_number]);
    }
    for (const numbers of byYear.values()) expect(numbers).toEqual([...numbers].sort());
  });

  it("should link invoice items to completed AI requests only", async () => {
    const linked = await rows<{ status: string }>(
      `SELECT DISTINCT r.status::text FROM invoice_items it JOIN ai_requests r ON r.id = it.ai_request_id`,
    );
    expect(linked).toEqual([{ status: "completed" }]);
  });

  it("should give each template exactly one active version, and run an A/B test", async () => {
    const active = await rows<{ template_id: number; n: number }>(
      "SELECT template_id, count(*) FILTER (WHERE is_active)::int AS n FROM template_versions GROUP BY 1 ORDER BY 1",
    );
    expect(active).toEqual([
      { template_id: 1, n: 1 },
      { template_id: 2, n: 1 },
      { template_id: 3, n: 1 },
    ]);
    const running = await one<{ n: number }>(
      "SELECT count(*)::int AS n FROM template_ab_tests WHERE status = 'running'",
    );
    expect(running.n).toBeGreaterThanOrEqual(1);
  });

  it("should snapshot the business every day of the 90 days before now, growing", async () => {
    const days = await rows<{ metric_date: string; total_customers: number; monthly_revenue: string }>(
      "SELECT metric_date::text, total_customers, monthly_revenue::text FROM business_metrics ORDER BY metric_date",
    );
    expect(days[0]!.metric_date).toBe("2025-12-15");
    expect(days[89]!.metric_date).toBe("2026-03-14");
    expect(new Set(days.map((d) => d.metric_date)).size).toBe(90);
    expect(days[89]!.total_customers).toBe(200);
    expect(days[89]!.total_customers).toBeGreaterThan(days[0]!.total_customers);
    expect(Number(days[89]!.monthly_revenue)).toBeGreaterThan(Number(days[0]!.monthly_revenue));
  });

  it("should show a couple of sites down at their latest HTTP check, and a few past failures", async () => {
    const down = await rows<{ site_id: number }>(
      `SELECT site_id FROM (SELECT DISTINCT ON (site_id) site_id, is_up FROM site_monitoring
                              WHERE check_type = 'http' ORDER BY site_id, check_time DESC) latest
        WHERE NOT is_up`,
    );
    expect(down).toHaveLength(2);
    const failures = await one<{ n: number }>("SELECT count(*)::int AS n FROM site_monitoring WHERE NOT is_up");
    expect(failures.n).toBeGreaterThan(4);
  });

  it("should send e-mails of the two campaigns in various statuses", async () => {
    const statuses = await rows<{ campaign_id: number; n: number }>(
      "SELECT campaign_id, count(DISTINCT status)::int AS n FROM email_sends GROUP BY 1 ORDER BY 1",
    );
    expect(statuses.map((s) => s.campaign_id)).toEqual([1, 2]);
    expect(statuses.every((s) => s.n >= 3)).toBe(true);
  });

  it("should date nothing after now, except what is due or planned", async () => {
    const latest = await one<{ t: Date }>(
      `SELECT greatest(
         (SELECT max(created_at) FROM customers), (SELECT max(created_at) FROM sites),
         (SELECT max(created_at) FROM ai_requests), (SELECT max(completed_at) FROM ai_requests),
         (SELECT max(issued_at) FROM invoices), (SELECT max(paid_at) FROM invoices),
         (SELECT max(check_time) FROM site_monitoring), (SELECT max(clicked_at) FROM email_sends),
         (SELECT max(created_at) FROM admin_activity_log), (SELECT max(created_at) FROM referral_program)) AS t`,
    );
    expect(latest.t.getTime()).toBeLessThanOrEqual(NOW.getTime());
  });

  it("should leave the id sequences after the seeded rows", async () => {
    await db.query("BEGIN");
    try {
      const { id } = await one<{ id: number }>(
        "INSERT INTO customers (email, name) VALUES ('new@test.local', 'Nouveau client') RETURNING id",
      );
      expect(id).toBe(201);
    } finally {
      await db.query("ROLLBACK");
    }
  });

  it(
    "should do nothing when the database already has data",
    async () => {
      const before = await counts();
      expect(await isDatabaseEmpty(prisma)).toBe(false);
      const again = await seedDemoData(prisma, { bcryptCost: 4, now: NOW });
      expect(again).toEqual({ seeded: false, rows: {} });
      expect(await counts()).toEqual(before);
    },
    SEED_TIMEOUT,
  );

  it(
    "should write exactly the same rows again for the same now, from empty or when replacing",
    async () => {
      const original = await dump();
      await truncateDemoTables();
      expect((await seedDemoData(prisma, { bcryptCost: 4, now: NOW })).seeded).toBe(true);
      expect(await dump()).toEqual(original);

      const replaced = await seedDemoData(prisma, { bcryptCost: 4, now: NOW, replace: true });
      expect(replaced.seeded).toBe(true);
      expect(await dump()).toEqual(original);
    },
    SEED_TIMEOUT,
  );

  it(
    "should date the demo from midnight UTC today when no now is given",
    async () => {
      await seedDemoData(prisma, { bcryptCost: 4, replace: true });
      const today = new Date();
      const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
      const { last } = await one<{ last: string }>("SELECT max(metric_date)::text AS last FROM business_metrics");
      expect(last).toBe(new Date(midnight - 86_400_000).toISOString().slice(0, 10));
      const { t } = await one<{ t: Date }>("SELECT max(created_at) AS t FROM ai_requests");
      expect(t.getTime()).toBeLessThan(midnight);
    },
    SEED_TIMEOUT,
  );
});
