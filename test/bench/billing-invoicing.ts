// Issue 5's invoicing bench (`npm run bench -- --only invoicing`): the monthly invoicing of 10,000
// subscriptions, a few thousand of them with Queue IA lines already on their draft of the month.
//
// On a database of its own (BENCH_INVOICING_DATABASE_URL, default locod_admin_bench_billing), refilled
// on every run: 10,000 customers, one subscription each (monthly mostly, one in ten yearly, a few
// suspended, cancelled or on trial, their periods rolled forward as the hourly renewal keeps them), their
// subscription_history, and 3,000 October drafts of 1 to 3 completed AI requests. Then it runs
// runMonthlyInvoicing for 2026-10 as the job of November 1st does, and again (nothing new), timing each
// run, sampling the process's RSS, and checking the result: one invoice per customer expected, every
// number of the sequence used once, every invoice's amount the sum of its lines. Prints the table and
// writes test/artifacts/bench-invoicing.json.
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { BillingInterval, SubscriptionStatus } from "@prisma/client";
import { ensureDatabase } from "../../src/db/create-database.js";
import { migrate } from "../../src/db/migrate.js";
import { createPrisma } from "../../src/db/prisma.js";
import { runMonthlyInvoicing, type InvoicingRunResult } from "../../src/modules/billing/invoicing/monthly-run.js";
import { periodAt } from "../../src/modules/billing/periods.js";
import { writeBenchReport } from "./measure.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DATABASE_URL =
  process.env.BENCH_INVOICING_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/locod_admin_bench_billing";

export const INVOICING_ROWS = {
  subscriptions: Number(process.env.BENCH_INVOICING_SUBSCRIPTIONS ?? 10_000),
  aiDrafts: Number(process.env.BENCH_INVOICING_AI_DRAFTS ?? 3_000),
};
const PERIOD = "2026-10";
const RUN_AT = new Date("2026-11-01T01:00:00Z");

const PLANS = [
  { id: 1, name: "Free", monthly: "0.00", yearly: "0.00", credits: 0 },
  { id: 2, name: "Starter", monthly: "19.00", yearly: "190.00", credits: 0 },
  { id: 3, name: "Pro", monthly: "49.00", yearly: "490.00", credits: 5 },
  { id: 4, name: "Business", monthly: "99.00", yearly: "990.00", credits: 20 },
] as const;
const AI_COSTS = ["2.00", "3.50", "5.00", "12.00"] as const;

const log = (message: string) => process.stderr.write(`${message}\n`);

interface SubscriptionRow {
  id: number;
  planId: number;
  interval: BillingInterval;
  status: SubscriptionStatus;
  startedAt: Date;
  periodStart: Date;
  periodEnd: Date;
  /** A second history row: suspended, cancelled before October. */
  change: { status: SubscriptionStatus; at: Date; reason: string } | null;
}

/** Deterministic: subscription i's plan, interval, start and fate. */
function subscription(i: number): SubscriptionRow {
  const plan = i % 20 === 0 ? 1 : i % 20 < 10 ? 2 : i % 20 < 17 ? 3 : 4;
  const interval: BillingInterval = i % 10 === 3 ? "yearly" : "monthly";
  const startedAt =
    interval === "yearly"
      ? new Date(Date.UTC(2025, i % 12, 1 + (i % 28), i % 24, (i * 7) % 60))
      : new Date(Date.UTC(2026, i % 9, 1 + ((i * 13) % 28), i % 24, (i * 7) % 60));
  const fate = i % 50;
  const status: SubscriptionStatus =
    fate === 11 ? "suspended" : fate === 12 ? "cancelled" : fate === 13 ? "trialing" : "active";
  // Suspended or cancelled in September, or an hour after a later start (still before October).
  const after = (iso: string) => new Date(Math.max(new Date(iso).getTime(), startedAt.getTime() + 3_600_000));
  const change =
    status === "suspended"
      ? { status, at: after("2026-09-15T10:00:00Z"), reason: "suspended" }
      : status === "cancelled"
        ? { status, at: after("2026-09-10T10:00:00Z"), reason: "cancelled" }
        : null;
  // Where the hourly renewal has rolled the period by the run (the run renews nothing more).
  const period = periodAt(startedAt, interval, new Date("2026-11-01T00:00:00Z"));
  return { id: i, planId: plan, interval, status, startedAt, periodStart: period.start, periodEnd: period.end, change };
}

