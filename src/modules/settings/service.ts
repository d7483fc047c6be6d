// Admin users (issue 3, item 2): who may sign in, with which rights, and how passwords change.
// Each exported function is one use case: it checks its rule, changes the rows and writes the one
// admin_activity_log row in a single transaction, and ends the logins the change makes stale. The
// AdminJS actions (resource.ts), the account pages (account-routes.ts) and the mail job only call them.
import { createHash, randomBytes } from "node:crypto";
import { Prisma, type PrismaClient } from "@prisma/client";
import type { Config } from "../../config.js";
import { AppError, type ErrorCode } from "../../lib/errors.js";
import { writeAudit } from "../../lib/audit.js";
import type { Logger } from "../../lib/logger.js";
import { MAIL_JOB_OPTIONS, sendMail } from "../../lib/email/mailer.js";
import type { Queues } from "../../queues/queues.js";
import { hashPassword, verifyPassword } from "../auth/password.js";
import { can, isKnownPermission, type Grantee, type Role } from "../auth/permissions.js";
import { PASSWORD_PROBLEM_TEXT, passwordMessageKey, passwordProblem, type PasswordOwner } from "./password-policy.js";

/** The audit trail's resource type for these rows: the table, as AdminJS's own writes name it. */
const RESOURCE = "admin_users";

/** How long an e-mailed reset link works. */
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

/** A reset token as the link carries it: 32 random bytes in base64url. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

type Status = "active" | "disabled";

/**
 * A change refused by a rule of this module. `reason` is the message key the admin UI words in the
 * admin's language (src/admin/locale.ts `messages`); `field` the form field to blame, if any. It is an
 * AppError, so a JSON caller gets it as problem+json with the English text.
 */
export class AdminUserError extends AppError {
  constructor(
    code: ErrorCode,
    readonly reason: string,
    readonly field: string | null,
    english: string,
  ) {
    super(code, field ? `${field}: ${english}` : english, field ? [{ field, message: english }] : undefined);
    this.name = "AdminUserError";
  }
}

const refuse = {
  notFound: () => new AdminUserError("not_found", "adminNotFound", null, "No such admin user"),
  selfDisable: () => new AdminUserError("conflict", "selfDisable", "status", "You cannot disable your own account"),
  lastSuperAdmin: (field: string) =>
    new AdminUserError(
      "conflict",
      "lastSuperAdmin",
      field,
      "This is the last active super admin: promote another admin to super_admin first",
    ),
  alreadyDisabled: () =>
    new AdminUserError("conflict", "alreadyDisabled", "status", "This account is already disabled"),
  alreadyActive: () => new AdminUserError("conflict", "alreadyActive", "status", "This account is already active"),
  emailTaken: () => new AdminUserError("conflict", "fieldTaken", "email", "Another admin user has this e-mail"),
  permissionUnknown: (names: string[]) =>
    new AdminUserError(
      "validation",
      "permissionUnknown",
      "permissions",
      `Unknown permission(s): ${names.join(", ")} (see the permission matrix)`,
    ),
  password: (problem: NonNullable<ReturnType<typeof passwordProblem>>, field = "password") =>
    new AdminUserError("validation", passwordMessageKey(problem), field, PASSWORD_PROBLEM_TEXT[problem]),
  passwordMismatch: () =>
    new AdminUserError("validation", "passwordMismatch", "confirm", "The two new passwords differ"),
  currentPasswordWrong: () =>
    new AdminUserError("validation", "currentPasswordWrong", "current", "The current password is wrong"),
  passwordUnchanged: () =>
    new AdminUserError(
      "validation",
      "passwordUnchanged",
      "password",
      "The new password must differ from the current one",
    ),
  passwordChangedElsewhere: () =>
    new AdminUserError("conflict", "passwordChangedElsewhere", null, "The password was changed meanwhile: try again"),
  resetToken: (state: "unknown" | "used" | "expired") =>
    new AdminUserError(
      "validation",
      `resetToken${state.charAt(0).toUpperCase()}${state.slice(1)}`,
      "token",
      state === "expired"
        ? "This reset link has expired"
        : state === "used"
          ? "This reset link has already been used"
          : "This reset link is not valid",
    ),
  notLoggedIn: () => new AdminUserError("unauthenticated", "notLoggedIn", null, "Log in first"),
};

// ---------------------------------------------------------------------------------------------
// Rules (pure)
// ---------------------------------------------------------------------------------------------

export interface RosterEntry extends Grantee {
  id: number;
  status: Status;
}

