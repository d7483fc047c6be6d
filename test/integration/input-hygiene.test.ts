// Input that used to answer 500 or be stored: every bad value is a 4xx problem+json naming its field or
// parameter, and nothing is written. AdminJS lists filter and sort only by the table spec's allow-lists.
import request, { type Response } from "supertest";
import { makeAdmin, makeCustomer } from "../factories/index.js";
import { makePlan } from "../factories/billing.js";
import { API, USER_AGENT, makeApiLogin, type ApiLogin } from "../factories/api.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;
let root: ApiLogin;
let agent: Awaited<ReturnType<typeof loginAgent>>;

beforeAll(async () => {
  t = await makeTestApp();
  root = await makeApiLogin(t.app, t.deps.prisma, { role: "super_admin" });
  const admin = await makeAdmin(t.deps.prisma, { role: "super_admin", name: "Hygiene Admin" });
  agent = await loginAgent(t.app, admin.email, admin.password);
});

afterAll(async () => {
  await t.close();
});

const post = (path: string, body: unknown) =>
  request(t.app)
    .post(`${API}${path}`)
    .set("User-Agent", USER_AGENT)
    .set("Authorization", root.auth)
    .set("Content-Type", "application/json")
    .send(typeof body === "string" ? body : JSON.stringify(body));

const patch = (path: string, body: unknown) =>
  request(t.app)
    .patch(`${API}${path}`)
    .set("User-Agent", USER_AGENT)
    .set("Authorization", root.auth)
    .set("Content-Type", "application/json")
    .send(JSON.stringify(body));

/** A 400 problem+json naming exactly these fields. */
function expectRefused(res: Response, fields: string[], status = 400) {
  expect({ status: res.status, type: res.headers["content-type"] }).toEqual({
    status,
    type: expect.stringMatching(/^application\/problem\+json/),
  });
  expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual(fields);
  expect(res.text).not.toMatch(/\$2[aby]\$|constraint|SELECT |prisma/i);
}

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

describe("AdminJS list and search parameters", () => {
  const list = (table: string, query: string) => agent.get(`/admin/api/resources/${table}/actions/list?${query}`);

  it("refuses a filter, sort or search on a secret column, naming it, and leaks no hash", async () => {
    expectRefused(await list("admin_users", "filters.passwordHash=%242b%24"), ["filters.passwordHash"]);
    expectRefused(await list("admin_users", "filters[passwordHash]=%242b%24"), ["filters.passwordHash"]);
    expectRefused(await list("admin_users", "sortBy=passwordHash&direction=asc"), ["sortBy"]);
    expectRefused(await agent.get("/admin/api/resources/admin_users/search/%242b?searchProperty=passwordHash"), [
      "searchProperty",
    ]);
  });

  it("answers 400 naming the parameter for bad pager, sort and filter values", async () => {
    expectRefused(await list("customers", "page=0"), ["page"]);
    expectRefused(await list("customers", "page=abc"), ["page"]);
    expectRefused(await list("customers", "perPage=100000"), ["perPage"]);
    expectRefused(await list("customers", "direction=sideways"), ["direction"]);
    expectRefused(await list("customers", "sortBy=nope"), ["sortBy"]);
    expectRefused(await list("sites", "filters.customer=abc"), ["filters.customer"]);
    expectRefused(await list("invoice_items", "filters.id=abc"), ["filters.id"]);
    expectRefused(await list("customers", "filters.createdAt~~from=2024-99-99"), ["filters.createdAt~~from"]);
    expectRefused(await list("customers", "filters.name=a%00b"), ["filters.name"]);
    expectRefused(await agent.get("/admin/api/resources/customers/search/a%00b"), ["query"]);
  });

  it("still lists with the filters and sorts the spec allows", async () => {
    await makeCustomer(t.deps.prisma, { name: "Hygiène Dupont" });
    const res = await list(
      "customers",
      "filters.name=hygi%C3%A8ne&filters.createdAt~~from=2020-01-01&sortBy=createdAt&direction=asc&page=1&perPage=20",
    );
    expect(res.status).toBe(200);
    expect(res.body.records.map((r: { params: { name: string } }) => r.params.name)).toContain("Hygiène Dupont");
  });
});

