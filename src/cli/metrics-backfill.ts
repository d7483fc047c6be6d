// npm run metrics:backfill -- --from YYYY-MM-DD --to YYYY-MM-DD: takes the daily business snapshot of
// every day of the range (both included), as the 00:05 job takes the day just ended; a day already
// snapshotted is replaced, so running a range twice gives the same rows. Only days that have ended.
// Exit codes: 0 done, 2 bad arguments (nothing written), 1 failure.
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.js";
import { createPrisma } from "../db/prisma.js";
import { ensureDatabase } from "../db/create-database.js";
import { migrate } from "../db/migrate.js";
import { AppError } from "../lib/errors.js";
import { runWithContext } from "../lib/request-context.js";
import { backfillSnapshots, parseBackfillRange, type BackfillRange } from "../modules/analytics/metrics-snapshot.js";

const USAGE = "Usage: npm run metrics:backfill -- --from YYYY-MM-DD --to YYYY-MM-DD   (UTC days, both included)";

function parseRange(argv: string[]): BackfillRange | string {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { from: { type: "string" }, to: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
    });
    if (values.help) return "help";
    return parseBackfillRange({ from: values.from, to: values.to }, new Date());
  } catch (err) {
    if (err instanceof AppError && err.errors?.length) {
      return err.errors.map((e) => `--${e.field}: ${e.message}`).join("\n");
    }
    return (err as Error).message;
  }
}

async function main(): Promise<number> {
  const range = parseRange(process.argv.slice(2));
  if (range === "help") {
    console.log(USAGE);
    return 0;
  }
  if (typeof range === "string") {
    console.error(`${range}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  await ensureDatabase(config.databaseUrl);
  await migrate(config.databaseUrl);
  const prisma = createPrisma(config.databaseUrl);
  try {
    const started = Date.now();
    // The audit trail records each snapshot as made from the command line, by no admin.
    const { days } = await runWithContext(
      { admin: null, ip: null, userAgent: "cli metrics:backfill", via: "cli" },
      () => backfillSnapshots(prisma, range),
    );
    console.log(
      `Business metrics ${range.from} to ${range.to}: ${days} day${days === 1 ? "" : "s"} snapshotted in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
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