/** Holds the admin users screens, secrets and Bull Board (settings.system) and may log in. */
function runsTheSystem(admin: RosterEntry): boolean {
  return admin.status === "active" && can(admin, "settings", "system");
}

/**
 * Why changing `before` into `after` must be refused, or null. An admin cannot disable themselves
 * (they would lock themselves out mid-click), and the last active admin holding settings.system
 * cannot lose it by a role change, a narrowed permission list or a disabling: nobody could then
 * manage admin users at all. `roster` holds the active super admins (the target among them or not).
 */
export function rosterRefusal(
  actorId: number | null,
  before: RosterEntry,
  after: RosterEntry,
  roster: readonly RosterEntry[],
): "selfDisable" | "lastSuperAdmin" | null {
  if (actorId === before.id && before.status === "active" && after.status === "disabled") return "selfDisable";
  if (runsTheSystem(before) && !runsTheSystem(after)) {
    const others = roster.filter((admin) => admin.id !== before.id && runsTheSystem(admin));
    if (others.length === 0) return "lastSuperAdmin";
  }
  return null;
}

/** The field a last-super-admin refusal points at: what the change took away. */
function lastSuperAdminField(before: RosterEntry, after: RosterEntry): string {
  if (after.status !== before.status) return "status";
  if (after.role !== before.role) return "role";
  return "permissions";
}

/** SHA-256 (hex) of a reset token: the only form in which the database ever holds one. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Checks a new password and its confirmation against the policy, for its owner. */
export function checkNewPassword(password: string, confirm: string, owner: PasswordOwner): void {
  const problem = passwordProblem(password, owner);
  if (problem) throw refuse.password(problem);
  if (password !== confirm) throw refuse.passwordMismatch();
}

// ---------------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------------

export interface EndedSessions {
  /** Form logins (rows of `session`). */
  loginSessionsEnded: number;
  /** REST API tokens (rows of admin_sessions). */
  apiSessionsEnded: number;
}

/**
 * Ends an admin's logins: the form sessions (table `session`, whose JSON names the admin in
 * sess.adminUser.id) and the API tokens (admin_sessions, checked on every API call). `keepSid` spares
 * the session making the request (a password change keeps its author logged in).
 */
export async function endSessions(
  tx: Prisma.TransactionClient,
  adminId: number,
  keepSid?: string,
): Promise<EndedSessions> {
  const id = String(adminId);
  const loginSessionsEnded =
    keepSid === undefined
      ? await tx.$executeRaw`DELETE FROM "session" WHERE (sess -> 'adminUser' ->> 'id') = ${id}`
      : await tx.$executeRaw`DELETE FROM "session" WHERE (sess -> 'adminUser' ->> 'id') = ${id} AND sid <> ${keepSid}`;
  const tokens = await tx.adminSession.deleteMany({ where: { adminId } });
  return { loginSessionsEnded, apiSessionsEnded: tokens.count };
}

// ---------------------------------------------------------------------------------------------
// Role, permissions, status
// ---------------------------------------------------------------------------------------------

const ADMIN_FIELDS = { id: true, email: true, name: true, role: true, status: true, permissions: true } as const;

type AdminRow = Prisma.AdminUserGetPayload<{ select: typeof ADMIN_FIELDS }>;

function asRosterEntry(row: AdminRow): RosterEntry {
  const permissions = Array.isArray(row.permissions)
    ? row.permissions.filter((p): p is string => typeof p === "string")
    : null;
  return { id: row.id, role: row.role, status: row.status, permissions };
}

/**
 * Locks the target and every active super admin, in id order (no deadlock between two callers), and
 * reads them. Two admins demoting or disabling the last two super admins at once cannot both
 * succeed: the second waits for the first to commit, and then sees one super admin fewer.
 */
