// Factories build test data; tests say what matters about a row and nothing else.
import type { PrismaClient, Prisma } from "@prisma/client";
import { hashPassword } from "../../src/modules/auth/password.js";
import { runWithContext, type CurrentAdmin } from "../../src/lib/request-context.js";

let n = 0;
const next = () => ++n;

export async function makeAdmin(
  prisma: PrismaClient,
  overrides: Partial<Prisma.AdminUserUncheckedCreateInput> & { password?: string } = {},
) {
  const { password = "correct horse battery staple", ...rest } = overrides;
  const i = next();
  const user = await prisma.adminUser.create({
    data: {
      email: `admin${i}-${process.pid}@test.local`,
      name: `Admin ${i}`,
      role: "admin",
      passwordHash: await hashPassword(password, 4),
      ...rest,
    },
  });
  return { ...user, password };
}

export async function makeCustomer(prisma: PrismaClient, overrides: Partial<Prisma.CustomerUncheckedCreateInput> = {}) {
  const i = next();
  return prisma.customer.create({
    data: { email: `customer${i}-${process.pid}@test.local`, name: `Customer ${i}`, ...overrides },
  });
}

/** Runs `fn` as `admin` acting through the REST API (services read the acting admin from the context). */
export function actingAs<T>(
  admin: Pick<CurrentAdmin, "id" | "email" | "name" | "role"> & Partial<CurrentAdmin>,
  fn: () => Promise<T>,
): Promise<T> {
  return runWithContext(
    {
      admin: { permissions: null, status: "active", ...admin },
      ip: "127.0.0.1",
      userAgent: "jest",
      via: "api",
    },
    fn,
  );
}
