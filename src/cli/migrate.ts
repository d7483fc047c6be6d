// npm run db:migrate: creates the database if missing and applies pending migrations.
import { loadConfig } from "../config.js";
import { ensureDatabase } from "../db/create-database.js";
import { migrate } from "../db/migrate.js";

const config = loadConfig();
try {
  if (await ensureDatabase(config.databaseUrl)) console.log(`Created database ${config.databaseName}`);
  const applied = await migrate(config.databaseUrl);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date");
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
