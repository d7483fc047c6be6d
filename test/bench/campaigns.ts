// Issue 16's campaign benches (`npm run bench -- --only campaigns [--seconds 10] [--connections 64]`),
// on a database of their own (CAMPAIGN_BENCH_DATABASE_URL, default locod_campaign_bench) with 100,000
// active customers (filled once, kept while its marker matches):
// 1. 100,000 recipients frozen and queued: sendCampaign for every active customer (the recipients,
//    minus a suppression list of 1,000 addresses, inserted into email_sends) and its first batch job
//    queued. Target under 10 s.
// 2. Send rate: a campaign of 6,000 of them at a rate of 1,000/s through runCampaignBatch to a local
//    SMTP sink (smtp-server on 127.0.0.1, same process); messages accepted by the sink per second,
//    sustained over the whole campaign. Target 300 messages/s.
// 3. Tracking: GET /t/o/{token} and /t/c/{token} through the real app (createApp) over HTTP from a
//    child process (http-load.mjs), every one writing its row. Target 2,000 requests/s.
// Prints the figures and writes test/artifacts/bench-campaigns.json.
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { loadConfig } from "../../src/config.js";
import { createApp } from "../../src/app.js";
import { closeDeps, createDeps } from "../../src/deps.js";
import { ensureDatabase } from "../../src/db/create-database.js";
import { migrate } from "../../src/db/migrate.js";
import { runWithContext } from "../../src/lib/request-context.js";
import { cancelCampaign, sendCampaign } from "../../src/modules/campaigns/sending/service.js";
import { runCampaignBatch } from "../../src/modules/campaigns/sending/batch.js";
import { closeCampaignTransports } from "../../src/modules/campaigns/sending/transport.js";
import { signToken, trackingKey } from "../../src/modules/campaigns/tracking/rules/token.js";
import { listen } from "./floor.js";
import { httpLoad, machineNote } from "./measure.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ARTIFACT = path.join(ROOT, "test/artifacts/bench-campaigns.json");
const URL_ = process.env.CAMPAIGN_BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/locod_campaign_bench";
export const CAMPAIGN_TARGETS = { queueSeconds: 10, sendPerSecond: 300, trackingPerSecond: 2_000 };
const CUSTOMERS = 100_000;
const SEND_RECIPIENTS = 6_000;
const MARKER = `locod-bench-campaigns v1: ${CUSTOMERS}`;

const log = (message: string) => process.stderr.write(`${message}\n`);

async function prepare(): Promise<void> {
  const database = decodeURIComponent(new URL(URL_).pathname.slice(1));
  if (!database.endsWith("_bench")) throw new Error(`Refusing to use ${database}: its name must end in _bench`);
  await ensureDatabase(URL_);
  await migrate(URL_);
  const client = new pg.Client({ connectionString: URL_ });
  await client.connect();
  try {
    const { rows } = await client.query<{ c: string | null }>(
      "SELECT obj_description('customers'::regclass, 'pg_class') AS c",
    );
    if (rows[0]?.c !== MARKER) {
      log(`filling ${CUSTOMERS} customers...`);
      await client.query("TRUNCATE customers, email_campaigns, email_suppressions RESTART IDENTITY CASCADE");
      await client.query(
        `INSERT INTO customers (email, name, plan_type, status, language, created_at)
         SELECT 'bench' || i || '@bench.test', 'Client ' || i,
                (ARRAY['free','starter','pro','enterprise'])[1 + i % 4]::plan_type, 'active',
                CASE WHEN i % 5 = 0 THEN 'en' ELSE 'fr' END::language, now() - (i || ' minutes')::interval
           FROM generate_series(1, $1) i`,
        [CUSTOMERS],
      );
      await client.query(
        `INSERT INTO email_suppressions (email, reason, source)
         SELECT 'bench' || (i * 100) || '@bench.test', 'unsubscribed', 'bench' FROM generate_series(1, 1000) i`,
      );
      await client.query(`COMMENT ON TABLE customers IS '${MARKER}'`);
      await client.query("VACUUM ANALYZE customers");
    }
    await client.query("DELETE FROM email_campaigns");
  } finally {
    await client.end();
  }
}

const ADMIN = {
  id: 0,
  email: "campaign-bench@locod.test",
  name: "Bench",
  role: "super_admin" as const,
  permissions: null,
  status: "active" as const,
};

function startSink(): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        received++;
        callback();
      });
    },
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const port = (server.server.address() as AddressInfo).port;
      resolve({
        url: `smtp://127.0.0.1:${port}`,
        count: () => received,
        close: () => new Promise((r) => server.close(() => r())),
      });
    }),
  );
}

const CONTENT = {
  subject: "Nouveautés de {{ customer.name }}",
  contentHtml: `<mjml><mj-body><mj-section><mj-column><mj-text>Bonjour {{ customer.name }}, offre {{ customer.plan }}.</mj-text>
<mj-button href="https://locod-ai.test/offre">Voir</mj-button></mj-column></mj-section></mj-body></mjml>`,
  subjectEn: "News for {{ customer.name }}",
  contentHtmlEn: `<p>Hello {{ customer.name }}</p><p><a href="https://locod-ai.test/offer">See</a></p>`,
};

