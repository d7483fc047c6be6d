// Issue 14's uptime bench (`npm run bench -- --only uptime [--refill] [--requests 200] [--warmup 20]`):
// the uptime of one site over 24 h, 7 d, 30 d and 1 y with 10M rows in site_monitoring, on a database of
// its own (UPTIME_BENCH_DATABASE_URL, default locod_uptime_bench).
//
// The fill, in SQL (generate_series): 1,160 sites, each checked over HTTP every 5 minutes for the last 30
// days (the default retention): 1,160 x 8,640 = 10.0M rows in the day partitions, 1 site in 50 with an
// outage of a few hours, 0.3% of the other checks failed; one weekly maintenance window for every site;
// and daily rollups for the 335 days before, so a year reads 365 daily rows as in production. The real
// rollup job then rolls the raw rows up (timed). The fill is kept while its marker matches.
//
// Timed: readUptime (the service: daily + hourly rollups + the raw rows of the open hour) for a random
// site and window, in this process; and GET /admin/api/v1/monitoring/uptime?site_id= (all four windows)
// through the real app over HTTP with a bearer token. Before timing, one site's answer is checked against
// a brute-force count over its raw rows. Target: p95 < 50 ms. Writes test/artifacts/bench-uptime.json.
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
import { readUptime } from "../../src/modules/monitoring/uptime/read-uptime.js";
import { runRollup } from "../../src/modules/monitoring/uptime/rollup.js";
import { runRetention } from "../../src/modules/monitoring/uptime/partitions.js";
import { RT_BUCKETS, WINDOWS, bucketOf, type UptimeWindow } from "../../src/modules/monitoring/rules/uptime.js";
import { listen } from "./floor.js";
import { percentile, timedGet, writeBenchReport } from "./measure.js";
import { apiLogin } from "./queue.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const URL_DEFAULT = "postgresql://postgres@127.0.0.1:5432/locod_uptime_bench";
export const UPTIME_TARGET_P95_MS = 50;
export const UPTIME_ROWS = { sites: 1_160, days: 30, intervalMinutes: 5, rollupDaysBefore: 335 } as const;
const CHECKS_PER_SITE = (UPTIME_ROWS.days * 24 * 60) / UPTIME_ROWS.intervalMinutes;
const MARKER = `locod-bench-uptime v1: ${JSON.stringify(UPTIME_ROWS)}`;
const LOGIN = { email: "uptime-bench@locod.test", password: "bench uptime password" };

const log = (message: string) => process.stderr.write(`${message}\n`);

async function isFilled(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ comment: string | null }>(
    "SELECT obj_description('site_monitoring_rollup_state'::regclass, 'pg_class') AS comment",
  );
  return rows[0]?.comment === MARKER;
}

