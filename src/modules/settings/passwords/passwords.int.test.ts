// Password resets by e-mailed link and the change of one's own password, against the real PostgreSQL (and
// Redis for the mail queue, a local SMTP server for the mail), without HTTP.
import bcrypt from "bcrypt";
import type { PrismaClient } from "@prisma/client";
import { makeAdmin } from "../../../../test/factories/index.js";
import { adminSessions, refusal } from "../../../../test/helpers/admin-sessions.js";
import { makeTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { startSmtp, type TestSmtp } from "../../../../test/helpers/smtp.js";
import { changeOwnPassword } from "./change-own-password.js";
import { completePasswordReset, inspectResetToken } from "./complete-password-reset.js";
import { tokenHash } from "./password-rules.js";
import { sendPasswordResetMail } from "./send-password-reset-mail.js";
import { startPasswordReset } from "./start-password-reset.js";

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

const { loginSession, apiToken, sessionsOf, audits } = adminSessions(() => prisma);

describe("password reset", () => {
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
    // In the admin's language (French by default), with the link once.
    expect(mail.text).toContain("Bonjour");
    expect(mail.text).not.toContain("Hello");
    expect(mail.text.split(`token=${token}`)).toHaveLength(2);
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

describe("one's own password", () => {
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
