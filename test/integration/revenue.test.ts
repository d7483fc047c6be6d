// Revenue metrics on the real PostgreSQL, from a fixed history built through the subscription service
// (and recordHistory for the Stripe-only states: a trial, past_due), every figure worked out by hand
// below; then the same figures through REST and the Revenue page, and who may see them.
import request from "supertest";
import { Prisma, type BillingPlan, type CustomerSubscription, type PrismaClient } from "@prisma/client";
import { makeAdmin, makeCustomer } from "../factories/index.js";
import { API, makeApiLogin, type ApiLogin } from "../factories/api.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { runWithContext } from "../../src/lib/request-context.js";
import {
  cancelSubscription,
  changePlan,
  createSubscription,
  reactivateSubscription,
  recordHistory,
  suspendSubscription,
} from "../../src/modules/billing/subscriptions.js";
import { revenueMetrics, type RevenueMetrics, type RevenueMonth } from "../../src/modules/billing/metrics.js";
import { seedDemoData } from "../../prisma/seed.js";

let t: TestApp;
let prisma: PrismaClient;
let viewer: ApiLogin;
let outsider: ApiLogin;
let plans: Record<"free" | "starter" | "pro" | "enterprise", BillingPlan>;
/** The fixture seen at NOW, over January to April 2026 (April up to NOW). */
let metrics: RevenueMetrics;

const NOW = new Date("2026-04-15T12:00:00.000Z");
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await makeTestApp();
  prisma = t.deps.prisma;
  viewer = await makeApiLogin(t.app, prisma, { role: "viewer" });
  outsider = await makeApiLogin(t.app, prisma, { role: "editor", permissions: ["customers.view"] });
  const plan = (name: string, monthly: string, yearly: string) =>
    prisma.billingPlan.create({ data: { name, priceMonthly: monthly, priceYearly: yearly, maxSites: 50 } });
  plans = {
    free: await plan("free", "0.00", "0.00"),
    starter: await plan("starter", "19.00", "190.00"),
    pro: await plan("pro", "49.00", "490.00"),
    enterprise: await plan("enterprise", "149.00", "1490.00"),
  };
  await buildFixture();
  metrics = await revenueMetrics(prisma, 4, NOW);
}, 60_000);
afterAll(() => t.close());

/** The service calls run as an editor (billing.create_invoice), as from the admin. */
async function asEditor<T>(fn: () => Promise<T>): Promise<T> {
  const admin = await makeAdmin(prisma, { role: "editor" });
  return runWithContext(
    {
      admin: {
        id: admin.id,
        email: admin.email,
        name: admin.name,
        role: "editor",
        permissions: null,
        status: "active",
      },
      ip: "127.0.0.1",
      userAgent: "jest",
      via: "api",
    },
    fn,
  );
}

const deps = () => ({ prisma, subscriptionGateway: null });

async function subscribe(name: string, plan: BillingPlan, interval: "monthly" | "yearly", startedAt: string) {
  const customer = await makeCustomer(prisma, { name });
  return createSubscription(deps(), {
    customerId: customer.id,
    planId: plan.id,
    billingInterval: interval,
    startedAt: at(startedAt),
  });
}

/** A state Stripe reports (trialing, past_due), recorded as the Stripe sync records it. */
async function stripeState(sub: CustomerSubscription, status: "trialing" | "active" | "past_due", iso: string) {
  await prisma.$transaction(async (tx) => {
    const after = await tx.customerSubscription.update({ where: { id: sub.id }, data: { status } });
    await recordHistory(tx, after, "status_changed", at(iso));
  });
}

/**
 * Plans: starter 19.00 / 190.00 a year, pro 49.00 / 490.00, enterprise 149.00 / 1490.00, free 0.
 * Yearly MRR: pro 490 / 12 = 40.83, enterprise 1490 / 12 = 124.17 (half-up to the cent).
 */
