// npm run db:seed [-- --force]: creates and migrates the database if needed, then writes the demo data
// into it when it is empty. --force first erases the tables the demo fills (customers, invoices, AI
// requests, admins, sessions...) and seeds them again: for development databases only.
import { parseArgs } from "node:util";
import { ensureDatabase } from "../db/create-database.js";
import { migrate } from "../db/migrate.js";
import { DEMO_ADMINS, isDatabaseEmpty, seedDemoData } from "../../prisma/seed.js";
import { CliExit, runCli, usageError } from "./run.js";

const USAGE = "Usage: npm run db:seed [-- --force]   (--force erases the existing data first; refused in production)";

function parse(argv: string[]): { force: boolean } {
  let values: { force: boolean; help: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { force: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
      strict: true,
    }));
  } catch (err) {
    throw usageError((err as Error).message, USAGE);
  }
  if (values.help) throw new CliExit(0, USAGE);
  return { force: values.force };
}

runCli(
  "db:seed",
  async ({ config, prisma }, values) => {
    if (values.force && config.isProduction) {
      console.error("Refusing --force with NODE_ENV=production: it would erase the customers, invoices and admins.");
      return 1;
    }
    if (await ensureDatabase(config.databaseUrl)) console.log(`Created database ${config.databaseName}`);
    const applied = await migrate(config.databaseUrl);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);

    if (!values.force && !(await isDatabaseEmpty(prisma))) {
      console.log(
        `Database ${config.databaseName} already has data: nothing seeded (--force erases it and seeds again).`,
      );
      return 0;
    }
    const startedAt = Date.now();
    const result = await seedDemoData(prisma, { bcryptCost: config.bcryptCost, replace: values.force });
    if (!result.seeded) {
      console.log(`Database ${config.databaseName} was seeded by another process meanwhile: nothing to do.`);
      return 0;
    }
    const total = Object.values(result.rows).reduce((sum, n) => sum + n, 0);
    console.log(
      `Seeded ${total} demo rows into ${config.databaseName} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s:`,
    );
    for (const [table, n] of Object.entries(result.rows)) console.log(`  ${table.padEnd(24)} ${n}`);
    console.log("Demo logins:");
    for (const a of DEMO_ADMINS) console.log(`  ${a.role.padEnd(12)} ${a.email.padEnd(28)} ${a.password}`);
    return 0;
  },
  { parse, database: "none" },
);
