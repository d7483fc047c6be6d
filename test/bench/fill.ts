// Fills the bench database in SQL (generate_series), so a million rows take seconds, not a million
// round trips. The data is shaped like production: ids and timestamps grow together (rows are inserted
// over two years), the AI queue's pending work sits at the recent end, old customers have more history,
// and every foreign key points at a real row. A database comment marks a complete fill, so later runs
// reuse it; `--refill` starts over.
import type pg from "pg";

export const FILL_VERSION = "locod-bench-fill v1";

export const ROWS = {
  customers: 100_000,
  sites: 150_000,
  staff: 20,
  aiRequests: 1_000_000,
  invoices: 1_000_000,
} as const;

const MARKER = `${FILL_VERSION}: ${JSON.stringify(ROWS)}`;

/** Tables the fill owns; TRUNCATE ... CASCADE also empties what hangs off them. */
const FILLED_TABLES = [
  "invoices",
  "customer_subscriptions",
  "billing_plans",
  "ai_requests",
  "sites",
  "customers",
  "admin_users",
];

const BUSINESS_TYPES = [
  "restaurant",
  "boulangerie",
  "plombier",
  "coiffure",
  "avocat",
  "photographe",
  "fleuriste",
  "garage",
  "cabinet dentaire",
  "agence immobilière",
  "salle de sport",
  "électricien",
];
const LAST_NAMES = [
  "Martin",
  "Bernard",
  "Dubois",
  "Thomas",
  "Robert",
  "Richard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Simon",
  "Laurent",
  "Lefebvre",
  "Michel",
  "Garcia",
  "David",
  "Bertrand",
  "Roux",
  "Vincent",
  "Fournier",
];

const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]`;

/** True when the database holds a complete fill of this version. */
export async function isFilled(client: pg.Client, database: string): Promise<boolean> {
  const { rows } = await client.query<{ comment: string | null }>(
    "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
    [database],
  );
  if (rows[0]?.comment !== MARKER) return false;
  // The marker could outlive its rows (a test truncating the wrong database): check the big tables too.
  const counts = await client.query<{ ai: string; inv: string; cust: string }>(
    `SELECT (SELECT count(*) FROM ai_requests) AS ai, (SELECT count(*) FROM invoices) AS inv,
            (SELECT count(*) FROM customers) AS cust`,
  );
  const c = counts.rows[0]!;
  return Number(c.ai) === ROWS.aiRequests && Number(c.inv) === ROWS.invoices && Number(c.cust) === ROWS.customers;
}

const BIG_TABLES = ["customers", "ai_requests", "invoices"];

/**
 * VACUUM marks pages all-visible only for rows no open snapshot can still miss, so one run beside
 * another session's long transaction leaves the visibility map empty, and every count reads the heap
 * instead of the index. Autovacuum settles that on a live database; here it is redone while it shows.
 */
export async function ensureVacuumed(client: pg.Client, log: (message: string) => void): Promise<void> {
  // Incomplete visibility map, or many dead rows (a migration that rewrote a table since the fill).
  const { rows } = await client.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid
      WHERE c.relname = ANY($1) AND c.relkind = 'r'
        AND (c.relallvisible < 0.95 * c.relpages OR s.n_dead_tup > 0.1 * greatest(s.n_live_tup, 1))`,
    [BIG_TABLES],
  );
  if (rows.length === 0) return;
  const tables = rows.map((r) => r.relname);
  log(`vacuuming ${tables.join(", ")} (visibility map incomplete or dead rows)`);
  await client.query(`VACUUM ANALYZE ${tables.map((t) => `"${t}"`).join(", ")}`);
}

export interface FillOptions {
  database: string;
  /** bcrypt hash given to every staff account (the bench logs in as one of them). */
  passwordHash: string;
  log: (message: string) => void;
}