/**
 * The expected number of invoices, counted independently of the fee rule's code: an active, paying
 * monthly subscription started before October has exactly one period starting in October (days 1 to 28,
 * no clamping); a yearly one only when it started in an October. Plus every customer with an AI draft.
 */
function expectedInvoices(subs: SubscriptionRow[], aiCustomers: Set<number>): number {
  return subs.filter((s) => {
    const fee =
      s.status === "active" && s.planId !== 1 && (s.interval === "monthly" || s.startedAt.getUTCMonth() === 9);
    return fee || aiCustomers.has(s.id);
  }).length;
}

async function fill(
  client: pg.Client,
): Promise<{ subs: SubscriptionRow[]; aiCustomers: Set<number>; aiLines: number }> {
  const n = INVOICING_ROWS.subscriptions;
  await client.query(`TRUNCATE admin_activity_log, invoice_items, invoices, invoice_number_sequences, subscription_history,
                      customer_subscriptions, ai_requests, customers, billing_plans RESTART IDENTITY CASCADE`);
  await client.query(
    `INSERT INTO billing_plans (id, name, price_monthly, price_yearly, ai_credits_included)
     SELECT * FROM unnest($1::int[], $2::text[], $3::numeric[], $4::numeric[], $5::int[])`,
    [
      PLANS.map((p) => p.id),
      PLANS.map((p) => p.name),
      PLANS.map((p) => p.monthly),
      PLANS.map((p) => p.yearly),
      PLANS.map((p) => p.credits),
    ],
  );
  await client.query(
    `INSERT INTO customers (id, email, name, created_at)
     SELECT g, 'bench-invoicing-' || g || '@locod.test', 'Client ' || g, timestamptz '2025-01-01 00:00:00+00'
       FROM generate_series(1, $1::int) g`,
    [n],
  );
  const subs = Array.from({ length: n }, (_, k) => subscription(k + 1));
  const col = <T>(f: (s: SubscriptionRow) => T) => subs.map(f);
  await client.query(
    `INSERT INTO customer_subscriptions (id, customer_id, plan_id, billing_interval, status, started_at,
                                         current_period_start, current_period_end, ended_at)
     SELECT * FROM unnest($1::int[], $1::int[], $2::int[], $3::billing_interval[], $4::subscription_status[],
                          $5::timestamptz[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[])`,
    [
      col((s) => s.id),
      col((s) => s.planId),
      col((s) => s.interval),
      col((s) => s.status),
      col((s) => s.startedAt),
      col((s) => s.periodStart),
      col((s) => s.periodEnd),
      col((s) => (s.status === "cancelled" ? s.change!.at : null)),
    ],
  );
  const history = subs.flatMap((s) => [
    { s, status: s.status === "trialing" ? "trialing" : "active", at: s.startedAt, reason: "created" },
    ...(s.change ? [{ s, status: s.change.status, at: s.change.at, reason: s.change.reason }] : []),
  ]);
  await client.query(
    `INSERT INTO subscription_history (subscription_id, customer_id, plan_id, status, billing_interval, mrr, valid_from, reason)
     SELECT * FROM unnest($1::int[], $1::int[], $2::int[], $3::subscription_status[], $4::billing_interval[],
                          $5::numeric[], $6::timestamptz[], $7::text[])`,
    [
      history.map((h) => h.s.id),
      history.map((h) => h.s.planId),
      history.map((h) => h.status),
      history.map((h) => h.s.interval),
      history.map(() => "0"),
      history.map((h) => h.at),
      history.map((h) => h.reason),
    ],
  );
  await client.query("SELECT setval(pg_get_serial_sequence('customer_subscriptions', 'id'), $1)", [n]);
  await client.query("SELECT setval(pg_get_serial_sequence('customers', 'id'), $1)", [n]);

  // Queue IA: completed requests billed onto October drafts, as billAiRequest leaves them.
  const aiCustomers = new Set<number>();
  for (let c = 1; aiCustomers.size < INVOICING_ROWS.aiDrafts; c += 3) aiCustomers.add(((c * 7) % n) + 1);
  const requests = [...aiCustomers].flatMap((customer) =>
    Array.from({ length: 1 + (customer % 3) }, (_, k) => ({
      customer,
      cost: AI_COSTS[(customer + k) % AI_COSTS.length]!,
      at: new Date(Date.UTC(2026, 9, 1 + ((customer + k * 9) % 30), 9 + k)),
    })),
  );
  await client.query(
    `INSERT INTO ai_requests (customer_id, request_type, business_type, request_data, status, estimated_cost, actual_cost,
                              created_at, completed_at, billing_status)
     SELECT c, 'services', 'boulangerie', '{"servicesWanted": 3}', 'completed', cost, cost, at - interval '2 hours', at, 'billed'
       FROM unnest($1::int[], $2::numeric[], $3::timestamptz[]) AS r(c, cost, at)`,
    [requests.map((r) => r.customer), requests.map((r) => r.cost), requests.map((r) => r.at)],
  );
  await client.query(
    `INSERT INTO invoices (customer_id, subscription_id, invoice_number, amount, tax_amount, total_amount, status,
                           issued_at, period_start, period_end)
     SELECT c, c, 'LCD-DRAFT-' || c || '-202610', 0, 0, 0, 'draft', timestamptz '2026-10-01 09:00:00+00',
            date '2026-10-01', date '2026-11-01'
       FROM unnest($1::int[]) c`,
    [[...aiCustomers]],
  );
  await client.query(`
    INSERT INTO invoice_items (invoice_id, ai_request_id, description, quantity, unit_price, total_price, created_at)
    SELECT i.id, r.id, 'Rédaction de services (demande n° ' || r.id || ')', 1, r.actual_cost, r.actual_cost, r.completed_at
      FROM ai_requests r JOIN invoices i ON i.customer_id = r.customer_id AND i.period_start = date '2026-10-01'`);
  await client.query(`
    UPDATE invoices i SET amount = s.amount, tax_amount = round(s.amount * 0.20, 2),
           total_amount = s.amount + round(s.amount * 0.20, 2)
      FROM (SELECT invoice_id, sum(total_price) AS amount FROM invoice_items GROUP BY invoice_id) s
     WHERE s.invoice_id = i.id`);
  await client.query(
    "VACUUM (ANALYZE) customers, customer_subscriptions, subscription_history, invoices, invoice_items",
  );
  return { subs, aiCustomers, aiLines: requests.length };
}

