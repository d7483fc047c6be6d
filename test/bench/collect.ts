// Issue 14's site analytics bench (`npm run bench -- --only collect [--seconds 15] [--connections 64]`):
// POST /collect events per second over HTTP, through the real app (createApp, as `npm start` minus
// the component bundle) on a database of its own with 200 active sites. The load runs in a child
// process (http-load.mjs) so that client and server do not share one event loop; every request
// is counted by the Redis rate limits (limits far above the load) and written by the batched inserts.
// After the run, the rows written must equal the events accepted. Target: 2,000 events/s. Prints
// the figure and writes test/artifacts/bench-collect.json.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { loadConfig } from "../../src/config.js";
import { createApp } from "../../src/app.js";
import { closeDeps, createDeps, type Deps } from "../../src/deps.js";
import { ensureDatabase } from "../../src/db/create-database.js";
import { migrate } from "../../src/db/migrate.js";
import { MODULES } from "../../src/modules.js";
import { collectRoutes } from "../../src/modules/monitoring/site-analytics/collect-routes.js";
import { eventBuffer } from "../../src/modules/monitoring/site-analytics/event-buffer.js";
import { listen } from "./floor.js";
import { httpLoad, writeBenchReport } from "./measure.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const URL_ = process.env.BENCH_COLLECT_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/locod_collect_bench";
export const COLLECT_TARGET_PER_SECOND = 2_000;
const SITES = 200;

const log = (message: string) => process.stderr.write(`${message}\n`);

async function prepare(): Promise<string[]> {
  const database = decodeURIComponent(new URL(URL_).pathname.slice(1));
  if (!database.endsWith("_bench")) throw new Error(`Refusing to use ${database}: its name must end in _bench`);
  await ensureDatabase(URL_);
  await migrate(URL_);
  const client = new pg.Client({ connectionString: URL_ });
  await client.connect();
  try {
    await client.query("TRUNCATE site_analytics_events, site_analytics_daily");
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM sites WHERE status = 'active' AND domain LIKE 'collect-%.bench.local'",
    );
    if (rows[0]!.n < SITES) {
      const customer = await client.query<{ id: number }>(
        "INSERT INTO customers (email, name) VALUES ($1, 'Collect bench') RETURNING id",
        [`collect-${Date.now()}@bench.local`],
      );
      await client.query(
        `INSERT INTO sites (customer_id, name, domain, status)
         SELECT $1, 'Site ' || i, 'collect-' || i || '.bench.local', 'active' FROM generate_series(1, $2) i
         ON CONFLICT (domain) DO UPDATE SET status = 'active'`,
        [customer.rows[0]!.id, SITES],
      );
    }
  } finally {
    await client.end();
  }
  return Array.from({ length: SITES }, (_, i) => `collect-${i + 1}.bench.local`);
}

export async function runCollectBench(opts: { seconds: number; connections: number }): Promise<void> {
  const domains = await prepare();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: URL_,
    QUEUE_PREFIX: "locod-collect-bench",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    // The load says which visitor it is (X-Forwarded-For) from 127.0.0.1, as a proxy in front would.
    TRUST_PROXY: "loopback",
    SESSION_SECRET: randomBytes(48).toString("base64url"),
    JWT_SECRET: randomBytes(48).toString("base64url"),
    WIZARD_WEBHOOK_SECRET: randomBytes(48).toString("base64url"),
    STRIPE_WEBHOOK_SECRET: "whsec_bench",
    SMTP_URL: process.env.SMTP_URL || "smtp://127.0.0.1:1025",
  });
  const deps = createDeps(config);
  const buffer = eventBuffer(deps.pool, (err, lost) => log(`lost ${lost} events: ${err.message}`));
  // Limits far above the load: each request still pays its Redis count.
  const limits = { perSite: 1_000_000_000, perIp: 1_000_000_000, windowSeconds: 60 };
  const modules = MODULES.map((m) =>
    m.rootRoutes
      ? { ...m, rootRoutes: { ...m.rootRoutes, routes: (d: Deps) => collectRoutes(d, { limits, buffer }) } }
      : m,
  );
  const { server, baseUrl } = await listen(await createApp(deps, { bundle: false, modules }));
  try {
    const run = (seconds: number) => httpLoad("collect", baseUrl, seconds, opts.connections, [domains.join(",")]);
    log(`warming up, then ${opts.seconds} s of ${opts.connections} connections posting to /collect`);
    await run(2);
    await buffer.flush();
    const client = new pg.Client({ connectionString: URL_ });
    await client.connect();
    const count = async () =>
      (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM site_analytics_events")).rows[0]!.n;
    const before = await count();
    const cpuBefore = process.cpuUsage();
    const result = await run(opts.seconds);
    const cpu = process.cpuUsage(cpuBefore);
    await buffer.flush();
    const written = (await count()) - before;
    await client.end();
    const perSecond = result.ok / result.seconds;
    const cpuPerEvent = (cpu.user + cpu.system) / 1000 / Math.max(1, result.ok);
    const verdict = perSecond >= COLLECT_TARGET_PER_SECOND && written === result.ok ? "PASS" : "MISS";
    const artifact = await writeBenchReport(
      "collect",
      `\n/collect: ${perSecond.toFixed(0)} events/s accepted over ${result.seconds.toFixed(1)} s ` +
        `(${result.ok} accepted, ${result.refused} refused, ${result.errors} errors; ${written} rows written); ` +
        `server CPU ${(((cpu.user + cpu.system) / 1e6 / result.seconds) * 100).toFixed(0)}% of one core, ` +
        `${cpuPerEvent.toFixed(3)} ms per event (${(1000 / cpuPerEvent).toFixed(0)} events/s per core). ` +
        `Target ${COLLECT_TARGET_PER_SECOND}/s: ${verdict}.\n`,
      {
        connections: opts.connections,
        ...result,
        written,
        perSecond,
        cpuMsPerEvent: cpuPerEvent,
        verdict,
      },
    );
    log(`wrote ${path.relative(ROOT, artifact)}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await closeDeps(deps);
  }
}
