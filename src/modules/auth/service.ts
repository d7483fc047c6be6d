import type { Prisma, PrismaClient } from "@prisma/client";
import type { Redis } from "ioredis";
import { writeAudit } from "../../lib/audit.js";
import { currentContext, runWithContext } from "../../lib/request-context.js";
import { AppError } from "../../lib/errors.js";
import type { Config } from "../../config.js";
import { hashPassword, verifyPassword } from "./password.js";
import { raiseAlert } from "./security-alerts.js";
import {
  attemptSucceeded,
  beginAttempt,
  BURST_FAILURES,
  currentLock,
  IP_LOCKOUT,
  normalizeEmail,
  throttleKeys,
  type LoginLock,
  type ThrottleKeys,
} from "./throttle.js";

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
/** The same for every account, known or not, so a lock reveals nothing about which accounts exist. */
export const TOO_MANY_ATTEMPTS = "Too many failed login attempts: try again later";

export interface AuthDeps {
  prisma: PrismaClient;
  redis: Redis;
  /** Where the throttle keeps its keys. */
  config: Pick<Config, "queuePrefix">;
}

function keysFor(deps: AuthDeps, email: string, ip: string | null): ThrottleKeys {
  return throttleKeys(deps.config.queuePrefix, email, ip);
}

/**
 * The audit trail takes IP and user agent from the request context; a call from outside a request (a
 * script, a test) brings its own, as an API client would.
 */
function withOrigin<T>(origin: LoginOrigin, fn: () => Promise<T>): Promise<T> {
  if (currentContext()) return fn();
  return runWithContext({ admin: null, ip: origin.ip ?? null, userAgent: origin.userAgent ?? null, via: "api" }, fn);
}

function tooManyAttempts(lock: LoginLock): AppError {
  return new AppError("too_many_requests", TOO_MANY_ATTEMPTS, undefined, { "Retry-After": String(lock.retryAfter) });
}

/** An attempt refused because the account or the IP is locked: one `login_locked` row, password unchecked. */
async function recordLocked(prisma: PrismaClient, email: string, lock: LoginLock): Promise<void> {
  const user = email ? await prisma.adminUser.findUnique({ where: { email }, select: { id: true } }) : null;
  await writeAudit(prisma, {
    action: "login_locked",
    resourceType: "admin_users",
    resourceId: user?.id ?? null,
    adminId: user?.id ?? null,
    after: { email: email.slice(0, 254), scope: lock.scope, retryAfter: lock.retryAfter },
  });
}

/**
 * The lock in force for this e-mail (known or not) or IP, recorded as a refused attempt when there is one.
 * For the login form, which answers a lock before AdminJS reads the form; authenticate() checks again.
 */
export async function refuseIfLocked(
  deps: AuthDeps,
  email: string,
  origin: LoginOrigin = {},
): Promise<LoginLock | null> {
  return withOrigin(origin, async () => {
    const normalized = normalizeEmail(email);
    const ip = origin.ip ?? currentContext()?.ip ?? null;
    const lock = await currentLock(deps.redis, keysFor(deps, normalized, ip));
    if (lock) await recordLocked(deps.prisma, normalized, lock);
    return lock;
  });
}

/**
 * Checks e-mail and password against admin_users. Unknown e-mail, wrong password and a disabled account
 * all answer the same message, so the form does not reveal which accounts exist. Throttled per account
 * and per IP (throttle.ts) on every path that logs in: a locked account or IP gets `too_many_requests`
 * with Retry-After, without its password being checked.
 */
export async function authenticate(
  deps: AuthDeps,
  email: string,
  password: string,
  origin: LoginOrigin = {},
): Promise<SessionAdmin> {
  return withOrigin(origin, async () => {
    const { prisma } = deps;
    const normalized = normalizeEmail(email);
    const ip = origin.ip ?? currentContext()?.ip ?? null;
    const keys = keysFor(deps, normalized, ip);
    const attempt = await beginAttempt(deps.redis, keys);
    if (!attempt.allowed) {
      await recordLocked(prisma, normalized, attempt.lock);
      throw tooManyAttempts(attempt.lock);
    }
    const user = normalized
      ? await prisma.adminUser.findUnique({
          where: { email: normalized },
          select: { id: true, email: true, name: true, role: true, status: true, passwordHash: true },
        })
      : null;
    const ok = await verifyPassword(password, user?.passwordHash);
    if (!user || !ok || user.status !== "active") {
      await prisma.$transaction(async (tx) => {
        await writeAudit(tx, {
          action: "login_failed",
          resourceType: "admin_users",
          resourceId: user?.id ?? null,
          adminId: user?.id ?? null,
          after: {
            email: normalized.slice(0, 254),
            ...(attempt.accountLockSeconds ? { accountLockedFor: attempt.accountLockSeconds } : {}),
            ...(attempt.ipLockSeconds ? { ipLockedFor: attempt.ipLockSeconds } : {}),
          },
        });
        if (attempt.accountLockSeconds > 0)
          await raiseAlert(tx, {
            kind: "account_locked",
            adminId: user?.id ?? null,
            email: normalized,
            ipAddress: ip,
            details: { failures: attempt.accountFailures, lockedSeconds: attempt.accountLockSeconds },
          });
        if (attempt.ipFailures >= BURST_FAILURES)
          await raiseAlert(tx, {
            kind: "failed_login_burst",
            ipAddress: ip,
            details: {
              failures: attempt.ipFailures,
              windowSeconds: IP_LOCKOUT.windowSeconds,
              ...(attempt.ipLockSeconds ? { lockedSeconds: attempt.ipLockSeconds } : {}),
            },
          });
      });
      throw new AppError("invalid_credentials", INVALID_CREDENTIALS);
    }
    await attemptSucceeded(deps.redis, keys, attempt);
    await prisma.$transaction(async (tx) => {
      // A login from an address this user never logged in from before (their first login excepted).
      if (ip && (await isNewAddress(tx, user.id, ip)))
        await raiseAlert(tx, { kind: "new_ip_login", adminId: user.id, email: user.email, ipAddress: ip });
      await tx.adminUser.update({ where: { id: user.id }, data: { lastLogin: new Date() } });
      await writeAudit(tx, { action: "login", resourceType: "admin_users", resourceId: user.id, adminId: user.id });
    });
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  });
}

/** Whether the user has logged in before, but never from `ip` (their previous `login` rows). */
async function isNewAddress(tx: Prisma.TransactionClient, adminId: number, ip: string): Promise<boolean> {
  const [before, fromHere] = await Promise.all([
    tx.adminActivityLog.findFirst({ where: { adminId, action: "login" }, select: { id: true } }),
    tx.adminActivityLog.findFirst({ where: { adminId, action: "login", ipAddress: ip }, select: { id: true } }),
  ]);
  return before !== null && fromHere === null;
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
    await writeAudit(tx, { action: "create", resourceType: "admin_users", resourceId: user.id, after: user });
    return user;
  });
}
