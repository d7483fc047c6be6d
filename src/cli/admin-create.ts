// npm run admin:create -- --email E --name N --role R --password P [--permissions a.b,c.d]
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { createPrisma } from "../db/prisma.js";
import { ensureDatabase } from "../db/create-database.js";
import { migrate } from "../db/migrate.js";
import { AppError } from "../lib/errors.js";
import { createAdminUser } from "../modules/auth/service.js";
import { ZNewAdmin } from "../modules/auth/schemas.js";

const USAGE =
  "Usage: npm run admin:create -- --email E --name N --role super_admin|admin|editor|viewer --password P [--permissions module.permission,...]";

async function main(): Promise<number> {
  const { values } = parseArgs({
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
    for (const issue of parsed.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  await ensureDatabase(config.databaseUrl);
  await migrate(config.databaseUrl);
  const prisma = createPrisma(config.databaseUrl);
  try {
    const user = await createAdminUser(prisma, parsed.data, config.bcryptCost);
    console.log(`Created ${user.role} ${user.email} (id ${user.id})`);
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
