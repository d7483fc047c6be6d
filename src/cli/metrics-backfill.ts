// npm run metrics:backfill -- --from YYYY-MM-DD --to YYYY-MM-DD: takes the daily business snapshot of
// every day of the range (both included), as the 00:05 job takes the day just ended; a day already
// snapshotted is replaced, so running a range twice gives the same rows. Only days that have ended.
// Exit codes: 0 done, 2 bad arguments (nothing written), 1 failure.
import { parseArgs } from "node:util";
import { AppError } from "../lib/errors.js";
import { dateProblem } from "../lib/input-rules.js";
import { backfillSnapshots, parseBackfillRange, type BackfillRange } from "../modules/analytics/metrics-snapshot.js";
import { CliExit, runCli, usageError } from "./run.js";

const USAGE = "Usage: npm run metrics:backfill -- --from YYYY-MM-DD --to YYYY-MM-DD   (UTC days, both included)";

function parse(argv: string[]): BackfillRange {
  let values: { from?: string; to?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { from: { type: "string" }, to: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (err) {
    throw usageError((err as Error).message, USAGE);
  }
  if (values.help) throw new CliExit(0, USAGE);
  try {
    const range = parseBackfillRange({ from: values.from, to: values.to }, new Date());
    const problem = dateProblem(new Date(`${range.from}T00:00:00Z`));
    if (problem) throw new AppError("validation", `from ${problem}`, [{ field: "from", message: problem }]);
    return range;
  } catch (err) {
    if (err instanceof AppError && err.errors?.length) {
      throw usageError(err.errors.map((e) => `--${e.field}: ${e.message}`).join("\n"), USAGE);
    }
    throw usageError((err as Error).message, USAGE);
  }
}

// The audit trail records each snapshot as made from the command line, by no admin.
runCli(
  "metrics:backfill",
  async ({ prisma }, range) => {
    const started = Date.now();
    const { days } = await backfillSnapshots(prisma, range);
    console.log(
      `Business metrics ${range.from} to ${range.to}: ${days} day${days === 1 ? "" : "s"} snapshotted in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  },
  { parse, audited: true },
);
