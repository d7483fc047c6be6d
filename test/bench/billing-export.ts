// Issue 5's accounting export bench (`npm run bench -- --only export [--refill]`): the invoices CSV of
// 100,000 issued invoices and the items CSV of their lines, over HTTP through the real app, with the
// process's memory watched while they stream.
//
// On a database of its own (BENCH_EXPORT_DATABASE_URL, default locod_admin_bench_export), filled once in
// SQL (generate_series) and reused while its marker matches: 5,000 customers, 100,000 invoices issued
// from January 2025 to October 2026 (pending, paid, failed, refunded) with 1 to 5 lines each, amounts the
// sum of their lines and VAT at 20% half-up, plus drafts the export must leave out. The app runs in this
// process (createApp, as `npm start` minus the component bundle) on an ephemeral port; an accountant
// (role viewer, which holds billing.export) logs in through the REST API. Each export is read as a
// stream and never kept: rows and bytes are counted, the invoices' amount, VAT and total columns are
// summed in integer cents and checked against PostgreSQL's sums, and the process's RSS is sampled every
// 10 ms. Prints the table and writes test/artifacts/bench-export.json.
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { loadConfig } from "../../src/config.js";
import { createApp } from "../../src/app.js";
import { closeDeps, createDeps } from "../../src/deps.js";
import { ensureDatabase } from "../../src/db/create-database.js";
import { migrate } from "../../src/db/migrate.js";
import { hashPassword } from "../../src/modules/auth/password.js";
import { listen } from "./floor.js";
import { apiLogin } from "./queue.js";
import { writeBenchReport } from "./measure.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DATABASE_URL =
  process.env.BENCH_EXPORT_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/locod_admin_bench_export";

export const EXPORT_ROWS = { customers: 5_000, invoices: 100_000, drafts: 1_000 } as const;
const FILL_MARKER = `locod-bench-export v1: ${JSON.stringify(EXPORT_ROWS)}`;
const RANGE = { from: "2025-01-01", to: "2026-12-31" };
const LOGIN = { email: "accountant@locod.test", password: "bench-password-not-a-secret" };

const log = (message: string) => process.stderr.write(`${message}\n`);
const MB = 2 ** 20;

async function isFilled(client: pg.Client, database: string): Promise<boolean> {
  const { rows } = await client.query<{ comment: string | null; n: string }>(
    `SELECT shobj_description(oid, 'pg_database') AS comment,
            (SELECT count(*) FROM invoices WHERE status <> 'draft') AS n
       FROM pg_database WHERE datname = $1`,
    [database],
  );
  return rows[0]?.comment === FILL_MARKER && Number(rows[0].n) === EXPORT_ROWS.invoices;
}

