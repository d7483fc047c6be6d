// Issue 15's A/B benches, on a database of their own (AB_BENCH_DATABASE_URL, default locod_ab_bench):
//
// `npm run bench -- --only ab-events [--seconds 15] [--connections 64]`: POST /ab/events per second over
// HTTP through the real app (createApp, as `npm start` minus the component bundle), the load in a child
// process (http-load.mjs); every request is validated, looked up in the running tests, counted by
// the Redis rate limit (limits far above the load) and written by the batched inserts (ON CONFLICT on
// the event id). After the run, the rows written must equal the events accepted. Target: 2,000/s.
//
// `npm run bench -- --only ab-report [--refill] [--requests 200] [--warmup 20]`: the report of a test
// holding 10M events. The fill is SQL (generate_series, one statement): 5M visitors over 30 days, each
// with an exposure and either a conversion (one in ten) or a second exposure; then the rollup job's
// function rolls the test up (timed). Timed: abReport (the daily rows' query and the statistics), in
// this process, p50/p95. Target: p95 < 100 ms. Before timing, the report's totals are checked against a
// brute-force count over the raw events. Writes test/artifacts/bench-ab.json.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { loadConfig } from "../../src/config.js";
import { createApp } from "../../src/app.js";
import { closeDeps, createDeps, type Deps } from "../../src/deps.js";
import { ensureDatabase } from "../../src/db/create-database.js";
import { migrate } from "../../src/db/migrate.js";
import { MODULES } from "../../src/modules.js";
import { abRootRoutes } from "../../src/modules/templates/ab/root-routes.js";
import { abEventBuffer } from "../../src/modules/templates/ab/event-buffer.js";
import { abReport } from "../../src/modules/templates/ab/report.js";
import { rollUpAbTest } from "../../src/modules/templates/ab/rollup.js";
import { listen } from "./floor.js";
import { httpLoad, machineNote, percentile } from "./measure.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ARTIFACT = path.join(ROOT, "test/artifacts/bench-ab.json");
const URL_ = process.env.AB_BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/locod_ab_bench";
export const AB_EVENTS_TARGET_PER_SECOND = 2_000;
export const AB_REPORT_TARGET_P95_MS = 100;
export const AB_REPORT_EVENTS = 10_000_000;
const MARKER = `locod-bench-ab v1: ${AB_REPORT_EVENTS} events`;

const log = (message: string) => process.stderr.write(`${message}\n`);

function benchConfig() {
  return loadConfig({
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: URL_,
    QUEUE_PREFIX: "locod-ab-bench",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    // The load says which visitor it is (X-Forwarded-For) from 127.0.0.1, as a proxy in front would.
    TRUST_PROXY: "loopback",
    SESSION_SECRET: randomBytes(48).toString("base64url"),
    JWT_SECRET: randomBytes(48).toString("base64url"),
    WIZARD_WEBHOOK_SECRET: randomBytes(48).toString("base64url"),
    STRIPE_WEBHOOK_SECRET: "whsec_bench",
    SMTP_URL: process.env.SMTP_URL || "smtp://127.0.0.1:1025",
  });
}

/** Two templates with a version each and `count` tests between them, one running (the others completed). */
async function prepare(client: pg.Client, name: string, running: boolean): Promise<number> {
  const found = await client.query<{ id: number }>("SELECT id FROM template_ab_tests WHERE name = $1", [name]);
  if (found.rows[0]) return found.rows[0].id;
  const templates = await client.query<{ id: number }>(
    `INSERT INTO templates (name, category, config_template)
     SELECT $1 || ' ' || i, 'bench', '{}'::jsonb FROM generate_series(1, 2) i RETURNING id`,
    [name],
  );
  const [a, b] = templates.rows.map((r) => r.id);
  const versions = await client.query<{ id: number }>(
    `INSERT INTO template_versions (template_id, version, config_data, is_active)
     VALUES ($1, '1.0.0', '{}', true), ($2, '1.0.0', '{}', true) RETURNING id`,
    [a, b],
  );
  const test = await client.query<{ id: number }>(
    `INSERT INTO template_ab_tests (name, template_a_id, template_b_id, version_a_id, version_b_id, status, started_at, start_date)
     VALUES ($1, $2, $3, $4, $5, $6, now() - interval '30 days', (now() - interval '30 days')::date) RETURNING id`,
    [name, a, b, versions.rows[0]!.id, versions.rows[1]!.id, running ? "running" : "completed"],
  );
  return test.rows[0]!.id;
}

