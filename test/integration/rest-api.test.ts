// The REST API under /admin/api/v1: bearer tokens backed by admin_sessions, the generic resource
// routes with the AdminJS permission rules, the audit trail, secrets kept on the server, OpenAPI.
import request, { type Response } from "supertest";
import { makeAdmin, makeCustomer } from "../factories/index.js";
import { makeInvoice } from "../factories/admin-resources.js";
import { API, USER_AGENT, decodeClaims, makeApiLogin, signApiToken, type ApiLogin } from "../factories/api.js";
import { makeTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;
const responses: Response[] = [];

/** Every answer of this file goes through here, so that the secrets check sees all of them. */
function seen(res: Response): Response {
  responses.push(res);
  return res;
}

const get = (path: string, auth?: string) => {
  const req = request(t.app).get(`${API}${path}`).set("User-Agent", USER_AGENT);
  return (auth ? req.set("Authorization", auth) : req).then(seen);
};
const send = (method: "post" | "patch" | "delete", path: string, auth: string, body?: object) => {
  const req = request(t.app)[method](`${API}${path}`).set("User-Agent", USER_AGENT).set("Authorization", auth);
  return (body === undefined ? req : req.send(body)).then(seen);
};

function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  expect(res.text).not.toMatch(/at .+\.(ts|js):\d+|SELECT |INSERT |prisma/i);
}

const fieldsOf = (res: Response) => (res.body.errors as { field: string }[]).map((e) => e.field);

const auditRows = (resourceType: string, resourceId: number) =>
  t.deps.prisma.adminActivityLog.findMany({ where: { resourceType, resourceId }, orderBy: { id: "asc" } });

beforeAll(async () => {
  t = await makeTestApp();
});

afterAll(async () => {
  await t.close();
  // DESIGN.md 5: no answer of the API carries a password hash, nor a hash column (an error may name
  // the field a client sent, never its value).
  expect(responses.length).toBeGreaterThan(50);
  for (const res of responses) {
    expect(res.text ?? "").not.toMatch(/"(passwordHash|password_hash|tokenHash|token_hash)"\s*:|\$2[aby]\$/);
  }
});