async function buildFixture(): Promise<void> {
  await asEditor(async () => {
    const d = deps();
    // Before 2026: Alice starter, Bob pro, Chloé enterprise, David pro yearly; Emma came and left in 2025.
    const alice = await subscribe("Alice", plans.starter, "monthly", "2025-11-10T10:00:00.000Z");
    const bob = await subscribe("Bob", plans.pro, "monthly", "2025-12-05T10:00:00.000Z");
    const chloe = await subscribe("Chloé", plans.enterprise, "monthly", "2025-10-01T10:00:00.000Z");
    const david = await subscribe("David", plans.pro, "yearly", "2025-12-20T10:00:00.000Z");
    const emma = await subscribe("Emma", plans.starter, "monthly", "2025-09-01T10:00:00.000Z");
    await cancelSubscription(d, emma.id, "now", at("2025-11-15T10:00:00.000Z"));

    // January: Farid new on pro, Alice up to pro, Chloé down to pro, Gina on the free plan.
    const farid = await subscribe("Farid", plans.pro, "monthly", "2026-01-10T10:00:00.000Z");
    await changePlan(d, alice.id, plans.pro.id, at("2026-01-20T10:00:00.000Z"));
    await changePlan(d, chloe.id, plans.pro.id, at("2026-01-25T10:00:00.000Z"));
    await subscribe("Gina", plans.free, "monthly", "2026-01-05T10:00:00.000Z");

    // February: Bob cancels, Emma comes back, Hugo's trial turns into pro, Alice is suspended, and
    // Inès subscribes and cancels within the month.
    await cancelSubscription(d, bob.id, "now", at("2026-02-10T10:00:00.000Z"));
    await reactivateSubscription(d, emma.id, at("2026-02-14T10:00:00.000Z"));
    const hugoCustomer = await makeCustomer(prisma, { name: "Hugo" });
    const hugo = await prisma.$transaction(async (tx) => {
      const sub = await tx.customerSubscription.create({
        data: {
          customerId: hugoCustomer.id,
          planId: plans.pro.id,
          billingInterval: "monthly",
          status: "trialing",
          startedAt: at("2026-02-01T09:00:00.000Z"),
          trialEnd: at("2026-02-15T09:00:00.000Z"),
        },
      });
      await recordHistory(tx, sub, "created", at("2026-02-01T09:00:00.000Z"));
      return sub;
    });
    await stripeState(hugo, "active", "2026-02-15T09:00:00.000Z");
    await suspendSubscription(d, alice.id, at("2026-02-25T10:00:00.000Z"));
    const ines = await subscribe("Inès", plans.starter, "monthly", "2026-02-03T10:00:00.000Z");
    await cancelSubscription(d, ines.id, "now", at("2026-02-20T10:00:00.000Z"));

    // March: Alice resumes, Inès comes back, David up to enterprise (yearly), Farid down to starter and
    // then past_due, Chloé down and back up within the month, Emma leaves at the month's last millisecond.
    await reactivateSubscription(d, alice.id, at("2026-03-03T10:00:00.000Z"));
    await reactivateSubscription(d, ines.id, at("2026-03-05T10:00:00.000Z"));
    await changePlan(d, david.id, plans.enterprise.id, at("2026-03-10T10:00:00.000Z"));
    await changePlan(d, farid.id, plans.starter.id, at("2026-03-12T10:00:00.000Z"));
    await stripeState(await prisma.customerSubscription.findUniqueOrThrow({ where: { id: farid.id } }), "past_due", "2026-03-25T10:00:00.000Z"); // prettier-ignore
    await changePlan(d, chloe.id, plans.starter.id, at("2026-03-18T10:00:00.000Z"));
    await changePlan(d, chloe.id, plans.pro.id, at("2026-03-28T10:00:00.000Z"));
    await cancelSubscription(d, emma.id, "now", at("2026-03-31T23:59:59.999Z"));

    // April: Hugo up to enterprise at midnight on the 1st, Jules new on enterprise yearly at NOW itself,
    // and Chloé's cancellation after NOW, which NOW does not see yet.
    await changePlan(d, hugo.id, plans.enterprise.id, at("2026-04-01T00:00:00.000Z"));
    await subscribe("Jules", plans.enterprise, "yearly", NOW.toISOString());
    await cancelSubscription(d, chloe.id, "now", at("2026-04-20T10:00:00.000Z"));
  });
}

const month = (key: string): RevenueMonth => {
  const found = metrics.months.find((m) => m.month === key);
  if (!found) throw new Error(`no month ${key}`);
  return found;
};
const movements = (m: RevenueMonth) =>
  Object.fromEntries(Object.entries(m.movements).map(([k, v]) => [k, `${v.amount} (${v.customers})`]));