async function database(): Promise<pg.Client> {
  const name = decodeURIComponent(new URL(URL_).pathname.slice(1));
  if (!name.endsWith("_bench")) throw new Error(`Refusing to use ${name}: its name must end in _bench`);
  await ensureDatabase(URL_);
  await migrate(URL_);
  const client = new pg.Client({ connectionString: URL_ });
  await client.connect();
  return client;
}

async function writeArtifact(key: string, value: object): Promise<void> {
  await mkdir(path.dirname(ARTIFACT), { recursive: true });
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(await readFile(ARTIFACT, "utf8")) as Record<string, unknown>;
  } catch {
    // first run
  }
  current[key] = { at: new Date().toISOString(), ...value, loadAverage: os.loadavg() };
  await writeFile(ARTIFACT, `${JSON.stringify(current, null, 2)}\n`);
  log(`wrote ${path.relative(ROOT, ARTIFACT)}`);
}

export async function runAbEventsBench(opts: { seconds: number; connections: number }): Promise<void> {
  const client = await database();
  const testIds = [await prepare(client, "bench ingestion 1", true), await prepare(client, "bench ingestion 2", true)];
  const deps = createDeps(benchConfig());
  const buffer = abEventBuffer(deps.pool, (err, lost) => log(`lost ${lost} events: ${err.message}`));
  const limits = { perIp: 1_000_000_000, windowSeconds: 60 };
  const modules = MODULES.map((m) =>
    m.name === "templates" && m.rootRoutes
      ? { ...m, rootRoutes: { ...m.rootRoutes, routes: (d: Deps) => abRootRoutes(d, { limits, buffer }) } }
      : m,
  );
  const { server, baseUrl } = await listen(await createApp(deps, { bundle: false, modules }));
  try {
    const run = (seconds: number) =>
      httpLoad("ab-events", baseUrl, seconds, opts.connections, [testIds.join(","), randomBytes(6).toString("hex")]);
    log(`warming up, then ${opts.seconds} s of ${opts.connections} connections posting to /ab/events`);
    await run(2);
    await buffer.flush();
    const count = async () =>
      (
        await client.query<{ n: number }>("SELECT count(*)::int AS n FROM template_ab_events WHERE test_id = ANY($1)", [
          testIds,
        ])
      ).rows[0]!.n;
    const before = await count();
    const cpuBefore = process.cpuUsage();
    const result = await run(opts.seconds);
    const cpu = process.cpuUsage(cpuBefore);
    await buffer.flush();
    const written = (await count()) - before;
    const perSecond = result.ok / result.seconds;
    const verdict = perSecond >= AB_EVENTS_TARGET_PER_SECOND && written === result.ok ? "PASS" : "MISS";
    process.stdout.write(
      `\n/ab/events: ${perSecond.toFixed(0)} events/s accepted over ${result.seconds.toFixed(1)} s ` +
        `(${result.ok} accepted, ${result.refused} refused, ${result.errors} errors; ${written} rows written); ` +
        `server CPU ${(((cpu.user + cpu.system) / 1e6 / result.seconds) * 100).toFixed(0)}% of one core. ` +
        `Target ${AB_EVENTS_TARGET_PER_SECOND}/s: ${verdict}.\n` +
        machineNote(),
    );
    await writeArtifact("events", { connections: opts.connections, ...result, written, perSecond, verdict });
    // The bench's events are not kept: the next run starts from the same table size.
    await client.query("DELETE FROM template_ab_events WHERE test_id = ANY($1)", [testIds]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await closeDeps(deps);
    await client.end();
  }
}

async function fill(client: pg.Client, testId: number): Promise<void> {
  await client.query("COMMENT ON TABLE template_ab_daily IS NULL");
  await client.query("DELETE FROM template_ab_events WHERE test_id = $1", [testId]);
  const started = performance.now();
  // Event g: visitor v = (g + 1) / 2 arrives every 0.5 s over 30 days; odd g its exposure, even g a
  // conversion one minute later (one visitor in ten, B converting a little more) or a second exposure.
  const res = await client.query(
    `INSERT INTO template_ab_events (test_id, event_id, visitor_id, variant, kind, goal, occurred_at)
     SELECT $1, g::text, 'v' || v, CASE WHEN v % 2 = 0 THEN 'A' ELSE 'B' END::ab_variant,
            CASE WHEN g % 2 = 0 AND (v % 10 = 0 OR (v % 2 = 1 AND v % 37 = 0)) THEN 'conversion' ELSE 'exposure' END::ab_event_kind,
            CASE WHEN g % 2 = 0 AND (v % 10 = 0 OR (v % 2 = 1 AND v % 37 = 0)) THEN 'signup' END,
            now() - interval '30 days' + v * interval '0.5 s' + ((g + 1) % 2) * interval '1 minute'
       FROM generate_series(1, $2::int) g, LATERAL (SELECT (g + 1) / 2 AS v) x`,
    [testId, AB_REPORT_EVENTS],
  );
  log(`  events: ${res.rowCount} rows, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await client.query("VACUUM ANALYZE template_ab_events");
}

export async function runAbReportBench(opts: { refill: boolean; requests: number; warmup: number }): Promise<void> {
  const client = await database();
  const testId = await prepare(client, "bench report 10M", false);
  const marker = (
    await client.query<{ c: string | null }>("SELECT obj_description('template_ab_daily'::regclass, 'pg_class') AS c")
  ).rows[0]?.c;
  const deps = createDeps(benchConfig());
  try {
    let rollupSeconds: number | null = null;
    if (opts.refill || marker !== MARKER) {
      log(`filling ${AB_REPORT_EVENTS} events (SQL)`);
      await fill(client, testId);
      const started = performance.now();
      await rollUpAbTest(deps.prisma, testId);
      rollupSeconds = (performance.now() - started) / 1000;
      log(`  rollup of the test: ${rollupSeconds.toFixed(1)} s`);
      await client.query(`COMMENT ON TABLE template_ab_daily IS '${MARKER}'`);
    }
    // The report against a brute-force count over the raw events.
    const truth = await client.query<{ variant: string; visitors: number; converted: number }>(
      `SELECT variant::text, count(DISTINCT visitor_id) FILTER (WHERE kind = 'exposure')::int AS visitors,
              count(DISTINCT visitor_id) FILTER (WHERE kind = 'conversion' AND goal = 'signup')::int AS converted
         FROM template_ab_events WHERE test_id = $1 GROUP BY variant ORDER BY variant`,
      [testId],
    );
    const report = (await abReport(deps.prisma, testId))!;
    const got = report.variants.map((v) => ({ variant: v.variant, visitors: v.visitors, converted: v.conversions }));
    if (JSON.stringify(got) !== JSON.stringify(truth.rows))
      throw new Error(
        `the report differs from the raw events: ${JSON.stringify(got)} vs ${JSON.stringify(truth.rows)}`,
      );
    for (let i = 0; i < opts.warmup; i++) await abReport(deps.prisma, testId);
    const times: number[] = [];
    for (let i = 0; i < opts.requests; i++) {
      const started = performance.now();
      await abReport(deps.prisma, testId);
      times.push(performance.now() - started);
    }
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    const verdict = p95 < AB_REPORT_TARGET_P95_MS ? "PASS" : "MISS";
    process.stdout.write(
      `\nA/B report at ${AB_REPORT_EVENTS.toLocaleString("en")} events (${report.series.length} days, ` +
        `${got.map((v) => `${v.variant} ${v.visitors} visitors`).join(", ")}): p50 ${p50.toFixed(1)} ms, ` +
        `p95 ${p95.toFixed(1)} ms over ${opts.requests} reports` +
        (rollupSeconds !== null ? `; rollup of the 10M events ${rollupSeconds.toFixed(1)} s` : "") +
        `. Target p95 < ${AB_REPORT_TARGET_P95_MS} ms: ${verdict}.\n` +
        machineNote(),
    );
    await writeArtifact("report", {
      events: AB_REPORT_EVENTS,
      requests: opts.requests,
      p50,
      p95,
      rollupSeconds,
      verdict,
    });
  } finally {
    await closeDeps(deps);
    await client.end();
  }
}
