// Creates and migrates the test template database, then one clone per jest worker.
// Run by global-setup.js in a child process (tsx), because jest loads globalSetup as CommonJS.
import pg from "pg";
import { ensureDatabase } from "../../src/db/create-database.js";
import { migrate } from "../../src/db/migrate.js";
import { templateDatabaseUrl, workerDatabaseUrl } from "./databases.js";

async function prepareDatabases(workers: number): Promise<void> {
  const template = templateDatabaseUrl();
  if (!/_test(\?|$)/.test(new URL(template).pathname + (new URL(template).search || ""))) {
    throw new Error(`Refusing to run tests against ${template}: the test database name must end in _test`);
  }
  await ensureDatabase(template);
  await migrate(template);
  const admin = new URL(template);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
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

prepareDatabases(Number(process.argv[2] ?? 1)).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
