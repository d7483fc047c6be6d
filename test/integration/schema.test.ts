// Every table and column of spec/admin-portal-architecture.md (v2.0.0) exists under its spec name.
import pg from "pg";

const SPEC: Record<string, string[]> = {
  customers: ["id", "email", "name", "created_at", "plan_type", "status"],
  sites: ["id", "customer_id", "name", "domain", "config_path", "status", "created_at"],
  site_configs: ["id", "site_id", "config_data", "version", "created_at"],
  templates: ["id", "name", "category", "config_template", "created_at", "status"],
  ai_requests: [
    "id",
    "customer_id",
    "site_id",
    "request_type",
    "business_type",
    "terminology",
    "request_data",
    "status",
    "priority",
    "estimated_cost",
    "actual_cost",
    "created_at",
    "assigned_at",
    "started_at",
    "completed_at",
    "admin_id",
    "admin_notes",
    "generated_content",
    "customer_feedback",
    "customer_notes",
    "billing_status",
  ],
  admin_users: ["id", "email", "name", "role", "password_hash", "last_login", "permissions", "created_at", "status"],
  admin_sessions: ["id", "admin_id", "created_at", "expires_at", "ip_address", "user_agent"],
  billing_plans: [
    "id",
    "name",
    "price_monthly",
    "price_yearly",
    "features",
    "ai_credits_included",
    "max_sites",
    "created_at",
    "status",
  ],
  customer_subscriptions: [
    "id",
    "customer_id",
    "plan_id",
    "status",
    "started_at",
    "current_period_start",
    "current_period_end",
    "cancel_at_period_end",
    "stripe_subscription_id",
    "created_at",
  ],
  invoices: [
    "id",
    "customer_id",
    "subscription_id",
    "invoice_number",
    "amount",
    "tax_amount",
    "total_amount",
    "currency",
    "status",
    "issued_at",
    "due_at",
    "paid_at",
    "stripe_invoice_id",
    "payment_method",
    "notes",
  ],
  invoice_items: [
    "id",
    "invoice_id",
    "ai_request_id",
    "description",
    "quantity",
    "unit_price",
    "total_price",
    "created_at",
  ],
  business_metrics: [
    "id",
    "metric_date",
    "total_customers",
    "active_customers",
    "new_customers",
    "churned_customers",
    "total_sites",
    "active_sites",
    "monthly_revenue",
    "ai_requests_count",
    "ai_revenue",
    "created_at",
  ],
  site_monitoring: [
    "id",
    "site_id",
    "check_time",
    "status_code",
    "response_time_ms",
    "is_up",
    "error_message",
    "check_type",
  ],
  admin_activity_log: [
    "id",
    "admin_id",
    "action",
    "resource_type",
    "resource_id",
    "old_values",
    "new_values",
    "ip_address",
    "user_agent",
    "created_at",
  ],
  template_versions: [
    "id",
    "template_id",
    "version",
    "config_data",
    "changelog",
    "is_active",
    "created_by",
    "created_at",
  ],
  template_ab_tests: [
    "id",
    "name",
    "template_a_id",
    "template_b_id",
    "traffic_split",
    "start_date",
    "end_date",
    "status",
    "created_by",
    "created_at",
  ],
  email_campaigns: [
    "id",
    "name",
    "subject",
    "content_html",
    "content_text",
    "segment_criteria",
    "status",
    "scheduled_at",
    "sent_at",
    "created_by",
    "created_at",
  ],
  email_sends: [
    "id",
    "campaign_id",
    "customer_id",
    "email",
    "status",
    "sent_at",
    "delivered_at",
    "opened_at",
    "clicked_at",
    "error_message",
  ],
  referral_program: [
    "id",
    "referrer_id",
    "referred_id",
    "referral_code",
    "reward_type",
    "reward_amount",
    "status",
    "earned_at",
    "paid_at",
    "created_at",
  ],
};

// DECIMAL(p,s) of the spec, kept exactly.
const DECIMALS: [string, string, number, number][] = [
  ["ai_requests", "estimated_cost", 5, 2],
  ["ai_requests", "actual_cost", 5, 2],
  ["billing_plans", "price_monthly", 8, 2],
  ["billing_plans", "price_yearly", 8, 2],
  ["invoices", "amount", 10, 2],
  ["invoices", "tax_amount", 10, 2],
  ["invoices", "total_amount", 10, 2],
  ["invoice_items", "unit_price", 8, 2],
  ["invoice_items", "total_price", 10, 2],
  ["business_metrics", "monthly_revenue", 12, 2],
  ["business_metrics", "ai_revenue", 10, 2],
  ["referral_program", "reward_amount", 8, 2],
];

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(() => client.end());