describe("rest-api auth", () => {
  it("logs in, opens an admin_sessions row and answers /auth/me with the effective permissions", async () => {
    const login = await makeApiLogin(t.app, t.deps.prisma, {
      role: "editor",
      permissions: ["customers.view", "ai_queue.view", "ai_queue.process"],
    });
    const before = Date.now();
    expect(login.body).toMatchObject({
      tokenType: "Bearer",
      admin: { id: login.admin.id, email: login.admin.email, name: login.admin.name, role: "editor" },
      permissions: ["ai_queue.view", "ai_queue.process", "customers.view"],
    });
    const claims = decodeClaims(login.token);
    expect(claims.sub).toBe(String(login.admin.id));
    const row = await t.deps.prisma.adminSession.findUniqueOrThrow({ where: { id: claims.jti as string } });
    expect(row.adminId).toBe(login.admin.id);
    expect(row.userAgent).toBe(USER_AGENT);
    expect(row.ipAddress).toMatch(/127\.0\.0\.1|::1/);
    // JWT_TTL_MINUTES defaults to 60; the row and the token expire at the same second.
    expect(row.expiresAt.getTime()).toBe((claims.exp as number) * 1000);
    expect(row.expiresAt.getTime() - before).toBeGreaterThan(59 * 60_000);
    expect(row.expiresAt.getTime() - before).toBeLessThanOrEqual(60 * 60_000);
    expect(new Date(login.body.expiresAt as string).getTime()).toBe(row.expiresAt.getTime());

    const me = await get("/auth/me", login.auth);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      admin: { id: login.admin.id, email: login.admin.email, name: login.admin.name, role: "editor" },
      permissions: ["ai_queue.view", "ai_queue.process", "customers.view"],
      expiresAt: row.expiresAt.toISOString(),
    });
  });

  it("answers a wrong password and an unknown e-mail with the same 401 problem", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    const wrong = seen(
      await request(t.app).post(`${API}/auth/login`).send({ email: admin.email, password: "not the password" }),
    );
    const unknown = seen(
      await request(t.app).post(`${API}/auth/login`).send({ email: "nobody@test.local", password: "whatever" }),
    );
    for (const res of [wrong, unknown]) {
      expectProblem(res, 401);
      expect(res.body.detail).toBe("Invalid e-mail or password");
      expect(res.body.token).toBeUndefined();
    }
    expect(await t.deps.prisma.adminSession.count({ where: { adminId: admin.id } })).toBe(0);
  });

  it("refuses a disabled account at login", async () => {
    const admin = await makeAdmin(t.deps.prisma, { status: "disabled" });
    const res = seen(
      await request(t.app).post(`${API}/auth/login`).send({ email: admin.email, password: admin.password }),
    );
    expectProblem(res, 401);
  });

  it("names the bad login fields with 400", async () => {
    const res = seen(await request(t.app).post(`${API}/auth/login`).send({ email: "", password: 42 }));
    expectProblem(res, 400);
    expect(fieldsOf(res).sort()).toEqual(["email", "password"]);
    const malformed = seen(
      await request(t.app).post(`${API}/auth/login`).set("Content-Type", "application/json").send("{not json"),
    );
    expectProblem(malformed, 400);
  });

  it("revokes the token at logout: the next call is 401 and the row is gone", async () => {
    const login = await makeApiLogin(t.app, t.deps.prisma);
    const jti = decodeClaims(login.token).jti as string;
    expect((await send("post", "/auth/logout", login.auth)).status).toBe(204);
    expect(await t.deps.prisma.adminSession.count({ where: { id: jti } })).toBe(0);
    expectProblem(await get("/auth/me", login.auth), 401);
    expectProblem(await send("post", "/auth/logout", login.auth), 401);
    const logged = await t.deps.prisma.adminActivityLog.findMany({
      where: { action: "logout", adminId: login.admin.id },
    });
    expect(logged).toHaveLength(1);
  });

  it("refuses a missing, tampered or foreign-signed token with 401 and WWW-Authenticate", async () => {
    const login = await makeApiLogin(t.app, t.deps.prisma);
    const other = await makeAdmin(t.deps.prisma, { role: "super_admin" });
    const [header, payload, signature] = login.token.split(".") as [string, string, string];
    const claims = decodeClaims(login.token);
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: String(other.id) })).toString("base64url");
    const jti = claims.jti as string;
    const exp = claims.exp as number;
    const cases = [
      undefined,
      "Bearer",
      "Basic dXNlcjpwYXNz",
      `Bearer ${header}.${forged}.${signature}`,
      `Bearer ${header}.${payload}.${signature.slice(0, -2)}AA`,
      `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString("base64url")}.${payload}.`,
      `Bearer ${await signApiToken("another-secret-another-secret-0123456789", { sub: String(login.admin.id), jti, exp })}`,
      `Bearer ${await signApiToken(t.deps.config.jwtSecret, { sub: String(login.admin.id), jti, exp, aud: "someone-else" })}`,
    ];
    for (const auth of cases) {
      const res = await get("/customers/customers", auth);
      expectProblem(res, 401);
      expect(res.headers["www-authenticate"]).toMatch(/^Bearer /);
    }
    expect((await get("/customers/customers", login.auth)).status).toBe(200);
  });

  it("refuses an expired token and a token whose session row has expired", async () => {
    const login = await makeApiLogin(t.app, t.deps.prisma);
    const jti = decodeClaims(login.token).jti as string;
    const pastExp = Math.floor(Date.now() / 1000) - 60;
    const expired = await signApiToken(t.deps.config.jwtSecret, { sub: String(login.admin.id), jti, exp: pastExp });
    const res = await get("/auth/me", `Bearer ${expired}`);
    expectProblem(res, 401);
    expect(res.body.detail).toMatch(/expired/i);

    expect((await get("/auth/me", login.auth)).status).toBe(200);
    await t.deps.prisma.adminSession.update({ where: { id: jti }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectProblem(await get("/auth/me", login.auth), 401);
  });

  it("stops a token as soon as its admin is disabled", async () => {
    const login = await makeApiLogin(t.app, t.deps.prisma);
    expect((await get("/auth/me", login.auth)).status).toBe(200);
    await t.deps.prisma.adminUser.update({ where: { id: login.admin.id }, data: { status: "disabled" } });
    expectProblem(await get("/auth/me", login.auth), 401);
    expectProblem(await get("/customers/customers", login.auth), 401);
  });

  it("stops a token as soon as its admin_sessions row is deleted", async () => {
    const login = await makeApiLogin(t.app, t.deps.prisma);
    expect((await get("/auth/me", login.auth)).status).toBe(200);
    await t.deps.prisma.adminSession.delete({ where: { id: decodeClaims(login.token).jti as string } });
    expectProblem(await get("/auth/me", login.auth), 401);
  });

  it("shares the login throttle: a locked account gets 429 with Retry-After, another still logs in", async () => {
    const target = await makeAdmin(t.deps.prisma);
    const attempt = (password: string) =>
      request(t.app).post(`${API}/auth/login`).send({ email: target.email, password }).then(seen);
    let res = await attempt("wrong password 0");
    for (let i = 1; i < 20 && res.status === 401; i++) res = await attempt(`wrong password ${i}`);
    expectProblem(res, 429);
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    // Locked: the right password does not get a token either.
    expectProblem(await attempt(target.password), 429);
    expect(await t.deps.prisma.adminSession.count({ where: { adminId: target.id } })).toBe(0);
    expect((await makeApiLogin(t.app, t.deps.prisma)).token).toEqual(expect.any(String));
  });

  it("answers unknown paths with problem+json: 401 without a token, 404 with one", async () => {
    expectProblem(await get("/nowhere"), 401);
    const login = await makeApiLogin(t.app, t.deps.prisma);
    expectProblem(await get("/nowhere", login.auth), 404);
    expectProblem(await get("/customers/no_such_table", login.auth), 404);
  });
});

