// `npm start`: creates the database if missing, migrates, seeds demo data into an empty database,
// then serves the web app and runs the workers in this one process.
import type { Server } from "node:http";
import { loadConfig, ConfigError } from "./config.js";
import { ensureLocalSecrets } from "./local-secrets.js";
import { createApp } from "./app.js";
import { closeDeps, createDeps } from "./deps.js";
import { ensureDatabase } from "./db/create-database.js";
import { migrate } from "./db/migrate.js";
import { createLogger } from "./lib/logger.js";
import { scheduleRepeatableJobs, startWorkers, type Workers } from "./queues/registry.js";
import { DEMO_ADMINS, isDatabaseEmpty, seedDemoData } from "../prisma/seed.js";

async function main(): Promise<void> {
  const startedAt = Date.now();
  ensureLocalSecrets();
  const config = loadConfig();
  const log = createLogger(config.logLevel);

  // Plain lines (not JSON logs) for the person who typed `npm start`: each slow step says what it does.
  const step = async <T>(label: string, run: () => Promise<T>, done: (result: T) => string): Promise<T> => {
    const at = Date.now();
    process.stdout.write(`${label}... `);
    const result = await run();
    console.log(`${done(result)} (${((Date.now() - at) / 1000).toFixed(1)} s)`);
    return result;
  };

  const created = await ensureDatabase(config.databaseUrl);
  await step(
    `Migrating database ${config.databaseName}${created ? " (created)" : ""}`,
    () => migrate(config.databaseUrl),
    (applied) => (applied.length ? `${applied.length} applied` : "up to date"),
  );

  const deps = createDeps(config, log);
  // The emptiness check first spares every later start the hashing of the demo passwords.
  const seeded =
    config.seedDemo &&
    (await isDatabaseEmpty(deps.prisma)) &&
    (
      await step(
        "Seeding demo data",
        () => seedDemoData(deps.prisma, { bcryptCost: config.bcryptCost }),
        (result) => (result.seeded ? "done" : "seeded meanwhile by another process"),
      )
    ).seeded;

  const app = await step(
    "Bundling back-office components",
    () => createApp(deps),
    () => "done",
  );
  let workers: Workers | undefined;
  if (config.workers) {
    workers = startWorkers({ prisma: deps.prisma, log, config, queues: deps.queues });
    await scheduleRepeatableJobs(deps.queues);
  }

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
  });
  const url = `${config.publicBaseUrl.replace(/\/+$/, "")}/admin`;
  const lines = [`Locod-AI Admin listening on ${url} (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`];
  if (seeded || !config.isProduction) {
    lines.push("Demo logins (seeded on an empty database):");
    for (const a of DEMO_ADMINS) lines.push(`  ${a.role.padEnd(12)} ${a.email.padEnd(28)} ${a.password}`);
  }
  if (!config.mail.smtpUrl) lines.push(`E-mails are caught, not sent (no SMTP_URL): ${url}/resources/caught_emails`);
  // Printed plainly (not as a JSON log line): this is what a person reads after `npm start`.
  console.log(lines.join("\n"));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      log.error("shutdown took longer than 10 s; exiting");
      process.exit(1);
    }, 10_000);
    force.unref();
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await workers?.close();
    await closeDeps(deps);
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error("Start-up failed:", err instanceof Error ? err.message : err);
  }
  process.exit(1);
});
