// Issue 6's dashboard bench (`npm run bench -- --only dashboard [--refill] [--requests 200] [--warmup 20]`):
// GET /admin/api/v1/dashboard through the real app on the bench database (100k customers, 1M AI
// requests, 1M invoices, filled by fill.ts), plus what the dashboard reads there: 10M site_monitoring
// rows, 180 daily snapshots, the MRR history, open security and billing alerts (fillDashboard, added
// once without refilling the rest). The app runs in this process (createApp, as `npm start` minus the
// component bundle) on an ephemeral port; requests are sequential over keep-alive, with a bearer token.
//
// Before timing, the answer is checked against independent SQL: sites down (those with an open
// incident, counted per site), the overdue invoices, MRR now from the whole
// history. Cases: the three periods for the super admin (every widget), and 30 days for a restricted
// editor (no revenue, no security or billing alerts), which must carry no revenue key. Target: p95 <=
// 150 ms. Prints the table and writes test/artifacts/bench-dashboard.json.
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { loadConfig } from "../../src/config.js";
import { createApp } from "../../src/app.js";
import { closeDeps, createDeps } from "../../src/deps.js";
import { DASHBOARD_ROWS, ROWS, fillDashboard, isDashboardFilled } from "./fill.js";
import { listen } from "./floor.js";
import { percentile, timedGet, writeBenchReport } from "./measure.js";
import { apiLogin } from "./queue.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DASHBOARD_TARGET_P95_MS = 150;
/** A staff account of the fill (a viewer there), narrowed to no revenue for the restricted case. */
const RESTRICTED = {
  email: "staff20@locod.test",
  permissions: ["customers.view", "ai_queue.view", "ai_queue.process"],
};

const log = (message: string) => process.stderr.write(`${message}\n`);

interface DashboardCase {
  name: string;
  days: 7 | 30 | 90;
  who: "super_admin" | "restricted";
}

const CASES: DashboardCase[] = [
  { name: "dashboard days=7", days: 7, who: "super_admin" },
  { name: "dashboard days=30", days: 30, who: "super_admin" },
  { name: "dashboard days=90", days: 90, who: "super_admin" },
  { name: "dashboard days=30, no revenue", days: 30, who: "restricted" },
];

interface Result {
  name: string;
  p50: number;
  p95: number;
  max: number;
  kb: number;
  verdict: "PASS" | "MISS";
}

interface Answer {
  sites: { down: number };
  invoices: { overdue: number };
  kpis: { mrr?: { value: string } };
  trend: unknown[];
  alerts: { kind: string; count: number }[];
}