async function lockRoster(tx: Prisma.TransactionClient, targetId: number) {
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM admin_users
    WHERE id = ${targetId} OR (role = 'super_admin' AND status = 'active')
    ORDER BY id
    FOR UPDATE`;
  const rows = await tx.adminUser.findMany({ where: { id: { in: locked.map((r) => r.id) } }, select: ADMIN_FIELDS });
  const target = rows.find((row) => row.id === targetId);
  if (!target) throw refuse.notFound();
  return { target, roster: rows.map(asRosterEntry) };
}

/** What an edit of an admin user may change; absent fields stay as they are. null permissions: the role decides. */
export interface AdminChanges {
  email?: string;
  name?: string;
  role?: Role;
  status?: Status;
  permissions?: string[] | null;
}

/**
 * Edits an admin user (the AdminJS edit form): e-mail, name, role, permissions, status. The last
 * active super admin keeps settings.system; disabling ends the user's logins. The password is not
 * among the changes: another admin's password is never chosen by an admin (startPasswordReset).
 */
export async function updateAdminUser(
  prisma: PrismaClient,
  actorId: number | null,
  targetId: number,
  changes: AdminChanges,
): Promise<AdminRow> {
  const unknown = (changes.permissions ?? []).filter((p) => {
    const [module = "", permission = ""] = p.split(".");
    return !isKnownPermission(module, permission);
  });
  if (unknown.length) throw refuse.permissionUnknown(unknown);
  const email = changes.email?.trim().toLowerCase();
  const update = prisma.$transaction(async (tx) => {
    const { target, roster } = await lockRoster(tx, targetId);
    const data: Prisma.AdminUserUpdateInput = {};
    if (email !== undefined && email !== target.email) {
      const taken = await tx.adminUser.findFirst({ where: { email, id: { not: targetId } }, select: { id: true } });
      if (taken) throw refuse.emailTaken();
      data.email = email;
    }
    if (changes.name !== undefined) data.name = changes.name.trim();
    if (changes.role !== undefined) data.role = changes.role;
    if (changes.status !== undefined) data.status = changes.status;
    if (changes.permissions !== undefined)
      data.permissions = changes.permissions === null ? Prisma.DbNull : changes.permissions;

    const before = asRosterEntry(target);
    const after: RosterEntry = {
      ...before,
      role: changes.role ?? before.role,
      status: changes.status ?? before.status,
      permissions: changes.permissions !== undefined ? changes.permissions : before.permissions,
    };
    const refusal = rosterRefusal(actorId, before, after, roster);
    if (refusal === "selfDisable") throw refuse.selfDisable();
    if (refusal === "lastSuperAdmin") throw refuse.lastSuperAdmin(lastSuperAdminField(before, after));

    // The rows are locked: this update cannot race with another change of the roster.
    const updated = await tx.adminUser.update({ where: { id: targetId }, data, select: ADMIN_FIELDS });
    const ended = before.status === "active" && after.status === "disabled" ? await endSessions(tx, targetId) : null;
    await writeAudit(tx, {
      action: "update",
      resourceType: RESOURCE,
      resourceId: targetId,
      before: target,
      after: ended ? { ...updated, ...ended } : updated,
    });
    return updated;
  });
  // Two edits giving one e-mail to two accounts at once: the unique index decides.
  return update.catch((error: unknown) => {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw refuse.emailTaken();
    throw error;
  });
}

/**
 * Disables or re-enables an account. A conditional update (status as read): two admins clicking at
 * once get one change and one "already" conflict. Disabling ends every login of the account at once;
 * the session middleware would refuse the next request anyway, the API token check too.
 */
export async function setAdminStatus(
  prisma: PrismaClient,
  actorId: number | null,
  targetId: number,
  status: Status,
): Promise<EndedSessions | null> {
  return prisma.$transaction(async (tx) => {
    const { target, roster } = await lockRoster(tx, targetId);
    if (target.status === status) throw status === "disabled" ? refuse.alreadyDisabled() : refuse.alreadyActive();
    const before = asRosterEntry(target);
    const refusal = rosterRefusal(actorId, before, { ...before, status }, roster);
    if (refusal === "selfDisable") throw refuse.selfDisable();
    if (refusal === "lastSuperAdmin") throw refuse.lastSuperAdmin("status");

    const changed = await tx.adminUser.updateMany({ where: { id: targetId, status: target.status }, data: { status } });
    if (changed.count !== 1) throw status === "disabled" ? refuse.alreadyDisabled() : refuse.alreadyActive();
    const ended = status === "disabled" ? await endSessions(tx, targetId) : null;
    await writeAudit(tx, {
      action: status === "disabled" ? "disable" : "enable",
      resourceType: RESOURCE,
      resourceId: targetId,
      before: { status: target.status },
      after: { status, ...ended },
    });
    return ended;
  });
}

export const disableAdmin = (prisma: PrismaClient, actorId: number | null, targetId: number) =>
  setAdminStatus(prisma, actorId, targetId, "disabled");

export const enableAdmin = (prisma: PrismaClient, actorId: number | null, targetId: number) =>
  setAdminStatus(prisma, actorId, targetId, "active");

/** Ends every login of an account, form sessions and API tokens (a lost laptop, a leaked token). */
export async function forceLogout(prisma: PrismaClient, targetId: number): Promise<EndedSessions> {
  return prisma.$transaction(async (tx) => {
    const target = await tx.adminUser.findUnique({ where: { id: targetId }, select: { id: true } });
    if (!target) throw refuse.notFound();
    const ended = await endSessions(tx, targetId);
    await writeAudit(tx, { action: "force_logout", resourceType: RESOURCE, resourceId: targetId, after: { ...ended } });
    return ended;
  });
}

// ---------------------------------------------------------------------------------------------
// Password reset by e-mailed link
// ---------------------------------------------------------------------------------------------

export interface ResetMailJob {
  resetId: number;
}

/**
 * An admin starts a password reset for another admin (or themself): a one-time link, valid one hour,
 * is e-mailed to the account's address. The admin never sees the link nor chooses the password.
 *
 * No token exists yet when this returns: the mail job mints it (sendPasswordResetMail), so the token
 * is never in Redis, in the job's data or in Bull Board, where a super admin could read it. Until then
 * the row holds the hash of a random value nobody knows. A newer reset makes the older unused links
 * of the account stop working.
 */
export async function startPasswordReset(
  deps: { prisma: PrismaClient; queues: Pick<Queues, "byName"> },
  actorId: number | null,
  targetId: number,
): Promise<{ resetId: number; expiresAt: Date }> {
  const now = new Date();
  const reset = await deps.prisma.$transaction(async (tx) => {
    const target = await tx.adminUser.findUnique({ where: { id: targetId }, select: { id: true } });
    if (!target) throw refuse.notFound();
    await tx.passwordResetToken.updateMany({
      where: { adminId: targetId, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    const row = await tx.passwordResetToken.create({
      data: {
        adminId: targetId,
        tokenHash: tokenHash(randomBytes(32).toString("base64url")),
        expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS),
        requestedBy: actorId,
      },
      select: { id: true, expiresAt: true },
    });
    await writeAudit(tx, {
      action: "password_reset_requested",
      resourceType: RESOURCE,
      resourceId: targetId,
      after: { resetId: row.id, expiresAt: row.expiresAt },
    });
    return row;
  });
  const job: ResetMailJob = { resetId: reset.id };
  // One job per reset (the job id): adding it again is a no-op.
  await deps.queues.byName.mail.add("password-reset", job, {
    ...MAIL_JOB_OPTIONS,
    jobId: `password-reset-${reset.id}`,
  });
  return { resetId: reset.id, expiresAt: reset.expiresAt };
}

/** The reset page's link, as the e-mail carries it. */
export function resetLink(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, "")}/admin/reset-password?token=${token}`;
}

