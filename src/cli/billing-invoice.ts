// npm run billing:invoice [-- --period 2026-10]: invoices a calendar month that has ended (by default the
// month just ended), as the job of the 1st does: renews the subscriptions to the month's end, then issues
// each customer's invoice of the month. Running a month twice creates nothing new.
import { parseArgs } from "node:util";
import { AppError } from "../lib/errors.js";
import { monthJustEnded } from "../modules/billing/invoicing/invoicing-month.js";
import { runMonthlyInvoicing } from "../modules/billing/invoicing/monthly-run.js";
import { CliExit, runCli, usageError } from "./run.js";

const USAGE = "Usage: npm run billing:invoice [-- --period YYYY-MM]   (default: the month just ended)";

function parse(argv: string[]): { period?: string } {
  let values: { period?: string; help: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { period: { type: "string" }, help: { type: "boolean", short: "h", default: false } },
      strict: true,
    }));
  } catch (err) {
    throw usageError((err as Error).message, USAGE);
  }
  if (values.help) throw new CliExit(0, USAGE);
  return { period: values.period };
}

// The audit trail records the run as made from the command line, by no admin.
runCli(
  "billing:invoice",
  async ({ prisma }, args) => {
    const period = args.period ?? monthJustEnded(new Date());
    const started = Date.now();
    let result;
    try {
      result = await runMonthlyInvoicing({ prisma }, period, new Date(), {
        onError: (customerId, error) => console.error(`  customer #${customerId}: ${(error as Error).message}`),
      });
    } catch (err) {
      if (err instanceof AppError) {
        const fields = err.errors?.map((e) => `--${e.field}: ${e.message}`).join("\n");
        throw usageError(fields || err.message, USAGE);
      }
      throw err;
    }
    console.log(
      `Invoicing ${result.period} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.issued} invoices issued, ` +
        `${result.skipped} customers already invoiced, ${result.failed} failed (${result.customers} customers; ` +
        `${result.renewed} subscription periods renewed, ${result.ended} subscriptions ended).`,
    );
    return result.failed ? 1 : 0;
  },
  { parse, audited: true },
);