/** Keys of revenue figures anywhere in an answer. */
function revenueKeys(value: unknown, at = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => revenueKeys(v, `${at}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(["mrr", "aiRevenue", "amounts", "amount"].includes(k) ? [`${at}.${k}`] : []),
    ...revenueKeys(v, `${at}.${k}`),
  ]);
}

async function expectedFigures(client: pg.Client, now: Date) {
  const { rows } = await client.query<{ down: number; overdue: number; mrr: string }>(
    `SELECT
       (SELECT count(*)::int FROM sites s WHERE EXISTS (
          SELECT 1 FROM incidents i WHERE i.site_id = s.id AND i.resolved_at IS NULL AND i.opened_at <= $1)) AS down,
       (SELECT count(*)::int FROM invoices WHERE status IN ('pending', 'failed') AND due_at < $1) AS overdue,
       (SELECT COALESCE(sum(h.mrr), 0)::text FROM subscription_history h
         WHERE h.valid_from <= $1 AND NOT EXISTS (
           SELECT 1 FROM subscription_history n WHERE n.subscription_id = h.subscription_id AND n.valid_from <= $1
              AND (n.valid_from, n.id) > (h.valid_from, h.id))) AS mrr`,
    [now],
  );
  return rows[0]!;
}

export async function runDashboardBench(options: {
  url: string;
  login: { email: string; password: string };
  requests: number;
  warmup: number;
}): Promise<void> {
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  const servers: Server[] = [];
  const config = loadConfig({
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: options.url,
    QUEUE_PREFIX: "locod-bench",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    SESSION_SECRET: randomBytes(48).toString("base64url"),
    JWT_SECRET: randomBytes(48).toString("base64url"),
    WIZARD_WEBHOOK_SECRET: randomBytes(48).toString("base64url"),
    STRIPE_WEBHOOK_SECRET: "whsec_bench",
    // Required in production; the bench sends no e-mail.
    SMTP_URL: process.env.SMTP_URL || "smtp://127.0.0.1:1025",
  });
  const deps = createDeps(config);
  try {
    if (await isDashboardFilled(client)) log(`reusing the dashboard's rows: ${JSON.stringify(DASHBOARD_ROWS)}`);
    else {
      log(`adding the dashboard's rows: ${JSON.stringify(DASHBOARD_ROWS)}`);
      const started = performance.now();
      await fillDashboard(client, log);
      log(`added in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    await client.query("UPDATE admin_users SET permissions = $2::jsonb, role = 'editor' WHERE email = $1", [
      RESTRICTED.email,
      JSON.stringify(RESTRICTED.permissions),
    ]);

    const app = await listen(await createApp(deps, { bundle: false }));
    servers.push(app.server);
    const tokens = {
      super_admin: await apiLogin(app.baseUrl, options.login),
      restricted: await apiLogin(app.baseUrl, { email: RESTRICTED.email, password: options.login.password }),
    };

    // The answer first: the same figures as independent SQL, and no revenue for the restricted editor.
    const url = (c: DashboardCase) => `${app.baseUrl}/admin/api/v1/dashboard?days=${c.days}`;
    const first = await timedGet(url(CASES[1]!), { authorization: `Bearer ${tokens.super_admin}` });
    if (first.status !== 200) throw new Error(`dashboard answered HTTP ${first.status}: ${first.body.slice(0, 300)}`);
    const answer = JSON.parse(first.body) as Answer;
    const expected = await expectedFigures(client, new Date());
    const got = { down: answer.sites.down, overdue: answer.invoices.overdue, mrr: answer.kpis.mrr?.value };
    if (got.down !== expected.down || got.overdue !== expected.overdue || got.mrr !== expected.mrr) {
      throw new Error(`the dashboard differs from SQL: ${JSON.stringify(got)} vs ${JSON.stringify(expected)}`);
    }
    if (answer.trend.length !== 30) throw new Error(`30 days give ${answer.trend.length} trend points`);
    log(
      `  checked: ${got.down} sites down, ${got.overdue} overdue invoices, MRR ${got.mrr}; alerts ` +
        answer.alerts.map((a) => `${a.kind} ${a.count}`).join(", "),
    );
    const hidden = await timedGet(url(CASES[3]!), { authorization: `Bearer ${tokens.restricted}` });
    const leaked = revenueKeys(JSON.parse(hidden.body));
    if (hidden.status !== 200 || leaked.length) {
      throw new Error(`restricted answer: HTTP ${hidden.status}, revenue keys ${leaked.join(", ")}`);
    }

    const results: Result[] = [];
    for (const c of CASES) {
      const headers = { authorization: `Bearer ${tokens[c.who]}` };
      for (let i = 0; i < options.warmup; i++) await timedGet(url(c), headers);
      const ms: number[] = [];
      let bytes = 0;
      for (let i = 0; i < options.requests; i++) {
        const res = await timedGet(url(c), headers);
        if (res.status !== 200) throw new Error(`${c.name}: HTTP ${res.status} on request ${i}`);
        ms.push(res.ms);
        bytes = Buffer.byteLength(res.body);
      }
      const p95 = percentile(ms, 95);
      results.push({
        name: c.name,
        p50: percentile(ms, 50),
        p95,
        max: Math.max(...ms),
        kb: bytes / 1024,
        verdict: p95 <= DASHBOARD_TARGET_P95_MS ? "PASS" : "MISS",
      });
      log(`  ${c.name}: p95 ${p95.toFixed(1)} ms`);
    }

    const header = ["case", "p50", "p95", "max", "kB", "verdict"];
    const rows = results.map((r) => [
      r.name,
      r.p50.toFixed(1),
      r.p95.toFixed(1),
      r.max.toFixed(1),
      r.kb.toFixed(1),
      r.verdict,
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) =>
      `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
    const rule = `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`;
    const misses = results.filter((r) => r.verdict === "MISS").length;
    const artifact = await writeBenchReport(
      "dashboard",
      `\n${[line(header), rule, ...rows.map(line)].join("\n")}\n\n` +
        `GET /admin/api/v1/dashboard (bearer token), ${options.warmup} warm-up + ${options.requests} requests per case. ` +
        `Target: p95 <= ${DASHBOARD_TARGET_P95_MS} ms. ${results.length - misses} PASS, ${misses} MISS. Times in ms.\n`,
      {
        database: new URL(options.url).pathname.slice(1),
        rows: {
          ...ROWS,
          siteMonitoring: DASHBOARD_ROWS.monitoredSites * DASHBOARD_ROWS.checksPerSite,
          ...DASHBOARD_ROWS,
        },
        checked: { ...expected, alerts: answer.alerts.map((a) => ({ kind: a.kind, count: a.count })) },
        requests: options.requests,
        warmup: options.warmup,
        target: { p95Ms: DASHBOARD_TARGET_P95_MS },
        results,
      },
    );
    log(`wrote ${path.relative(ROOT, artifact)}`);
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    await client.end();
    await closeDeps(deps);
  }
}
