// Bull Board's 403: an HTML page for a browser (in its language), problem+json for an API client; the
// account page's JSON answers (components/AccountPassword.tsx) keep the throttle's audit.
import { makeAdmin } from "../factories/index.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;

beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe("Bull Board without settings.system", () => {
  it("answers a browser an HTML 403 in its language, and an API client problem+json", async () => {
    const editor = await makeAdmin(t.deps.prisma, { role: "editor" });
    const agent = await loginAgent(t.app, editor.email, editor.password);

    const french = await agent.get("/admin/queues").set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    expect(french.status).toBe(403);
    expect(french.headers["content-type"]).toMatch(/^text\/html/);
    expect(french.text).toContain('<html lang="fr">');
    expect(french.text).toContain("Accès refusé");
    expect(french.text).toContain('href="/admin"');

    const english = await agent
      .get("/admin/queues")
      .set("Accept", "text/html")
      .set("Accept-Language", "en-GB,en;q=0.9");
    expect(english.status).toBe(403);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain("Access denied");

    const api = await agent.get("/admin/queues").set("Accept", "application/json");
    expect(api.status).toBe(403);
    expect(api.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(api.body).toMatchObject({ status: 403, type: "https://locod-ai.dev/problems/forbidden" });
  });
});

describe("the account page's answers", () => {
  it("sends a browser to the page inside the layout and answers its posts in JSON, auditing a wrong password", async () => {
    const me = await makeAdmin(t.deps.prisma, { role: "viewer", password: "mon ancien mot de passe" });
    const agent = await loginAgent(t.app, me.email, me.password);

    const open = await agent.get("/admin/account/password").set("Accept", "text/html");
    expect(open.status).toBe(302);
    expect(open.headers.location).toBe("/admin/pages/account");

    const post = (current: string) =>
      agent
        .post("/admin/account/password")
        .set("Accept", "application/json")
        .type("form")
        .send({ current, password: "un nouveau mot de passe", confirm: "un nouveau mot de passe" });
    const wrong = await post("pas le bon");
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ error: "currentPasswordWrong", field: "current" });
    expect(
      await t.deps.prisma.adminActivityLog.count({ where: { action: "password_change_failed", adminId: me.id } }),
    ).toBe(1);

    const done = await post("mon ancien mot de passe");
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ done: "accountPasswordChanged" });
  });
});
