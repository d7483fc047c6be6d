// Creates and migrates the test template database, then one clone per jest worker.
// Run by global-setup.js in a child process (tsx), because jest loads globalSetup as CommonJS.
import pg from "pg";
import { ensureDatabase } from "../../src/db/create-database.js";
import { migrate } from "../../src/db/migrate.js";
import { baseDatabaseName, templateDatabaseUrl, workerDatabaseUrl } from "./databases.js";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Databases of runs whose jest process is gone (a run killed before its teardown). */
async function dropAbandoned(client: pg.Client): Promise<void> {
  const base = baseDatabaseName();
  const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
    `${base}\\_%`,
  ]);
  for (const { datname } of rows) {
    const pid = /^_(\d+)(_|$)/.exec(datname.slice(base.length))?.[1];
    if (pid && Number(pid) !== process.ppid && !isAlive(Number(pid))) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  }
}

async function prepareDatabases(workers: number): Promise<void> {
  const template = templateDatabaseUrl();
  if (!/_test$/.test(baseDatabaseName())) {
    throw new Error(`Refusing to run tests against ${baseDatabaseName()}: the test database name must end in _test`);
  }
  await ensureDatabase(template);
  await migrate(template);
  const admin = new URL(template);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await dropAbandoned(client);
    const templateName = new URL(template).pathname.slice(1);
    // No one may be connected to a template while it is copied.
    await client.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [templateName],
    );
    for (let i = 1; i <= Math.max(1, workers); i++) {
      const name = new URL(workerDatabaseUrl(i)).pathname.slice(1);
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
    }
  } finally {
    await client.end();
  }
}

const [command, workers] = [process.argv[2], Number(process.argv[3] ?? 1)];
(command === "drop" ? dropRunDatabases(workers) : prepareDatabases(workers)).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

/** Drops this run's databases (global-teardown.js). */
export async function dropRunDatabases(workers: number): Promise<void> {
  const admin = new URL(templateDatabaseUrl());
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    for (const url of [templateDatabaseUrl(), ...Array.from({ length: workers }, (_, i) => workerDatabaseUrl(i + 1))]) {
      await client.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
