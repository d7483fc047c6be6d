// The admin users service against the real PostgreSQL (and Redis for the mail queue), without HTTP.
import bcrypt from "bcrypt";
import type { PrismaClient } from "@prisma/client";
import { makeAdmin } from "../../../test/factories/index.js";
import { makeTestApp, type TestApp } from "../../../test/helpers/app.js";
import { startSmtp, type TestSmtp } from "../../../test/helpers/smtp.js";
import {
  AdminUserError,
  changeOwnPassword,
  completePasswordReset,
  disableAdmin,
  enableAdmin,
  forceLogout,
  inspectResetToken,
  rosterRefusal,
  sendPasswordResetMail,
  startPasswordReset,
  tokenHash,
  updateAdminUser,
  type RosterEntry,
} from "./service.js";

let t: TestApp;
let prisma: PrismaClient;
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await makeTestApp({ SMTP_URL: smtp.url });
  prisma = t.deps.prisma;
});

afterAll(async () => {
  await t.deps.queues.byName.mail.obliterate({ force: true });
  await t.close();
  await smtp.close();
});

/** A form-login session row, as connect-pg-simple stores it. */
async function loginSession(adminId: number, sid = `sid-${adminId}-${Math.random().toString(36).slice(2)}`) {
  await prisma.session.create({
    data: {
      sid,
      sess: { cookie: { path: "/" }, adminUser: { id: adminId, email: "x@test.local", name: "X", role: "admin" } },
      expire: new Date(Date.now() + 3600_000),
    },
  });
  return sid;
}

async function apiToken(adminId: number) {
  const id = `jti-${adminId}-${Math.random().toString(36).slice(2)}`;
  await prisma.adminSession.create({ data: { id, adminId, expiresAt: new Date(Date.now() + 3600_000) } });
  return id;
}

async function sessionsOf(adminId: number) {
  const rows = await prisma.$queryRaw<{ sid: string }[]>`
    SELECT sid FROM "session" WHERE (sess -> 'adminUser' ->> 'id') = ${String(adminId)}`;
  return { login: rows.map((r) => r.sid), api: await prisma.adminSession.count({ where: { adminId } }) };
}

const audits = (action: string, resourceId: number) =>
  prisma.adminActivityLog.findMany({ where: { action, resourceId } });

async function refusal(promise: Promise<unknown>): Promise<AdminUserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdminUserError);
  return error as AdminUserError;
}

/** Makes `keep` the only active super admin (other tests' super admins become admins). */
async function onlySuperAdmin(keep: number) {
  await prisma.adminUser.updateMany({
    where: { role: "super_admin", id: { not: keep } },
    data: { role: "admin" },
  });
}

describe("rosterRefusal", () => {
  const sa = (id: number, extra: Partial<RosterEntry> = {}): RosterEntry => ({
    id,
    role: "super_admin",
    status: "active",
    permissions: null,
    ...extra,
  });

  it("refuses an admin disabling themselves", () => {
    expect(rosterRefusal(1, sa(1), sa(1, { status: "disabled" }), [sa(1), sa(2)])).toBe("selfDisable");
  });

  it("refuses taking settings.system from the last active super admin, by role, permissions or status", () => {
    const roster = [sa(1)];
    expect(rosterRefusal(2, sa(1), sa(1, { role: "admin" }), roster)).toBe("lastSuperAdmin");
    expect(rosterRefusal(2, sa(1), sa(1, { permissions: ["customers.view"] }), roster)).toBe("lastSuperAdmin");
    expect(rosterRefusal(2, sa(1), sa(1, { status: "disabled" }), roster)).toBe("lastSuperAdmin");
  });

  it("does not count a super admin whose permissions lack settings.system, nor a disabled one", () => {
    const roster = [sa(1), sa(2, { permissions: ["customers.view"] }), sa(3, { status: "disabled" })];
    expect(rosterRefusal(9, sa(1), sa(1, { role: "admin" }), roster)).toBe("lastSuperAdmin");
  });

  it("allows it when another active super admin remains, and any change to other roles", () => {
    expect(rosterRefusal(2, sa(1), sa(1, { role: "admin" }), [sa(1), sa(2)])).toBeNull();
    const editor: RosterEntry = { id: 5, role: "editor", status: "active", permissions: null };
    expect(rosterRefusal(1, editor, { ...editor, status: "disabled" }, [sa(1)])).toBeNull();
  });
});

