// Security findings: credentials kept out of the audit trail and no public signing secret, request
// bodies parsed only where and as far as needed, strict /admin routing before the action guard, the
// change-password form throttled and audited, no-store caching and nonce-based CSP under /admin.
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import request from "supertest";
import { makeAdmin } from "../factories/index.js";
import { API, USER_AGENT, decodeClaims, makeApiLogin, signApiToken } from "../factories/api.js";
import { browserAgent, loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { ACCOUNT_LOCKOUT } from "../../src/modules/auth/throttle.js";

let t: TestApp;

beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe("secrets", () => {
  it("a REST login leaves the token's id (jti) nowhere in the audit trail a viewer can read", async () => {
    const login = await makeApiLogin(t.app, t.deps.prisma);
    const jti = decodeClaims(login.token).jti as string;
    const rows = await t.deps.prisma.adminActivityLog.findMany({ where: { resourceType: "admin_sessions" } });
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(jti);

    const viewer = await makeApiLogin(t.app, t.deps.prisma, { role: "viewer" });
    const res = await request(t.app)
      .get(`${API}/settings/admin_activity_log`)
      .set("User-Agent", USER_AGENT)
      .set("Authorization", viewer.auth);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(jti);

    // Logging out (which deletes the session row) does not write it either.
    await request(t.app).post(`${API}/auth/logout`).set("Authorization", login.auth);
    expect(JSON.stringify(await t.deps.prisma.adminActivityLog.findMany())).not.toContain(jti);
  });

  it("a token signed with a former public development secret is refused", async () => {
    const viewer = await makeAdmin(t.deps.prisma, { role: "viewer" });
    const login = await makeApiLogin(t.app, t.deps.prisma, { role: "viewer" });
    const jti = decodeClaims(login.token).jti as string;
    const forged = await signApiToken("dev-jwt-secret-change-me-0123456789abcdef", {
      sub: String(viewer.id),
      jti,
      exp: Math.floor(Date.now() / 1000) + 600,
    });
    const res = await request(t.app)
      .post(`${API}/settings/admin_users`)
      .set("Authorization", `Bearer ${forged}`)
      .send({ email: "forged@test.local", name: "Forged", role: "super_admin", password: "x".repeat(20) });
    expect(res.status).toBe(401);
    expect(t.deps.config.jwtSecret).not.toBe("dev-jwt-secret-change-me-0123456789abcdef");
    expect(await t.deps.prisma.adminUser.count({ where: { email: "forged@test.local" } })).toBe(0);
  });
});

describe("request bodies under /admin", () => {
  const tmpEntries = () => new Set(readdirSync(tmpdir()));

  it("refuses a 30 MB multipart POST to /admin/login with 413 before reading it, and writes nothing to disk", async () => {
    const before = tmpEntries();
    const res = await browserAgent(t.app)
      .post("/admin/login")
      .field("email", "nobody@test.local")
      .attach("file", Buffer.alloc(30 * 1024 * 1024, 1), "big.bin");
    expect(res.status).toBe(413);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ field: "body", message: expect.any(String) }]);
    const added = [...tmpEntries()].filter((name) => !before.has(name));
    expect(added).toEqual([]);
  });

  it("reads only the urlencoded login form before login (415 for JSON or multipart fields)", async () => {
    const json = await browserAgent(t.app).post("/admin/login").send({ email: "a@b.c", password: "x" });
    expect(json.status).toBe(415);
    expect(json.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const multipart = await browserAgent(t.app).post("/admin/login").field("email", "a@b.c");
    expect(multipart.status).toBe(415);
  });

  it("leaves the body of a request without a session unread: 401 from the AdminJS API, not a parse", async () => {
    const res = await browserAgent(t.app)
      .post("/admin/api/resources/customers/actions/new")
      .attach("file", Buffer.alloc(2 * 1024 * 1024, 1), "big.bin");
    expect(res.status).toBe(401);
  });

  it("takes an admin's JSON, form and multipart fields up to 1 MB, and refuses files (415) and more (413)", async () => {
    const admin = await makeAdmin(t.deps.prisma, { role: "super_admin" });
    const agent = await loginAgent(t.app, admin.email, admin.password);
    const email = `bodies-${process.pid}@test.local`;
    const created = await agent
      .post("/admin/api/resources/customers/actions/new")
      .field("email", email)
      .field("name", "Multipart customer");
    expect(created.status).toBe(200);
    expect(await t.deps.prisma.customer.count({ where: { email } })).toBe(1);

    const file = await agent
      .post("/admin/api/resources/customers/actions/new")
      .field("name", "With a file")
      .attach("logo", Buffer.from("png"), "logo.png");
    expect(file.status).toBe(415);
    expect(file.headers["content-type"]).toMatch(/^application\/problem\+json/);

    const large = await agent
      .post("/admin/api/resources/customers/actions/new")
      .send({ email: "large@test.local", name: "x".repeat(1024 * 1024 + 10) });
    expect(large.status).toBe(413);
    expect(large.headers["content-type"]).toMatch(/^application\/problem\+json/);

    const xml = await agent
      .post("/admin/api/resources/customers/actions/new")
      .set("Content-Type", "application/xml")
      .send("<customer/>");
    expect(xml.status).toBe(415);
    expect(await t.deps.prisma.customer.count({ where: { email: { in: ["large@test.local"] } } })).toBe(0);
  });
});

