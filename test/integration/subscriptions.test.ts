// Subscriptions through REST, AdminJS and the service: lifecycle, MRR history, proration, renewal,
// permissions, and the plan's site limit.
import request, { type Response } from "supertest";
import type { PrismaClient } from "@prisma/client";
import { makeCustomer, makeAdmin } from "../factories/index.js";
import { makeSite } from "../factories/admin-resources.js";
import { API, makeApiLogin, type ApiLogin } from "../factories/api.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { runWithContext } from "../../src/lib/request-context.js";
import {
  cancelSubscription,
  changePlan,
  createSubscription,
  reactivateSubscription,
  renewSubscriptions,
} from "../../src/modules/billing/subscriptions.js";

let t: TestApp;
let editor: ApiLogin;
let viewer: ApiLogin;
let n = 0;

beforeAll(async () => {
  t = await makeTestApp();
  editor = await makeApiLogin(t.app, t.deps.prisma, { role: "editor" });
  viewer = await makeApiLogin(t.app, t.deps.prisma, { role: "viewer" });
});
afterAll(() => t.close());

const PATH = `${API}/billing/customer_subscriptions`;

async function makePlan(
  prisma: PrismaClient,
  priceMonthly: string | null,
  priceYearly: string | null = null,
  maxSites = 3,
) {
  return prisma.billingPlan.create({
    data: { name: `Plan ${++n}-${process.pid}`, priceMonthly, priceYearly, maxSites, aiCreditsIncluded: 0 },
  });
}

function expectProblem(res: Response, status: number, field?: string) {
  expect(res.status).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
}

/** Runs service calls as an admin of the given role, as a request would. */
async function as<T>(role: "editor" | "viewer", fn: () => Promise<T>): Promise<T> {
  const admin = await makeAdmin(t.deps.prisma, { role });
  return runWithContext(
    {
      admin: { id: admin.id, email: admin.email, name: admin.name, role, permissions: null, status: "active" },
      ip: "127.0.0.1",
      userAgent: "jest",
      via: "api",
    },
    fn,
  );
}

const history = (subscriptionId: number) =>
  t.deps.prisma.subscriptionHistory.findMany({ where: { subscriptionId }, orderBy: { id: "asc" } });

