// Without SMTP_URL (outside production) e-mail is caught instead of sent: a password reset's mail and an
// outbox e-mail land in caught_emails, count as delivered, and are read in the back-office by admins and
// super admins only; the HTML version is shown in a sandboxed iframe that runs no script.
import type { ReactElement } from "react";
import { sendPasswordResetMail } from "../../src/modules/settings/passwords/send-password-reset-mail.js";
import { startPasswordReset } from "../../src/modules/settings/passwords/start-password-reset.js";
import { sendEmailLog } from "../../src/lib/email/outbox.js";
import { caughtMessageId, sendMail } from "../../src/lib/email/mailer.js";
import { CaughtEmailFrame } from "../../components/CaughtEmailHtml.js";
import { makeAdmin } from "../factories/index.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";

type Agent = Awaited<ReturnType<typeof loginAgent>>;

let t: TestApp;
const agents: Record<"viewer" | "editor" | "admin" | "super_admin", Agent> = {} as never;

beforeAll(async () => {
  // Empty counts as unset: mail is caught.
  t = await makeTestApp({ SMTP_URL: "" });
  for (const role of ["viewer", "editor", "admin", "super_admin"] as const) {
    const user = await makeAdmin(t.deps.prisma, { role });
    agents[role] = await loginAgent(t.app, user.email, user.password);
  }
}, 60_000);

afterAll(async () => {
  await t.deps.queues.byName.mail.obliterate({ force: true });
  await t.close();
});