interface Measured {
  name: string;
  result: InvoicingRunResult;
  wallMs: number;
  invoicesPerSecond: number;
  /** This process's CPU time (user + system) during the run: the portal's side of the work. */
  cpuMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
}

/** Runs `fn`, sampling the process's RSS every 20 ms and its CPU time. */
async function measure<T>(fn: () => Promise<T>) {
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const cpu = process.cpuUsage();
  const started = performance.now();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    const used = process.cpuUsage(cpu);
    return {
      value,
      wallMs: performance.now() - started,
      cpuMs: (used.user + used.system) / 1000,
      rssBeforeMb: rssBefore / 2 ** 20,
      peakRssMb: peak / 2 ** 20,
    };
  } finally {
    clearInterval(timer);
  }
}

interface Checks {
  invoices: number;
  expected: number;
  lines: number;
  numbers: { min: number; max: number; distinct: number };
  wrongTotals: number;
}

async function check(client: pg.Client, expected: number): Promise<Checks> {
  const { rows } = await client.query<{
    n: string;
    lines: string;
    min: number;
    max: number;
    distinct: string;
    wrong: string;
  }>(`
    SELECT (SELECT count(*) FROM invoices WHERE period_start = date '2026-10-01' AND status <> 'draft') AS n,
           (SELECT count(*) FROM invoice_items it JOIN invoices i ON i.id = it.invoice_id
             WHERE i.period_start = date '2026-10-01') AS lines,
           (SELECT min(right(invoice_number, 6)::int) FROM invoices WHERE invoice_number LIKE 'LCD-2026-%') AS min,
           (SELECT max(right(invoice_number, 6)::int) FROM invoices WHERE invoice_number LIKE 'LCD-2026-%') AS max,
           (SELECT count(DISTINCT invoice_number) FROM invoices WHERE invoice_number LIKE 'LCD-2026-%') AS distinct,
           (SELECT count(*) FROM invoices i
              LEFT JOIN (SELECT invoice_id, sum(total_price) AS s FROM invoice_items GROUP BY invoice_id) x ON x.invoice_id = i.id
             WHERE i.period_start = date '2026-10-01'
               AND (i.amount <> COALESCE(x.s, 0) OR i.tax_amount <> round(i.amount * 0.20, 2)
                    OR i.total_amount <> i.amount + i.tax_amount)) AS wrong`);
  const r = rows[0]!;
  return {
    invoices: Number(r.n),
    expected,
    lines: Number(r.lines),
    numbers: { min: r.min, max: r.max, distinct: Number(r.distinct) },
    wrongTotals: Number(r.wrong),
  };
}

