import { createAdminUser, authenticate } from "./service.js";
import { ZNewAdmin } from "./schemas.js";
import { hashPassword } from "./password.js";
import { Redis } from "ioredis";
import { createPrisma } from "../../db/prisma.js";
import { loadConfig } from "../../config.js";

const prisma = createPrisma(process.env.DATABASE_URL!);
const config = loadConfig();
const redis = new Redis(config.redisUrl);
const deps = { prisma, redis, config };
afterAll(async () => {
  await prisma.$disconnect();
  redis.disconnect();
});

describe("auth createAdminUser", () => {
  it("stores a bcrypt hash at the configured cost and audits the creation", async () => {
    const user = await createAdminUser(
      prisma,
      {
        email: "  New.Admin@Test.local ",
        name: "New",
        role: "editor",
        password: "a long enough password",
        permissions: ["customers.view"],
      },
      12,
    );
    expect(user.email).toBe("new.admin@test.local");
    expect(user).not.toHaveProperty("passwordHash");
    const row = await prisma.adminUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$2b\$12\$/);
    expect(row.permissions).toEqual(["customers.view"]);
    const log = await prisma.adminActivityLog.findFirstOrThrow({
      where: { resourceType: "admin_users", resourceId: user.id },
    });
    expect(log.action).toBe("create");
    expect(JSON.stringify(log.newValues)).not.toContain("$2b$");
  });

  it("refuses a second account with the same e-mail, naming the field", async () => {
    const input = { email: "dup@test.local", name: "Dup", role: "viewer" as const, password: "a long enough password" };
    await createAdminUser(prisma, input, 4);
    await expect(createAdminUser(prisma, input, 4)).rejects.toMatchObject({
      code: "conflict",
      errors: [{ field: "email" }],
    });
  });

  it("validates the command-line input, naming each bad field", () => {
    const r = ZNewAdmin.safeParse({
      email: "nope",
      name: "",
      role: "owner",
      password: "short",
      permissions: "customers",
    });
    expect(r.success).toBe(false);
    const fields = r.error!.issues.map((i) => i.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["email", "name", "role", "password", "permissions.0"]));
    expect(ZNewAdmin.safeParse({ email: "a@b.fr", name: "A", role: "admin", password: "é".repeat(40) }).success).toBe(
      false,
    );
  });
});

describe("auth authenticate", () => {
  it("normalises the e-mail and answers the same error for every failure", async () => {
    await prisma.adminUser.create({
      data: {
        email: "login@test.local",
        name: "L",
        role: "viewer",
        passwordHash: await hashPassword("right password 1", 4),
      },
    });
    await expect(authenticate(deps, " LOGIN@test.local", "right password 1")).resolves.toMatchObject({
      email: "login@test.local",
    });
    const failures = await Promise.allSettled([
      authenticate(deps, "login@test.local", "wrong"),
      authenticate(deps, "nobody@test.local", "right password 1"),
      authenticate(deps, "", ""),
    ]);
    const messages = failures.map((f) => (f.status === "rejected" ? (f.reason as Error).message : "accepted"));
    expect(new Set(messages)).toEqual(new Set(["Invalid e-mail or password"]));
  });
});