/** The e-mail: French first, then English (admin users have no language of their own). */
export function resetMessage(to: { email: string; name: string }, link: string, expiresAt: Date) {
  const until = `${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const text = [
    `Bonjour ${to.name},`,
    "",
    "Un administrateur du back-office Locod-AI a demandé la réinitialisation de votre mot de passe.",
    `Pour en choisir un nouveau, ouvrez ce lien (valable une seule fois, jusqu'au ${until}) :`,
    "",
    link,
    "",
    "Si vous n'attendiez pas ce message, ignorez-le : votre mot de passe actuel reste valable.",
    "",
    "-- ",
    "",
    `Hello ${to.name},`,
    "",
    "An administrator of the Locod-AI back-office asked for your password to be reset.",
    `To choose a new one, open this link (it works once, until ${until}):`,
    "",
    link,
    "",
    "If you did not expect this message, ignore it: your current password stays valid.",
    "",
  ].join("\n");
  return {
    to: to.email,
    subject: "Réinitialisation de votre mot de passe / Reset your password — Locod-AI",
    text,
  };
}

/**
 * The `password-reset` job of the mail queue: mints the token, stores its hash, e-mails the link.
 * Each attempt mints a new token, so a retry after a failed send leaves only the link it sends
 * working. A reset already used, expired or replaced by a newer one sends nothing.
 */
export async function sendPasswordResetMail(
  deps: { prisma: PrismaClient; config: Pick<Config, "publicBaseUrl" | "mail">; log?: Logger },
  job: ResetMailJob,
): Promise<{ sent: boolean }> {
  const token = randomBytes(32).toString("base64url");
  const minted = await deps.prisma.passwordResetToken.updateMany({
    where: { id: job.resetId, usedAt: null, expiresAt: { gt: new Date() } },
    data: { tokenHash: tokenHash(token) },
  });
  if (minted.count === 0) {
    deps.log?.info({ resetId: job.resetId }, "password reset no longer pending: no mail sent");
    return { sent: false };
  }
  const reset = await deps.prisma.passwordResetToken.findUniqueOrThrow({
    where: { id: job.resetId },
    select: { expiresAt: true, admin: { select: { email: true, name: true } } },
  });
  await sendMail(
    deps.config.mail,
    resetMessage(reset.admin, resetLink(deps.config.publicBaseUrl, token), reset.expiresAt),
  );
  return { sent: true };
}