export async function fill(client: pg.Client, options: FillOptions): Promise<void> {
  const { database, passwordHash, log } = options;
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const started = performance.now();
    const res = await client.query(sql, params);
    log(`  ${label}: ${res.rowCount ?? 0} rows, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  await client.query(`COMMENT ON DATABASE "${database}" IS NULL`);
  // A bench database only: nothing here survives a crash worth keeping, so skip the fsync per commit.
  await client.query("SET synchronous_commit = off");
  await client.query("SET maintenance_work_mem = '256MB'");
  await client.query(`TRUNCATE ${FILLED_TABLES.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`);
  await client.query("SELECT setseed(0.42)");

  await step(
    "admin_users",
    `INSERT INTO admin_users (email, name, role, password_hash, created_at, status)
     SELECT CASE WHEN g = 1 THEN 'bench@locod.test' ELSE 'staff' || g || '@locod.test' END,
            'Staff ' || g,
            (CASE WHEN g = 1 THEN 'super_admin' WHEN g <= 4 THEN 'admin' WHEN g <= 16 THEN 'editor' ELSE 'viewer' END)::admin_role,
            $1, now() - (g || ' days')::interval, 'active'
       FROM generate_series(1, $2::int) g`,
    [passwordHash, ROWS.staff],
  );

  await step(
    "customers",
    `INSERT INTO customers (email, name, created_at, plan_type, status)
     SELECT 'customer' || g || '@bench.locod.test',
            initcap((${sqlArray(BUSINESS_TYPES)})[1 + (g * 7) % ${BUSINESS_TYPES.length}]) || ' '
              || (${sqlArray(LAST_NAMES)})[1 + (g * 13) % ${LAST_NAMES.length}] || ' ' || g,
            now() - interval '730 days' * (1 - g::float8 / ${ROWS.customers}) - interval '1 hour' * r1,
            (CASE WHEN r2 < 0.50 THEN 'free' WHEN r2 < 0.80 THEN 'starter' WHEN r2 < 0.95 THEN 'pro'
                  ELSE 'enterprise' END)::plan_type,
            (CASE WHEN r3 < 0.85 THEN 'active' WHEN r3 < 0.90 THEN 'suspended' ELSE 'cancelled' END)::customer_status
       FROM (SELECT g, random() r1, random() r2, random() r3 FROM generate_series(1, ${ROWS.customers}) g OFFSET 0) x`,
  );

  // Customer n owns site n; the oldest customers own a second one (site n + customers).
  await step(
    "sites",
    `INSERT INTO sites (customer_id, name, domain, config_path, status, created_at)
     SELECT c.id, 'Site ' || c.name, 'site-' || g || '.locod.site', '/sites/' || g || '/config.json',
            (CASE WHEN r1 < 0.05 THEN 'draft' WHEN r1 < 0.07 THEN 'building' WHEN r1 < 0.90 THEN 'active'
                  WHEN r1 < 0.95 THEN 'suspended' ELSE 'archived' END)::site_status,
            c.created_at + interval '20 days' * r2
       FROM (SELECT g, random() r1, random() r2 FROM generate_series(1, ${ROWS.sites}) g OFFSET 0) x
       JOIN customers c ON c.id = 1 + (g - 1) % ${ROWS.customers}`,
  );

  await step(
    "billing_plans",
    `INSERT INTO billing_plans (name, price_monthly, price_yearly, features, ai_credits_included, max_sites)
     VALUES ('free', 0, 0, '["1 site"]', 0, 1),
            ('starter', 19, 190, '["1 site", "custom domain"]', 5, 1),
            ('pro', 49, 490, '["3 sites", "custom domain", "analytics"]', 20, 3),
            ('enterprise', 199, 1990, '["unlimited sites", "priority support"]', 100, 50)`,
  );

  await step(
    "customer_subscriptions",
    `INSERT INTO customer_subscriptions (customer_id, plan_id, status, started_at, current_period_start,
                                         current_period_end, stripe_subscription_id, created_at)
     SELECT c.id, p.id,
            (CASE c.status WHEN 'active' THEN 'active' WHEN 'suspended' THEN 'suspended' ELSE 'cancelled' END)::subscription_status,
            c.created_at, date_trunc('month', now()), date_trunc('month', now()) + interval '1 month',
            'sub_bench_' || c.id, c.created_at
       FROM customers c JOIN billing_plans p ON p.name = c.plan_type::text
      WHERE c.plan_type <> 'free'
      ORDER BY c.id`,
  );

  // Older customers have more history (power(random(), 2) leans towards low ids); customer n's site is n.
  // The queue's open work is at the recent end, with a few requests stuck in it for months.
  await step(
    "ai_requests",
    `INSERT INTO ai_requests (customer_id, site_id, request_type, business_type, terminology, request_data,
                              status, priority, estimated_cost, actual_cost, created_at, assigned_at,
                              started_at, completed_at, admin_id, admin_notes, generated_content,
                              customer_feedback, customer_notes, billing_status)
     SELECT cust, CASE WHEN r3 < 0.8 THEN cust END, rtype::ai_request_type, btype,
            CASE WHEN r4 < 0.3 THEN 'vouvoiement' END,
            jsonb_build_object(
              'businessName', 'Entreprise ' || cust,
              'businessType', btype,
              'description', 'Nous sommes une entreprise familiale de ' || btype || ' installée depuis '
                || (1980 + cust % 40) || '. Nous cherchons un site moderne qui présente nos services, nos horaires et nos tarifs.',
              'services', jsonb_build_array('Conseil', 'Devis gratuit', 'Intervention rapide', 'Service ' || (g % 97)),
              'tone', (ARRAY['professionnel','chaleureux','dynamique'])[1 + g % 3],
              'language', 'fr',
              'pages', jsonb_build_array('accueil', 'services', 'contact'),
              'wizardStep', 4),
            st::ai_request_status,
            CASE WHEN r5 < 0.05 THEN 1 WHEN r5 < 0.15 THEN 3 WHEN r5 < 0.85 THEN 5 WHEN r5 < 0.95 THEN 7 ELSE 10 END,
            cost,
            CASE WHEN st = 'completed' THEN round((cost * (0.8 + 0.4 * r6))::numeric, 2) END,
            created,
            CASE WHEN st NOT IN ('pending', 'cancelled') THEN created + interval '5 minutes' * (1 + r6) END,
            CASE WHEN st IN ('processing', 'completed') THEN created + interval '10 minutes' * (1 + r6) END,
            CASE WHEN st = 'completed' THEN created + interval '40 minutes' * (1 + r6) END,
            CASE WHEN st NOT IN ('pending', 'cancelled') THEN 1 + g % ${ROWS.staff} END,
            CASE WHEN st = 'rejected' THEN 'Demande incomplète : merci de préciser les services.' END,
            CASE WHEN st = 'completed' THEN jsonb_build_object(
              'title', 'Entreprise ' || cust || ' - ' || btype,
              'sections', jsonb_build_array(
                jsonb_build_object('heading', 'Nos services', 'body', 'Découvrez nos prestations de ' || btype || ', réalisées avec soin par une équipe locale et expérimentée.'),
                jsonb_build_object('heading', 'À propos', 'body', 'Depuis plus de vingt ans, nous accompagnons nos clients avec passion et exigence.'),
                jsonb_build_object('heading', 'Contact', 'body', 'Appelez-nous ou écrivez-nous : nous répondons sous 24 heures.')),
              'model', 'claude-sonnet-4-5', 'tokens', 1200 + g % 800) END,
            CASE WHEN st = 'completed' AND r7 < 0.4 THEN 1 + floor(4.99 * sqrt(r8))::int END,
            CASE WHEN st = 'completed' AND r7 < 0.05 THEN 'Très satisfait du résultat.' END,
            (CASE WHEN st <> 'completed' THEN 'pending' WHEN r8 < 0.80 THEN 'paid' WHEN r8 < 0.97 THEN 'billed'
                  ELSE 'refunded' END)::ai_billing_status
       FROM (SELECT g, r3, r4, r5, r6, r7, r8,
                    1 + floor(power(r1, 2) * ${ROWS.customers})::int AS cust,
                    (${sqlArray(BUSINESS_TYPES)})[1 + floor(r2 * ${BUSINESS_TYPES.length})::int] AS btype,
                    CASE WHEN r9 < 0.4 THEN 'services' WHEN r9 < 0.7 THEN 'content' WHEN r9 < 0.9 THEN 'images'
                         ELSE 'full_site' END AS rtype,
                    CASE WHEN r9 < 0.4 THEN 2.00 WHEN r9 < 0.7 THEN 3.00 WHEN r9 < 0.9 THEN 5.00 ELSE 15.00 END AS cost,
                    CASE WHEN g > ${ROWS.aiRequests} - 3000 THEN (CASE WHEN r10 < 0.75 THEN 'pending' ELSE 'processing' END)
                         WHEN r10 < 0.001 THEN 'pending'
                         WHEN r10 < 0.85 THEN 'completed' WHEN r10 < 0.90 THEN 'rejected' ELSE 'cancelled' END AS st,
                    now() - interval '730 days' * (1 - g::float8 / ${ROWS.aiRequests}) - interval '10 minutes' * r6 AS created
               FROM (SELECT g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6,
                            random() r7, random() r8, random() r9, random() r10
                       FROM generate_series(1, ${ROWS.aiRequests}) g OFFSET 0) rnd
             OFFSET 0) x`,
  );

  // Nine invoices in ten belong to a subscription (monthly); the rest bill AI work of any customer.
  await step(
    "invoices",
    `INSERT INTO invoices (customer_id, subscription_id, invoice_number, amount, tax_amount, total_amount,
                           currency, status, issued_at, due_at, paid_at, stripe_invoice_id, payment_method, notes)
     SELECT coalesce(s.customer_id, 1 + floor(r1 * ${ROWS.customers})::int), s.id,
            'INV-' || lpad(g::text, 8, '0'), amount, round(amount * 0.2, 2), round(amount * 1.2, 2), 'EUR',
            st::invoice_status, issued, issued + interval '30 days',
            CASE WHEN st IN ('paid', 'refunded') THEN issued + interval '10 days' * r2 END,
            'in_bench_' || g,
            CASE WHEN r3 < 0.7 THEN 'card' ELSE 'sepa_debit' END,
            CASE WHEN st = 'refunded' THEN 'Remboursement geste commercial' END
       FROM (SELECT g, r1, r2, r3,
                    CASE WHEN r4 < 0.9 THEN 1 + (g - 1) % (SELECT count(*) FROM customer_subscriptions) END AS sub,
                    round((10 + 190 * power(r5, 3))::numeric, 2) AS amount,
                    CASE WHEN g > ${ROWS.invoices} - 20000 AND r6 < 0.5 THEN 'pending'
                         WHEN r6 < 0.04 THEN 'failed' WHEN r6 < 0.07 THEN 'refunded' ELSE 'paid' END AS st,
                    now() - interval '730 days' * (1 - g::float8 / ${ROWS.invoices}) - interval '1 hour' * r2 AS issued
               FROM (SELECT g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6
                       FROM generate_series(1, ${ROWS.invoices}) g OFFSET 0) rnd
             OFFSET 0) x
       LEFT JOIN customer_subscriptions s ON s.id = x.sub
      ORDER BY g`,
  );

  const started = performance.now();
  // What autovacuum does on a live database: planner statistics, and the visibility map that lets
  // count(*) use index-only scans.
  await client.query("VACUUM (ANALYZE) customers, sites, customer_subscriptions, ai_requests, invoices, admin_users");
  log(`  vacuum analyze: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await client.query(`COMMENT ON DATABASE "${database}" IS '${MARKER.replace(/'/g, "''")}'`);
}

// ---------------------------------------------------------------------------------------------
// The dashboard's data (`npm run bench -- --only dashboard`), added to the filled database without
// refilling it: 10M health checks, the daily snapshots and the MRR history the dashboard reads.
// ---------------------------------------------------------------------------------------------

export const DASHBOARD_ROWS = {
  /** Monitored sites x checks per site = 10M rows. */
  monitoredSites: 125_000,
  checksPerSite: 80,
  metricDays: 180,
  openSecurityAlerts: 12,
  openBillingAlerts: 30,
} as const;

const DASHBOARD_MARKER = `locod-bench-dashboard v1: ${JSON.stringify(DASHBOARD_ROWS)}`;

/** True when the dashboard's rows are there (a comment on site_monitoring, and the row count). */
export async function isDashboardFilled(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ comment: string | null; n: string }>(
    `SELECT obj_description('site_monitoring'::regclass, 'pg_class') AS comment,
            (SELECT count(*) FROM site_monitoring) AS n`,
  );
  return (
    rows[0]?.comment === DASHBOARD_MARKER &&
    Number(rows[0].n) === DASHBOARD_ROWS.monitoredSites * DASHBOARD_ROWS.checksPerSite
  );
}

/**
 * Health checks as a monitor writes them: each of the first 125,000 active or suspended sites checked
 * every 40 minutes over the last 53 hours (HTTP six times in eight, then SSL, then DNS), inserted in
 * time order. One site in a hundred is down (its last three HTTP checks failed) and 0.2% of the other
 * HTTP checks failed once. The table's indexes are dropped for the insert and rebuilt from their own
 * definitions, which is several times faster than maintaining them row by row.
 */
export async function fillDashboard(client: pg.Client, log: (message: string) => void): Promise<void> {
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const started = performance.now();
    const res = await client.query(sql, params);
    log(`  ${label}: ${res.rowCount ?? 0} rows, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  const { monitoredSites, checksPerSite, metricDays } = DASHBOARD_ROWS;
  await client.query("COMMENT ON TABLE site_monitoring IS NULL");
  await client.query("SET synchronous_commit = off");
  await client.query("SET maintenance_work_mem = '512MB'");
  await client.query("SELECT setseed(0.24)");
  await client.query(
    "TRUNCATE site_monitoring, business_metrics, subscription_history, security_alerts, billing_alerts RESTART IDENTITY",
  );

  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = 'site_monitoring'::regclass AND NOT x.indisprimary`,
  );
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  await step(
    "site_monitoring",
    `WITH monitored AS MATERIALIZED (
       SELECT id, row_number() OVER (ORDER BY id) AS n FROM sites
        WHERE status IN ('active', 'suspended') ORDER BY id LIMIT $1
     )
     INSERT INTO site_monitoring (site_id, check_time, status_code, response_time_ms, is_up, error_message, check_type)
     SELECT m.id, at,
            CASE WHEN up THEN 200 WHEN ctype = 'http' THEN 503 END,
            CASE WHEN up THEN 80 + (m.n * 37 + k * 11) % 400 END,
            up,
            CASE WHEN NOT up THEN CASE ctype WHEN 'http' THEN 'HTTP 503 Service Unavailable'
                                             ELSE 'certificate has expired' END END,
            ctype::check_type
       FROM generate_series($2::int - 1, 0, -1) k
       CROSS JOIN LATERAL (
         SELECT s.id, s.n,
                now() - interval '40 minutes' * k - interval '1 second' * ((s.n * 7919) % 300) AS at,
                CASE k % 8 WHEN 3 THEN 'ssl' WHEN 7 THEN 'dns' ELSE 'http' END AS ctype,
                random() AS r
           FROM monitored s
       ) m
       CROSS JOIN LATERAL (
         SELECT CASE WHEN m.ctype = 'http' AND m.id % 100 = 7 AND k < 4 THEN false
                     WHEN m.ctype = 'http' THEN m.r >= 0.002
                     WHEN m.ctype = 'ssl' THEN m.id % 5000 <> 11
                     ELSE true END AS up
       ) u`,
    [monitoredSites, checksPerSite],
  );
  for (const index of indexes) {
    const started = performance.now();
    // A partitioned table's index reads "ON ONLY" (the parent alone): rebuilt on every partition.
    await client.query(index.def.replace(" ON ONLY ", " ON "));
    log(`  index ${index.name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  // One history row per subscription, from its start: the MRR the dashboard reads "now".
  await step(
    "subscription_history",
    `INSERT INTO subscription_history (subscription_id, customer_id, plan_id, status, billing_interval, mrr, valid_from, reason)
     SELECT s.id, s.customer_id, s.plan_id, s.status, s.billing_interval,
            CASE WHEN s.status IN ('active', 'past_due') THEN p.price_monthly ELSE 0 END, s.started_at, 'created'
       FROM customer_subscriptions s JOIN billing_plans p ON p.id = s.plan_id
      ORDER BY s.started_at, s.id`,
  );
  // Daily snapshots up to yesterday: a business growing slowly, with its noise.
  await step(
    "business_metrics",
    `INSERT INTO business_metrics (metric_date, total_customers, active_customers, new_customers, churned_customers,
                                   total_sites, active_sites, monthly_revenue, ai_requests_count, ai_revenue, created_at)
     SELECT d, 90000 + 55 * i, 76000 + 45 * i, 100 + (i * 37) % 60, 20 + (i * 13) % 25,
            135000 + 80 * i, 110000 + 60 * i, round((1650000 + 900 * i + (i * 7919) % 5000)::numeric, 2),
            1200 + (i * 61) % 400, round((4500 + (i * 97) % 1500)::numeric + 0.25, 2), d + interval '1 day 5 minutes'
       FROM generate_series(1, $1::int) i,
            LATERAL (SELECT (current_date - ($1::int - i + 1))::date AS d) x`,
    [metricDays],
  );
  await step(
    "security_alerts",
    `INSERT INTO security_alerts (kind, email, ip_address, created_at)
     SELECT 'failed_login_burst', NULL, '198.51.100.' || g, now() - interval '1 hour' * g
       FROM generate_series(1, $1::int) g`,
    [DASHBOARD_ROWS.openSecurityAlerts],
  );
  await step(
    "billing_alerts",
    `INSERT INTO billing_alerts (kind, invoice_id, customer_id, details, created_at)
     SELECT 'payment_failed', i.id, i.customer_id, jsonb_build_object('subject', 'bench:' || i.id), i.issued_at
       FROM invoices i WHERE i.status = 'failed' ORDER BY i.id DESC LIMIT $1`,
    [DASHBOARD_ROWS.openBillingAlerts],
  );
  const started = performance.now();
  await client.query("VACUUM (ANALYZE) site_monitoring, subscription_history, business_metrics");
  log(`  vacuum analyze: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await client.query(`COMMENT ON TABLE site_monitoring IS '${DASHBOARD_MARKER.replace(/'/g, "''")}'`);
}
