import request from "supertest";
import { makeAdmin } from "../../../test/factories/index.js";
import {
  browserAgent,
  loginAgent,
  makeTestApp,
  ORIGIN,
  sessionIdFromSetCookie,
  type TestApp,
} from "../../../test/helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const sessionRows = (sid: string) => t.deps.prisma.session.count({ where: { sid } });

describe("auth login form", () => {
  it("logs an active admin in, stores the session in PostgreSQL and updates last_login", async () => {
    const admin = await makeAdmin(t.deps.prisma, { role: "editor" });
    const res = await request(t.app)
      .post("/admin/login")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ email: admin.email, password: admin.password });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("/admin");
    const sid = sessionIdFromSetCookie(res.headers["set-cookie"]);
    expect(sid).toBeDefined();
    const row = await t.deps.prisma.session.findUniqueOrThrow({ where: { sid: sid! } });
    // Only {id, email, name, role, language}: no hash, no permissions snapshot.
    expect((row.sess as { adminUser: unknown }).adminUser).toEqual({
      id: admin.id,
      email: admin.email,
      name: admin.name,
      role: "editor",
      language: "fr",
    });
    const after = await t.deps.prisma.adminUser.findUniqueOrThrow({ where: { id: admin.id } });
    expect(after.lastLogin).not.toBeNull();
    const cookie = ([] as string[]).concat(res.headers["set-cookie"] ?? []).join(";");
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  it("gives an unknown e-mail and a wrong password the same answer, and creates no session", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    const before = await t.deps.prisma.session.count();
    const wrong = await request(t.app)
      .post("/admin/login")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ email: admin.email, password: "not the password" });
    const unknown = await request(t.app)
      .post("/admin/login")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ email: "nobody@test.local", password: "whatever" });
    for (const res of [wrong, unknown]) {
      expect(res.status).not.toBe(302);
      expect(res.headers["set-cookie"]).toBeUndefined();
      expect(res.text).toContain("invalidCredentials");
    }
    expect(await t.deps.prisma.session.count()).toBe(before);
    const failures = await t.deps.prisma.adminActivityLog.count({ where: { action: "login_failed" } });
    expect(failures).toBeGreaterThanOrEqual(2);
  });

  it("refuses a disabled admin with the same message", async () => {
    const admin = await makeAdmin(t.deps.prisma, { status: "disabled" });
    const res = await request(t.app)
      .post("/admin/login")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ email: admin.email, password: admin.password });
    expect(res.status).not.toBe(302);
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(res.text).toContain("invalidCredentials");
  });

  it("changes the session id at login (no session fixation)", async () => {
    // An attacker who plants a session id of their own in the victim's browser gains nothing:
    // logging in replaces whatever session the browser carried with a new id.
    const attacker = await makeAdmin(t.deps.prisma, { role: "viewer" });
    const victim = await makeAdmin(t.deps.prisma, { role: "super_admin" });
    const agent = browserAgent(t.app);
    const first = await agent
      .post("/admin/login")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ email: attacker.email, password: attacker.password });
    const planted = sessionIdFromSetCookie(first.headers["set-cookie"]);
    expect(planted).toBeDefined();
    const res = await agent
      .post("/admin/login")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ email: victim.email, password: victim.password });
    expect(res.status).toBe(302);
    const issued = sessionIdFromSetCookie(res.headers["set-cookie"]);
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);
    expect(await sessionRows(planted!)).toBe(0);
    expect(await sessionRows(issued!)).toBe(1);
  });

  it("destroys the session row at logout; the next request goes back to the login form", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    const agent = browserAgent(t.app);
    const res = await agent
      .post("/admin/login")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ email: admin.email, password: admin.password });
    const sid = sessionIdFromSetCookie(res.headers["set-cookie"])!;
    expect(await sessionRows(sid)).toBe(1);
    expect((await agent.get("/admin/api/resources/customers/actions/list")).status).toBe(200);
    await agent.get("/admin/logout").expect(302);
    expect(await sessionRows(sid)).toBe(0);
    const page = await agent.get("/admin");
    expect(page.status).toBe(302);
    expect(page.headers.location).toBe("/admin/login");
    expect((await agent.get("/admin/api/resources/customers/actions/list")).status).toBe(401);
  });
});

describe("auth without a session", () => {
  it("redirects admin pages to the login form", async () => {
    for (const path of ["/admin", "/admin/resources/ai_requests", "/admin/pages/anything"]) {
      const res = await request(t.app).get(path);
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe("/admin/login");
    }
  });

  it("answers 401 problem+json on the admin API", async () => {
    const res = await request(t.app).get("/admin/api/resources/customers/actions/list");
    expect(res.status).toBe(401);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, title: "Authentication required" });
  });

  it("keeps Bull Board for super admins", async () => {
    expect((await request(t.app).get("/admin/queues")).status).toBe(302);
    const editor = await makeAdmin(t.deps.prisma, { role: "admin" });
    const agent = await loginAgent(t.app, editor.email, editor.password);
    expect((await agent.get("/admin/queues")).status).toBe(403);
    const sup = await makeAdmin(t.deps.prisma, { role: "super_admin" });
    const superAgent = await loginAgent(t.app, sup.email, sup.password);
    expect((await superAgent.get("/admin/queues")).status).toBe(200);
  });
});
