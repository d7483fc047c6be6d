// `npm run worker`: the background workers alone (production runs web and workers as separate processes).
import { loadConfig, ConfigError } from "./config.js";
import { ensureLocalSecrets } from "./local-secrets.js";
import { closeDeps, createDeps } from "./deps.js";
import { migrate } from "./db/migrate.js";
import { scheduleRepeatableJobs, startWorkers } from "./queues/registry.js";

async function main(): Promise<void> {
  ensureLocalSecrets();
  const config = loadConfig();
  await migrate(config.databaseUrl);
  const deps = createDeps(config);
  const workers = startWorkers({ prisma: deps.prisma, log: deps.log, config, queues: deps.queues });
  await scheduleRepeatableJobs(deps.queues);
  deps.log.info({ queues: workers.workers.map((w) => w.name), prefix: config.queuePrefix }, "workers started");
  const shutdown = async () => {
    await workers.close();
    await closeDeps(deps);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown());
  process.on("SIGINT", () => void shutdown());
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : `Worker start-up failed: ${String(err)}`);
  process.exit(1);
});
