// `npm run bench`: AdminJS list pages against their floor (DESIGN.md 4), on a database of its own.
//
//   npm run bench [-- --refill] [--requests 200] [--warmup 20] [--only ai_requests] [--stock] [--cycles 300] [--loads 5]
//
// --only keeps the cases whose name contains its value: "ai-queue" (or "queue") keeps issue 4's REST
// queue list cases and the take->complete cycles (queue.ts); "take->complete" the cycles alone;
// "dashboard" the dashboard endpoint on this database plus 10M monitoring rows (dashboard.ts);
// "page-load" the dashboard opened in Chromium, first and cached loads (page-load.ts, --loads N);
// "check-round" a round of checks of 10,000 sites against local servers (check-round.ts).
// "collect" site analytics' POST /collect events per second (collect.ts, --seconds N --connections N).
// "uptime" the uptime of a site at 10M site_monitoring rows, on a database of its own (uptime.ts).
// "ab-events" POST /ab/events per second; "ab-report" an A/B report at 10M events (ab.ts).
// "segments" campaign segments' count and id listing at 100,000 customers, on a database of its own (segments.ts).
// "campaigns" 100,000 recipients queued, the send rate to an SMTP sink, tracking requests per second (campaigns.ts).
//
// --stock measures AdminJS with the stock @adminjs/prisma resource instead of ours (the "before"):
// exact counts, every column, every reference; only rows and order are checked against the floor then.
//
// Creates and migrates the bench database (BENCH_DATABASE_URL, default locod_admin_bench), fills it
// once (fill.ts; reused while its marker matches), starts the real app (createApp, as `npm start`
// does, minus the component bundle) and the floor server on ephemeral ports, logs in through AdminJS's
// login form, checks that both sides give the same answer (cases.ts says what that means), then times
// sequential requests, alternating AdminJS and floor so that both see the same machine noise. Client
// and both servers share this process, as a test would; the database is the machine's own PostgreSQL,
// shared with whatever else runs there. Prints the table and writes test/artifacts/bench.json
// (bench-stock.json with --stock). A measurement: exits 0 on a MISS, non-zero on any error.
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Database, Resource } from "@adminjs/prisma";
import pg from "pg";
import { loadConfig } from "../../src/config.js";
import { createApp } from "../../src/app.js";
import { closeDeps, createDeps } from "../../src/deps.js";
import { ensureDatabase } from "../../src/db/create-database.js";
import { migrate } from "../../src/db/migrate.js";
import { hashPassword } from "../../src/modules/auth/password.js";
import { CASES, PER_PAGE, type BenchCase } from "./cases.js";
import { FILL_VERSION, ROWS, ensureVacuumed, fill, isFilled } from "./fill.js";
import { floorApp, listen, queueFloorRoute } from "./floor.js";
import { runInvoicingBench } from "./billing-invoicing.js";
import { runExportBench } from "./billing-export.js";
import { runDashboardBench } from "./dashboard.js";
import { runPageLoadBench } from "./page-load.js";
import { runCheckRoundBench } from "./check-round.js";
import { runCollectBench } from "./collect.js";
import { runUptimeBench } from "./uptime.js";
import { runAbEventsBench, runAbReportBench } from "./ab.js";
import { runSegmentsBench } from "./segments.js";
import { runCampaignBench } from "./campaigns.js";
import {
  QUEUE_CASES,
  QUEUE_LIMIT,
  apiLogin,
  cleanupCycles,
  formatCycles,
  maxIds,
  runCycles,
  runQueueCase,
  type CycleResult,
} from "./queue.js";
import {
  TARGET_P95_MS,
  TARGET_RATIO,
  formatTable,
  summarise,
  timedGet,
  type CaseResult,
  type Sample,
  machineNote,
} from "./measure.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ARTIFACTS = path.join(ROOT, "test/artifacts");
const BENCH_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/locod_admin_bench";
// Only the bench's own staff accounts carry it, in the bench database only.
const BENCH_LOGIN = { email: "bench@locod.test", password: "bench-password-not-a-secret" };

/** The customer whose fresh requests the take->complete cycles work through. */
const CYCLE_CUSTOMER_ID = 1;
const CYCLES_NAME = "ai-queue take->complete";

