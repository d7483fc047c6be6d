// npm run db:migrate: creates the database if missing and applies pending migrations.
import { ensureDatabase } from "../db/create-database.js";
import { migrate } from "../db/migrate.js";
import { runCli } from "./run.js";

runCli(
  "db:migrate",
  async ({ config }) => {
    if (await ensureDatabase(config.databaseUrl)) console.log(`Created database ${config.databaseName}`);
    const applied = await migrate(config.databaseUrl);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date");
  },
  { database: "none" },
);