describe("strict /admin routing ahead of the action guard", () => {
  const variants = [
    "/admin/api/Resources/customers/actions/new",
    "/admin/API/resources/customers/actions/new",
    "/admin/api/resources/customers/Actions/new",
    "/admin//api/resources/customers/actions/new",
    "/admin/api//resources/customers/actions/new",
    "/admin/api/resources/customers%2Factions/new",
    "/admin/api/resources/customers/./actions/new",
    "/admin/api/x/../resources/customers/actions/new",
    "/admin/api/%2e/resources/customers/actions/new",
  ];

  it.each(variants)("a viewer's POST %s never reaches the action", async (path) => {
    const viewer = await makeAdmin(t.deps.prisma, { role: "viewer" });
    const agent = await loginAgent(t.app, viewer.email, viewer.password);
    const email = `variant-${Math.random().toString(36).slice(2)}@test.local`;
    const res = await agent.post(path).type("form").send({ email, name: "Forged by a viewer" });
    expect([308, 401, 403, 404]).toContain(res.status);
    if (res.status === 308) {
      // The clean path, which the guard then sees.
      expect(res.headers.location).toBe("/admin/api/resources/customers/actions/new");
      const followed = await agent.post(res.headers.location!).type("form").send({ email, name: "Forged" });
      expect(followed.status).toBe(403);
    }
    expect(await t.deps.prisma.customer.count({ where: { email } })).toBe(0);
  });

  it("answers the same for an existing and a missing record on a forbidden action, whatever the spelling", async () => {
    const viewer = await makeAdmin(t.deps.prisma, { role: "viewer" });
    const agent = await loginAgent(t.app, viewer.email, viewer.password);
    const target = await makeAdmin(t.deps.prisma);
    for (const prefix of ["/admin/api/resources", "/admin/api/Resources", "/admin//api/resources"]) {
      const existing = await agent.post(`${prefix}/admin_users/records/${target.id}/delete`);
      const missing = await agent.post(`${prefix}/admin_users/records/987654321/delete`);
      expect(missing.status).toBe(existing.status);
      expect(existing.status).not.toBe(200);
    }
    expect(await t.deps.prisma.adminUser.count({ where: { id: target.id } })).toBe(1);
  });
});

