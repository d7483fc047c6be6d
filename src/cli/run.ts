// The bootstrap every command line shares: read the arguments, load the config, prepare the database,
// run, print what failed, close the connections and exit with the command's code.
//
// Exit codes: what the command returns (0 by default); 2 for a usage error (CliExit); 1 for any other
// failure, printed as its message (no stack trace: these are operators' tools).
import type { PrismaClient } from "@prisma/client";
import { loadConfig, type Config } from "../config.js";
import { ensureDatabase } from "../db/create-database.js";
import { migrate } from "../db/migrate.js";
import { createPrisma } from "../db/prisma.js";
import { runWithContext } from "../lib/request-context.js";
import { ensureLocalSecrets } from "../local-secrets.js";

export interface CliDeps {
  config: Config;
  /** Connected on first use, disconnected when the command ends. */
  readonly prisma: PrismaClient;
}

/** Ends the command with `code`, printing `message` (to stdout for 0, to stderr otherwise). */
export class CliExit extends Error {
  constructor(
    readonly code: number,
    message = "",
  ) {
    super(message);
    this.name = "CliExit";
  }
}

/** Exit 2 with the problem and the usage line. */
export const usageError = (problem: string, usage: string): CliExit => new CliExit(2, `${problem}\n${usage}`);

export interface CliOptions<A> {
  /** The arguments, read before anything else is touched; throws CliExit for --help or a usage error. */
  parse?: (argv: string[]) => A;
  /**
   * "migrate" (the default): the database is created if missing and migrated, quietly, before the
   * command runs. "none": the command only gets the config and does what it needs itself.
   */
  database?: "migrate" | "none";
  /** Runs inside a request context, so the audit trail names the command line (`cli <name>`) as the way in. */
  audited?: boolean;
}

export type CliCommand<A> = (deps: CliDeps, args: A) => Promise<number | void>;

/** Runs a command and answers its exit code (what runCli exits with). */
export async function executeCli<A = string[]>(
  name: string,
  command: CliCommand<A>,
  options: CliOptions<A> = {},
  argv: string[] = process.argv.slice(2),
): Promise<number> {
  let prisma: PrismaClient | null = null;
  try {
    const args = options.parse ? options.parse(argv) : (argv as A);
    const config = loadConfig();
    if ((options.database ?? "migrate") === "migrate") {
      await ensureDatabase(config.databaseUrl);
      await migrate(config.databaseUrl);
    }
    const deps: CliDeps = {
      config,
      get prisma() {
        return (prisma ??= createPrisma(config.databaseUrl));
      },
    };
    const run = () => command(deps, args);
    const code = options.audited
      ? await runWithContext({ admin: null, ip: null, userAgent: `cli ${name}`, via: "cli" }, run)
      : await run();
    return code ?? 0;
  } catch (err) {
    if (err instanceof CliExit) {
      if (err.message) (err.code === 0 ? console.log : console.error)(err.message);
      return err.code;
    }
    console.error(err instanceof Error ? err.message : err);
    return 1;
  } finally {
    if (prisma) await (prisma as PrismaClient).$disconnect();
  }
}

/** Runs a command as the process: exits with its code once its connections are closed. */
export function runCli<A = string[]>(name: string, command: CliCommand<A>, options: CliOptions<A> = {}): void {
  // Outside production, unset signing secrets come from (or go to) .secrets.local.json, told on stderr
  // so that a command's own output stays clean.
  void Promise.resolve()
    .then(() => ensureLocalSecrets(process.env, { log: (message) => console.error(message) }))
    .then(() => executeCli(name, command, options))
    .then(
      (code) => process.exit(code),
      (err: unknown) => {
        console.error(err instanceof Error ? err.message : err);
        process.exit(1);
      },
    );
}