async function fill(client: pg.Client): Promise<void> {
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const started = performance.now();
    const res = await client.query(sql, params);
    log(`  ${label}: ${res.rowCount ?? 0} rows, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  await client.query("COMMENT ON TABLE site_monitoring_rollup_state IS NULL");
  await client.query("SET synchronous_commit = off");
  await client.query("SET maintenance_work_mem = '512MB'");
  await client.query(
    `TRUNCATE site_monitoring, site_monitoring_hourly, site_monitoring_daily, site_monitoring_rollup_state,
              maintenance_windows, incidents, monitors, sites, customers, admin_users RESTART IDENTITY CASCADE`,
  );
  await step(
    "customers",
    `INSERT INTO customers (email, name, plan_type) SELECT 'c' || g || '@bench.test', 'Customer ' || g,
            (ARRAY['starter', 'pro', 'enterprise'])[1 + g % 3]::plan_type FROM generate_series(1, $1::int) g`,
    [UPTIME_ROWS.sites],
  );
  await step(
    "sites",
    `INSERT INTO sites (customer_id, name, domain, status) SELECT g, 'Site ' || g, 'site' || g || '.bench.test', 'active'
       FROM generate_series(1, $1::int) g`,
    [UPTIME_ROWS.sites],
  );
  await step(
    "monitors",
    `INSERT INTO monitors (site_id, type, target, state) SELECT id, 'http', 'https://' || domain || '/', 'up' FROM sites`,
  );
  await step(
    "maintenance_windows",
    `INSERT INTO maintenance_windows (site_id, title, kind, weekday, start_minute, duration_minutes)
     VALUES (NULL, 'Weekly', 'weekly', 0, 180, 60)`,
  );
  // The partitions of the 30 days first: rows go straight to their day.
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = 'site_monitoring'::regclass AND NOT x.indisprimary`,
  );
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  await step(
    "site_monitoring",
    `INSERT INTO site_monitoring (site_id, check_time, status_code, response_time_ms, is_up, error_message, check_type)
     SELECT s, at, CASE WHEN up THEN 200 ELSE 503 END,
            CASE WHEN up THEN 60 + ((s * 37 + k * 11) % 400) + CASE WHEN k % 97 = 0 THEN 1500 ELSE 0 END END,
            up, CASE WHEN NOT up THEN 'HTTP 503 Service Unavailable' END, 'http'
       FROM generate_series(1, $2::int) k
      CROSS JOIN LATERAL (
        SELECT s, now() - interval '5 minutes' * k - interval '1 second' * ((s * 7919) % 290) AS at,
               CASE WHEN s % 50 = 7 AND k BETWEEN 300 + s % 1000 AND 340 + s % 1000 THEN false
                    ELSE ((s * 104729 + k * 7907) % 1000) >= 3 END AS up
          FROM generate_series(1, $1::int) s) x`,
    [UPTIME_ROWS.sites, CHECKS_PER_SITE],
  );
  for (const index of indexes) {
    const started = performance.now();
    // A partitioned table's index reads "ON ONLY" (the parent alone): rebuilt on every partition.
    await client.query(index.def.replace(" ON ONLY ", " ON "));
    log(`  index ${index.name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  await client.query("VACUUM (ANALYZE) site_monitoring");
  // The year before the raw rows, as the rollup job leaves it: one daily row per site and day.
  // Every response time of those days in the bucket of 260 ms.
  const at = bucketOf(260);
  await step(
    "site_monitoring_daily (the 335 days before)",
    `INSERT INTO site_monitoring_daily (site_id, check_type, day, up_count, down_count, maintenance_count,
                                       rt_count, rt_sum, rt_max, rt_buckets)
     SELECT s, 'http', (now() AT TIME ZONE 'UTC')::date - $2::int - d, 288 - f, f, 0, 288 - f, (288 - f) * 260, 1900,
            array_fill(0, ARRAY[$3::int]) || (288 - f) || array_fill(0, ARRAY[$5::int])
       FROM generate_series(1, $1::int) s, generate_series(1, $4::int) d,
            LATERAL (SELECT ((s * 31 + d * 17) % 5) AS f) x`,
    [UPTIME_ROWS.sites, UPTIME_ROWS.days + 1, at, UPTIME_ROWS.rollupDaysBefore, RT_BUCKETS - at - 1],
  );
  await client.query("ANALYZE site_monitoring_daily");
  await client.query(
    "INSERT INTO admin_users (email, name, role, password_hash) VALUES ($1, 'Uptime bench', 'viewer', $2)",
    [LOGIN.email, await hashPassword(LOGIN.password, 4)],
  );
  await client.query(`COMMENT ON TABLE site_monitoring_rollup_state IS '${MARKER.replace(/'/g, "''")}'`);
}

interface Result {
  name: string;
  p50: number;
  p95: number;
  max: number;
  verdict: "PASS" | "MISS";
}