export async function runCampaignBench(options: { seconds?: number; connections?: number } = {}): Promise<void> {
  await prepare();
  const sink = await startSink();
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: URL_,
    SMTP_URL: sink.url,
    LOG_LEVEL: "warn",
    NODE_ENV: "test",
    SESSION_SECRET: randomBytes(24).toString("hex"),
    JWT_SECRET: randomBytes(24).toString("hex"),
    WIZARD_WEBHOOK_SECRET: randomBytes(24).toString("hex"),
  });
  const deps = createDeps(config);
  const prisma = deps.prisma;
  const result: Record<string, unknown> = { machine: machineNote(), targets: CAMPAIGN_TARGETS };
  try {
    const admin = await prisma.adminUser.upsert({
      where: { email: ADMIN.email },
      create: { email: ADMIN.email, name: ADMIN.name, role: "super_admin", passwordHash: "x" },
      update: {},
    });
    const acting = <T>(fn: () => Promise<T>) =>
      runWithContext({ admin: { ...ADMIN, id: admin.id }, ip: "127.0.0.1", userAgent: "bench", via: "cli" }, fn);

    // 1. 100,000 recipients frozen and queued.
    const big = await prisma.emailCampaign.create({ data: { name: "Bench 100k", ...CONTENT, sendRate: 1000 } });
    const t0 = performance.now();
    const out = await acting(() => sendCampaign(deps, big.id));
    const queueSeconds = (performance.now() - t0) / 1000;
    log(`queued ${out.recipients} recipients in ${queueSeconds.toFixed(2)} s`);
    result.queue = {
      recipients: out.recipients,
      seconds: queueSeconds,
      verdict: queueSeconds < CAMPAIGN_TARGETS.queueSeconds ? "PASS" : "MISS",
    };
    await acting(() => cancelCampaign(deps, big.id));
    await deps.queues.byName.mail.obliterate({ force: true });

    // 2. Send rate to the SMTP sink.
    const ids = await prisma.customer.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: SEND_RECIPIENTS });
    const run = await prisma.emailCampaign.create({ data: { name: "Bench send", ...CONTENT, sendRate: 1000 } });
    await acting(() => sendCampaign(deps, run.id, { recipients: { customerIds: ids.map((c) => c.id) } }));
    const batchDeps = {
      prisma,
      queues: deps.queues,
      mail: config.mail,
      publicBaseUrl: "http://bench.test",
      trackingSecret: config.session.secret,
    };
    const before = sink.count();
    const t1 = performance.now();
    for (;;) {
      const r = await runCampaignBatch(batchDeps, run.id, { chain: false });
      if (r.done || (r.sent === 0 && r.retry === 0)) break;
    }
    const sendSeconds = (performance.now() - t1) / 1000;
    const delivered = sink.count() - before;
    const perSecond = delivered / sendSeconds;
    log(`sent ${delivered} messages in ${sendSeconds.toFixed(2)} s: ${perSecond.toFixed(0)}/s`);
    result.send = {
      messages: delivered,
      seconds: sendSeconds,
      perSecond,
      verdict: perSecond >= CAMPAIGN_TARGETS.sendPerSecond ? "PASS" : "MISS",
    };

    // 3. Tracking requests per second.
    const key = trackingKey(config.session.secret);
    const sends = await prisma.emailSend.findMany({ where: { campaignId: run.id }, select: { id: true }, take: 5000 });
    const paths = sends.flatMap((s) => [
      `/t/o/${signToken(key, { kind: "open", sendId: s.id })}`,
      `/t/c/${signToken(key, { kind: "click", sendId: s.id, link: 0 })}`,
    ]);
    const file = path.join(os.tmpdir(), `campaign-track-${process.pid}.txt`);
    await writeFile(file, paths.join("\n"));
    const app = await createApp(deps, { bundle: false });
    const { server, baseUrl } = await listen(app);
    const seconds = options.seconds ?? 10;
    const connections = options.connections ?? 64;
    const load = await httpLoad("track", baseUrl, seconds, connections, [file]);
    server.close();
    const rps = load.ok / load.seconds;
    const clicks = await prisma.emailClick.count({ where: { send: { campaignId: run.id } } });
    log(
      `tracking: ${load.ok} answered in ${load.seconds.toFixed(1)} s: ${rps.toFixed(0)}/s (${load.refused} refused, ${load.errors} errors, ${clicks} clicks written)`,
    );
    result.tracking = {
      ...load,
      perSecond: rps,
      clicksWritten: clicks,
      verdict: rps >= CAMPAIGN_TARGETS.trackingPerSecond && load.refused === 0 ? "PASS" : "MISS",
    };
  } finally {
    closeCampaignTransports();
    await sink.close();
    await closeDeps(deps);
  }
  await mkdir(path.dirname(ARTIFACT), { recursive: true });
  await writeFile(ARTIFACT, JSON.stringify(result, null, 2));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
