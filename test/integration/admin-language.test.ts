// The back-office's language stored per admin (issue 13, item 3): chosen on the login page, switched in
// the top bar, kept across reloads and new logins, and the page (<html lang>, AdminJS's state) served in it.
import { makeAdmin } from "../factories/index.js";
import { browserAgent, loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;

beforeAll(async () => {
  t = await makeTestApp();
}, 60_000);

afterAll(() => t.close());

/** The language AdminJS's bundle starts in, and the page's <html lang>. */
function pageLanguage(html: string): { html: string | undefined; state: string | undefined } {
  const state = /window\.REDUX_STATE = (\{.*?\});\n/s.exec(html)?.[1];
  return {
    html: /<html lang=["']?(\w+)/.exec(html)?.[1],
    state: state ? (JSON.parse(state) as { locale: { language: string } }).locale.language : undefined,
  };
}

describe("the back-office language", () => {
  it("opens a new admin in French, the portal's first language", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    const agent = await loginAgent(t.app, admin.email, admin.password);
    const page = await agent.get("/admin");
    expect(page.status).toBe(200);
    expect(pageLanguage(page.text)).toEqual({ html: "fr", state: "fr" });
  });

  it("stores the top bar's choice on the admin, so that a reload and a new login keep it", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    const agent = await loginAgent(t.app, admin.email, admin.password);
    const switched = await agent.post("/admin/account/language").send({ language: "en" });
    expect(switched.status).toBe(204);
    expect((await t.deps.prisma.adminUser.findUniqueOrThrow({ where: { id: admin.id } })).language).toBe("en");

    // Reload.
    expect(pageLanguage((await agent.get("/admin")).text)).toEqual({ html: "en", state: "en" });
    expect(pageLanguage((await agent.get("/admin/resources/customers")).text)).toEqual({ html: "en", state: "en" });
    // A new login, from another browser that never chose a language.
    const other = await loginAgent(t.app, admin.email, admin.password);
    expect(pageLanguage((await other.get("/admin")).text)).toEqual({ html: "en", state: "en" });

    const audit = await t.deps.prisma.adminActivityLog.findFirst({
      where: { resourceType: "admin_users", resourceId: admin.id, action: "update" },
    });
    expect(audit?.newValues).toEqual({ language: "en" });
  });

  it("offers the login page in the language chosen there, and gives it to the account that logs in", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    const agent = browserAgent(t.app);
    expect(pageLanguage((await agent.get("/admin/login")).text).html).toBe("fr");

    const chosen = await agent.get("/admin/language/en?next=/admin/login");
    expect(chosen.status).toBe(303);
    expect(chosen.headers.location).toBe("/admin/login");
    const login = await agent.get("/admin/login");
    expect(pageLanguage(login.text)).toEqual({ html: "en", state: "en" });

    const res = await agent.post("/admin/login").type("form").send({ email: admin.email, password: admin.password });
    expect(res.status).toBe(302);
    expect((await t.deps.prisma.adminUser.findUniqueOrThrow({ where: { id: admin.id } })).language).toBe("en");
    expect(pageLanguage((await agent.get("/admin")).text).html).toBe("en");
  });

  it("opens in the account's language at login when the login page's choice was not made", async () => {
    const admin = await makeAdmin(t.deps.prisma, { language: "en" });
    const agent = await loginAgent(t.app, admin.email, admin.password);
    expect(pageLanguage((await agent.get("/admin")).text).html).toBe("en");
    // After logout the login page stays in the last language used in this browser.
    await agent.get("/admin/logout");
    expect(pageLanguage((await agent.get("/admin/login")).text).html).toBe("en");
  });

  it("refuses a language it does not have, and a change without a session", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    const agent = await loginAgent(t.app, admin.email, admin.password);
    const bad = await agent.post("/admin/account/language").send({ language: "de" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: "language", message: "must be fr or en" }]);
    expect((await t.deps.prisma.adminUser.findUniqueOrThrow({ where: { id: admin.id } })).language).toBe("fr");

    const anonymous = await browserAgent(t.app).post("/admin/account/language").send({ language: "en" });
    expect(anonymous.status).toBe(401);
    expect((await browserAgent(t.app).get("/admin/language/de")).status).toBe(404);
    // Only a back-office path to go back to.
    const away = await browserAgent(t.app).get("/admin/language/en?next=https://evil.example/");
    expect(away.headers.location).toBe("/admin/login");
  });
});