describe("subscriptions over REST", () => {
  it("creates a subscription with its periods, its MRR history, its audit row and the customer's plan type", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const plan = await t.deps.prisma.billingPlan.upsert({
      where: { name: "pro" },
      update: {},
      create: { name: "pro", priceMonthly: "49.00", priceYearly: "490.00", maxSites: 10 },
    });
    const res = await request(t.app).post(PATH).set("Authorization", editor.auth).send({
      customerId: customer.id,
      planId: plan.id,
      billingInterval: "yearly",
      startedAt: "2026-03-10T00:00:00Z",
    });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`${PATH}/${res.body.id}`);
    expect(res.body).toMatchObject({
      status: "active",
      billingInterval: "yearly",
      currentPeriodStart: "2026-03-10T00:00:00.000Z",
      currentPeriodEnd: "2027-03-10T00:00:00.000Z",
    });
    const rows = await history(res.body.id);
    expect(rows.map((r) => [r.reason, r.status, r.mrr.toFixed(2), r.validFrom.toISOString()])).toEqual([
      ["created", "active", "40.83", "2026-03-10T00:00:00.000Z"],
    ]);
    const audit = await t.deps.prisma.adminActivityLog.findMany({
      where: { resourceType: "customer_subscriptions", resourceId: res.body.id },
    });
    expect(audit.map((a) => [a.action, a.adminId])).toEqual([["subscription.create", editor.admin.id]]);
    expect((await t.deps.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).planType).toBe("pro");

    const again = await request(t.app)
      .post(PATH)
      .set("Authorization", editor.auth)
      .send({ customerId: customer.id, planId: plan.id });
    expectProblem(again, 409);
    expect(again.body.detail).toBe(`Customer #${customer.id} already has subscription #${res.body.id}`);
  });

  it("refuses bad input by field and writes nothing", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const monthlyOnly = await makePlan(t.deps.prisma, "19.00", null);
    const before = await t.deps.prisma.customerSubscription.count();
    const cases: [object, string][] = [
      [{ customerId: customer.id }, "planId"],
      [{ customerId: customer.id, planId: monthlyOnly.id, billingInterval: "weekly" }, "billingInterval"],
      [{ customerId: customer.id, planId: monthlyOnly.id, startedAt: "yesterday" }, "startedAt"],
      [{ customerId: customer.id, planId: monthlyOnly.id, extra: 1 }, "extra"],
      [{ customerId: 2 ** 31 - 2, planId: monthlyOnly.id }, "customerId"],
      [{ customerId: customer.id, planId: 2 ** 31 - 2 }, "planId"],
      [{ customerId: customer.id, planId: monthlyOnly.id, billingInterval: "yearly" }, "billingInterval"],
    ];
    for (const [body, field] of cases) {
      const res = await request(t.app).post(PATH).set("Authorization", editor.auth).send(body);
      expectProblem(res, 400, field);
    }
    expect(await t.deps.prisma.customerSubscription.count()).toBe(before);
    expect(await t.deps.prisma.subscriptionHistory.count({ where: { customerId: customer.id } })).toBe(0);
  });

  it("gives a viewer 403 on every change, before reading the body", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const plan = await makePlan(t.deps.prisma, "19.00");
    const created = await request(t.app)
      .post(PATH)
      .set("Authorization", editor.auth)
      .send({ customerId: customer.id, planId: plan.id });
    const id = created.body.id as number;
    for (const [path, body] of [
      ["", { customerId: customer.id, planId: plan.id }],
      ["", { nonsense: true }],
      [`/${id}/change-plan`, { planId: plan.id }],
      [`/${id}/cancel`, { atPeriodEnd: true }],
      [`/${id}/suspend`, {}],
      [`/${id}/reactivate`, {}],
    ] as const) {
      const res = await request(t.app).post(`${PATH}${path}`).set("Authorization", viewer.auth).send(body);
      expectProblem(res, 403);
    }
    expect(await history(id)).toHaveLength(1);
  });

  it("cancels at period end, reactivates, cancels now, and reactivates into a new period", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const plan = await makePlan(t.deps.prisma, "29.00");
    const { body: sub } = await request(t.app)
      .post(PATH)
      .set("Authorization", editor.auth)
      .send({ customerId: customer.id, planId: plan.id });
    const act = (path: string, body: object = {}) =>
      request(t.app).post(`${PATH}/${sub.id}/${path}`).set("Authorization", editor.auth).send(body);

    expect((await act("cancel", { atPeriodEnd: true })).body).toMatchObject({
      status: "active",
      cancelAtPeriodEnd: true,
    });
    expectProblem(await act("cancel", { atPeriodEnd: true }), 409);
    expect((await act("reactivate")).body).toMatchObject({ status: "active", cancelAtPeriodEnd: false });
    expectProblem(await act("reactivate"), 409);
    expectProblem(await act("cancel", {}), 400, "atPeriodEnd");
    const cancelled = (await act("cancel", { atPeriodEnd: false })).body;
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.endedAt).not.toBeNull();
    expectProblem(await act("change-plan", { planId: plan.id }), 409);
    const back = (await act("reactivate")).body;
    expect(back).toMatchObject({ status: "active", endedAt: null });
    expect(new Date(back.currentPeriodStart).getTime()).toBeGreaterThan(new Date(sub.currentPeriodStart).getTime());
    expect((await history(sub.id)).map((r) => [r.reason, r.mrr.toFixed(2)])).toEqual([
      ["created", "29.00"],
      ["cancelled", "0.00"],
      ["reactivated", "29.00"],
    ]);
    expect((await act("suspend")).body.status).toBe("suspended");
    expect((await history(sub.id)).at(-1)).toMatchObject({ reason: "suspended" });
    expect((await history(sub.id)).at(-1)!.mrr.toFixed(2)).toBe("0.00");
  });
});