describe("revenue metrics from subscription_history", () => {
  it("covers January to April 2026, April up to now", () => {
    expect(metrics.months.map((m) => [m.month, m.start, m.end, m.complete])).toEqual([
      ["2026-01", "2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z", true],
      ["2026-02", "2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z", true],
      ["2026-03", "2026-03-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z", true],
      ["2026-04", "2026-04-01T00:00:00.000Z", NOW.toISOString(), false],
    ]);
  });

  it("January: Farid new, Alice's upgrade, Chloé's downgrade; the free plan counts for nothing", () => {
    // Start: Alice 19.00 + Bob 49.00 + Chloé 149.00 + David 40.83 = 257.83, 4 paying (Emma left in 2025).
    // new Farid 49.00; expansion Alice 49 - 19 = 30.00; contraction Chloé 149 - 49 = 100.00; Gina free: 0.
    // End: 257.83 + 49 + 30 - 100 = 236.83 (Alice 49, Bob 49, Chloé 49, David 40.83, Farid 49), 5 paying.
    const jan = month("2026-01");
    expect(movements(jan)).toEqual({
      new: "49.00 (1)",
      expansion: "30.00 (1)",
      contraction: "100.00 (1)",
      churn: "0.00 (0)",
      reactivation: "0.00 (0)",
    });
    expect(jan).toMatchObject({
      mrrStart: "257.83",
      mrrEnd: "236.83",
      netNewMrr: "-21.00",
      // 12 x 236.83
      arr: "2841.96",
      payingStart: 4,
      payingEnd: 5,
      // 236.83 / 5 = 47.366
      arpa: "47.37",
      // 0 churned / 4
      customerChurn: "0.0000",
      // 100 / 257.83 = 0.38785...
      grossRevenueChurn: "0.3879",
      // (100 - 30) / 257.83 = 0.27149...
      netRevenueChurn: "0.2715",
      // 1 - 0.27149... = 0.72850...
      nrr: "0.7285",
    });
  });

  it("February: two churns (a cancellation, a suspension), a reactivation, a trial converted as new", () => {
    // churn Bob 49.00 and Alice 49.00 (suspended); reactivation Emma 19.00 (she paid in 2025);
    // new Hugo 49.00 (his trial counted 0, he never paid before); Inès came and went: no movement.
    // End: 236.83 - 98 + 19 + 49 = 206.83 (Chloé 49, David 40.83, Farid 49, Emma 19, Hugo 49), 5 paying.
    const feb = month("2026-02");
    expect(movements(feb)).toEqual({
      new: "49.00 (1)",
      expansion: "0.00 (0)",
      contraction: "0.00 (0)",
      churn: "98.00 (2)",
      reactivation: "19.00 (1)",
    });
    expect(feb).toMatchObject({
      mrrStart: "236.83",
      mrrEnd: "206.83",
      netNewMrr: "-30.00",
      arr: "2481.96",
      payingStart: 5,
      payingEnd: 5,
      // 206.83 / 5 = 41.366
      arpa: "41.37",
      // 2 churned / 5 paying at the start
      customerChurn: "0.4000",
      // 98 / 236.83 = 0.41379...
      grossRevenueChurn: "0.4138",
      // (98 - 19) / 236.83 = 0.33357...
      netRevenueChurn: "0.3336",
      nrr: "0.6664",
    });
  });

  it("March: reactivations (a resumed suspension, a customer gone within February), a yearly upgrade, a downgrade", () => {
    // reactivation Alice 49.00 and Inès 19.00 (she paid for a few days in February); expansion David
    // 124.17 - 40.83 = 83.34; contraction Farid 49 - 19 = 30.00 (then past_due: still in MRR); churn Emma
    // 19.00 at 23:59:59.999 on the 31st; Chloé down and back up within the month: no movement.
    // End: 206.83 + 68 + 83.34 - 30 - 19 = 309.17 (Alice 49, Chloé 49, David 124.17, Farid 19, Hugo 49,
    // Inès 19), 6 paying.
    const mar = month("2026-03");
    expect(movements(mar)).toEqual({
      new: "0.00 (0)",
      expansion: "83.34 (1)",
      contraction: "30.00 (1)",
      churn: "19.00 (1)",
      reactivation: "68.00 (2)",
    });
    expect(mar).toMatchObject({
      mrrStart: "206.83",
      mrrEnd: "309.17",
      netNewMrr: "102.34",
      arr: "3710.04",
      payingStart: 5,
      payingEnd: 6,
      // 309.17 / 6 = 51.528...
      arpa: "51.53",
      // 1 churned / 5
      customerChurn: "0.2000",
      // (19 + 30) / 206.83 = 0.23690...
      grossRevenueChurn: "0.2369",
      // (19 + 30 - 83.34 - 68) / 206.83 = -102.34 / 206.83 = -0.49480...
      netRevenueChurn: "-0.4948",
      nrr: "1.4948",
    });
    expect(metrics.lastFullMonth).toEqual(mar);
  });

  it("April so far: a change at midnight on the 1st belongs to April, one at now counts, one after does not", () => {
    // expansion Hugo 149 - 49 = 100.00 (at 00:00:00.000 on April 1st); new Jules 124.17 at NOW;
    // Chloé's cancellation on April 20th is after NOW. End: 309.17 + 100 + 124.17 = 533.34, 7 paying.
    const apr = month("2026-04");
    expect(movements(apr)).toEqual({
      new: "124.17 (1)",
      expansion: "100.00 (1)",
      contraction: "0.00 (0)",
      churn: "0.00 (0)",
      reactivation: "0.00 (0)",
    });
    expect(apr).toMatchObject({
      mrrStart: "309.17",
      mrrEnd: "533.34",
      customerChurn: "0.0000",
      grossRevenueChurn: "0.0000",
      // -100 / 309.17 = -0.32344...
      netRevenueChurn: "-0.3234",
      nrr: "1.3234",
    });
    // 12 x 533.34; 533.34 / 7 = 76.191...
    expect(metrics.current).toEqual({ mrr: "533.34", arr: "6400.08", paying: 7, arpa: "76.19" });
  });

  it("keeps MRR at the end = MRR at the start + new + reactivation + expansion - contraction - churn", () => {
    for (const m of metrics.months) {
      const v = (k: keyof RevenueMonth["movements"]) => new Prisma.Decimal(m.movements[k].amount);
      const end = new Prisma.Decimal(m.mrrStart)
        .add(v("new"))
        .add(v("reactivation"))
        .add(v("expansion"))
        .sub(v("contraction"))
        .sub(v("churn"));
      expect([m.month, end.toFixed(2)]).toEqual([m.month, m.mrrEnd]);
    }
  });

  it("agrees with the MRR at an instant summed from the history rows by hand", async () => {
    // Each subscription's latest row with valid_from <= t, straight from the table.
    const mrrAt = async (t: Date) => {
      const [row] = await prisma.$queryRaw<{ mrr: string }[]>`
        SELECT COALESCE(sum(mrr), 0)::text AS mrr FROM (
          SELECT DISTINCT ON (subscription_id) mrr FROM subscription_history
           WHERE valid_from <= ${t} ORDER BY subscription_id, valid_from DESC, id DESC) s`;
      return row!.mrr;
    };
    expect(await mrrAt(at("2026-01-31T23:59:59.999Z"))).toBe("236.83");
    expect(await mrrAt(at("2026-02-28T23:59:59.999Z"))).toBe("206.83");
    expect(await mrrAt(NOW)).toBe("533.34");
  });
});