describe("rest-api resources", () => {
  let admin: ApiLogin;
  let viewer: ApiLogin;

  beforeAll(async () => {
    admin = await makeApiLogin(t.app, t.deps.prisma, { role: "admin" });
    viewer = await makeApiLogin(t.app, t.deps.prisma, { role: "viewer" });
  });

  it("lets a viewer list and read customers but answers 403 to every write, changing nothing", async () => {
    const customer = await makeCustomer(t.deps.prisma, { name: "Boulangerie Martin" });
    const list = await get("/customers/customers", viewer.auth);
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ id: customer.id })]));
    expect((await get(`/customers/customers/${customer.id}`, viewer.auth)).body).toMatchObject({
      id: customer.id,
      name: "Boulangerie Martin",
      planType: "free",
      status: "active",
    });
    const logBefore = await t.deps.prisma.adminActivityLog.count();
    const customersBefore = await t.deps.prisma.customer.count();
    expectProblem(await send("post", "/customers/customers", viewer.auth, { email: "v@test.local", name: "V" }), 403);
    expectProblem(await send("patch", `/customers/customers/${customer.id}`, viewer.auth, { name: "Changed" }), 403);
    expectProblem(await send("delete", `/customers/customers/${customer.id}`, viewer.auth), 403);
    expect(await t.deps.prisma.customer.count()).toBe(customersBefore);
    expect((await t.deps.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).name).toBe(
      "Boulangerie Martin",
    );
    expect(await t.deps.prisma.adminActivityLog.count()).toBe(logBefore);
  });

  it("writes one audit row per create, update and delete, with old and new values, actor, IP and agent", async () => {
    const created = await send("post", "/customers/customers", admin.auth, {
      email: "  Fleuriste@Test.local ",
      name: "Fleuriste Dupont",
      planType: "starter",
    });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    expect(created.headers.location).toBe(`${API}/customers/customers/${id}`);
    expect(created.body).toMatchObject({ email: "Fleuriste@Test.local", planType: "starter", status: "active" });

    const updated = await send("patch", `/customers/customers/${id}`, admin.auth, { planType: "pro", name: "Fleurs" });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id, planType: "pro", name: "Fleurs", email: "Fleuriste@Test.local" });

    expect((await send("delete", `/customers/customers/${id}`, admin.auth)).status).toBe(204);
    expect(await t.deps.prisma.customer.findUnique({ where: { id } })).toBeNull();
    expectProblem(await get(`/customers/customers/${id}`, admin.auth), 404);

    const rows = await auditRows("customers", id);
    expect(rows.map((r) => r.action)).toEqual(["create", "update", "delete"]);
    for (const row of rows) {
      expect(row.adminId).toBe(admin.admin.id);
      expect(row.ipAddress).toMatch(/127\.0\.0\.1|::1/);
      expect(row.userAgent).toBe(USER_AGENT);
    }
    const [create, update, remove] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
    expect(create.oldValues).toBeNull();
    expect(create.newValues).toMatchObject({
      id,
      email: "Fleuriste@Test.local",
      name: "Fleuriste Dupont",
      planType: "starter",
    });
    expect(update.oldValues).toEqual({ planType: "starter", name: "Fleuriste Dupont" });
    expect(update.newValues).toEqual({ planType: "pro", name: "Fleurs" });
    expect(remove.oldValues).toMatchObject({ id, name: "Fleurs", planType: "pro" });
  });

  it("refuses bad input with 400 naming each field, and writes nothing", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const logBefore = await t.deps.prisma.adminActivityLog.count();
    const customersBefore = await t.deps.prisma.customer.count();

    const bad = await send("post", "/customers/customers", admin.auth, {
      email: "not-an-address",
      planType: "platinum",
      id: 5,
      createdAt: "2020-01-01T00:00:00Z",
      shoeSize: 44,
    });
    expectProblem(bad, 400);
    expect(fieldsOf(bad).sort()).toEqual(["createdAt", "email", "id", "name", "planType", "shoeSize"]);

    const patch = await send("patch", `/customers/customers/${customer.id}`, admin.auth, {
      status: "gone",
      name: "  ",
    });
    expectProblem(patch, 400);
    expect(fieldsOf(patch).sort()).toEqual(["name", "status"]);
    expectProblem(await send("patch", `/customers/customers/${customer.id}`, admin.auth, {}), 400);
    const list = await get("/customers/customers?limit=500&colour=red", admin.auth);
    expectProblem(list, 400);
    expect(fieldsOf(list).sort()).toEqual(["colour", "limit"]);

    expect(await t.deps.prisma.customer.count()).toBe(customersBefore);
    expect((await t.deps.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).name).toBe(customer.name);
    expect(await t.deps.prisma.adminActivityLog.count()).toBe(logBefore);
  });

  it("answers a taken unique value with 409 and a missing reference with 400, naming the field", async () => {
    const existing = await makeCustomer(t.deps.prisma);
    const dup = await send("post", "/customers/customers", admin.auth, { email: existing.email, name: "Twin" });
    expectProblem(dup, 409);
    expect(fieldsOf(dup)).toEqual(["email"]);

    const site = await send("post", "/sites/sites", admin.auth, { customerId: 999_999, name: "Orphan" });
    expectProblem(site, 400);
    expect(fieldsOf(site)).toEqual(["customerId"]);

    // A customer with invoices is a legal record: the delete is refused, nothing is written.
    const invoice = await makeInvoice(t.deps.prisma);
    const refused = await send("delete", `/customers/customers/${invoice.customerId}`, admin.auth);
    expectProblem(refused, 409);
    expect(await t.deps.prisma.customer.count({ where: { id: invoice.customerId } })).toBe(1);
    expect(await auditRows("customers", invoice.customerId)).toHaveLength(0);
  });

  it("keeps money exact: amounts rounded half-up to cents, answered as text", async () => {
    // A draft invoice and a line: the line's price is typed, the invoice's figures follow it (billing/invoicing/invoice-items.ts).
    const customer = await makeCustomer(t.deps.prisma);
    const draft = await send("post", "/billing/invoices", admin.auth, { customerId: customer.id });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: "draft", amount: "0.00", totalAmount: "0.00", currency: "EUR" });
    const res = await send("post", "/billing/invoice_items", admin.auth, {
      invoiceId: draft.body.id,
      description: "Site vitrine",
      quantity: 2,
      unitPrice: "100.005",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ unitPrice: "100.01", totalPrice: "200.02" });
    // 200.02 + 20 % (40.004 -> 40.00) = 240.02.
    const invoice = await get(`/billing/invoices/${draft.body.id}`, admin.auth);
    expect(invoice.body).toMatchObject({ amount: "200.02", taxAmount: "40.00", totalAmount: "240.02" });
    const tooBig = await send("patch", `/billing/invoice_items/${res.body.id}`, admin.auth, { unitPrice: "1e3" });
    expectProblem(tooBig, 400);
    expect(fieldsOf(tooBig)).toEqual(["unitPrice"]);
  });

  it("pages newest first with a keyset cursor and filters by equality", async () => {
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await makeCustomer(t.deps.prisma, { planType: "enterprise" }));
    const first = await get("/customers/customers?planType=enterprise&limit=2", admin.auth);
    expect(first.status).toBe(200);
    const ids = (first.body.data as { id: number }[]).map((c) => c.id);
    expect(ids).toEqual([made[4]!.id, made[3]!.id]);
    const second = await get(
      `/customers/customers?planType=enterprise&limit=2&cursor=${first.body.nextCursor}`,
      admin.auth,
    );
    expect((second.body.data as { id: number }[]).map((c) => c.id)).toEqual([made[2]!.id, made[1]!.id]);
    const third = await get(
      `/customers/customers?planType=enterprise&limit=2&cursor=${second.body.nextCursor}`,
      admin.auth,
    );
    expect((third.body.data as { id: number }[]).map((c) => c.id)).toEqual([made[0]!.id]);
    expect(third.body.nextCursor).toBeNull();
    expectProblem(await get("/customers/customers?cursor=garbage", admin.auth), 400);
  });

  it("streams a CSV export to holders of customers.export, and refuses a restricted editor", async () => {
    await makeCustomer(t.deps.prisma, { name: '=HYPERLINK("http://evil")', planType: "pro" });
    const res = seen(
      await request(t.app)
        .get(`${API}/customers/customers/export.csv?planType=pro`)
        .set("Authorization", admin.auth)
        .buffer(true)
        .parse((r, done) => {
          let text = "";
          r.setEncoding("utf8");
          r.on("data", (chunk: string) => (text += chunk));
          r.on("end", () => done(null, text));
        }),
    );
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.headers["content-disposition"]).toMatch(/attachment; filename="customers-/);
    const lines = (res.body as string).trim().split("\r\n");
    expect(lines[0]).toBe("id,email,name,createdAt,planType,status,language,stripeCustomerId");
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line, i) => i === 0 || line.endsWith(",pro,active,fr,"))).toBe(true);
    // A cell a spreadsheet would run as a formula is defused.
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil"")"`);

    const editor = await makeApiLogin(t.app, t.deps.prisma, {
      role: "editor",
      permissions: ["customers.view", "ai_queue.view", "ai_queue.process"],
    });
    expectProblem(await get("/customers/customers/export.csv", editor.auth), 403);
    expect((await get("/customers/customers", editor.auth)).status).toBe(200);
    expectProblem(await send("patch", `/customers/customers/${admin.admin.id}`, editor.auth, { name: "x" }), 403);
    expectProblem(await get("/billing/invoices", editor.auth), 403);
  });

  it("answers 405 where the table has no such operation (AI requests are not created by hand)", async () => {
    const res = await send("post", "/ai-queue/ai_requests", admin.auth, {});
    expectProblem(res, 405);
    expect(res.headers.allow).toBe("GET");
    expectProblem(await send("delete", "/settings/admin_activity_log/1", admin.auth), 405);
  });

  it("keeps admin users to settings.system and never answers a password hash", async () => {
    const root = await makeApiLogin(t.app, t.deps.prisma, { role: "super_admin" });
    expectProblem(await get("/settings/admin_users", admin.auth), 403);

    const list = await get("/settings/admin_users?limit=100", root.auth);
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThan(1);
    for (const user of list.body.data as Record<string, unknown>[]) expect(user).not.toHaveProperty("passwordHash");
    expect((await get(`/settings/admin_users/${admin.admin.id}`, root.auth)).body).not.toHaveProperty("passwordHash");

    const created = await send("post", "/settings/admin_users", root.auth, {
      email: "New.Support@Test.local",
      name: "Support",
      role: "viewer",
      password: "a long enough password",
      permissions: ["customers.view"],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: "new.support@test.local", role: "viewer", status: "active" });
    expect(created.body).not.toHaveProperty("passwordHash");
    const login = seen(
      await request(t.app)
        .post(`${API}/auth/login`)
        .send({ email: "new.support@test.local", password: "a long enough password" }),
    );
    expect(login.status).toBe(200);
    expect(login.body.permissions).toEqual(["customers.view"]);

    const writes = await send("patch", `/settings/admin_users/${created.body.id}`, root.auth, {
      passwordHash: "$2b$04$abcdefghijklmnopqrstuv",
      password: "another long password",
      lastLogin: "2020-01-01T00:00:00Z",
    });
    expectProblem(writes, 400);
    expect(fieldsOf(writes).sort()).toEqual(["lastLogin", "password", "passwordHash"]);

    const weak = await send("post", "/settings/admin_users", root.auth, {
      email: "weak@test.local",
      name: "Weak",
      role: "viewer",
      password: "short",
      permissions: ["customers.fly"],
    });
    expectProblem(weak, 400);
    expect(fieldsOf(weak).sort()).toEqual(["password", "permissions"]);

    // Changes go through the settings service: its rules hold on this path too.
    const self = await send("patch", `/settings/admin_users/${root.admin.id}`, root.auth, { status: "disabled" });
    expectProblem(self, 409);
    expect(fieldsOf(self)).toEqual(["status"]);
    const taken = await send("patch", `/settings/admin_users/${created.body.id}`, root.auth, {
      email: admin.admin.email,
    });
    expectProblem(taken, 409);
    expect(fieldsOf(taken)).toEqual(["email"]);
    const renamed = await send("patch", `/settings/admin_users/${created.body.id}`, root.auth, {
      name: "Support desk",
      permissions: null,
    });
    expect(renamed.body).toMatchObject({ name: "Support desk", permissions: null });

    // Disabling through the API ends that admin's tokens at once: their admin_sessions rows go.
    expect((await get("/auth/me", `Bearer ${login.body.token}`)).status).toBe(200);
    const disabled = await send("patch", `/settings/admin_users/${created.body.id}`, root.auth, { status: "disabled" });
    expect(disabled.status).toBe(200);
    expect(disabled.body.status).toBe("disabled");
    expect(await t.deps.prisma.adminSession.count({ where: { adminId: created.body.id as number } })).toBe(0);
    expectProblem(await get("/auth/me", `Bearer ${login.body.token}`), 401);
  });
});