describe("caching under /admin", () => {
  it("marks pages, AdminJS API answers and the REST API no-store, and lets static assets be cached", async () => {
    const login = await browserAgent(t.app).get("/admin/login");
    expect(login.headers["cache-control"]).toBe("no-store");

    const admin = await makeAdmin(t.deps.prisma);
    const agent = await loginAgent(t.app, admin.email, admin.password);
    const list = await agent.get("/admin/api/resources/customers/actions/list");
    expect(list.status).toBe(200);
    expect(list.headers["cache-control"]).toBe("no-store");
    expect((await agent.get("/admin")).headers["cache-control"]).toBe("no-store");

    const api = await makeApiLogin(t.app, t.deps.prisma);
    const me = await request(t.app).get(`${API}/auth/me`).set("Authorization", api.auth);
    expect(me.status).toBe(200);
    expect(me.headers["cache-control"]).toBe("no-store");
    const refused = await request(t.app).get(`${API}/auth/me`);
    expect(refused.headers["cache-control"]).toBe("no-store");

    const asset = await agent.get("/admin/frontend/assets/global.bundle.js");
    expect(asset.status).toBe(200);
    expect(asset.headers["cache-control"]).not.toBe("no-store");
  });
});

describe("change-password form", () => {
  it("counts wrong current passwords in the login lock and audits each, without the password", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    const agent = await loginAgent(t.app, admin.email, admin.password);
    const wrong = "not-the-current-password-42";
    const change = () =>
      agent
        .post("/admin/account/password")
        .type("form")
        .send({ current: wrong, password: "a brand new sentence of words", confirm: "a brand new sentence of words" });
    for (let i = 0; i < ACCOUNT_LOCKOUT.threshold; i++) expect((await change()).status).toBe(400);
    const locked = await change();
    expect(locked.status).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);

    // The account is locked for the login form as well, right password or not.
    const login = await browserAgent(t.app)
      .post("/admin/login")
      .type("form")
      .send({ email: admin.email, password: admin.password });
    expect(login.status).toBe(429);

    const rows = await t.deps.prisma.adminActivityLog.findMany({
      where: { adminId: admin.id, action: "password_change_failed" },
    });
    expect(rows).toHaveLength(ACCOUNT_LOCKOUT.threshold + 1);
    expect(rows[0]).toMatchObject({ resourceType: "admin_users", resourceId: admin.id });
    expect(JSON.stringify(rows)).not.toContain(wrong);
    expect(JSON.stringify(rows)).not.toContain("brand new sentence");
  });

  it("does not count a change whose current password is right", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    const agent = await loginAgent(t.app, admin.email, admin.password);
    for (let i = 0; i < ACCOUNT_LOCKOUT.threshold + 1; i++) {
      const res = await agent
        .post("/admin/account/password")
        .type("form")
        .send({ current: admin.password, password: "short", confirm: "short" });
      expect(res.status).toBe(400);
    }
    expect(
      await t.deps.prisma.adminActivityLog.count({ where: { adminId: admin.id, action: "password_change_failed" } }),
    ).toBe(0);
  });
});

describe("Content-Security-Policy", () => {
  it("allows inline scripts only with the response's nonce, which AdminJS's page scripts carry", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    const pages = [
      await browserAgent(t.app).get("/admin/login"),
      await (await loginAgent(t.app, admin.email, admin.password)).get("/admin"),
    ];
    for (const page of pages) {
      expect(page.status).toBe(200);
      const csp = String(page.headers["content-security-policy"]);
      const scriptSrc = /script-src ([^;]*)/.exec(csp)![1]!;
      expect(scriptSrc).not.toContain("unsafe-inline");
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
      const inline = page.text.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? [];
      expect(inline.length).toBeGreaterThan(0);
      for (const tag of inline) expect(tag).toBe(`<script nonce="${nonce}">`);
      expect(page.text).not.toContain("fonts.googleapis.com");
    }
    const a = await browserAgent(t.app).get("/admin/login");
    const b = await browserAgent(t.app).get("/admin/login");
    expect(a.headers["content-security-policy"]).not.toBe(b.headers["content-security-policy"]);
  });
});
