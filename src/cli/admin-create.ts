// npm run admin:create -- --email E --name N --role R --password P [--permissions a.b,c.d]
import { parseArgs } from "node:util";
import { AppError } from "../lib/errors.js";
import { createAdminUser } from "../modules/auth/service.js";
import { ZNewAdmin } from "../modules/auth/schemas.js";
import { CliExit, runCli } from "./run.js";

const USAGE =
  "Usage: npm run admin:create -- --email E --name N --role super_admin|admin|editor|viewer --password P [--permissions module.permission,...]";

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      password: { type: "string" },
      permissions: { type: "string" },
    },
    strict: true,
  });
  const parsed = ZNewAdmin.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`);
    throw new CliExit(2, [...problems, USAGE].join("\n"));
  }
  return parsed.data;
}

runCli(
  "admin:create",
  async ({ config, prisma }, input) => {
    try {
      const user = await createAdminUser(prisma, input, config.bcryptCost);
      console.log(`Created ${user.role} ${user.email} (id ${user.id})`);
    } catch (err) {
      if (err instanceof AppError) throw new CliExit(1, err.message);
      throw err;
    }
  },
  { parse },
);