const log = (message: string) => process.stderr.write(`${message}\n`);

function parseOptions() {
  const { values } = parseArgs({
    options: {
      refill: { type: "boolean", default: false },
      requests: { type: "string", default: "200" },
      warmup: { type: "string", default: "20" },
      only: { type: "string" },
      stock: { type: "boolean", default: false },
      cycles: { type: "string", default: "300" },
      loads: { type: "string", default: "5" },
      seconds: { type: "string", default: "15" },
      connections: { type: "string", default: "64" },
    },
  });
  const requests = Number(values.requests);
  const warmup = Number(values.warmup);
  if (!Number.isInteger(requests) || requests < 1) throw new Error("--requests must be a positive integer");
  if (!Number.isInteger(warmup) || warmup < 0) throw new Error("--warmup must be a non-negative integer");
  const cycles = Number(values.cycles);
  if (!Number.isInteger(cycles) || cycles < 0) throw new Error("--cycles must be a non-negative integer");
  const loads = Number(values.loads);
  if (!Number.isInteger(loads) || loads < 1) throw new Error("--loads must be a positive integer");
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  if (!(seconds > 0) || !Number.isInteger(connections) || connections < 1)
    throw new Error("--seconds must be positive and --connections a positive integer");
  return {
    refill: values.refill,
    requests,
    warmup,
    only: values.only,
    stock: values.stock,
    cycles,
    loads,
    seconds,
    connections,
  };
}