describe("caught e-mails", () => {
  it("has no SMTP URL in this configuration", () => {
    expect(t.deps.config.mail.smtpUrl).toBeUndefined();
  });

  it("keeps a password reset's e-mail instead of sending it", async () => {
    const target = await makeAdmin(t.deps.prisma, { name: "Camille Durand" });
    const { resetId } = await startPasswordReset(t.deps, null, target.id);
    await expect(sendPasswordResetMail({ prisma: t.deps.prisma, config: t.deps.config }, { resetId })).resolves.toEqual(
      { sent: true },
    );
    const caught = await t.deps.prisma.caughtEmail.findFirstOrThrow({ where: { toAddress: target.email } });
    expect(caught.fromAddress).toBe(t.deps.config.mail.from);
    expect(caught.subject).not.toBe("");
    expect(caught.text).toMatch(/\/admin\/reset-password\?token=[A-Za-z0-9_-]{43}/);
    expect(caught.emailLogId).toBeNull();
  });

  it("marks an outbox e-mail sent, with the caught row pointing at its email_log entry", async () => {
    const row = await t.deps.prisma.emailLog.create({
      data: { template: "test.caught", toAddress: "client@example.com", subject: "Votre demande est prête" },
    });
    const renderers = {
      "test.caught": async () => ({
        text: "Bonjour,\nVotre site est prêt.",
        html: "<p>Votre site est <b>prêt</b>.</p>",
      }),
    };
    const result = await sendEmailLog(
      { prisma: t.deps.prisma, config: t.deps.config, renderers },
      { data: { emailLogId: row.id }, attemptsMade: 0, opts: { attempts: 20 } },
    );
    const caught = await t.deps.prisma.caughtEmail.findFirstOrThrow({ where: { emailLogId: row.id } });
    expect(result).toEqual({ sent: true, messageId: caughtMessageId(caught.id) });
    expect(caught).toMatchObject({
      toAddress: "client@example.com",
      subject: "Votre demande est prête",
      text: "Bonjour,\nVotre site est prêt.",
      html: "<p>Votre site est <b>prêt</b>.</p>",
    });
    const logged = await t.deps.prisma.emailLog.findUniqueOrThrow({ where: { id: row.id } });
    // Its e-mail log page links its caught copy for an admin; a viewer, who may not read it, sees no section.
    type Related = { resourceId: string; records: { id: string }[] }[];
    const page = await agents.admin.get(`/admin/api/resources/email_log/records/${row.id}/show`);
    const related = (page.body.record.related ?? []) as Related;
    expect(related.find((r) => r.resourceId === "caught_emails")?.records.map((r) => Number(r.id))).toEqual([
      caught.id,
    ]);
    const seen = await agents.viewer.get(`/admin/api/resources/email_log/records/${row.id}/show`);
    expect(seen.status).toBe(200);
    expect(((seen.body.record.related ?? []) as Related).map((r) => r.resourceId)).not.toContain("caught_emails");
    expect(logged).toMatchObject({
      status: "sent",
      attempts: 1,
      lastError: null,
      messageId: caughtMessageId(caught.id),
    });
  });

  it("refuses to guess where a message goes with neither an SMTP URL nor a database", async () => {
    await expect(
      sendMail({ from: "x@example.com" }, { to: "someone@example.com", subject: "s", text: "t" }),
    ).rejects.toThrow(/SMTP_URL is not set/);
  });

  it("lists them newest first and shows one to admins and super admins only", async () => {
    const older = await t.deps.prisma.caughtEmail.create({
      data: {
        fromAddress: "Locod-AI <no-reply@locod-ai.local>",
        toAddress: "first@example.com",
        subject: "Premier",
        text: "premier",
        createdAt: new Date(Date.now() - 60_000),
      },
    });
    const newer = await t.deps.prisma.caughtEmail.create({
      data: {
        fromAddress: "Locod-AI <no-reply@locod-ai.local>",
        toAddress: "second@example.com",
        cc: "copy@example.com",
        subject: "Second",
        text: "second",
        html: '<p onclick="alert(1)">Second</p><script>alert(2)</script>',
      },
    });
    const base = "/admin/api/resources/caught_emails";
    for (const role of ["admin", "super_admin"] as const) {
      const list = await agents[role].get(`${base}/actions/list`);
      expect(list.status).toBe(200);
      const ids = (list.body.records as { id: string }[]).map((r) => Number(r.id));
      expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
      const show = await agents[role].get(`${base}/records/${newer.id}/show`);
      expect(show.status).toBe(200);
      expect(show.body.record.params).toMatchObject({
        toAddress: "second@example.com",
        cc: "copy@example.com",
        subject: "Second",
        text: "second",
        html: newer.html,
      });
    }
    for (const role of ["viewer", "editor"] as const) {
      expect((await agents[role].get(`${base}/actions/list`)).status).toBe(403);
      expect((await agents[role].get(`${base}/records/${newer.id}/show`)).status).toBe(403);
      expect((await agents[role].post(`${base}/actions/deleteAll`)).status).toBe(403);
    }
    // Read-only: no new or edit action for anyone.
    expect((await agents.super_admin.post(`${base}/actions/new`)).status).not.toBe(200);
    expect((await agents.super_admin.post(`${base}/records/${newer.id}/edit`)).status).not.toBe(200);
  });

  it("renders the HTML version in a sandboxed iframe that allows no script", () => {
    const html = '<p onclick="alert(1)">Bonjour</p><script>alert(2)</script>';
    const frame = CaughtEmailFrame({ html, title: "HTML" }) as ReactElement<Record<string, unknown>>;
    expect(frame.type).toBe("iframe");
    const sandbox = frame.props.sandbox;
    expect(typeof sandbox).toBe("string");
    expect(sandbox).not.toContain("allow-scripts");
    expect(sandbox).not.toContain("allow-same-origin");
    // The message goes whole into srcdoc (an attribute React escapes), never into the portal's own page.
    expect(frame.props.srcDoc).toBe(`<base target="_blank">${html}`);
    expect(frame.props).not.toHaveProperty("dangerouslySetInnerHTML");
  });

  it("deletes them all for an admin, with one audit row", async () => {
    const before = await t.deps.prisma.caughtEmail.count();
    expect(before).toBeGreaterThan(0);
    const res = await agents.admin.post("/admin/api/resources/caught_emails/actions/deleteAll").send({});
    expect(res.status).toBe(200);
    expect(await t.deps.prisma.caughtEmail.count()).toBe(0);
    const audit = await t.deps.prisma.adminActivityLog.findMany({
      where: { action: "deleteAll", resourceType: "caught_emails" },
    });
    expect(audit).toHaveLength(1);
  });
});