describe("rest-api openapi and cors", () => {
  it("publishes an OpenAPI 3.1 document of the auth and resource routes, and an offline docs page", async () => {
    const res = await get("/openapi.json");
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.text) as {
      openapi: string;
      paths: Record<string, Record<string, { "x-permission"?: string; security?: unknown[] }>>;
      components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.bearerAuth).toEqual({ type: "http", scheme: "bearer", bearerFormat: "JWT" });
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/auth/login",
        "/auth/logout",
        "/auth/me",
        "/customers/customers",
        "/customers/customers/{id}",
        "/customers/customers/export.csv",
        "/ai-queue/ai_requests/{id}/take",
        "/ai-queue/ai_requests/{id}/complete",
        "/ai-queue/stats",
        "/ai-queue/ai_requests",
        "/billing/invoices",
        "/settings/admin_users",
      ]),
    );
    expect(doc.paths["/auth/login"]!.post!.security).toEqual([]);
    expect(doc.paths["/customers/customers"]!.get!["x-permission"]).toBe("customers.view");
    expect(doc.paths["/customers/customers"]!.post!["x-permission"]).toBe("customers.edit");
    expect(doc.paths["/ai-queue/ai_requests"]!.post).toBeUndefined();
    expect(doc.components.schemas.CustomerCreate).toMatchObject({
      type: "object",
      required: expect.arrayContaining(["email", "name"]),
      additionalProperties: false,
    });
    expect(JSON.stringify(doc.components.schemas.AdminUser)).not.toContain("passwordHash");

    const docs = await get("/docs");
    expect(docs.status).toBe(200);
    expect(docs.headers["content-type"]).toMatch(/^text\/html/);
    expect(docs.text).toContain("/auth/login");
    expect(docs.text).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/);
  });

  it("keeps CORS closed by default", async () => {
    const res = await request(t.app).get(`${API}/openapi.json`).set("Origin", "https://elsewhere.example");
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    const preflight = await request(t.app)
      .options(`${API}/customers/customers`)
      .set("Origin", "https://elsewhere.example")
      .set("Access-Control-Request-Method", "GET");
    expectProblem(preflight, 403);
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("opens CORS to the listed origins only", async () => {
    const open = await makeTestApp({ CORS_ORIGINS: "https://app.example.com, https://ops.example.com" });
    try {
      const preflight = await request(open.app)
        .options(`${API}/customers/customers`)
        .set("Origin", "https://app.example.com")
        .set("Access-Control-Request-Method", "GET")
        .set("Access-Control-Request-Headers", "authorization");
      expect(preflight.status).toBe(204);
      expect(preflight.headers["access-control-allow-origin"]).toBe("https://app.example.com");
      expect(preflight.headers["access-control-allow-headers"]).toMatch(/Authorization/);
      const answer = await request(open.app).get(`${API}/customers/customers`).set("Origin", "https://ops.example.com");
      expect(answer.status).toBe(401);
      expect(answer.headers["access-control-allow-origin"]).toBe("https://ops.example.com");
      const other = await request(open.app).get(`${API}/openapi.json`).set("Origin", "https://evil.example.com");
      expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    } finally {
      await open.close();
    }
  });
});