async function columns(table: string) {
  const { rows } = await client.query<{ column_name: string; data_type: string; udt_name: string }>(
    "SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1",
    [table],
  );
  return new Map(rows.map((r) => [r.column_name, r]));
}

describe("database schema", () => {
  it("has all 19 tables of the spec", () => {
    expect(Object.keys(SPEC)).toHaveLength(19);
  });

  it.each(Object.entries(SPEC))("has table %s with every spec column", async (table, expected) => {
    const found = await columns(table);
    expect(found.size).toBeGreaterThan(0);
    expect(expected.filter((c) => !found.has(c))).toEqual([]);
  });

  it("keeps the spec's DECIMAL precisions", async () => {
    for (const [table, column, precision, scale] of DECIMALS) {
      const { rows } = await client.query(
        `SELECT numeric_precision, numeric_scale FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = $1 AND column_name = $2`,
        [table, column],
      );
      expect({ table, column, ...rows[0] }).toEqual({
        table,
        column,
        numeric_precision: precision,
        numeric_scale: scale,
      });
    }
  });

  it("stores DATETIME columns as timestamptz and JSON columns as jsonb", async () => {
    const ai = await columns("ai_requests");
    expect(ai.get("created_at")?.data_type).toBe("timestamp with time zone");
    expect(ai.get("request_data")?.data_type).toBe("jsonb");
    expect(ai.get("generated_content")?.data_type).toBe("jsonb");
    expect((await columns("admin_users")).get("permissions")?.data_type).toBe("jsonb");
    expect((await columns("business_metrics")).get("metric_date")?.data_type).toBe("date");
  });

  it("has the spec's three ai_requests indexes and an index on every foreign key", async () => {
    const { rows: idx } = await client.query<{ indexname: string }>(
      "SELECT indexname FROM pg_indexes WHERE tablename = 'ai_requests'",
    );
    const names = idx.map((r) => r.indexname);
    expect(names).toEqual(
      expect.arrayContaining(["idx_ai_requests_status", "idx_ai_requests_customer", "idx_ai_requests_created"]),
    );
    // Foreign key columns that are not the leading column of any index.
    const { rows: unindexed } = await client.query(`
      SELECT c.conrelid::regclass::text AS "table", a.attname AS "column"
        FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       WHERE c.contype = 'f'
         AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])`);
    expect(unindexed).toEqual([]);
  });

  it("enforces the spec's value sets", async () => {
    const customer = await client.query(
      "INSERT INTO customers (email, name) VALUES ('v@test.local', 'V') RETURNING id",
    );
    const id = customer.rows[0].id;
    const bad = [
      `INSERT INTO ai_requests (customer_id, request_type, business_type, request_data) VALUES (${id}, 'poems', 'x', '{}')`,
      `INSERT INTO ai_requests (customer_id, request_type, business_type, request_data, status) VALUES (${id}, 'content', 'x', '{}', 'done')`,
      `INSERT INTO ai_requests (customer_id, request_type, business_type, request_data, priority) VALUES (${id}, 'content', 'x', '{}', 11)`,
      `INSERT INTO ai_requests (customer_id, request_type, business_type, request_data, customer_feedback) VALUES (${id}, 'content', 'x', '{}', 6)`,
      "INSERT INTO admin_users (email, name, password_hash, role) VALUES ('r@test.local', 'R', 'x', 'owner')",
      "INSERT INTO invoices (customer_id, invoice_number, amount, total_amount, status) VALUES (1, 'X-1', 1, 1, 'lost')",
    ];
    for (const sql of bad) await expect(client.query(sql)).rejects.toThrow();
    const ok = await client.query(
      `INSERT INTO ai_requests (customer_id, request_type, business_type, request_data) VALUES ($1, 'full_site', 'boulangerie', '{}')
       RETURNING status, priority, estimated_cost::text, billing_status`,
      [id],
    );
    expect(ok.rows[0]).toEqual({ status: "pending", priority: 5, estimated_cost: "2.00", billing_status: "pending" });
  });

  it("has the session table of connect-pg-simple", async () => {
    const found = await columns("session");
    expect([...found.keys()].sort()).toEqual(["expire", "sess", "sid"]);
  });
});