describe("subscriptions in AdminJS", () => {
  it("creates through the service from the new form, and names the refused field", async () => {
    const agent = await loginAgent(t.app, editor.admin.email, editor.admin.password);
    const customer = await makeCustomer(t.deps.prisma);
    const monthlyOnly = await makePlan(t.deps.prisma, "19.00", null);
    const refused = await agent
      .post("/admin/api/resources/customer_subscriptions/actions/new")
      .type("form")
      .send({ customer: String(customer.id), plan: String(monthlyOnly.id), billingInterval: "yearly" });
    expect(refused.status).toBe(200);
    expect(refused.body.record.errors.billingInterval.message).toMatch(/has no yearly price/);
    expect(await t.deps.prisma.customerSubscription.count({ where: { customerId: customer.id } })).toBe(0);

    const created = await agent
      .post("/admin/api/resources/customer_subscriptions/actions/new")
      .type("form")
      .send({ customer: String(customer.id), plan: String(monthlyOnly.id), billingInterval: "monthly" });
    expect(created.status).toBe(200);
    const id = Number(created.body.record.id);
    expect(created.body.record.params).toMatchObject({ status: "active", billingInterval: "monthly" });
    expect((await history(id)).map((r) => [r.reason, r.mrr.toFixed(2)])).toEqual([["created", "19.00"]]);

    const change = await agent
      .post(`/admin/api/resources/customer_subscriptions/records/${id}/changePlan`)
      .type("form")
      .send({ planId: String(monthlyOnly.id) });
    expect(change.body.notice).toMatchObject({ type: "error" });
    expect(change.body.notice.message).toMatch(/already on this plan/);
  });
});