async function fill(client: pg.Client, database: string): Promise<void> {
  await client.query(`COMMENT ON DATABASE ${database} IS NULL`);
  await client.query(`TRUNCATE admin_activity_log, admin_sessions, admin_users, invoice_items, invoices,
                      invoice_number_sequences, customers RESTART IDENTITY CASCADE`);
  await client.query(
    `INSERT INTO admin_users (email, name, role, password_hash, status)
     VALUES ($1, 'Comptable', 'viewer', $2, 'active')`,
    [LOGIN.email, await hashPassword(LOGIN.password, 4)],
  );
  // French names with accents (no commas: the bench's column sums split lines on commas).
  await client.query(
    `INSERT INTO customers (email, name, created_at)
     SELECT 'client' || g || '@bench-export.test',
            (ARRAY['Boulangerie', 'Plomberie', 'Café', 'Élec Services', 'Coiffure Hélène', 'Garage Léon'])[1 + g % 6]
              || ' ' || g,
            timestamptz '2024-06-01 00:00:00+00'
       FROM generate_series(1, $1::int) g`,
    [EXPORT_ROWS.customers],
  );
  // As the portal issues them (an issued invoice's lines and figures are frozen by triggers): drafts with
  // their legal numbers and dates first, then 1 to 5 lines each, then figures from the lines together with
  // the status and payment fields, which issues them.
  await client.query(
    `INSERT INTO invoices (customer_id, invoice_number, amount, tax_amount, total_amount, status, issued_at, due_at)
     SELECT 1 + g % $2::int, 'LCD-' || extract(year FROM at)::int || '-' || lpad(g::text, 6, '0'), 0, 0, 0, 'draft',
            at, at + interval '30 days'
       FROM generate_series(1, $1::int) g,
            LATERAL (SELECT timestamptz '2025-01-01 00:00:00+00' + (g::float8 / $1::int) * interval '669 days' AS at) x`,
    [EXPORT_ROWS.invoices, EXPORT_ROWS.customers],
  );
  // Open drafts of the month, which stay drafts: the export leaves them out.
  await client.query(
    `INSERT INTO invoices (customer_id, invoice_number, amount, tax_amount, total_amount, status, issued_at,
                           period_start, period_end)
     SELECT g, 'LCD-DRAFT-' || g || '-202610', 0, 0, 0, 'draft', timestamptz '2026-10-02 09:00:00+00',
            date '2026-10-01', date '2026-11-01'
       FROM generate_series(1, $1::int) g`,
    [EXPORT_ROWS.drafts],
  );
  await client.query(`
    INSERT INTO invoice_items (invoice_id, description, quantity, unit_price, total_price, created_at)
    SELECT i.id,
           CASE WHEN n = 1 THEN 'Abonnement ' || (ARRAY['Starter', 'Pro', 'Business'])[1 + i.id % 3] || ' — mensuel'
                ELSE 'Demande IA n°' || (i.id * 5 + n) || ' : ' || (ARRAY['services', 'contenu', 'images'])[1 + n % 3] END,
           1 + (i.id + n) % 2,
           (ARRAY[19.00, 49.00, 99.00, 2.00, 3.50, 5.00, 12.00, 0.35])[1 + (i.id * 3 + n) % 8],
           (1 + (i.id + n) % 2) * (ARRAY[19.00, 49.00, 99.00, 2.00, 3.50, 5.00, 12.00, 0.35])[1 + (i.id * 3 + n) % 8],
           i.issued_at
      FROM invoices i, generate_series(1, 1 + i.id % 5) n`);
  await client.query(`
    UPDATE invoices i
       SET amount = s.amount, tax_amount = round(s.amount * 0.20, 2), total_amount = s.amount + round(s.amount * 0.20, 2),
           status = CASE WHEN i.invoice_number LIKE 'LCD-DRAFT-%' THEN 'draft' ELSE x.status END::invoice_status,
           paid_at = CASE WHEN x.status IN ('paid', 'refunded') THEN i.issued_at + interval '3 days' END,
           payment_method = CASE WHEN x.status IN ('paid', 'refunded') THEN 'card' END,
           stripe_invoice_id = CASE WHEN x.status <> 'pending' THEN 'in_bench_' || i.id END,
           amount_refunded = CASE WHEN x.status = 'refunded' THEN s.amount + round(s.amount * 0.20, 2) ELSE 0 END
      FROM (SELECT invoice_id, sum(total_price) AS amount FROM invoice_items GROUP BY invoice_id) s,
           LATERAL (SELECT (ARRAY['paid', 'paid', 'paid', 'pending', 'failed', 'refunded'])[1 + s.invoice_id % 6] AS status) x
     WHERE s.invoice_id = i.id`);
  await client.query("VACUUM (ANALYZE) customers, invoices, invoice_items");
  await client.query(`COMMENT ON DATABASE ${database} IS '${FILL_MARKER.replace(/'/g, "''")}'`);
}

interface ExportResult {
  name: string;
  rows: number;
  bytes: number;
  wallMs: number;
  rowsPerSecond: number;
  baselineRssMb: number;
  peakRssMb: number;
  increaseRssMb: number;
  /** Invoices: the amount, VAT and total columns summed, in cents. */
  sumsCents?: { amount: number; vat: number; total: number };
}

