import type { PrismaClient } from "@prisma/client";
import type { Redis } from "ioredis";
import { writeAudit } from "../../lib/audit.js";
import { AppError } from "../../http/errors.js";
import { hashPassword, verifyPassword } from "./password.js";

/** What a login puts in the session: nothing more (no hash, no permissions snapshot). */
export interface SessionAdmin {
  id: number;
  email: string;
  name: string;
  role: "super_admin" | "admin" | "editor" | "viewer";
}

export interface LoginOrigin {
  ip?: string | undefined;
  userAgent?: string | undefined;
}

export const INVALID_CREDENTIALS = "Invalid e-mail or password";

/**
 * Checks e-mail and password against admin_users. Unknown e-mail, wrong password and a disabled account
 * all answer the same message, so the form does not reveal which accounts exist.
 */
export async function authenticate(
  deps: { prisma: PrismaClient; redis: Redis },
  email: string,
  password: string,
  _origin: LoginOrigin = {},
): Promise<SessionAdmin> {
  const { prisma } = deps;
  const normalized = email.trim().toLowerCase();
  const user = normalized
    ? await prisma.adminUser.findUnique({
        where: { email: normalized },
        select: { id: true, email: true, name: true, role: true, status: true, passwordHash: true },
      })
    : null;
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok || user.status !== "active") {
    await writeAudit(prisma, {
      action: "login_failed",
      resourceType: "admin_user",
      resourceId: user?.id ?? null,
      adminId: user?.id ?? null,
      after: { email: normalized.slice(0, 254) },
    });
    throw new AppError("invalid_credentials", INVALID_CREDENTIALS);
  }
  await prisma.$transaction(async (tx) => {
    await tx.adminUser.update({ where: { id: user.id }, data: { lastLogin: new Date() } });
    await writeAudit(tx, { action: "login", resourceType: "admin_user", resourceId: user.id, adminId: user.id });
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export interface NewAdmin {
  email: string;
  name: string;
  role: SessionAdmin["role"];
  password: string;
  permissions?: string[] | undefined;
}

export async function createAdminUser(prisma: PrismaClient, input: NewAdmin, bcryptCost: number) {
  const email = input.email.trim().toLowerCase();
  const existing = await prisma.adminUser.findUnique({ where: { email }, select: { id: true } });
  if (existing)
    throw new AppError("conflict", `An admin user with e-mail ${email} already exists`, [
      { field: "email", message: "already exists" },
    ]);
  const passwordHash = await hashPassword(input.password, bcryptCost);
  return prisma.$transaction(async (tx) => {
    const user = await tx.adminUser.create({
      data: {
        email,
        name: input.name.trim(),
        role: input.role,
        passwordHash,
        permissions: input.permissions ?? undefined,
      },
      select: { id: true, email: true, name: true, role: true, permissions: true, status: true },
    });
    await writeAudit(tx, { action: "create", resourceType: "admin_user", resourceId: user.id, after: user });
    return user;
  });
}