function formatTable(rows: Measured[]): string {
  const header = [
    "case",
    "issued",
    "skipped",
    "customers",
    "wall s",
    "invoices/s",
    "node CPU s",
    "RSS MB",
    "peak RSS MB",
  ];
  const body = rows.map((r) => [
    r.name,
    String(r.result.issued),
    String(r.result.skipped),
    String(r.result.customers),
    (r.wallMs / 1000).toFixed(2),
    r.result.issued ? r.invoicesPerSecond.toFixed(0) : "-",
    (r.cpuMs / 1000).toFixed(2),
    r.rssBeforeMb.toFixed(0),
    r.peakRssMb.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

export interface InvoicingBenchOptions {
  /** Customer transactions in flight at once (runMonthlyInvoicing's default when absent). */
  concurrency?: number;
}

export async function runInvoicingBench(options: InvoicingBenchOptions = {}): Promise<void> {
  const database = decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1));
  // The fill truncates tables: never let a mistyped URL point it at a real database.
  if (!database.includes("_bench")) throw new Error(`Refusing to fill ${database}: its name must contain _bench`);
  if (await ensureDatabase(DATABASE_URL)) log(`created database ${database}`);
  const applied = await migrate(DATABASE_URL);
  if (applied.length) log(`applied migrations: ${applied.join(", ")}`);
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const prisma = createPrisma(DATABASE_URL);
  try {
    log(
      `filling ${database}: ${INVOICING_ROWS.subscriptions} subscriptions, ${INVOICING_ROWS.aiDrafts} October drafts`,
    );
    const filledAt = performance.now();
    const { subs, aiCustomers, aiLines } = await fill(client);
    log(`filled in ${((performance.now() - filledAt) / 1000).toFixed(1)} s (${aiLines} Queue IA lines)`);
    const expected = expectedInvoices(subs, aiCustomers);

    const runs: Measured[] = [];
    for (const name of ["first run", "second run (nothing new)"]) {
      const { value, ...m } = await measure(() =>
        runMonthlyInvoicing({ prisma }, PERIOD, RUN_AT, { concurrency: options.concurrency }),
      );
      if (value.failed) throw new Error(`${name}: ${value.failed} customers failed`);
      runs.push({ name, result: value, ...m, invoicesPerSecond: value.issued / (m.wallMs / 1000) });
      log(`  ${name}: ${value.issued} issued, ${value.skipped} skipped in ${(m.wallMs / 1000).toFixed(2)} s`);
    }
    const checks = await check(client, expected);
    const problems = [
      checks.invoices !== expected && `${checks.invoices} invoices, ${expected} expected`,
      runs[0]!.result.issued !== expected && `the first run issued ${runs[0]!.result.issued}, ${expected} expected`,
      runs[1]!.result.issued !== 0 && `the second run issued ${runs[1]!.result.issued}`,
      (checks.numbers.distinct !== checks.invoices ||
        checks.numbers.max - checks.numbers.min + 1 !== checks.invoices) &&
        `numbers ${JSON.stringify(checks.numbers)} are not ${checks.invoices} consecutive ones`,
      checks.wrongTotals && `${checks.wrongTotals} invoices whose figures do not follow their lines`,
    ].filter(Boolean);
    if (problems.length) throw new Error(`invoicing bench: ${problems.join("; ")}`);

    const artifact = await writeBenchReport(
      "invoicing",
      `\nMonthly invoicing of ${INVOICING_ROWS.subscriptions} subscriptions (${PERIOD}; ${INVOICING_ROWS.aiDrafts} drafts ` +
        `with ${aiLines} Queue IA lines), one transaction per customer, ${options.concurrency ?? 4} at a time:\n\n` +
        `${formatTable(runs)}\n\n` +
        `  checked: ${checks.invoices} invoices as expected, ${checks.lines} lines, numbers ${checks.numbers.min} to ` +
        `${checks.numbers.max} each used once, every invoice's figures from its lines.\n`,
      {
        database,
        period: PERIOD,
        rows: { ...INVOICING_ROWS, aiLines },
        concurrency: options.concurrency ?? 4,
        runs,
        checks,
      },
    );
    log(`wrote ${path.relative(ROOT, artifact)}`);
  } finally {
    await prisma.$disconnect();
    await client.end();
  }
}