describe("GET /billing/metrics", () => {
  it("answers the same months to a viewer, and now's MRR after Chloé's cancellation", async () => {
    const res = await request(t.app).get(`${API}/billing/metrics?months=36`).set("Authorization", viewer.auth);
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.body.months).toHaveLength(36);
    const byMonth = new Map((res.body.months as RevenueMonth[]).map((m) => [m.month, m]));
    expect(byMonth.get("2026-01")).toEqual(month("2026-01"));
    expect(byMonth.get("2026-03")).toEqual(month("2026-03"));
    // The fixture's last change is Chloé's cancellation (pro, 49.00) on 2026-04-20: 533.34 - 49 = 484.34.
    expect(res.body.current).toEqual({ mrr: "484.34", arr: "5812.08", paying: 6, arpa: "80.72" });
    const last = res.body.months[35] as RevenueMonth;
    expect(last.complete).toBe(false);
    expect(res.body.lastFullMonth).toEqual(res.body.months[34]);
  });

  it("defaults to 12 months", async () => {
    const res = await request(t.app).get(`${API}/billing/metrics`).set("Authorization", viewer.auth);
    expect(res.status).toBe(200);
    expect(res.body.months).toHaveLength(12);
  });

  it.each(["0", "37", "twelve"])("refuses months=%s with a 400 naming months", async (months) => {
    const res = await request(t.app).get(`${API}/billing/metrics?months=${months}`).set("Authorization", viewer.auth);
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(["months"]);
  });

  it("refuses an admin without billing.view (403) and a caller without a token (401)", async () => {
    const forbidden = await request(t.app).get(`${API}/billing/metrics`).set("Authorization", outsider.auth);
    expect(forbidden.status).toBe(403);
    expect((await request(t.app).get(`${API}/billing/metrics`)).status).toBe(401);
  });
});