describe("values that cannot be stored", () => {
  const customers = () => t.deps.prisma.customer.count();

  it("refuses NUL, lone surrogates and over-long names by field, writing nothing", async () => {
    const before = await customers();
    expectRefused(await post("/customers/customers", { email: "nul@example.com", name: "a\u0000b" }), ["name"]);
    expectRefused(await post("/customers/customers", { email: "sur@example.com", name: "a\uD800b" }), ["name"]);
    expectRefused(await post("/customers/customers", { email: "long@example.com", name: "x".repeat(10_000) }), [
      "name",
    ]);
    expect(await customers()).toBe(before);
  });

  it("refuses a JSON body 5,000 deep before parsing it, and a JSON column 130 deep", async () => {
    expectRefused(await post("/customers/customers", `{"name":${nested(5000)}}`), ["name"]);
    const customer = await makeCustomer(t.deps.prisma);
    const site = await post("/sites/sites", { customerId: customer.id, name: "Deep" });
    expect(site.status).toBe(201);
    let deep: unknown = { leaf: true };
    for (let i = 0; i < 129; i++) deep = { a: deep };
    const res = await post("/sites/site_configs", { siteId: site.body.id, configData: deep, version: 1 });
    expect(res.status).toBe(400);
    expect((res.body.errors as { field: string }[])[0]!.field).toMatch(/^(configData|\(body\))$/);
  });

  it("refuses keys that reach a prototype by name", async () => {
    expectRefused(await post("/customers/customers", '{"__proto__":{"x":1},"name":"p","email":"p@example.com"}'), [
      "__proto__",
    ]);
    expectRefused(await post("/customers/customers", { constructor: 1, name: "c", email: "c@example.com" }), [
      "constructor",
    ]);
  });

  it("refuses dates before 2000, negative rewards, script domains and escaping config paths", async () => {
    const referrer = await makeCustomer(t.deps.prisma);
    const referred = await makeCustomer(t.deps.prisma);
    expectRefused(
      await post("/campaigns/referral_program", {
        referrerId: referrer.id,
        referredId: referred.id,
        rewardAmount: "-50.00",
      }),
      ["rewardAmount"],
    );
    expectRefused(
      await post("/campaigns/referral_program", {
        referrerId: referrer.id,
        referredId: referred.id,
        earnedAt: "1900-01-01",
      }),
      ["earnedAt"],
    );
    expectRefused(
      await post("/campaigns/email_campaigns", {
        name: "Y0",
        subject: "s",
        contentHtml: "<p>x</p>",
        scheduledAt: "0000-01-01",
      }),
      ["scheduledAt"],
    );
    expectRefused(await post("/sites/sites", { customerId: referrer.id, name: "S", domain: "javascript:alert(1)" }), [
      "domain",
    ]);
    expectRefused(
      await post("/sites/sites", { customerId: referrer.id, name: "S", configPath: "../../../etc/passwd" }),
      ["configPath"],
    );
  });

  it("names plan prices below zero and 100,000-character values", async () => {
    expectRefused(await post("/billing/billing_plans", { name: "Neg", priceMonthly: "-9.99" }), ["priceMonthly"]);
    expectRefused(await post("/billing/billing_plans", { name: "x".repeat(100_000) }), ["name"]);
    const customer = await makeCustomer(t.deps.prisma);
    expectRefused(await patch(`/customers/customers/${customer.id}`, { name: "y".repeat(100_000) }), ["name"]);
  });

  it("refuses a campaign created as already sent", async () => {
    expectRefused(
      await post("/campaigns/email_campaigns", { name: "Sent", subject: "s", contentHtml: "<p>x</p>", status: "sent" }),
      ["status"],
    );
  });

  it("refuses an invoicing run for a month before 2000", async () => {
    expectRefused(await post("/billing/invoicing/runs", { period: "0001-01" }), ["period"]);
    expectRefused(await post("/billing/invoicing/runs", { period: "1901-01" }), ["period"]);
    expect(await t.deps.prisma.invoice.count({ where: { issuedAt: { lt: new Date("2000-01-01") } } })).toBe(0);
  });

  it("answers 400 for a NUL in the login e-mail or password, not 401", async () => {
    const login = (body: object) => request(t.app).post(`${API}/auth/login`).set("User-Agent", USER_AGENT).send(body);
    expectRefused(await login({ email: "a\u0000@example.com", password: "x" }), ["email"]);
    expectRefused(await login({ email: "a@example.com", password: "x\u0000" }), ["password"]);
  });

  it("refuses an update that changes nothing, naming the body", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    expectRefused(await patch(`/customers/customers/${customer.id}`, {}), ["(body)"]);
  });

  it("refuses a subscription started before 2000, writing nothing", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const plan = await makePlan(t.deps.prisma);
    const res = await post("/billing/customer_subscriptions", {
      customerId: customer.id,
      planId: plan.id,
      billingInterval: "monthly",
      startedAt: "1900-01-01",
    });
    expectRefused(res, ["startedAt"]);
    expect(await t.deps.prisma.customerSubscription.count({ where: { customerId: customer.id } })).toBe(0);
  });
});

describe("database invariants", () => {
  it("answers 409 naming email for a customer e-mail that differs only by letter case", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    expectRefused(
      await post("/customers/customers", { email: customer.email.toUpperCase(), name: "Twin" }),
      ["email"],
      409,
    );
  });

  it("keeps money signs, host names and date ranges whatever writes them", async () => {
    const referrer = await makeCustomer(t.deps.prisma);
    const referred = await makeCustomer(t.deps.prisma);
    const violations = [
      t.deps.prisma.referral.create({ data: { referrerId: referrer.id, referredId: referred.id, rewardAmount: "-1" } }),
      t.deps.prisma.site.create({ data: { customerId: referrer.id, name: "X", domain: "javascript:alert(1)" } }),
      t.deps.prisma.emailCampaign.create({
        data: { name: "Old", subject: "s", contentHtml: "x", scheduledAt: new Date("1900-01-01T00:00:00Z") },
      }),
    ];
    for (const write of violations) await expect(write).rejects.toThrow(/check constraint|constraint/i);
  });
});
