import { jest } from "@jest/globals";
import { currentContext } from "../lib/request-context.js";
import { CliExit, executeCli, usageError } from "./run.js";

const none = { database: "none" } as const;

describe("executeCli", () => {
  let log: ReturnType<typeof jest.spyOn>;
  let error: ReturnType<typeof jest.spyOn>;
  beforeEach(() => {
    log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    error = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it("answers the command's code, 0 when it returns nothing", async () => {
    expect(await executeCli("t", async () => 3, none, [])).toBe(3);
    expect(await executeCli("t", async () => undefined, none, [])).toBe(0);
  });

  it("hands the parsed arguments and the config to the command", async () => {
    let seen: unknown;
    const code = await executeCli<string>(
      "t",
      async ({ config }, args) => {
        seen = [args, typeof config.databaseUrl];
      },
      { ...none, parse: (argv) => argv.join("+") },
      ["a", "b"],
    );
    expect(code).toBe(0);
    expect(seen).toEqual(["a+b", "string"]);
  });

  it("exits 2 with the problem and the usage on stderr for a usage error, before running", async () => {
    const command = jest.fn(async () => 0);
    const code = await executeCli(
      "t",
      command,
      {
        ...none,
        parse: () => {
          throw usageError("--x: unknown", "Usage: t");
        },
      },
      [],
    );
    expect(code).toBe(2);
    expect(command).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledWith("--x: unknown\nUsage: t");
  });

  it("prints a code 0 exit (--help) on stdout", async () => {
    const code = await executeCli(
      "t",
      async () => 1,
      {
        ...none,
        parse: () => {
          throw new CliExit(0, "Usage: t");
        },
      },
      [],
    );
    expect(code).toBe(0);
    expect(log).toHaveBeenCalledWith("Usage: t");
  });

  it("prints the message of any other failure and exits 1", async () => {
    const code = await executeCli(
      "t",
      async () => {
        throw new Error("database unreachable");
      },
      none,
      [],
    );
    expect(code).toBe(1);
    expect(error).toHaveBeenCalledWith("database unreachable");
  });

  it("runs an audited command as the command line", async () => {
    let context: unknown;
    await executeCli(
      "billing:invoice",
      async () => {
        context = currentContext();
      },
      { ...none, audited: true },
      [],
    );
    expect(context).toEqual({ admin: null, ip: null, userAgent: "cli billing:invoice", via: "cli" });
    await executeCli(
      "t",
      async () => {
        context = currentContext();
      },
      none,
      [],
    );
    expect(context).toBeUndefined();
  });
});