/** "1234.50" -> 123450, exact: integer cents, no float arithmetic on money. */
const toCents = (figure: string): number => {
  const [whole, fraction = "00"] = figure.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
};

/** Downloads one export as a stream, never keeping it, while sampling the process's RSS. */
async function runExport(
  baseUrl: string,
  token: string,
  kind: "invoices" | "items",
  sum: boolean,
): Promise<ExportResult> {
  const url = `${baseUrl}/admin/api/v1/billing/export/${kind}.csv?from=${RANGE.from}&to=${RANGE.to}`;
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  const started = performance.now();
  let bytes = 0;
  let lines = 0;
  let rest = "";
  const sums = { amount: 0, vat: 0, total: 0 };
  try {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200 || !res.body) throw new Error(`${kind}.csv: HTTP ${res.status}: ${await res.text()}`);
    const decoder = new TextDecoder();
    const reader = res.body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      const chunk = next.value;
      bytes += chunk.byteLength;
      const text = rest + decoder.decode(chunk, { stream: true });
      const parts = text.split("\r\n");
      rest = parts.pop()!;
      lines += parts.length;
      if (sum) {
        for (const line of parts) {
          const cells = line.split(",");
          if (!/^LCD-/.test(cells[0]!)) continue;
          sums.amount += toCents(cells[8]!);
          sums.vat += toCents(cells[9]!);
          sums.total += toCents(cells[10]!);
        }
      }
    }
    if (rest) throw new Error(`${kind}.csv does not end with CRLF`);
  } finally {
    clearInterval(sampler);
  }
  const wallMs = performance.now() - started;
  peak = Math.max(peak, process.memoryUsage.rss());
  const rows = lines - 1;
  return {
    name: `${kind}.csv`,
    rows,
    bytes,
    wallMs,
    rowsPerSecond: rows / (wallMs / 1000),
    baselineRssMb: baseline / MB,
    peakRssMb: peak / MB,
    increaseRssMb: (peak - baseline) / MB,
    ...(sum ? { sumsCents: sums } : {}),
  };
}