describe("settings service: role, permissions and status", () => {
  it("changes role and permissions with one audit row of the old and new values", async () => {
    const actor = await makeAdmin(prisma, { role: "super_admin" });
    const target = await makeAdmin(prisma, { role: "editor" });
    const updated = await updateAdminUser(prisma, actor.id, target.id, {
      role: "viewer",
      permissions: ["customers.view"],
    });
    expect(updated).toMatchObject({ role: "viewer", permissions: ["customers.view"] });
    const rows = await audits("update", target.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      resourceType: "admin_users",
      oldValues: { role: "editor", permissions: null },
      newValues: { role: "viewer", permissions: ["customers.view"] },
    });
  });

  it("refuses unknown permissions and a taken e-mail, naming the field", async () => {
    const target = await makeAdmin(prisma);
    const other = await makeAdmin(prisma);
    const unknown = await refusal(updateAdminUser(prisma, null, target.id, { permissions: ["customers.fly"] }));
    expect(unknown).toMatchObject({ field: "permissions", reason: "permissionUnknown", code: "validation" });
    const taken = await refusal(updateAdminUser(prisma, null, target.id, { email: other.email.toUpperCase() }));
    expect(taken).toMatchObject({ field: "email", reason: "fieldTaken", code: "conflict" });
  });

  it("gives one e-mail to one of two accounts edited at once", async () => {
    const a = await makeAdmin(prisma);
    const b = await makeAdmin(prisma);
    const email = `shared-${Date.now()}@test.local`;
    const results = await Promise.allSettled([
      updateAdminUser(prisma, null, a.id, { email }),
      updateAdminUser(prisma, null, b.id, { email }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      field: "email",
      reason: "fieldTaken",
    });
  });

  it("lets one of two admins demoting the last two super admins at once win", async () => {
    const a = await makeAdmin(prisma, { role: "super_admin" });
    const b = await makeAdmin(prisma, { role: "super_admin" });
    await onlySuperAdmin(a.id);
    await prisma.adminUser.update({ where: { id: b.id }, data: { role: "super_admin" } });
    const results = await Promise.allSettled([
      updateAdminUser(prisma, b.id, a.id, { role: "admin" }),
      updateAdminUser(prisma, a.id, b.id, { role: "admin" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ reason: "lastSuperAdmin", field: "role" });
    expect(await prisma.adminUser.count({ where: { role: "super_admin", status: "active" } })).toBe(1);
  });

  it("disables an account: all its logins end, other accounts' stay, one audit row", async () => {
    const actor = await makeAdmin(prisma, { role: "super_admin" });
    const target = await makeAdmin(prisma, { role: "editor" });
    const bystander = await makeAdmin(prisma);
    await loginSession(target.id);
    await loginSession(target.id);
    await apiToken(target.id);
    const kept = await loginSession(bystander.id);
    await apiToken(bystander.id);

    expect(await disableAdmin(prisma, actor.id, target.id)).toEqual({ loginSessionsEnded: 2, apiSessionsEnded: 1 });
    expect(await sessionsOf(target.id)).toEqual({ login: [], api: 0 });
    expect(await sessionsOf(bystander.id)).toEqual({ login: [kept], api: 1 });
    const rows = await audits("disable", target.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      adminId: null, // no request context here: the caller's context names the actor
      oldValues: { status: "active" },
      newValues: { status: "disabled", loginSessionsEnded: 2, apiSessionsEnded: 1 },
    });
  });

  it("gives one of two racing disables the change and the other a conflict", async () => {
    const target = await makeAdmin(prisma);
    const results = await Promise.allSettled([
      disableAdmin(prisma, null, target.id),
      disableAdmin(prisma, null, target.id),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      reason: "alreadyDisabled",
      code: "conflict",
    });
    expect(await audits("disable", target.id)).toHaveLength(1);
    await enableAdmin(prisma, null, target.id);
    expect((await prisma.adminUser.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("active");
    expect(await audits("enable", target.id)).toHaveLength(1);
  });

  it("refuses an admin disabling themselves, and disabling the last super admin", async () => {
    const root = await makeAdmin(prisma, { role: "super_admin" });
    await onlySuperAdmin(root.id);
    expect(await refusal(disableAdmin(prisma, root.id, root.id))).toMatchObject({ reason: "selfDisable" });
    expect(await refusal(disableAdmin(prisma, null, root.id))).toMatchObject({ reason: "lastSuperAdmin" });
    expect(await refusal(updateAdminUser(prisma, null, root.id, { status: "disabled" }))).toMatchObject({
      reason: "lastSuperAdmin",
      field: "status",
    });
    expect((await prisma.adminUser.findUniqueOrThrow({ where: { id: root.id } })).status).toBe("active");
  });

  it("forces a logout: form sessions and API tokens end, one audit row", async () => {
    const target = await makeAdmin(prisma);
    await loginSession(target.id);
    await apiToken(target.id);
    await apiToken(target.id);
    expect(await forceLogout(prisma, target.id)).toEqual({ loginSessionsEnded: 1, apiSessionsEnded: 2 });
    expect(await sessionsOf(target.id)).toEqual({ login: [], api: 0 });
    expect(await audits("force_logout", target.id)).toHaveLength(1);
  });
});

describe("settings service: password reset", () => {
  /** Starts a reset and runs its mail job here; returns the token of the link the e-mail carries. */
  async function resetFor(target: { id: number; email: string }, actorId: number | null = null) {
    const { resetId } = await startPasswordReset(t.deps, actorId, target.id);
    const before = smtp.messages.length;
    await expect(sendPasswordResetMail({ prisma, config: t.deps.config }, { resetId })).resolves.toEqual({
      sent: true,
    });
    const mail = await smtp.waitFor((m) => smtp.messages.indexOf(m) >= before && m.to.includes(target.email));
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(token).toHaveLength(43);
    return { resetId, token: token!, mail };
  }

  it("stores only the token's SHA-256 and queues a mail job that carries no token", async () => {
    const actor = await makeAdmin(prisma, { role: "super_admin" });
    const target = await makeAdmin(prisma);
    const { resetId, token, mail } = await resetFor(target, actor.id);
    const row = await prisma.passwordResetToken.findUniqueOrThrow({ where: { id: resetId } });
    expect(row).toMatchObject({ adminId: target.id, requestedBy: actor.id, usedAt: null, tokenHash: tokenHash(token) });
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(3600_000, -3);
    const job = await t.deps.queues.byName.mail.getJob(`password-reset-${resetId}`);
    expect(JSON.stringify(job?.data)).toBe(JSON.stringify({ resetId }));
    // French first, then English, both with the link.
    expect(mail.text.indexOf("Bonjour")).toBeLessThan(mail.text.indexOf("Hello"));
    expect(mail.text.split(`token=${token}`)).toHaveLength(3);
    expect(mail.text).toContain(`${t.deps.config.publicBaseUrl}/admin/reset-password?token=${token}`);
    expect(await audits("password_reset_requested", target.id)).toHaveLength(1);
  });

  it("sets the password once, ends every login of the account, and audits it", async () => {
    const target = await makeAdmin(prisma, { name: "Camille Durand" });
    await loginSession(target.id);
    await apiToken(target.id);
    const { token } = await resetFor(target);

    const done = await completePasswordReset(t.deps, {
      token,
      password: "un cheval blanc au galop",
      confirm: "un cheval blanc au galop",
    });
    expect(done).toEqual({ adminId: target.id, email: target.email });
    const stored = await prisma.adminUser.findUniqueOrThrow({ where: { id: target.id } });
    expect(await bcrypt.compare("un cheval blanc au galop", stored.passwordHash)).toBe(true);
    expect(await sessionsOf(target.id)).toEqual({ login: [], api: 0 });
    const rows = await audits("password_reset", target.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ adminId: target.id });
    expect(JSON.stringify(rows[0])).not.toContain("cheval");

    expect(await inspectResetToken(prisma, token)).toEqual({ state: "used" });
    const again = await refusal(
      completePasswordReset(t.deps, {
        token,
        password: "une autre phrase assez longue",
        confirm: "une autre phrase assez longue",
      }),
    );
    expect(again).toMatchObject({ field: "token", reason: "resetTokenUsed" });
  });

  it("lets one of two submissions of the same link win", async () => {
    const target = await makeAdmin(prisma);
    const { token } = await resetFor(target);
    const submit = (password: string) => completePasswordReset(t.deps, { token, password, confirm: password });
    const results = await Promise.allSettled([
      submit("premier mot de passe choisi"),
      submit("second mot de passe choisi"),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await audits("password_reset", target.id)).toHaveLength(1);
  });

  it("refuses an expired or unknown link, a mismatch and a policy breach, changing nothing", async () => {
    const target = await makeAdmin(prisma, { email: `jeanne.valjean${Date.now()}@test.local` });
    const { token, resetId } = await resetFor(target);
    const attempt = (password: string, confirm = password) =>
      refusal(completePasswordReset(t.deps, { token, password, confirm }));

    expect(await attempt("un cheval blanc au galop", "un cheval blanc au trot")).toMatchObject({
      field: "confirm",
      reason: "passwordMismatch",
    });
    expect(await attempt("Marseille13000")).toMatchObject({ field: "password", reason: "passwordCommon" });
    expect(await attempt("jeanne.valjean-1832")).toMatchObject({ field: "password", reason: "passwordContainsEmail" });
    expect(await inspectResetToken(prisma, token)).toMatchObject({ state: "valid" });

    await prisma.passwordResetToken.update({
      where: { id: resetId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await attempt("un cheval blanc au galop")).toMatchObject({ field: "token", reason: "resetTokenExpired" });
    expect(
      await refusal(completePasswordReset(t.deps, { token: "x".repeat(43), password: "a", confirm: "a" })),
    ).toMatchObject({ reason: "resetTokenUnknown" });
    const stored = await prisma.adminUser.findUniqueOrThrow({ where: { id: target.id } });
    expect(stored.passwordHash).toBe(target.passwordHash);
    expect(await audits("password_reset", target.id)).toHaveLength(0);
  });

  it("makes an older link stop working when a newer one is sent, and sends nothing for it", async () => {
    const target = await makeAdmin(prisma);
    const first = await resetFor(target);
    const second = await resetFor(target);
    expect(await inspectResetToken(prisma, first.token)).toEqual({ state: "expired" });
    expect(await inspectResetToken(prisma, second.token)).toMatchObject({ state: "valid" });
    const sent = smtp.messages.length;
    expect(await sendPasswordResetMail({ prisma, config: t.deps.config }, { resetId: first.resetId })).toEqual({
      sent: false,
    });
    expect(smtp.messages.length).toBe(sent);
  });
});

describe("settings service: one's own password", () => {
  it("asks for the current password, checks the new one, ends the other logins but this one", async () => {
    const me = await makeAdmin(prisma, { password: "mon ancien mot de passe" });
    const here = await loginSession(me.id);
    await loginSession(me.id);
    await apiToken(me.id);
    const change = (current: string, password: string, confirm = password) =>
      changeOwnPassword(t.deps, me.id, { current, password, confirm }, here);

    expect(await refusal(change("pas le bon", "un nouveau mot de passe"))).toMatchObject({
      field: "current",
      reason: "currentPasswordWrong",
    });
    expect(await refusal(change("mon ancien mot de passe", "mon ancien mot de passe"))).toMatchObject({
      reason: "passwordUnchanged",
    });
    expect(await refusal(change("mon ancien mot de passe", "azertyuiop123"))).toMatchObject({
      field: "password",
      reason: "passwordCommon",
    });
    expect(await audits("password_change", me.id)).toHaveLength(0);

    expect(await change("mon ancien mot de passe", "un nouveau mot de passe")).toEqual({
      loginSessionsEnded: 1,
      apiSessionsEnded: 1,
    });
    expect(await sessionsOf(me.id)).toEqual({ login: [here], api: 0 });
    const stored = await prisma.adminUser.findUniqueOrThrow({ where: { id: me.id } });
    expect(await bcrypt.compare("un nouveau mot de passe", stored.passwordHash)).toBe(true);
    expect(await audits("password_change", me.id)).toHaveLength(1);
  });
});