describe("plan changes", () => {
  it("bills an upgrade's difference for the days left on the month's draft, and none for a downgrade", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const starter = await makePlan(t.deps.prisma, "19.00");
    const pro = await makePlan(t.deps.prisma, "49.00");
    const sub = await as("editor", () =>
      createSubscription(
        { prisma: t.deps.prisma },
        {
          customerId: customer.id,
          planId: starter.id,
          billingInterval: "monthly",
          startedAt: new Date("2026-10-01T00:00:00Z"),
        },
      ),
    );
    await as("editor", () => changePlan({ prisma: t.deps.prisma }, sub.id, pro.id, new Date("2026-10-16T09:00:00Z")));
    const draft = await t.deps.prisma.invoice.findFirstOrThrow({
      where: { customerId: customer.id, status: "draft" },
      include: { items: true },
    });
    expect(draft.periodStart!.toISOString()).toBe("2026-10-01T00:00:00.000Z");
    expect(draft.items.map((i) => [i.description, i.totalPrice.toFixed(2)])).toEqual([
      [`Upgrade ${starter.name} -> ${pro.name}, 2026-10-16 to 2026-11-01 (16/31 days)`, "15.48"],
    ]);
    // 15.48 + 20% VAT (3.096 -> 3.10) = 18.58
    expect([draft.amount.toFixed(2), draft.taxAmount.toFixed(2), draft.totalAmount.toFixed(2)]).toEqual([
      "15.48",
      "3.10",
      "18.58",
    ]);
    await as("editor", () =>
      changePlan({ prisma: t.deps.prisma }, sub.id, starter.id, new Date("2026-10-20T00:00:00Z")),
    );
    expect(await t.deps.prisma.invoiceItem.count({ where: { invoiceId: draft.id } })).toBe(1);
    expect(
      (await history(sub.id)).map((r) => [r.reason, r.mrr.toFixed(2), r.validFrom.toISOString().slice(0, 10)]),
    ).toEqual([
      ["created", "19.00", "2026-10-01"],
      ["plan_changed", "49.00", "2026-10-16"],
      ["plan_changed", "19.00", "2026-10-20"],
    ]);
    await expect(
      as("viewer", () => changePlan({ prisma: t.deps.prisma }, sub.id, pro.id, new Date("2026-10-21T00:00:00Z"))),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("renewal", () => {
  it("rolls periods forward and ends a subscription cancelled at period end at that end", async () => {
    const plan = await makePlan(t.deps.prisma, "10.00");
    const [a, b] = [await makeCustomer(t.deps.prisma), await makeCustomer(t.deps.prisma)];
    const start = new Date("2026-01-31T08:00:00Z");
    const [rolling, ending] = await as("editor", () =>
      Promise.all([
        createSubscription(
          { prisma: t.deps.prisma },
          { customerId: a.id, planId: plan.id, billingInterval: "monthly", startedAt: start },
        ),
        createSubscription(
          { prisma: t.deps.prisma },
          { customerId: b.id, planId: plan.id, billingInterval: "monthly", startedAt: start },
        ),
      ]),
    );
    await as("editor", () => cancelSubscription({ prisma: t.deps.prisma }, ending!.id, "period_end"));
    const now = new Date("2026-04-05T00:00:00Z");
    const first = await renewSubscriptions(t.deps.prisma, now);
    expect(first.ended).toBeGreaterThanOrEqual(1);
    const r = await t.deps.prisma.customerSubscription.findUniqueOrThrow({ where: { id: rolling!.id } });
    expect([r.currentPeriodStart!.toISOString(), r.currentPeriodEnd!.toISOString()]).toEqual([
      "2026-03-31T08:00:00.000Z",
      "2026-04-30T08:00:00.000Z",
    ]);
    const e = await t.deps.prisma.customerSubscription.findUniqueOrThrow({ where: { id: ending!.id } });
    expect(e.status).toBe("cancelled");
    expect(e.endedAt!.toISOString()).toBe("2026-02-28T08:00:00.000Z");
    expect((await history(ending!.id)).map((h) => [h.reason, h.validFrom.toISOString()])).toEqual([
      ["created", "2026-01-31T08:00:00.000Z"],
      ["cancelled", "2026-02-28T08:00:00.000Z"],
    ]);
    const second = await renewSubscriptions(t.deps.prisma, now);
    expect(second).toEqual({ renewed: 0, ended: 0 });
    await as("editor", () => reactivateSubscription({ prisma: t.deps.prisma }, ending!.id, now));
    expect((await history(ending!.id)).at(-1)!.reason).toBe("reactivated");
  });
});

describe("the plan's site limit", () => {
  it("refuses a site beyond max_sites over REST and AdminJS, and lets archived sites free a place", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const plan = await makePlan(t.deps.prisma, "19.00", null, 2);
    await as("editor", () =>
      createSubscription(
        { prisma: t.deps.prisma },
        { customerId: customer.id, planId: plan.id, billingInterval: "monthly" },
      ),
    );
    await makeSite(t.deps.prisma, { customerId: customer.id });
    await makeSite(t.deps.prisma, { customerId: customer.id, status: "archived" });
    const second = await request(t.app)
      .post(`${API}/sites/sites`)
      .set("Authorization", editor.auth)
      .send({ customerId: customer.id, name: "Second" });
    expect(second.status).toBe(201);
    const third = await request(t.app)
      .post(`${API}/sites/sites`)
      .set("Authorization", editor.auth)
      .send({ customerId: customer.id, name: "Third" });
    expectProblem(third, 400, "customerId");
    expect(await t.deps.prisma.site.count({ where: { customerId: customer.id } })).toBe(3);

    const agent = await loginAgent(t.app, editor.admin.email, editor.admin.password);
    const form = await agent
      .post("/admin/api/resources/sites/actions/new")
      .type("form")
      .send({ customer: String(customer.id), name: "Fourth", status: "draft" });
    expect(form.status).toBe(200);
    expect(form.body.record.errors.customer.message).toBe("$t(messages.siteLimitReached)");

    // Moving a site to a full customer is refused too; unarchiving one is.
    const other = await makeSite(t.deps.prisma);
    await expect(
      t.deps.prisma.site.update({ where: { id: other.id }, data: { customerId: customer.id } }),
    ).rejects.toThrow(/the most its plan allows/);
    const archived = await t.deps.prisma.site.findFirstOrThrow({
      where: { customerId: customer.id, status: "archived" },
    });
    await expect(t.deps.prisma.site.update({ where: { id: archived.id }, data: { status: "active" } })).rejects.toThrow(
      /the most its plan allows/,
    );
  });

  it("lets only one of two concurrent creations take the last place", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const plan = await makePlan(t.deps.prisma, "19.00", null, 1);
    await as("editor", () =>
      createSubscription(
        { prisma: t.deps.prisma },
        { customerId: customer.id, planId: plan.id, billingInterval: "monthly" },
      ),
    );
    const results = await Promise.all(
      [1, 2, 3].map((i) =>
        request(t.app)
          .post(`${API}/sites/sites`)
          .set("Authorization", editor.auth)
          .send({ customerId: customer.id, name: `Race ${i}` }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 400, 400]);
    expect(await t.deps.prisma.site.count({ where: { customerId: customer.id } })).toBe(1);
  });
});