async function prepareDatabase(refill: boolean): Promise<void> {
  const database = decodeURIComponent(new URL(BENCH_URL).pathname.slice(1));
  // The fill truncates tables: never let a mistyped URL point it at a real database.
  if (!database.endsWith("_bench"))
    throw new Error(`Refusing to fill ${database}: the bench database name must end in _bench`);
  if (await ensureDatabase(BENCH_URL)) log(`created database ${database}`);
  const applied = await migrate(BENCH_URL);
  if (applied.length) log(`applied migrations: ${applied.join(", ")}`);
  const client = new pg.Client({ connectionString: BENCH_URL });
  await client.connect();
  try {
    if (!refill && (await isFilled(client, database))) {
      log(`reusing ${database} (${FILL_VERSION}); --refill to start over`);
    } else {
      log(`filling ${database}: ${JSON.stringify(ROWS)}`);
      const started = performance.now();
      await fill(client, { database, passwordHash: await hashPassword(BENCH_LOGIN.password, 4), log });
      log(`filled in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    await ensureVacuumed(client, log);
  } finally {
    await client.end();
  }
}

/** Logs in through AdminJS's form, as a browser does; returns the session cookie. */
async function login(baseUrl: string, origin: string): Promise<string> {
  const res = await fetch(`${baseUrl}/admin/login`, {
    method: "POST",
    // The portal refuses state changes from any other origin than its public URL (CSRF).
    headers: { "content-type": "application/x-www-form-urlencoded", origin },
    body: new URLSearchParams(BENCH_LOGIN).toString(),
    redirect: "manual",
  });
  await res.arrayBuffer();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("locod_admin.sid="));
  if (res.status !== 302 || !cookie) throw new Error(`AdminJS login failed: HTTP ${res.status}`);
  return cookie;
}

/** What both sides must agree on before their times mean anything. */
interface ListAnswer {
  total: number;
  ids: number[];
  /** Per record, the title of each reference the list shows. */
  titles: Record<string, string | null>[];
  /** Per record, how many columns it carries. */
  columns: number[];
}

function parseAdminJs(c: BenchCase, status: number, body: string): ListAnswer {
  if (status !== 200) throw new Error(`${c.name}: AdminJS answered HTTP ${status}: ${body.slice(0, 200)}`);
  const json = JSON.parse(body) as {
    meta?: { total: number };
    records?: { params: Record<string, unknown>; populated: Record<string, { title?: string } | null> }[];
    notice?: { type: string; message: string };
  };
  if (json.notice?.type === "error" || !json.meta || !json.records) {
    throw new Error(`${c.name}: AdminJS answered an error: ${JSON.stringify(json.notice ?? json).slice(0, 300)}`);
  }
  return {
    total: json.meta.total,
    ids: json.records.map((r) => Number(r.params.id)),
    titles: json.records.map((r) =>
      Object.fromEntries(Object.keys(c.titles).map((p) => [p, r.populated[p]?.title ?? null])),
    ),
    // Flattened params: a JSON column arrives as "column.key..." entries.
    columns: json.records.map((r) => new Set(Object.keys(r.params).map((k) => k.split(".")[0])).size),
  };
}

function parseFloor(c: BenchCase, status: number, body: string): ListAnswer {
  if (status !== 200) throw new Error(`${c.name}: floor answered HTTP ${status}: ${body.slice(0, 200)}`);
  const json = JSON.parse(body) as { meta: { total: number }; records: Record<string, unknown>[] };
  const titleColumns = new Set(Object.values(c.titles));
  return {
    total: json.meta.total,
    ids: json.records.map((r) => Number(r.id)),
    titles: json.records.map((r) =>
      Object.fromEntries(Object.entries(c.titles).map(([p, column]) => [p, (r[column] as string | null) ?? null])),
    ),
    columns: json.records.map((r) => Object.keys(r).filter((k) => !titleColumns.has(k)).length),
  };
}

/** Stops the bench when the floor no longer answers what AdminJS answers (see cases.ts). */
function checkSameAnswer(c: BenchCase, a: ListAnswer, f: ListAnswer, stock: boolean): string | undefined {
  const differ = (what: string, x: unknown, y: unknown) =>
    new Error(
      `${c.name}: AdminJS and the floor answer different ${what}:\n  ${JSON.stringify(x)}\n  ${JSON.stringify(y)}`,
    );
  if (a.ids.length !== PER_PAGE || a.ids.join(",") !== f.ids.join(",")) throw differ("rows", a.ids, f.ids);
  if (stock) return a.total === f.total ? undefined : `total differs: adminjs ${a.total}, floor ${f.total}`;
  if (JSON.stringify(a.titles) !== JSON.stringify(f.titles)) throw differ("reference titles", a.titles, f.titles);
  if (a.columns.join(",") !== f.columns.join(",")) throw differ("column counts", a.columns, f.columns);
  // An estimate can move between two requests (autovacuum, ANALYZE); rows and titles cannot.
  return a.total === f.total ? undefined : `total differs: adminjs ${a.total}, floor ${f.total}`;
}

async function runCase(
  c: BenchCase,
  urls: { adminjs: string; floor: string },
  cookie: string,
  opts: { requests: number; warmup: number; stock: boolean },
): Promise<CaseResult> {
  const headers = { cookie };
  const first = await timedGet(urls.adminjs, headers);
  const a = parseAdminJs(c, first.status, first.body);
  const firstFloor = await timedGet(urls.floor);
  const f = parseFloor(c, firstFloor.status, firstFloor.body);
  const note = checkSameAnswer(c, a, f, opts.stock);
  for (let i = 0; i < opts.warmup; i++) {
    await timedGet(urls.adminjs, headers);
    await timedGet(urls.floor);
  }
  const adminjs: Sample[] = [];
  const floor: Sample[] = [];
  for (let i = 0; i < opts.requests; i++) {
    const x = await timedGet(urls.adminjs, headers);
    if (x.status !== 200) throw new Error(`${c.name}: AdminJS answered HTTP ${x.status} on request ${i}`);
    adminjs.push({ ms: x.ms, bytes: Buffer.byteLength(x.body) });
    const y = await timedGet(urls.floor);
    if (y.status !== 200) throw new Error(`${c.name}: floor answered HTTP ${y.status} on request ${i}`);
    floor.push({ ms: y.ms, bytes: Buffer.byteLength(y.body) });
  }
  return summarise(c.name, adminjs, floor, note);
}

async function main(): Promise<void> {
  const opts = parseOptions();
  // Issue 5's monthly invoicing of 10k subscriptions: a database and a fill of its own (billing-invoicing.ts).
  if (opts.only === "invoicing") return runInvoicingBench();
  // Issue 5's accounting export of 100k invoices over HTTP, time and memory (billing-export.ts).
  if (opts.only === "export") return runExportBench({ refill: opts.refill });
  // The dashboard's page load in Chromium on the demo data: bytes and time to its data (page-load.ts).
  if (opts.only === "page-load") return runPageLoadBench({ loads: opts.loads });
  // Issue 14's check round: 10,000 sites against local servers, wall time and CPU (check-round.ts).
  if (opts.only === "check-round") return runCheckRoundBench();
  // Issue 14's site analytics: POST /collect events per second over HTTP (collect.ts).
  if (opts.only === "collect") return runCollectBench({ seconds: opts.seconds, connections: opts.connections });
  // Issue 14's uptime query at 10M site_monitoring rows: a database and a fill of its own (uptime.ts).
  // Issue 16's campaigns: 100,000 recipients queued, the send rate to an SMTP sink, tracking per second.
  if (opts.only === "campaigns") return runCampaignBench({ seconds: opts.seconds, connections: opts.connections });
  if (opts.only === "uptime")
    return runUptimeBench({ refill: opts.refill, requests: opts.requests, warmup: opts.warmup });
  // Issue 15's A/B tests: /ab/events per second, and the report at 10M events (ab.ts).
  if (opts.only === "ab-events") return runAbEventsBench({ seconds: opts.seconds, connections: opts.connections });
  if (opts.only === "ab-report")
    return runAbReportBench({ refill: opts.refill, requests: opts.requests, warmup: opts.warmup });
  // Issue 16's segments: count and id listing at 100,000 customers (segments.ts), on a database of its own.
  if (opts.only === "segments")
    return runSegmentsBench({
      refill: opts.refill,
      requests: Math.min(opts.requests, 20),
      warmup: Math.min(opts.warmup, 2),
    });
  await prepareDatabase(opts.refill);
  // Issue 6's dashboard endpoint, on this database plus 10M monitoring rows (dashboard.ts).
  if (opts.only === "dashboard") {
    return runDashboardBench({ url: BENCH_URL, login: BENCH_LOGIN, requests: opts.requests, warmup: opts.warmup });
  }

  const config = loadConfig({
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: BENCH_URL,
    QUEUE_PREFIX: "locod-bench",
    // The floor writes no request log; the app's per-request info line would be timed against it.
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    // Production refuses to start without these; the bench's values never leave this process.
    SESSION_SECRET: randomBytes(48).toString("base64url"),
    JWT_SECRET: randomBytes(48).toString("base64url"),
    WIZARD_WEBHOOK_SECRET: randomBytes(48).toString("base64url"),
    STRIPE_WEBHOOK_SECRET: "whsec_bench",
    // Required in production; the bench sends no e-mail.
    SMTP_URL: process.env.SMTP_URL || "smtp://127.0.0.1:1025",
    // Thousands of requests from one token in a minute: limits far above them keep each request's
    // rate-limit check (and its cost) in the figures without refusing the bench.
    RATE_LIMIT_PER_TOKEN: process.env.RATE_LIMIT_PER_TOKEN ?? "1000000000",
    RATE_LIMIT_PER_IP: process.env.RATE_LIMIT_PER_IP ?? "1000000000",
  });
  if (opts.stock) {
    // Ahead of src/admin/prisma-resource.ts's adapter, the stock one claims and re-wraps every resource.
    const registry = globalThis as { RegisteredAdapters?: unknown[] };
    (registry.RegisteredAdapters ??= []).unshift({ Database, Resource });
  }
  const deps = createDeps(config);
  const floorPool = new pg.Pool({ connectionString: BENCH_URL, max: 10 });
  const servers: Server[] = [];
  try {
    const app = await listen(await createApp(deps, { bundle: false }));
    servers.push(app.server);
    const selected = (name: string) => !opts.only || name.includes(opts.only);
    const cases = CASES.filter((c) => selected(c.name));
    const queueCases = QUEUE_CASES.filter((c) => selected(c.name));
    const withCycles = opts.cycles > 0 && selected(CYCLES_NAME);
    if (cases.length + queueCases.length === 0 && !withCycles) throw new Error(`no case matches --only ${opts.only}`);
    const floorExpress = floorApp(floorPool, CASES);
    queueFloorRoute(floorExpress, floorPool, QUEUE_LIMIT);
    const floor = await listen(floorExpress);
    servers.push(floor.server);
    const cookie = cases.length ? await login(app.baseUrl, config.publicBaseUrl) : "";
    // One REST login for the whole run: failed or repeated logins are throttled.
    const token = queueCases.length || withCycles ? await apiLogin(app.baseUrl, BENCH_LOGIN) : "";
    log(
      `measuring ${cases.length + queueCases.length} cases${opts.stock ? " with the stock @adminjs/prisma resource" : ""}: ` +
        `${opts.warmup} warm-up + ${opts.requests} requests each, exact counts up to ${config.listExactCountLimit} rows`,
    );

    const results: CaseResult[] = [];
    for (const c of queueCases) {
      const result = await runQueueCase(c, { app: app.baseUrl, floor: floor.baseUrl }, token, opts);
      log(`  ${c.name}: api p95 ${result.adminjs.p95.toFixed(1)} ms, floor p95 ${result.floor.p95.toFixed(1)} ms`);
      results.push(result);
    }
    for (const c of cases) {
      const query = new URLSearchParams(c.query).toString();
      const urls = {
        adminjs: `${app.baseUrl}/admin/api/resources/${c.resource}/actions/list?${query}`,
        floor: `${floor.baseUrl}/floor/${CASES.indexOf(c)}`,
      };
      const result = await runCase(c, urls, cookie, opts);
      log(`  ${c.name}: adminjs p95 ${result.adminjs.p95.toFixed(1)} ms, floor p95 ${result.floor.p95.toFixed(1)} ms`);
      results.push(result);
    }

    const cycles: CycleResult[] = [];
    if (withCycles) {
      const client = new pg.Client({ connectionString: BENCH_URL });
      await client.connect();
      const before = await maxIds(client);
      try {
        for (const concurrency of [1, 4]) {
          const r = await runCycles(client, app.baseUrl, token, {
            customerId: CYCLE_CUSTOMER_ID,
            count: opts.cycles,
            concurrency,
          });
          log(`  ${r.name}: ${r.perSecond.toFixed(1)} cycles/s, p95 ${r.p95.toFixed(1)} ms`);
          cycles.push(r);
        }
      } finally {
        await cleanupCycles(client, before, CYCLE_CUSTOMER_ID);
        await client.end();
        // The completions' e-mails wait in the bench's mail queue (no worker runs here): drop them.
        await deps.queues.byName.mail.obliterate({ force: true });
      }
    }

    const table = formatTable(results);
    const misses = results.filter((r) => r.verdict === "MISS").length;
    process.stdout.write(
      `\n${table}\n\nTarget: p95 <= ${TARGET_P95_MS} ms and <= ${TARGET_RATIO}x the floor. ` +
        `${results.length - misses} PASS, ${misses} MISS. Times in ms, sizes of one answer in kB.\n`,
    );
    for (const r of results.filter((x) => x.note)) process.stdout.write(`  note: ${r.name}: ${r.note}\n`);
    if (queueCases.length)
      process.stdout.write(
        `  ai-queue rows: the "adminjs" columns are GET ${"/admin/api/v1/ai-queue/ai_requests"} with a bearer token.\n`,
      );
    if (cycles.length)
      process.stdout.write(
        `\n${CYCLES_NAME} (REST, bearer token; each completion bills and queues its e-mails), ` +
          `times per cycle in ms:\n${formatCycles(cycles)}\n`,
      );
    process.stdout.write(machineNote());

    const artifact = path.join(ARTIFACTS, opts.stock ? "bench-stock.json" : "bench.json");
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(
      artifact,
      `${JSON.stringify(
        {
          at: new Date().toISOString(),
          resource: opts.stock ? "stock @adminjs/prisma" : "src/admin/prisma-resource.ts",
          database: new URL(BENCH_URL).pathname.slice(1),
          rows: ROWS,
          requests: opts.requests,
          warmup: opts.warmup,
          listExactCountLimit: config.listExactCountLimit,
          target: { p95Ms: TARGET_P95_MS, ratio: TARGET_RATIO },
          loadAverage: os.loadavg(),
          results,
          cycles,
        },
        null,
        2,
      )}\n`,
    );
    log(`wrote ${path.relative(ROOT, artifact)}`);
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    await floorPool.end();
    await closeDeps(deps);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
