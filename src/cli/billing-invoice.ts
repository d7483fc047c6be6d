// npm run billing:invoice [-- --period 2026-10]: invoices a calendar month that has ended (by default the
// month just ended), as the job of the 1st does: renews the subscriptions to the month's end, then issues
// each customer's invoice of the month. Running a month twice creates nothing new.
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.js";
import { createPrisma } from "../db/prisma.js";
import { ensureDatabase } from "../db/create-database.js";
import { migrate } from "../db/migrate.js";
import { AppError } from "../lib/errors.js";
import { runWithContext } from "../lib/request-context.js";
import { monthJustEnded } from "../modules/billing/invoicing/invoicing-month.js";
import { runMonthlyInvoicing } from "../modules/billing/invoicing/monthly-run.js";

const USAGE = "Usage: npm run billing:invoice [-- --period YYYY-MM]   (default: the month just ended)";

async function main(): Promise<number> {
  let values: { period?: string; help: boolean };
  try {
    ({ values } = parseArgs({
      options: { period: { type: "string" }, help: { type: "boolean", short: "h", default: false } },
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
  await ensureDatabase(config.databaseUrl);
  await migrate(config.databaseUrl);
  const prisma = createPrisma(config.databaseUrl);
  const period = values.period ?? monthJustEnded(new Date());
  try {
    const started = Date.now();
    // The audit trail records the run as made from the command line, by no admin.
    const result = await runWithContext({ admin: null, ip: null, userAgent: "cli billing:invoice", via: "cli" }, () =>
      runMonthlyInvoicing({ prisma }, period, new Date(), {
        onError: (customerId, error) => console.error(`  customer #${customerId}: ${(error as Error).message}`),
      }),
    );
    console.log(
      `Invoicing ${result.period} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.issued} invoices issued, ` +
        `${result.skipped} customers already invoiced, ${result.failed} failed (${result.customers} customers; ` +
        `${result.renewed} subscription periods renewed, ${result.ended} subscriptions ended).`,
    );
    return result.failed ? 1 : 0;
  } catch (err) {
    if (err instanceof AppError) {
      const fields = err.errors?.map((e) => `--${e.field}: ${e.message}`).join("\n");
      console.error(fields || err.message);
      console.error(USAGE);
      return 2;
    }
    throw err;
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
