// Issue 14's check round bench (`npm run bench -- --only check-round`): 10,000 sites checked every 5
// minutes on this machine. Each site has an http monitor (every 5 min); ssl and dns monitors run hourly,
// so a round of 5 minutes also meets a twelfth of them: 10,000 http + 834 ssl + 833 dns checks. The
// targets are local servers in a child process (check-servers.ts): http 85% up, 10% slow (1.5 s),
// 2.5% answering 500, 2.5% refusing the connection; ssl 90% valid, 10% expired; dns 95% resolving,
// 5% NXDOMAIN.
//
// On a database of its own (BENCH_CHECKS_DATABASE_URL, default locod_admin_bench_checks), refilled on
// every run. Runs three rounds (the third opens the incidents of the monitors down three times) and
// prints, per round, the wall time, the CPU the checker used (process.cpuUsage, user + system; the
// servers' CPU is their own process's), rows written and incidents opened; target: a round under 60 s.
// Writes test/artifacts/bench-check-round.json.
import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { ensureDatabase } from "../../src/db/create-database.js";
import { migrate } from "../../src/db/migrate.js";
import { createPrisma } from "../../src/db/prisma.js";
import { runCheckRound, type RoundSummary } from "../../src/modules/monitoring/checks/check-round.js";
import { writeBenchReport } from "./measure.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DATABASE_URL =
  process.env.BENCH_CHECKS_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/locod_admin_bench_checks";
const SITES = Number(process.env.BENCH_CHECKS_SITES ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CHECKS_CONCURRENCY ?? 200);
const TARGET_MS = 60_000;
const ROUNDS = 3;

interface Servers {
  origin: string;
  tls: { valid: string; expired: string };
  dns: string;
  ca: string;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

function startServers(): Promise<{ child: ChildProcess; servers: Servers }> {
  const child = fork(path.join(HERE, "check-servers.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (servers) => resolve({ child, servers: servers as Servers }));
    child.once("exit", (code) => reject(new Error(`the bench servers exited (${code})`)));
  });
}

/** The monitors of the round, by the mix the header describes. */
function monitorRows(servers: Servers): { siteId: number; type: string; target: string }[] {
  const refused = "http://127.0.0.1:9/";
  const rows: { siteId: number; type: string; target: string }[] = [];
  for (let site = 1; site <= SITES; site++) {
    const r = site % 40;
    const target =
      r < 34
        ? `${servers.origin}/up`
        : r < 38
          ? `${servers.origin}/delay/1500`
          : r === 38
            ? `${servers.origin}/error`
            : refused;
    rows.push({ siteId: site, type: "http", target });
  }
  const hourly = Math.ceil(SITES / 12);
  for (let i = 0; i < hourly; i++) {
    const site = i * 12 + 1;
    if (site > SITES) break;
    rows.push({ siteId: site, type: "ssl", target: i % 10 === 9 ? servers.tls.expired : servers.tls.valid });
    const dnsSite = i * 12 + 7;
    if (dnsSite <= SITES) {
      rows.push({
        siteId: dnsSite,
        type: "dns",
        target: i % 20 === 19 ? `missing${i}.bench.test` : `site${dnsSite}.bench.test`,
      });
    }
  }
  return rows;
}

async function fill(servers: Servers): Promise<number> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      "TRUNCATE site_monitoring, incidents, monitors, sites, customers, admin_activity_log RESTART IDENTITY CASCADE",
    );
    await client.query(
      `INSERT INTO customers (email, name) SELECT 'bench' || g || '@checks.test', 'Customer ' || g
       FROM generate_series(1, 100) g`,
    );
    await client.query(
      `INSERT INTO sites (customer_id, name, domain, status)
       SELECT 1 + (g % 100), 'Site ' || g, 'site' || g || '.bench.test', 'active' FROM generate_series(1, $1::int) g`,
      [SITES],
    );
    const rows = monitorRows(servers);
    await client.query(
      `INSERT INTO monitors (site_id, type, target, timeout_ms, next_check_at, updated_at)
       SELECT s, t::check_type, g, 10000, now() - interval '1 second', now()
       FROM unnest($1::int[], $2::text[], $3::text[]) AS u(s, t, g)`,
      [rows.map((r) => r.siteId), rows.map((r) => r.type), rows.map((r) => r.target)],
    );
    await client.query("VACUUM ANALYZE monitors");
    return rows.length;
  } finally {
    await client.end();
  }
}

interface RoundFigure extends RoundSummary {
  round: number;
  wallMs: number;
  cpuMs: number;
  cpuShare: number;
}

export async function runCheckRoundBench(): Promise<void> {
  if (await ensureDatabase(DATABASE_URL)) log("created the check round bench database");
  await migrate(DATABASE_URL);
  const { child, servers } = await startServers();
  const prisma = createPrisma(DATABASE_URL);
  try {
    const monitors = await fill(servers);
    log(`${SITES} sites, ${monitors} monitors due; concurrency ${CONCURRENCY}`);
    const figures: RoundFigure[] = [];
    let at = Date.now();
    for (let round = 1; round <= ROUNDS; round++) {
      // Each round as if its monitors' interval had gone by (an hour: the ssl and dns ones too).
      if (round > 1) at += 3_600_000;
      const cpu = process.cpuUsage();
      const started = performance.now();
      const summary = await runCheckRound(prisma, {
        concurrency: CONCURRENCY,
        at: new Date(at),
        ca: servers.ca,
        dnsServers: [servers.dns],
      });
      const wallMs = Math.round(performance.now() - started);
      const used = process.cpuUsage(cpu);
      const cpuMs = Math.round((used.user + used.system) / 1000);
      figures.push({ round, ...summary, wallMs, cpuMs, cpuShare: Number((cpuMs / wallMs).toFixed(2)) });
      log(
        `round ${round}: ${summary.checked} checks in ${(wallMs / 1000).toFixed(1)} s wall, ` +
          `${(cpuMs / 1000).toFixed(1)} s CPU; up ${summary.up}, down ${summary.down}, ` +
          `incidents opened ${summary.incidentsOpened}`,
      );
      if (summary.checked !== monitors) throw new Error(`round ${round} checked ${summary.checked} of ${monitors}`);
    }
    const worst = Math.max(...figures.map((f) => f.wallMs));
    const verdict = worst < TARGET_MS ? "OK" : "MISS";
    await writeBenchReport(
      "check-round",
      [
        `check round: ${SITES} sites, ${monitors} checks a round, concurrency ${CONCURRENCY}, ${os.cpus().length} cores`,
        "round  checks  wall s  CPU s  CPU/wall  up     down  opened",
        ...figures.map(
          (f) =>
            `${String(f.round).padEnd(7)}${String(f.checked).padEnd(8)}${(f.wallMs / 1000).toFixed(1).padEnd(8)}` +
            `${(f.cpuMs / 1000).toFixed(1).padEnd(7)}${String(f.cpuShare).padEnd(10)}${String(f.up).padEnd(7)}` +
            `${String(f.down).padEnd(6)}${f.incidentsOpened}`,
        ),
        `slowest round ${(worst / 1000).toFixed(1)} s, target < ${TARGET_MS / 1000} s: ${verdict}`,
      ].join("\n"),
      { sites: SITES, monitors, concurrency: CONCURRENCY, targetMs: TARGET_MS, verdict, rounds: figures },
    );
  } finally {
    await prisma.$disconnect();
    child.kill();
  }
}