export type ResetTokenState =
  | { state: "valid"; resetId: number; admin: { id: number; email: string; name: string } }
  | { state: "unknown" | "used" | "expired" };

/** What a reset link is worth now (the reset page shows its form only for a valid one). */
export async function inspectResetToken(prisma: PrismaClient, token: string): Promise<ResetTokenState> {
  if (!TOKEN_SHAPE.test(token)) return { state: "unknown" };
  const row = await prisma.passwordResetToken.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: { id: true, usedAt: true, expiresAt: true, admin: { select: { id: true, email: true, name: true } } },
  });
  if (!row) return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt.getTime() <= Date.now()) return { state: "expired" };
  return { state: "valid", resetId: row.id, admin: row.admin };
}

/**
 * Sets a new password from a reset link. The token is spent by a conditional update (unused and not
 * expired at that instant): of two submissions of one link, one wins and the other is told it was
 * used. Every login of the account ends (whoever asked for the reset feared someone else had it).
 */
export async function completePasswordReset(
  deps: { prisma: PrismaClient; config: Pick<Config, "bcryptCost"> },
  input: { token: string; password: string; confirm: string },
): Promise<{ adminId: number; email: string }> {
  const found = await inspectResetToken(deps.prisma, input.token);
  if (found.state !== "valid") throw refuse.resetToken(found.state);
  checkNewPassword(input.password, input.confirm, found.admin);
  // bcrypt takes a quarter of a second: outside the transaction.
  const hash = await hashPassword(input.password, deps.config.bcryptCost);
  return deps.prisma.$transaction(async (tx) => {
    const now = new Date();
    const spent = await tx.passwordResetToken.updateMany({
      where: { id: found.resetId, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (spent.count !== 1) throw refuse.resetToken("used");
    await tx.adminUser.update({ where: { id: found.admin.id }, data: { passwordHash: hash } });
    const ended = await endSessions(tx, found.admin.id);
    await writeAudit(tx, {
      action: "password_reset",
      resourceType: RESOURCE,
      resourceId: found.admin.id,
      // Nobody is logged in on the reset page: the account's owner acts, by the link they received.
      adminId: found.admin.id,
      after: { resetId: found.resetId, ...ended },
    });
    return { adminId: found.admin.id, email: found.admin.email };
  });
}

// ---------------------------------------------------------------------------------------------
// Changing one's own password
// ---------------------------------------------------------------------------------------------

/**
 * A logged-in admin changes their own password, giving the current one. Their other logins end (the
 * form sessions but `keepSid`, and every API token); the session making the change stays.
 */
export async function changeOwnPassword(
  deps: { prisma: PrismaClient; config: Pick<Config, "bcryptCost"> },
  adminId: number,
  input: { current: string; password: string; confirm: string },
  keepSid: string,
): Promise<EndedSessions> {
  const user = await deps.prisma.adminUser.findUnique({
    where: { id: adminId },
    select: { id: true, email: true, name: true, status: true, passwordHash: true },
  });
  if (!user || user.status !== "active") throw refuse.notLoggedIn();
  if (!(await verifyPassword(input.current, user.passwordHash))) throw refuse.currentPasswordWrong();
  checkNewPassword(input.password, input.confirm, user);
  if (await verifyPassword(input.password, user.passwordHash)) throw refuse.passwordUnchanged();
  const hash = await hashPassword(input.password, deps.config.bcryptCost);
  return deps.prisma.$transaction(async (tx) => {
    // Conditional on the hash checked above: a reset completed meanwhile is not silently overwritten.
    const changed = await tx.adminUser.updateMany({
      where: { id: adminId, passwordHash: user.passwordHash, status: "active" },
      data: { passwordHash: hash },
    });
    if (changed.count !== 1) throw refuse.passwordChangedElsewhere();
    const ended = await endSessions(tx, adminId, keepSid);
    await writeAudit(tx, {
      action: "password_change",
      resourceType: RESOURCE,
      resourceId: adminId,
      adminId,
      after: { ...ended },
    });
    return ended;
  });
}
