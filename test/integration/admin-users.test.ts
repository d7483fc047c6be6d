// Admin users through the portal as a browser uses it: AdminJS's action endpoints, the e-mailed reset
// link (real SMTP server, real mail worker) and the change-password page.
import bcrypt from "bcrypt";
import request from "supertest";
import type { Response } from "supertest";
import type { PrismaClient } from "@prisma/client";
import { startWorkers, type Workers } from "../../src/queues/registry.js";
import { tokenHash } from "../../src/modules/settings/passwords/password-rules.js";
import { browserAgent, loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { startSmtp, type CapturedMail, type TestSmtp } from "../helpers/smtp.js";
import { makeAdmin } from "../factories/index.js";

type Agent = ReturnType<typeof browserAgent>;

let t: TestApp;
let prisma: PrismaClient;
let smtp: TestSmtp;
let workers: Workers;
let root: Awaited<ReturnType<typeof makeAdmin>>;
let rootAgent: Agent;

const ACTIONS = ["disable", "enable", "resetPassword", "forceLogout"] as const;

function runWorkers(app: TestApp): Workers {
  const { config } = app.deps;
  return startWorkers({ prisma: app.deps.prisma, log: app.deps.log, config, queues: app.deps.queues });
}

beforeAll(async () => {
  smtp = await startSmtp();
  t = await makeTestApp({ SMTP_URL: smtp.url });
  prisma = t.deps.prisma;
  workers = runWorkers(t);
  root = await makeAdmin(prisma, { role: "super_admin", name: "Root Admin" });
  rootAgent = await loginAgent(t.app, root.email, root.password);
});

afterAll(async () => {
  await workers.close();
  await t.deps.queues.byName.mail.obliterate({ force: true });
  await t.close();
  await smtp.close();
});

/** POSTs a record action of admin_users, as the ConfirmAction page does (JSON body, same origin). */
const act = (agent: Agent, id: number, action: string) =>
  agent.post(`/admin/api/resources/admin_users/records/${id}/${action}`).send({});

const edit = (agent: Agent, id: number, form: Record<string, string>) =>
  agent.post(`/admin/api/resources/admin_users/records/${id}/edit`).type("form").send(form);

const auditCount = (action: string, resourceId: number) =>
  prisma.adminActivityLog.count({ where: { action, resourceId } });

/** The requests of a logged-in admin: AdminJS's API answers, the back-office page opens. */
async function expectLoggedIn(agent: Agent) {
  expect((await agent.get("/admin/api/resources/customers/actions/list")).status).toBe(200);
}

/** The session is over: the API answers 401, the back-office sends to the login form. */
async function expectLoggedOut(agent: Agent) {
  expect((await agent.get("/admin/api/resources/customers/actions/list")).status).toBe(401);
  const page = await agent.get("/admin");
  expect(page.status).toBe(302);
  expect(page.headers.location).toMatch(/\/admin\/login$/);
}

async function apiToken(adminId: number) {
  const id = `jti-${adminId}-${Math.random().toString(36).slice(2)}`;
  await prisma.adminSession.create({ data: { id, adminId, expiresAt: new Date(Date.now() + 3600_000) } });
}

/** Our own pages: no script, nothing loaded from elsewhere, not cached. */
function expectSelfContainedPage(res: Response) {
  expect(res.type).toBe("text/html");
  expect(res.headers["cache-control"]).toBe("no-store");
  expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
  expect(res.text).not.toMatch(/<script|\ssrc=|href="https?:/);
}

/** The reset link of the newest e-mail to `email`, as a path supertest can open. */
async function resetLinkFor(email: string, after = 0): Promise<{ mail: CapturedMail; url: URL; token: string }> {
  const mail = await smtp.waitFor((m) => smtp.messages.indexOf(m) >= after && m.to.includes(email));
  const link = /https?:\/\/\S+\/admin\/reset-password\?token=[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  expect(link).toBeDefined();
  const url = new URL(link!);
  return { mail, url, token: url.searchParams.get("token")! };
}

describe("admin users: access", () => {
  it("gives a non-super_admin a forbidden answer for every admin user action, changing nothing", async () => {
    const admin = await makeAdmin(prisma, { role: "admin" });
    const target = await makeAdmin(prisma, { role: "editor" });
    const agent = await loginAgent(t.app, admin.email, admin.password);
    const audits = await prisma.adminActivityLog.count();
    for (const action of ACTIONS) {
      const res = await act(agent, target.id, action);
      expect({ action, status: res.status, notice: res.body.notice?.type }).toEqual({
        action,
        status: 403,
        notice: "error",
      });
    }
    const edited = await edit(agent, target.id, { role: "super_admin" });
    expect(edited.status).toBe(403);
    expect(await prisma.adminUser.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      role: "editor",
      status: "active",
    });
    expect(await prisma.passwordResetToken.count({ where: { adminId: target.id } })).toBe(0);
    expect(await prisma.adminActivityLog.count()).toBe(audits);
  });

  it("changes nothing on a GET of an action (the page), only on its POST", async () => {
    const target = await makeAdmin(prisma, { role: "editor" });
    for (const action of ACTIONS) {
      const res = await rootAgent.get(`/admin/api/resources/admin_users/records/${target.id}/${action}`);
      expect(res.status).toBe(200);
      expect(String(res.body.record.id)).toBe(String(target.id));
      expect(res.body.notice).toBeUndefined();
    }
    expect((await prisma.adminUser.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("active");
    expect(await prisma.passwordResetToken.count({ where: { adminId: target.id } })).toBe(0);
  });

  it("offers disable to active accounts but one's own, and enable to disabled ones", async () => {
    const active = await makeAdmin(prisma);
    const disabled = await makeAdmin(prisma, { status: "disabled" });
    const actions = async (id: number) =>
      (
        (await rootAgent.get(`/admin/api/resources/admin_users/records/${id}/show`)).body.record.recordActions as {
          name: string;
        }[]
      ).map((a) => a.name);
    expect(await actions(active.id)).toEqual(expect.arrayContaining(["disable", "resetPassword", "forceLogout"]));
    expect(await actions(active.id)).not.toContain("enable");
    expect(await actions(disabled.id)).toContain("enable");
    expect(await actions(disabled.id)).not.toContain("disable");
    expect(await actions(root.id)).not.toContain("disable");
  });
});

describe("admin users: disable, enable, force logout", () => {
  it("disables an account: its sessions end at once (401 on the API, login page on /admin)", async () => {
    const target = await makeAdmin(prisma, { role: "editor" });
    const browser = await loginAgent(t.app, target.email, target.password);
    await apiToken(target.id);
    await expectLoggedIn(browser);

    const res = await act(rootAgent, target.id, "disable");
    expect(res.body.notice).toEqual({ message: "disableDone", type: "success" });
    expect(res.body.redirectUrl).toBe(`/admin/resources/admin_users/records/${target.id}/show`);
    expect(res.body.record.params.status).toBe("disabled");
    expect(res.text).not.toMatch(/passwordHash|\$2[aby]\$/);

    await expectLoggedOut(browser);
    expect(await prisma.adminSession.count({ where: { adminId: target.id } })).toBe(0);
    await expect(loginAgent(t.app, target.email, target.password)).rejects.toThrow();
    expect(await auditCount("disable", target.id)).toBe(1);

    const again = await act(rootAgent, target.id, "disable");
    expect(again.body.notice).toMatchObject({ type: "error", message: "$t(messages.alreadyDisabled)" });
    expect(await auditCount("disable", target.id)).toBe(1);

    const enabled = await act(rootAgent, target.id, "enable");
    expect(enabled.body.notice).toEqual({ message: "enableDone", type: "success" });
    await expect(loginAgent(t.app, target.email, target.password)).resolves.toBeDefined();
    expect(await auditCount("enable", target.id)).toBe(1);
  });

  it("disables through the edit form too, ending the sessions, with one audit row", async () => {
    const target = await makeAdmin(prisma, { role: "editor" });
    const browser = await loginAgent(t.app, target.email, target.password);
    const res = await edit(rootAgent, target.id, { status: "disabled" });
    expect(res.body.notice).toEqual({ message: "successfullyUpdated", type: "success" });
    await expectLoggedOut(browser);
    const rows = await prisma.adminActivityLog.findMany({ where: { action: "update", resourceId: target.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      adminId: root.id,
      oldValues: { status: "active" },
      newValues: { status: "disabled", loginSessionsEnded: 1 },
    });
  });

  it("forces a logout: every session of the account ends, the account stays usable", async () => {
    const target = await makeAdmin(prisma, { role: "editor" });
    const laptop = await loginAgent(t.app, target.email, target.password);
    const phone = await loginAgent(t.app, target.email, target.password);
    await apiToken(target.id);

    const res = await act(rootAgent, target.id, "forceLogout");
    expect(res.body.notice).toEqual({ message: "forceLogoutDone", type: "success" });
    await expectLoggedOut(laptop);
    await expectLoggedOut(phone);
    expect(await prisma.adminSession.count({ where: { adminId: target.id } })).toBe(0);
    expect(await auditCount("force_logout", target.id)).toBe(1);
    await expectLoggedIn(await loginAgent(t.app, target.email, target.password));
  });

  it("refuses to disable oneself or to take settings.system from the last super admin, saying why", async () => {
    await prisma.adminUser.updateMany({
      where: { role: "super_admin", id: { not: root.id } },
      data: { role: "admin" },
    });
    const self = await act(rootAgent, root.id, "disable");
    expect(self.body.notice).toMatchObject({ type: "error", message: "$t(messages.selfDisable)" });

    const demote = await edit(rootAgent, root.id, { role: "admin" });
    expect(demote.body.notice.type).toBe("error");
    expect(demote.body.record.errors.role.message).toContain("lastSuperAdmin");
    const narrow = await edit(rootAgent, root.id, { permissions: '["customers.view"]' });
    expect(narrow.body.record.errors.permissions.message).toContain("lastSuperAdmin");
    const selfEdit = await edit(rootAgent, root.id, { status: "disabled" });
    expect(selfEdit.body.record.errors.status.message).toContain("selfDisable");

    expect(await prisma.adminUser.findUniqueOrThrow({ where: { id: root.id } })).toMatchObject({
      role: "super_admin",
      status: "active",
      permissions: null,
    });
    await expectLoggedIn(rootAgent);
    expect(await auditCount("update", root.id)).toBe(0);

    // With a second super admin, either may lose the role.
    const second = await makeAdmin(prisma, { role: "super_admin" });
    const res = await edit(rootAgent, second.id, { role: "admin" });
    expect(res.body.notice).toEqual({ message: "successfullyUpdated", type: "success" });
    expect(await auditCount("update", second.id)).toBe(1);
  });

  it("changes role and permissions through the edit form, refusing unknown permissions", async () => {
    const target = await makeAdmin(prisma, { role: "editor" });
    const res = await edit(rootAgent, target.id, { role: "viewer", permissions: '["customers.view","billing.view"]' });
    expect(res.body.notice.type).toBe("success");
    expect(await prisma.adminUser.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      role: "viewer",
      permissions: ["customers.view", "billing.view"],
    });
    const odd = await edit(rootAgent, target.id, { permissions: '["customers.fly"]' });
    // The column's own rule (src/db/columns.ts): an item that is no permission of the matrix, named.
    expect(odd.body.record.errors.permissions.message).toContain("fieldInvalidChoice");
    expect(odd.body.record.errors.permissions.message).toContain('"customers.fly"');
    expect(await auditCount("update", target.id)).toBe(1);
  });
});

describe("admin users: passwords set by the policy", () => {
  it("names the password field when the creation form's password breaks the policy", async () => {
    const before = await prisma.adminUser.count();
    for (const [password, problem] of [
      ["Marseille13000", "passwordCommon"],
      ["qwertyuiopasdf", "passwordSequence"],
      ["nouvelle.recrue 2026", "passwordContainsEmail"],
      ["xxxxxxxxxxxx", "passwordRepeated"],
    ] as const) {
      const res = await rootAgent
        .post("/admin/api/resources/admin_users/actions/new")
        .type("form")
        .send({ email: "Nouvelle.Recrue@locod-ai.local", name: "Nouvelle Recrue", role: "viewer", password });
      expect(res.body.notice.type).toBe("error");
      expect(res.body.record.errors.password.message).toContain(problem);
      expect(res.text).not.toContain(password);
    }
    expect(await prisma.adminUser.count()).toBe(before);

    const created = await rootAgent.post("/admin/api/resources/admin_users/actions/new").type("form").send({
      email: "Nouvelle.Recrue@locod-ai.local",
      name: "Nouvelle Recrue",
      role: "viewer",
      password: "trois petits chats sur un toit",
    });
    expect(created.body.notice).toEqual({ message: "successfullyCreated", type: "success" });
    const user = await prisma.adminUser.findUniqueOrThrow({ where: { email: "nouvelle.recrue@locod-ai.local" } });
    expect(await auditCount("create", user.id)).toBe(1);
    await expectLoggedIn(await loginAgent(t.app, user.email, "trois petits chats sur un toit"));
  });

  it("never lets an admin type another admin's password in the edit form", async () => {
    const target = await makeAdmin(prisma);
    const res = await edit(rootAgent, target.id, { name: "Renamed", password: "a brand new passphrase" });
    expect(res.body.record.errors.password.message).toContain("passwordUseReset");
    expect(await prisma.adminUser.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      name: target.name,
      passwordHash: target.passwordHash,
    });
  });
});

describe("admin users: password reset by e-mailed link", () => {
  it("e-mails a working one-time link; the new password works and every session ends", async () => {
    const target = await makeAdmin(prisma, { role: "editor", name: "Lucie Bernard" });
    const browser = await loginAgent(t.app, target.email, target.password);
    const sent = smtp.messages.length;

    const res = await act(rootAgent, target.id, "resetPassword");
    expect(res.body.notice).toEqual({ message: "resetPasswordDone", type: "success" });
    expect(await auditCount("password_reset_requested", target.id)).toBe(1);

    const { mail, url, token } = await resetLinkFor(target.email, sent);
    expect(mail.to).toEqual([target.email]);
    expect(mail.from).toBe("no-reply@locod-ai.local");
    // In the admin's language (French by default).
    expect(mail.subject).toBe("Réinitialisation de votre mot de passe — Locod-AI");
    expect(`${url.origin}`).toBe(new URL(t.deps.config.publicBaseUrl).origin);
    expect(mail.text).toContain("Bonjour Lucie Bernard");
    expect(mail.text).not.toContain("Hello Lucie Bernard");
    // Only the hash is stored; the token is in no table the admin can list.
    const stored = await prisma.passwordResetToken.findFirstOrThrow({ where: { adminId: target.id } });
    expect(stored).toMatchObject({ tokenHash: tokenHash(token), requestedBy: root.id, usedAt: null });
    const listed = await rootAgent.get("/admin/api/resources/password_reset_tokens/actions/list");
    expect(listed.text).not.toContain(token);
    expect(listed.text).not.toContain(stored.tokenHash);

    // The page, without any session: a form for the account.
    const visitor = browserAgent(t.app);
    const page = await visitor.get(url.pathname + url.search);
    expect(page.status).toBe(200);
    expectSelfContainedPage(page);
    expect(page.text).toContain(target.email);
    expect(page.text).toMatch(/<form method="post" action="\/admin\/reset-password">/);

    const submit = (password: string, confirm = password) =>
      visitor.post("/admin/reset-password").type("form").send({ token, password, confirm });
    const mismatch = await submit("une phrase assez longue", "une autre phrase");
    expect(mismatch.status).toBe(400);
    expect(mismatch.text).toMatch(/id="confirm-error"[^>]*>Les deux nouveaux mots de passe diffèrent/);
    const common = await submit("Password123456!");
    expect(common.status).toBe(400);
    expect(common.text).toMatch(/id="password-error"[^>]*>Mot de passe trop courant/);
    expect(common.text).toContain(`value="${token}"`);

    const done = await submit("le printemps revient toujours");
    expect(done.status).toBe(200);
    expectSelfContainedPage(done);
    expect(done.text).toContain("Votre mot de passe est enregistré");
    expect(await auditCount("password_reset", target.id)).toBe(1);

    await expectLoggedOut(browser);
    await expect(loginAgent(t.app, target.email, target.password)).rejects.toThrow();
    await expectLoggedIn(await loginAgent(t.app, target.email, "le printemps revient toujours"));

    // Once only.
    const reopened = await visitor.get(url.pathname + url.search);
    expect(reopened.status).toBe(400);
    expect(reopened.text).toContain("Ce lien de réinitialisation a déjà servi");
    expect(reopened.text).not.toContain("<form");
    const replay = await submit("encore une autre phrase");
    expect(replay.status).toBe(400);
    expect(replay.text).toContain("déjà servi");
    expect(await auditCount("password_reset", target.id)).toBe(1);
  });

  it("refuses an expired link, and an unknown one, with a clear page", async () => {
    const target = await makeAdmin(prisma);
    const sent = smtp.messages.length;
    await act(rootAgent, target.id, "resetPassword");
    const { url, token } = await resetLinkFor(target.email, sent);
    await prisma.passwordResetToken.updateMany({
      where: { tokenHash: tokenHash(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const page = await request(t.app).get(url.pathname + url.search);
    expect(page.status).toBe(400);
    expectSelfContainedPage(page);
    expect(page.text).toContain("Ce lien de réinitialisation a expiré");
    expect(page.text).toContain("This reset link has expired");
    const post = await browserAgent(t.app)
      .post("/admin/reset-password")
      .type("form")
      .send({ token, password: "le printemps revient toujours", confirm: "le printemps revient toujours" });
    expect(post.status).toBe(400);
    expect(post.text).toContain("a expiré");
    expect((await prisma.adminUser.findUniqueOrThrow({ where: { id: target.id } })).passwordHash).toBe(
      target.passwordHash,
    );

    const unknown = await request(t.app).get("/admin/reset-password?token=not-a-token");
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain("This reset link is not valid");
  });

  it("refuses a reset form posted from another origin", async () => {
    const res = await request(t.app)
      .post("/admin/reset-password")
      .set("Origin", "https://evil.example")
      .type("form")
      .send({ token: "x", password: "y", confirm: "y" });
    expect(res.status).toBe(403);
  });
});

describe("admin users: mail during an SMTP outage", () => {
  it("keeps the reset e-mail queued while the SMTP server is down and sends it once it is back", async () => {
    const probe = await startSmtp();
    const port = probe.port;
    await probe.close();
    const app = await makeTestApp({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      QUEUE_PREFIX: `${t.deps.config.queuePrefix}:outage`,
    });
    const outageWorkers = runWorkers(app);
    let server: TestSmtp | undefined;
    try {
      const target = await makeAdmin(app.deps.prisma);
      const agent = await loginAgent(app.app, root.email, root.password);
      expect((await act(agent, target.id, "resetPassword")).body.notice.type).toBe("success");
      const reset = await app.deps.prisma.passwordResetToken.findFirstOrThrow({ where: { adminId: target.id } });
      const job = (await app.deps.queues.byName.mail.getJob(`password-reset-${reset.id}`))!;
      // The first attempt fails (connection refused); the job waits for its retry.
      for (let i = 0; i < 50 && (await app.deps.queues.byName.mail.getJob(job.id!))!.attemptsMade === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const failed = (await app.deps.queues.byName.mail.getJob(job.id!))!;
      expect(failed.attemptsMade).toBeGreaterThanOrEqual(1);
      expect(await failed.getState()).toBe("delayed");

      server = await startSmtp(port);
      const mail = await server.waitFor((m) => m.to.includes(target.email), 20_000);
      expect(mail.text).toContain("/admin/reset-password?token=");
    } finally {
      await outageWorkers.close();
      await app.deps.queues.byName.mail.obliterate({ force: true });
      await app.close();
      await server?.close();
    }
  }, 40_000);
});

describe("admin users: changing one's own password", () => {
  it("asks for the current password, then ends the other sessions and keeps this one", async () => {
    const me = await makeAdmin(prisma, { role: "editor", password: "mon ancien mot de passe" });
    const here = await loginAgent(t.app, me.email, me.password);
    const elsewhere = await loginAgent(t.app, me.email, me.password);
    await apiToken(me.id);

    const page = await here.get("/admin/account/password");
    expect(page.status).toBe(200);
    expectSelfContainedPage(page);
    expect(page.text).toContain('name="current"');

    const change = (current: string, password: string, confirm = password) =>
      here.post("/admin/account/password").type("form").send({ current, password, confirm });
    const wrong = await change("pas le bon", "un nouveau mot de passe");
    expect(wrong.status).toBe(400);
    expect(wrong.text).toMatch(/id="current-error"[^>]*>Mot de passe actuel incorrect/);
    const weak = await change("mon ancien mot de passe", "azerty123456");
    expect(weak.status).toBe(400);
    expect(weak.text).toMatch(/id="password-error"/);
    expect(await auditCount("password_change", me.id)).toBe(0);

    const done = await change("mon ancien mot de passe", "un nouveau mot de passe");
    expect(done.status).toBe(200);
    expect(done.text).toContain("Votre mot de passe est changé");
    expect(await auditCount("password_change", me.id)).toBe(1);
    await expectLoggedIn(here);
    await expectLoggedOut(elsewhere);
    expect(await prisma.adminSession.count({ where: { adminId: me.id } })).toBe(0);
    const stored = await prisma.adminUser.findUniqueOrThrow({ where: { id: me.id } });
    expect(await bcrypt.compare("un nouveau mot de passe", stored.passwordHash)).toBe(true);
  });

  it("sends a visitor without a session to the login form", async () => {
    const page = await request(t.app).get("/admin/account/password");
    expect(page.status).toBe(302);
    expect(page.headers.location).toBe("/admin/login");
    const post = await browserAgent(t.app)
      .post("/admin/account/password")
      .type("form")
      .send({ current: "x", password: "y", confirm: "y" });
    expect(post.status).toBe(302);
    expect(post.headers.location).toBe("/admin/login");
  });
});
