// Security findings: credentials kept out of the audit trail and no public signing secret, request
// bodies parsed only where and as far as needed, strict /admin routing before the action guard, the
// change-password form throttled and audited, no-store caching and nonce-based CSP under /admin.
import request from "supertest";
import { makeAdmin } from "../factories/index.js";
import { API, USER_AGENT, decodeClaims, makeApiLogin, signApiToken } from "../factories/api.js";
import { makeTestApp, type TestApp } from "../helpers/app.js";

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