describe("the Revenue page", () => {
  it("gives a viewer the metrics and the overdue invoices, without the reminder button", async () => {
    const user = await makeAdmin(prisma, { role: "viewer" });
    const agent = await loginAgent(t.app, user.email, user.password);
    const res = await agent.get("/admin/api/pages/revenue");
    expect(res.status).toBe(200);
    expect(res.body.metrics.months).toHaveLength(12);
    expect(res.body.metrics.current.mrr).toBe("484.34");
    expect(res.body.overdue).toEqual({ total: 0, totals: [], data: [], nextCursor: null });
    expect(res.body.canRemind).toBe(false);
  });

  it("offers the reminder button to an editor", async () => {
    const user = await makeAdmin(prisma, { role: "editor" });
    const agent = await loginAgent(t.app, user.email, user.password);
    const res = await agent.get("/admin/api/pages/revenue");
    expect(res.body.canRemind).toBe(true);
  });

  it("refuses an admin without billing.view", async () => {
    const user = await makeAdmin(prisma, { role: "editor", permissions: ["customers.view"] });
    const agent = await loginAgent(t.app, user.email, user.password);
    const res = await agent.get("/admin/api/pages/revenue");
    expect(res.body).toEqual({ error: "revenueForbidden" });
  });
});

describe("the demo's subscription history", () => {
  const DEMO_NOW = new Date("2026-03-15T00:00:00.000Z");
  let demo: RevenueMetrics;

  beforeAll(async () => {
    await seedDemoData(prisma, { bcryptCost: 4, now: DEMO_NOW, replace: true });
    demo = await revenueMetrics(prisma, 12, DEMO_NOW);
  }, 300_000);

  it("gives the Revenue page movements in each of the 12 months, and every kind of movement", () => {
    const moved = (m: RevenueMonth) => Object.values(m.movements).some((v) => v.customers > 0);
    expect(demo.months.filter((m) => !moved(m)).map((m) => m.month)).toEqual([]);
    for (const kind of ["new", "expansion", "contraction", "churn", "reactivation"] as const) {
      const customers = demo.months.reduce((n, m) => n + m.movements[kind].customers, 0);
      expect([kind, customers > 0]).toEqual([kind, true]);
    }
  });

  it("ends each subscription's history in its current plan and status", async () => {
    const [counts] = await prisma.$queryRaw<{ wrong: number; subscriptions: number }[]>`
      SELECT count(*) FILTER (WHERE h.plan_id IS DISTINCT FROM s.plan_id OR h.status IS DISTINCT FROM s.status
                                 OR h.billing_interval IS DISTINCT FROM s.billing_interval)::int AS wrong,
             count(*)::int AS subscriptions
        FROM customer_subscriptions s
        LEFT JOIN LATERAL (SELECT plan_id, status, billing_interval FROM subscription_history
                            WHERE subscription_id = s.id ORDER BY valid_from DESC, id DESC LIMIT 1) h ON true`;
    expect(counts!.subscriptions).toBeGreaterThan(60);
    expect(counts!.wrong).toBe(0);
  });

  it("agrees with the subscriptions and plans now, and with the daily snapshots' MRR", async () => {
    // MRR now from the subscriptions themselves: active ones, monthly price or yearly / 12 (half-up).
    const [now] = await prisma.$queryRaw<{ mrr: string; paying: number }[]>`
      SELECT sum(CASE s.billing_interval WHEN 'yearly' THEN round(p.price_yearly / 12, 2) ELSE p.price_monthly END)::text AS mrr,
             count(DISTINCT s.customer_id)::int AS paying
        FROM customer_subscriptions s JOIN billing_plans p ON p.id = s.plan_id
       WHERE s.status IN ('active', 'past_due') AND p.price_monthly > 0`;
    expect(demo.current.mrr).toBe(now!.mrr);
    expect(demo.current.paying).toBe(now!.paying);
    // The snapshot of the day before now is taken at its end, which is when the current month's MRR is read.
    const [snapshot] = await prisma.$queryRaw<{ monthly_revenue: string }[]>`
      SELECT monthly_revenue::text FROM business_metrics ORDER BY metric_date DESC LIMIT 1`;
    expect(snapshot!.monthly_revenue).toBe(demo.current.mrr);
  });
});
