// npm run db:seed [-- --force]: creates and migrates the database if needed, then writes the demo data
// into it when it is empty. --force first erases the tables the demo fills (customers, invoices, AI
// requests, admins, sessions...) and seeds them again: for development databases only.
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.js";
import { ensureDatabase } from "../db/create-database.js";
import { migrate } from "../db/migrate.js";
import { createPrisma } from "../db/prisma.js";
import { DEMO_ADMINS, isDatabaseEmpty, seedDemoData } from "../../prisma/seed.js";

const USAGE = "Usage: npm run db:seed [-- --force]   (--force erases the existing data first; refused in production)";

async function main(): Promise<number> {
  let values: { force: boolean; help: boolean };
  try {
    ({ values } = parseArgs({
      options: { force: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
      strict: true,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  if (values.force && config.isProduction) {
    console.error("Refusing --force with NODE_ENV=production: it would erase the customers, invoices and admins.");
    return 1;
  }
  if (await ensureDatabase(config.databaseUrl)) console.log(`Created database ${config.databaseName}`);
  const applied = await migrate(config.databaseUrl);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);

  const prisma = createPrisma(config.databaseUrl);
  try {
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
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError || err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