export async function runUptimeBench(options: { refill: boolean; requests: number; warmup: number }): Promise<void> {
  const url = process.env.UPTIME_BENCH_DATABASE_URL ?? URL_DEFAULT;
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!database.endsWith("_bench")) throw new Error(`Refusing to fill ${database}: the name must end in _bench`);
  if (await ensureDatabase(url)) log(`created database ${database}`);
  await migrate(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: url,
    QUEUE_PREFIX: "locod-bench-uptime",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    SESSION_SECRET: randomBytes(48).toString("base64url"),
    JWT_SECRET: randomBytes(48).toString("base64url"),
    WIZARD_WEBHOOK_SECRET: randomBytes(48).toString("base64url"),
    STRIPE_WEBHOOK_SECRET: "whsec_bench",
    SMTP_URL: process.env.SMTP_URL || "smtp://127.0.0.1:1025",
    RATE_LIMIT_PER_TOKEN: process.env.RATE_LIMIT_PER_TOKEN ?? "1000000000",
    RATE_LIMIT_PER_IP: process.env.RATE_LIMIT_PER_IP ?? "1000000000",
  });
  const deps = createDeps(config);
  const servers: Server[] = [];
  try {
    // Partitions for the retention period and the week ahead, before any row arrives.
    await runRetention(deps.prisma, { retentionDays: UPTIME_ROWS.days + 1 });
    if (!options.refill && (await isFilled(client))) log(`reusing ${database} (${MARKER})`);
    else {
      log(`filling ${database}: ${JSON.stringify(UPTIME_ROWS)}`);
      const started = performance.now();
      await fill(client);
      log(`filled in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    const { rows: counted } = await client.query<{ n: string }>("SELECT count(*) AS n FROM site_monitoring");
    const rawRows = Number(counted[0]!.n);
    const rollupStarted = performance.now();
    const rolled = await runRollup(deps.prisma);
    const rollupSeconds = (performance.now() - rollupStarted) / 1000;
    log(
      `  rollup job: ${rolled.hours?.rows ?? 0} hourly, ${rolled.days?.rows ?? 0} daily rows in ${rollupSeconds.toFixed(1)} s`,
    );
    await client.query("ANALYZE site_monitoring_hourly; ANALYZE site_monitoring_daily");

    // The answer first: 7 days of one site with an outage, against a brute-force count of its raw rows
    // (maintenance left out by the same weekly rule).
    const now = new Date();
    const [week] = await readUptime(deps.prisma, { siteId: 7, checkType: "http" }, ["7d"], now);
    const { rows: brute } = await client.query<{ up: number; down: number }>(
      `SELECT count(*) FILTER (WHERE is_up)::int AS up, count(*) FILTER (WHERE NOT is_up)::int AS down
         FROM site_monitoring WHERE site_id = 7 AND check_type = 'http'
          AND check_time >= $1::timestamptz - interval '7 days' AND check_time < $1
          AND NOT (extract(dow FROM check_time AT TIME ZONE 'Europe/Paris') = 0
                   AND (check_time AT TIME ZONE 'Europe/Paris')::time >= '03:00' AND (check_time AT TIME ZONE 'Europe/Paris')::time < '04:00')`,
      [now],
    );
    if (week!.up !== brute[0]!.up || week!.down !== brute[0]!.down) {
      throw new Error(`uptime differs from SQL: ${JSON.stringify(week)} vs ${JSON.stringify(brute[0])}`);
    }
    log(`  checked: site 7 over 7 days, ${week!.up} up, ${week!.down} down, uptime ${week!.uptime?.toFixed(5)}`);

    const results: Result[] = [];
    const record = (name: string, ms: number[]) => {
      const p95 = percentile(ms, 95);
      results.push({
        name,
        p50: percentile(ms, 50),
        p95,
        max: Math.max(...ms),
        verdict: p95 < UPTIME_TARGET_P95_MS ? "PASS" : "MISS",
      });
      log(`  ${name}: p95 ${p95.toFixed(1)} ms`);
    };
    const site = (i: number) => 1 + ((i * 7919) % UPTIME_ROWS.sites);
    for (const window of Object.keys(WINDOWS) as UptimeWindow[]) {
      for (let i = 0; i < options.warmup; i++)
        await readUptime(deps.prisma, { siteId: site(i), checkType: "http" }, [window]);
      const ms: number[] = [];
      for (let i = 0; i < options.requests; i++) {
        const started = performance.now();
        await readUptime(deps.prisma, { siteId: site(i + 1000), checkType: "http" }, [window]);
        ms.push(performance.now() - started);
      }
      record(`readUptime window=${window}`, ms);
    }
    const app = await listen(await createApp(deps, { bundle: false }));
    servers.push(app.server);
    const token = await apiLogin(app.baseUrl, LOGIN);
    const headers = { authorization: `Bearer ${token}` };
    const restUrl = (i: number) => `${app.baseUrl}/admin/api/v1/monitoring/uptime?site_id=${site(i)}`;
    for (let i = 0; i < options.warmup; i++) await timedGet(restUrl(i), headers);
    const ms: number[] = [];
    for (let i = 0; i < options.requests; i++) {
      const res = await timedGet(restUrl(i + 2000), headers);
      if (res.status !== 200) throw new Error(`uptime answered HTTP ${res.status}: ${res.body.slice(0, 200)}`);
      ms.push(res.ms);
    }
    record("GET /monitoring/uptime (24h, 7d, 30d, 1y)", ms);

    const header = ["case", "p50", "p95", "max", "verdict"];
    const rows = results.map((r) => [r.name, r.p50.toFixed(1), r.p95.toFixed(1), r.max.toFixed(1), r.verdict]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) =>
      `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
    const rule = `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`;
    const misses = results.filter((r) => r.verdict === "MISS").length;
    const artifact = await writeBenchReport(
      "uptime",
      `\n${[line(header), rule, ...rows.map(line)].join("\n")}\n\n` +
        `Uptime of one site (random) at ${rawRows.toLocaleString("en")} site_monitoring rows, ${options.warmup} warm-up + ` +
        `${options.requests} calls per case. Rollup job over them: ${rollupSeconds.toFixed(1)} s. ` +
        `Target: p95 < ${UPTIME_TARGET_P95_MS} ms. ${results.length - misses} PASS, ${misses} MISS. Times in ms.\n`,
      {
        database,
        rows: { ...UPTIME_ROWS, siteMonitoring: rawRows },
        rollupSeconds,
        requests: options.requests,
        warmup: options.warmup,
        target: { p95Ms: UPTIME_TARGET_P95_MS },
        results,
      },
    );
    log(`wrote ${path.relative(ROOT, artifact)}`);
  } finally {
    for (const s of servers) await new Promise((resolve) => s.close(resolve));
    await client.end();
    await closeDeps(deps);
  }
}