function formatTable(results: ExportResult[]): string {
  const header = ["export", "rows", "MB", "wall s", "rows/s", "RSS before MB", "peak RSS MB", "increase MB"];
  const body = results.map((r) => [
    r.name,
    String(r.rows),
    (r.bytes / MB).toFixed(1),
    (r.wallMs / 1000).toFixed(2),
    r.rowsPerSecond.toFixed(0),
    r.baselineRssMb.toFixed(0),
    r.peakRssMb.toFixed(0),
    r.increaseRssMb.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

export async function runExportBench(options: { refill?: boolean } = {}): Promise<void> {
  const database = decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1));
  // The fill truncates tables: never let a mistyped URL point it at a real database.
  if (!database.includes("_bench")) throw new Error(`Refusing to fill ${database}: its name must contain _bench`);
  if (!/^[a-z0-9_]+$/.test(database)) throw new Error(`Unexpected characters in the database name ${database}`);
  if (await ensureDatabase(DATABASE_URL)) log(`created database ${database}`);
  const applied = await migrate(DATABASE_URL);
  if (applied.length) log(`applied migrations: ${applied.join(", ")}`);

  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    if (!options.refill && (await isFilled(client, database))) {
      log(`reusing ${database} (${FILL_MARKER}); --refill to start over`);
    } else {
      log(`filling ${database}: ${JSON.stringify(EXPORT_ROWS)}`);
      const started = performance.now();
      await fill(client, database);
      log(`filled in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await client.end();
  }

  const config = loadConfig({
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL,
    QUEUE_PREFIX: "locod-bench-export",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    // Production refuses to start without these; the bench's values never leave this process.
    SESSION_SECRET: randomBytes(48).toString("base64url"),
    JWT_SECRET: randomBytes(48).toString("base64url"),
    WIZARD_WEBHOOK_SECRET: randomBytes(48).toString("base64url"),
    STRIPE_WEBHOOK_SECRET: "whsec_bench",
    // Required in production; the bench sends no e-mail.
    SMTP_URL: process.env.SMTP_URL || "smtp://127.0.0.1:1025",
  });
  const deps = createDeps(config);
  let server: Server | undefined;
  try {
    const app = await listen(await createApp(deps, { bundle: false }));
    server = app.server;
    const token = await apiLogin(app.baseUrl, LOGIN);
    // Warm-up on one day: code paths loaded and connections open before the baseline is taken.
    const warm = await fetch(`${app.baseUrl}/admin/api/v1/billing/export/items.csv?from=2025-06-01&to=2025-06-01`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (warm.status !== 200) throw new Error(`warm-up: HTTP ${warm.status}`);
    await warm.arrayBuffer();

    log(`exporting ${RANGE.from} to ${RANGE.to}`);
    const invoices = await runExport(app.baseUrl, token, "invoices", true);
    log(`  invoices.csv: ${invoices.rows} rows in ${(invoices.wallMs / 1000).toFixed(2)} s`);
    const items = await runExport(app.baseUrl, token, "items", false);
    log(`  items.csv: ${items.rows} rows in ${(items.wallMs / 1000).toFixed(2)} s`);

    const { rows } = await deps.pool.query<{ n: string; lines: string; amount: string; vat: string; total: string }>(
      `SELECT count(*) AS n, (sum(amount) * 100)::bigint::text AS amount, (sum(tax_amount) * 100)::bigint::text AS vat,
              (sum(total_amount) * 100)::bigint::text AS total,
              (SELECT count(*) FROM invoice_items it JOIN invoices j ON j.id = it.invoice_id
                WHERE j.status <> 'draft' AND j.issued_at >= $1 AND j.issued_at < $2) AS lines
         FROM invoices WHERE status <> 'draft' AND issued_at >= $1 AND issued_at < $2`,
      [`${RANGE.from}T00:00:00Z`, "2027-01-01T00:00:00Z"],
    );
    const sql = rows[0]!;
    const sums = invoices.sumsCents!;
    const problems = [
      invoices.rows !== Number(sql.n) && `invoices.csv has ${invoices.rows} rows, SQL counts ${sql.n}`,
      items.rows !== Number(sql.lines) && `items.csv has ${items.rows} rows, SQL counts ${sql.lines}`,
      String(sums.amount) !== sql.amount && `amount column ${sums.amount} cents, SQL ${sql.amount}`,
      String(sums.vat) !== sql.vat && `VAT column ${sums.vat} cents, SQL ${sql.vat}`,
      String(sums.total) !== sql.total && `total column ${sums.total} cents, SQL ${sql.total}`,
    ].filter(Boolean);
    if (problems.length) throw new Error(`export bench: ${problems.join("; ")}`);

    const results = [invoices, items];
    const euros = (cents: number) => `${(cents / 100).toFixed(2)} EUR`;
    const artifact = await writeBenchReport(
      "export",
      `\nAccounting export over HTTP (REST, bearer token; streamed from a PostgreSQL cursor), issue dates ` +
        `${RANGE.from} to ${RANGE.to}, ${EXPORT_ROWS.drafts} drafts left out:\n\n${formatTable(results)}\n\n` +
        `  checked: row counts equal SQL's; the invoices' columns sum to ${euros(sums.amount)} excl. VAT, ` +
        `${euros(sums.vat)} VAT, ${euros(sums.total)} total, as SQL sums them, to the cent.\n` +
        `  RSS is the whole process (app, client and pg pool); "increase" is the peak over the RSS before the export.\n`,
      {
        database,
        rows: EXPORT_ROWS,
        range: RANGE,
        results,
        sql: {
          invoices: Number(sql.n),
          lines: Number(sql.lines),
          cents: { amount: sql.amount, vat: sql.vat, total: sql.total },
        },
      },
    );
    log(`wrote ${path.relative(ROOT, artifact)}`);
  } finally {
    if (server) await new Promise((resolve) => server!.close(resolve));
    await closeDeps(deps);
  }
}
