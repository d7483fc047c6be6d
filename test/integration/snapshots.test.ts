// The daily business snapshot (issue 6, item 1) on the real PostgreSQL: a fixture of customers,
// subscriptions changed through the subscription service at explicit instants, sites, and AI requests
// completed and billed (billAiRequest, and once through the Queue IA service), over four days of March
// 2026 with a churn day and changes at midnight. Each day's row must equal both the figures worked out by
// hand below and independent SQL over the same tables; then the job, the backfill and the command line.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { QueueEvents } from "bullmq";
import type { BillingPlan, Customer, PrismaClient } from "@prisma/client";
import { makeAdmin, makeCustomer } from "../factories/index.js";
import { makeSite } from "../factories/admin-resources.js";
import { makeQueuedRequest, SERVICES_CONTENT } from "../factories/ai-queue.js";
import { makeTestApp, type TestApp } from "../helpers/app.js";
import { runWithContext, type CurrentAdmin } from "../../src/lib/request-context.js";
import {
  cancelSubscription,
  changePlan,
  createSubscription,
  reactivateSubscription,
  suspendSubscription,
} from "../../src/modules/billing/subscriptions.js";
import { billAiRequest } from "../../src/modules/billing/ai-billing.js";
import { completeRequest, takeRequest } from "../../src/modules/ai-queue/service.js";
import { dayOf, snapshot, type BusinessSnapshot } from "../../src/modules/analytics/snapshot.js";
import {
  backfillSnapshots,
  metricsSnapshotJob,
  parseBackfillRange,
} from "../../src/modules/analytics/metrics-snapshot.js";
import { scheduleRepeatableJobs, startWorkers } from "../../src/queues/registry.js";
import { redisConnection } from "../../src/queues/queues.js";
import { AppError } from "../../src/lib/errors.js";

const run = promisify(execFile);

let t: TestApp;
let prisma: PrismaClient;
let editor: CurrentAdmin;
let plans: Record<"free" | "starter" | "pro", BillingPlan>;
const people: Record<string, Customer> = {};
/** The AI request completed through the Queue IA service, today. */
let serviceCompleted: { day: string };

const at = (iso: string) => new Date(iso);
const D1 = "2026-03-10";
const D2 = "2026-03-11";
const D3 = "2026-03-12";
const D4 = "2026-03-13";

/** The figures of each day, worked out by hand from the fixture (see buildFixture). */
type Figures = Omit<BusinessSnapshot, "id" | "metricDate" | "createdAt">;
const EXPECTED: Record<string, Figures> = {
  // Paying at the day's end: A 19 + B 49 + C 40.83 (490 / 12) + E 19 + F 19 + G 19 + I 19 = 184.83.
  // Customers before the end: K, A, I, E, F, G, C, B (new). Sites s1, s2, s3 (s1, s2 active).
  // AI: r1 (included credit, 0.00), r2 3.50, r3 12.00 at 23:59:59.999.
  [D1]: {
    totalCustomers: 8,
    activeCustomers: 7,
    newCustomers: 1,
    churnedCustomers: 0,
    totalSites: 3,
    activeSites: 2,
    monthlyRevenue: "184.83",
    aiRequestsCount: 3,
    aiRevenue: "15.50",
  },
  // D joins at 23:59:59.999 on the free plan (MRR 0). G's cancellation at midnight on the 12th is not in
  // force before the day's end. s4 (suspended). AI: r4 5.00 at midnight, r5 completed but not billed.
  [D2]: {
    totalCustomers: 9,
    activeCustomers: 7,
    newCustomers: 1,
    churnedCustomers: 0,
    totalSites: 4,
    activeSites: 2,
    monthlyRevenue: "184.83",
    aiRequestsCount: 2,
    aiRevenue: "5.00",
  },
  // The churn day: C cancelled, E suspended, G cancelled at midnight: 3 churned. F up to pro (49), I from
  // starter to a new pro subscription (19 -> 49, no churn), H subscribes and cancels within the day (no
  // churn). Paying: A 19 + B 49 + F 49 + I 49 = 166.00. s5 (active) at midnight. AI: r8 2.50.
  [D3]: {
    totalCustomers: 10,
    activeCustomers: 4,
    newCustomers: 1,
    churnedCustomers: 3,
    totalSites: 5,
    activeSites: 3,
    monthlyRevenue: "166.00",
    aiRequestsCount: 1,
    aiRevenue: "2.50",
  },
  // E resumes (19): 185.00, 5 paying. s6 is archived. J comes the next day.
  [D4]: {
    totalCustomers: 10,
    activeCustomers: 5,
    newCustomers: 0,
    churnedCustomers: 0,
    totalSites: 6,
    activeSites: 3,
    monthlyRevenue: "185.00",
    aiRequestsCount: 0,
    aiRevenue: "0.00",
  },
};

const asEditor = <T>(fn: () => Promise<T>): Promise<T> =>
  runWithContext({ admin: editor, ip: "127.0.0.1", userAgent: "jest", via: "admin" }, fn);

const deps = () => ({ prisma, subscriptionGateway: null });

async function customer(key: string, createdAt: string): Promise<Customer> {
  people[key] = await makeCustomer(prisma, { name: `Customer ${key}`, createdAt: at(createdAt) });
  return people[key]!;
}

async function subscribe(key: string, plan: BillingPlan, interval: "monthly" | "yearly", startedAt: string) {
  return createSubscription(deps(), {
    customerId: people[key]!.id,
    planId: plan.id,
    billingInterval: interval,
    startedAt: at(startedAt),
  });
}

/** A request completed at `completedAt`, billed onto its month's draft unless told otherwise. */
async function completedRequest(key: string, completedAt: string, actualCost: string, billed = true) {
  const request = await makeQueuedRequest(prisma, {
    customerId: people[key]!.id,
    status: "completed",
    actualCost,
    estimatedCost: actualCost,
    createdAt: at(completedAt),
    completedAt: at(completedAt),
    generatedContent: SERVICES_CONTENT,
  });
  if (billed) await prisma.$transaction((tx) => billAiRequest(tx, request.id, at(completedAt)));
  return request;
}

async function buildFixture(): Promise<void> {
  await asEditor(async () => {
    const d = deps();
    await customer("K", "2026-02-20T10:00:00.000Z");
    await customer("A", "2026-03-01T09:00:00.000Z");
    await subscribe("A", plans.starter, "monthly", "2026-03-01T09:00:00.000Z");
    await customer("I", "2026-03-01T12:00:00.000Z");
    const i1 = await subscribe("I", plans.starter, "monthly", "2026-03-01T12:00:00.000Z");
    await customer("E", "2026-03-02T10:00:00.000Z");
    const e = await subscribe("E", plans.starter, "monthly", "2026-03-02T10:00:00.000Z");
    await customer("F", "2026-03-03T10:00:00.000Z");
    const f = await subscribe("F", plans.starter, "monthly", "2026-03-03T10:00:00.000Z");
    await customer("G", "2026-03-04T10:00:00.000Z");
    const g = await subscribe("G", plans.starter, "monthly", "2026-03-04T10:00:00.000Z");
    await customer("C", "2026-03-05T08:00:00.000Z");
    const c = await subscribe("C", plans.pro, "yearly", "2026-03-05T08:00:00.000Z");
    await customer("B", "2026-03-10T10:00:00.000Z");
    await subscribe("B", plans.pro, "monthly", "2026-03-10T12:00:00.000Z");
    await customer("D", "2026-03-11T23:59:59.999Z");
    await subscribe("D", plans.free, "monthly", "2026-03-11T23:59:59.999Z");
    await customer("H", "2026-03-12T06:00:00.000Z");
    const h = await subscribe("H", plans.starter, "monthly", "2026-03-12T07:00:00.000Z");
    await customer("J", "2026-03-14T10:00:00.000Z");

    // The churn day, D3.
    await cancelSubscription(d, g.id, "now", at("2026-03-12T00:00:00.000Z"));
    await suspendSubscription(d, e.id, at("2026-03-12T09:00:00.000Z"));
    await changePlan(d, f.id, plans.pro.id, at("2026-03-12T10:00:00.000Z"));
    await cancelSubscription(d, i1.id, "now", at("2026-03-12T11:00:00.000Z"));
    await subscribe("I", plans.pro, "monthly", "2026-03-12T12:00:00.000Z");
    await cancelSubscription(d, c.id, "now", at("2026-03-12T15:00:00.000Z"));
    await cancelSubscription(d, h.id, "now", at("2026-03-12T20:00:00.000Z"));
    // D4: E resumes.
    await reactivateSubscription(d, e.id, at("2026-03-13T08:00:00.000Z"));
  });

  // Sites of K (no plan, so no site limit), with their current status.
  const site = (createdAt: string, status: "active" | "draft" | "suspended" | "archived") =>
    makeSite(prisma, { customerId: people.K!.id, createdAt: at(createdAt), status });
  await site("2026-03-01T10:00:00.000Z", "active"); // s1
  await site("2026-03-10T08:00:00.000Z", "active"); // s2
  await site("2026-03-10T09:00:00.000Z", "draft"); // s3
  await site("2026-03-11T23:00:00.000Z", "suspended"); // s4
  await site("2026-03-12T00:00:00.000Z", "active"); // s5
  await site("2026-03-13T12:00:00.000Z", "archived"); // s6
  await site("2026-03-14T00:00:00.000Z", "active"); // s7, after D4

  // AI requests. The starter plan includes one request a month: A's first one is a 0.00 line.
  await completedRequest("A", "2026-03-10T10:00:00.000Z", "3.50"); // r1, included credit
  await completedRequest("A", "2026-03-10T15:00:00.000Z", "3.50"); // r2
  await completedRequest("B", "2026-03-10T23:59:59.999Z", "12.00"); // r3
  await completedRequest("B", "2026-03-11T00:00:00.000Z", "5.00"); // r4
  await completedRequest("K", "2026-03-11T12:00:00.000Z", "2.00", false); // r5, not billed
  await makeQueuedRequest(prisma, {
    customerId: people.B!.id,
    status: "processing",
    createdAt: at("2026-03-11T09:00:00Z"),
  });
  await makeQueuedRequest(prisma, {
    customerId: people.B!.id,
    status: "rejected",
    createdAt: at("2026-03-11T09:00:00Z"),
  });
  await completedRequest("C", "2026-03-12T09:30:00.000Z", "2.50"); // r8

  // One request the way the portal completes it: taken and completed through the Queue IA service now.
  const queued = await makeQueuedRequest(prisma, { customerId: people.B!.id, estimatedCost: "4.20" });
  const completed = await asEditor(async () => {
    await takeRequest({ prisma, queues: t.deps.queues }, queued.id);
    return completeRequest({ prisma, queues: t.deps.queues }, queued.id, { generatedContent: SERVICES_CONTENT });
  });
  serviceCompleted = { day: dayOf(completed.completedAt!) };
}

beforeAll(async () => {
  t = await makeTestApp();
  prisma = t.deps.prisma;
  const admin = await makeAdmin(prisma, { role: "editor" });
  editor = { id: admin.id, email: admin.email, name: admin.name, role: "editor", permissions: null, status: "active" };
  const plan = (name: string, monthly: string, yearly: string, aiCreditsIncluded: number) =>
    prisma.billingPlan.create({
      data: { name, priceMonthly: monthly, priceYearly: yearly, aiCreditsIncluded, maxSites: 10 },
    });
  plans = {
    free: await plan(`Free ${process.pid}`, "0.00", "0.00", 0),
    starter: await plan(`Starter ${process.pid}`, "19.00", "190.00", 1),
    pro: await plan(`Pro ${process.pid}`, "49.00", "490.00", 0),
  };
  await buildFixture();
}, 60_000);

afterAll(() => t.close());

beforeEach(async () => {
  await prisma.businessMetric.deleteMany({});
});

// ---------------------------------------------------------------------------------------------
// Independent SQL: the definitions written another way (a subscription's state at t is its history
// row with valid_from < t that no later row before t replaces; money summed in SQL).
// ---------------------------------------------------------------------------------------------

interface Independent {
  total_customers: number;
  active_customers: number;
  new_customers: number;
  churned_customers: number;
  total_sites: number;
  active_sites: number;
  monthly_revenue: string;
  ai_requests_count: number;
  ai_revenue: string;
}

async function independent(day: string): Promise<Figures> {
  const start = at(`${day}T00:00:00.000Z`);
  const end = new Date(start.getTime() + 86_400_000);
  const [row] = await prisma.$queryRaw<Independent[]>`
    WITH state_at(t, customer_id, mrr) AS (
      SELECT b.t, h.customer_id, h.mrr
        FROM (VALUES (${start}::timestamptz), (${end}::timestamptz)) AS b(t)
        JOIN subscription_history h ON h.valid_from < b.t
       WHERE NOT EXISTS (
         SELECT 1 FROM subscription_history later
          WHERE later.subscription_id = h.subscription_id AND later.valid_from < b.t
            AND (later.valid_from > h.valid_from OR (later.valid_from = h.valid_from AND later.id > h.id)))
    ),
    per_customer AS (
      SELECT c.id,
             COALESCE((SELECT sum(mrr) FROM state_at s WHERE s.customer_id = c.id AND s.t = ${start}::timestamptz), 0) AS a,
             COALESCE((SELECT sum(mrr) FROM state_at s WHERE s.customer_id = c.id AND s.t = ${end}::timestamptz), 0) AS b
        FROM customers c
    )
    SELECT
      (SELECT count(*)::int FROM customers WHERE created_at < ${end}) AS total_customers,
      (SELECT count(*)::int FROM per_customer WHERE b > 0) AS active_customers,
      (SELECT count(*)::int FROM customers WHERE created_at >= ${start} AND created_at < ${end}) AS new_customers,
      (SELECT count(*)::int FROM per_customer WHERE a > 0 AND b = 0) AS churned_customers,
      (SELECT count(*)::int FROM sites WHERE created_at < ${end}) AS total_sites,
      (SELECT count(*)::int FROM sites WHERE created_at < ${end} AND status = 'active') AS active_sites,
      (SELECT to_char(COALESCE(sum(b), 0), 'FM999999990.00') FROM per_customer) AS monthly_revenue,
      (SELECT count(*)::int FROM ai_requests WHERE status = 'completed'
          AND completed_at >= ${start} AND completed_at < ${end}) AS ai_requests_count,
      (SELECT to_char(COALESCE(sum(i.total_price), 0), 'FM999999990.00')
         FROM ai_requests r JOIN invoice_items i ON i.ai_request_id = r.id
        WHERE r.status = 'completed' AND r.completed_at >= ${start} AND r.completed_at < ${end}) AS ai_revenue`;
  return {
    totalCustomers: row!.total_customers,
    activeCustomers: row!.active_customers,
    newCustomers: row!.new_customers,
    churnedCustomers: row!.churned_customers,
    totalSites: row!.total_sites,
    activeSites: row!.active_sites,
    monthlyRevenue: row!.monthly_revenue,
    aiRequestsCount: row!.ai_requests_count,
    aiRevenue: row!.ai_revenue,
  };
}

const figures = ({ id: _id, metricDate: _date, createdAt: _created, ...rest }: BusinessSnapshot): Figures => rest;

/** The stored rows, as the snapshot reports them. */
async function storedRows() {
  const rows = await prisma.businessMetric.findMany({ orderBy: { metricDate: "asc" } });
  return rows.map((r) => ({
    id: r.id,
    metricDate: dayOf(r.metricDate),
    totalCustomers: r.totalCustomers,
    activeCustomers: r.activeCustomers,
    newCustomers: r.newCustomers,
    churnedCustomers: r.churnedCustomers,
    totalSites: r.totalSites,
    activeSites: r.activeSites,
    monthlyRevenue: r.monthlyRevenue.toFixed(2),
    aiRequestsCount: r.aiRequestsCount,
    aiRevenue: r.aiRevenue.toFixed(2),
    createdAt: r.createdAt.toISOString(),
  }));
}

describe("daily business snapshot", () => {
  it("gives each day the figures worked out by hand, equal to independent SQL", async () => {
    for (const day of [D1, D2, D3, D4]) {
      const row = await snapshot(prisma, day);
      expect({ day, ...figures(row) }).toEqual({ day, ...EXPECTED[day] });
      expect({ day, ...(await independent(day)) }).toEqual({ day, ...EXPECTED[day] });
      expect(row.metricDate).toBe(day);
    }
    expect((await storedRows()).map((r) => r.metricDate)).toEqual([D1, D2, D3, D4]);
  });

  it("counts a request completed and billed through the Queue IA service at its price", async () => {
    // Today's snapshot (the day is still running): the fixture as it stands, with the request completed
    // and billed by completeRequest at its estimated 4.20 (B's pro plan includes no request).
    const row = await snapshot(prisma, serviceCompleted.day);
    expect(figures(row)).toEqual(await independent(serviceCompleted.day));
    expect(figures(row)).toMatchObject({
      totalCustomers: 11,
      activeCustomers: 5,
      newCustomers: 0,
      monthlyRevenue: "185.00",
      totalSites: 7,
      activeSites: 4,
      aiRequestsCount: 1,
      aiRevenue: "4.20",
    });
  });

  it("replaces a day's row when run again, keeping one row and its id, and audits each run", async () => {
    const first = await snapshot(prisma, D3, { takenAt: at("2026-03-13T00:05:00.000Z") });
    const second = await snapshot(prisma, D3, { takenAt: at("2026-03-13T06:00:00.000Z") });
    expect(second).toEqual({ ...first, createdAt: "2026-03-13T06:00:00.000Z" });
    expect(await prisma.businessMetric.count()).toBe(1);
    const audits = await prisma.adminActivityLog.findMany({
      where: { resourceType: "business_metrics", resourceId: first.id },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual(["business_metrics.snapshot", "business_metrics.resnapshot"]);
    expect(audits[0]!.newValues).toMatchObject({ churnedCustomers: 3, monthlyRevenue: "166", aiRevenue: "2.5" });
    expect(audits[1]!.oldValues).toEqual({ createdAt: "2026-03-13T00:05:00.000Z" });
    expect(audits[1]!.newValues).toEqual({ createdAt: "2026-03-13T06:00:00.000Z" });
  });

  it("leaves one row when runs for one date race", async () => {
    const rows = await Promise.all(Array.from({ length: 6 }, () => snapshot(prisma, D3)));
    expect(new Set(rows.map((r) => r.id)).size).toBe(1);
    expect(rows.map(figures)).toEqual(Array(6).fill(EXPECTED[D3]));
    expect(await prisma.businessMetric.count()).toBe(1);
  });
});

describe("metrics-snapshot job", () => {
  it("snapshots the day that ended before it was due, twice giving one row with the same values", async () => {
    // Due at 00:05 on March 14th, run late (a retry hours later keeps the day it was due for).
    const job = {
      timestamp: Date.parse("2026-03-14T09:00:00Z"),
      opts: { prevMillis: Date.parse("2026-03-14T00:05:00Z") },
    };
    const first = await metricsSnapshotJob(prisma, job);
    // The week before had no rows: the job fills it too.
    expect(first).toEqual({
      date: D4,
      caughtUp: ["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", D1, D2, D3],
    });
    const once = await storedRows();
    expect(once).toHaveLength(8);
    expect(once.filter((r) => r.metricDate === D4).map(figures)).toEqual([EXPECTED[D4]]);
    expect(once.filter((r) => r.metricDate === D3).map(figures)).toEqual([EXPECTED[D3]]);

    const second = await metricsSnapshotJob(prisma, job);
    expect(second).toEqual({ date: D4, caughtUp: [] });
    const twice = await storedRows();
    expect(twice.map(({ createdAt: _c, ...r }) => r)).toEqual(once.map(({ createdAt: _c, ...r }) => r));
    expect(await prisma.businessMetric.count({ where: { metricDate: at(`${D4}T00:00:00Z`) } })).toBe(1);
  });

  it("takes the day given in its data, and refuses one that is not a date", async () => {
    const result = await metricsSnapshotJob(prisma, { data: { date: D2 }, timestamp: Date.now() });
    expect(result.date).toBe(D2);
    expect((await storedRows()).find((r) => r.metricDate === D2)).toMatchObject(EXPECTED[D2]!);
    await expect(metricsSnapshotJob(prisma, { data: { date: "2026-02-30" }, timestamp: Date.now() })).rejects.toThrow(
      /data.date must be a date/,
    );
  });

  it("is scheduled at 00:05 UTC on the maintenance queue and runs in the workers", async () => {
    const queue = t.deps.queues.byName.maintenance;
    await scheduleRepeatableJobs(t.deps.queues);
    const scheduler = await queue.getJobScheduler("metrics-snapshot");
    expect(scheduler).toMatchObject({ name: "metrics-snapshot", pattern: "5 0 * * *", tz: "UTC" });
    // No scheduled job of any queue may fire into this file's database while its workers run.
    for (const q of Object.values(t.deps.queues.byName)) {
      for (const s of await q.getJobSchedulers()) await q.removeJobScheduler(s.key);
    }

    const events = new QueueEvents("maintenance", {
      connection: redisConnection(t.deps.config.redisUrl),
      prefix: t.deps.config.queuePrefix,
    });
    const workers = startWorkers({
      prisma,
      log: t.deps.log,
      config: t.deps.config,
      queues: t.deps.queues,
    });
    try {
      await events.waitUntilReady();
      const job = await queue.add("metrics-snapshot", { date: D1 });
      expect(await job.waitUntilFinished(events, 20_000)).toMatchObject({ date: D1 });
      expect((await storedRows()).find((r) => r.metricDate === D1)).toMatchObject(EXPECTED[D1]!);
    } finally {
      await workers.close();
      await events.close();
    }
  });
});

describe("metrics backfill", () => {
  it("snapshots every day of a range, and a second run replaces them with the same values", async () => {
    expect(await backfillSnapshots(prisma, { from: D1, to: D4 })).toEqual({ days: 4 });
    const once = await storedRows();
    expect(once.map((r) => [r.metricDate, figures(r)])).toEqual([D1, D2, D3, D4].map((d) => [d, EXPECTED[d]]));
    await backfillSnapshots(prisma, { from: D1, to: D4 });
    const twice = await storedRows();
    expect(twice.map(({ createdAt: _c, ...r }) => r)).toEqual(once.map(({ createdAt: _c, ...r }) => r));
  });

  it("refuses bad dates, a reversed range and days that have not ended, naming the argument", () => {
    const now = at("2026-03-14T10:00:00Z");
    const refusal = (input: { from?: string; to?: string }) => {
      try {
        parseBackfillRange(input, now);
      } catch (error) {
        return (error as AppError).errors;
      }
      return null;
    };
    expect(refusal({ from: D1, to: D4 })).toBeNull();
    expect(refusal({ from: "2026-02-30", to: D4 })).toEqual([
      { field: "from", message: "must be a calendar date like 2026-01-31" },
    ]);
    expect(refusal({ from: D1 })).toEqual([{ field: "to", message: "is required: a date like 2026-01-31" }]);
    expect(refusal({ from: D4, to: D1 })).toEqual([{ field: "to", message: "must be on or after from" }]);
    expect(refusal({ from: D1, to: "2026-03-14" })).toEqual([
      { field: "to", message: "must be before 2026-03-14 (UTC)" },
    ]);
    expect(refusal({ from: "2000-01-01", to: D4 })).toEqual([
      { field: "from", message: "the range may hold at most 3660 days" },
    ]);
  });

  it("runs from the command line: a clear message and exit code 2 on bad input, the rows otherwise", async () => {
    const cli = async (...args: string[]) => {
      try {
        const { stdout, stderr } = await run("npx", ["tsx", "src/cli/metrics-backfill.ts", ...args], {
          env: { ...process.env, NODE_OPTIONS: "" },
        });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    };
    const bad = await cli("--from", "2026-13-01", "--to", D4);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--from: must be a calendar date like 2026-01-31");
    expect(bad.stderr).toContain("Usage: npm run metrics:backfill -- --from YYYY-MM-DD --to YYYY-MM-DD");
    const reversed = await cli("--from", D4, "--to", D1);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain("--to: must be on or after from");
    const unknown = await cli("--since", D1);
    expect(unknown.code).toBe(2);
    expect(await prisma.businessMetric.count()).toBe(0);

    const auditedBefore = (await prisma.adminActivityLog.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const good = await cli("--from", D2, "--to", D3);
    expect(good).toMatchObject({ code: 0, stdout: expect.stringContaining(`Business metrics ${D2} to ${D3}: 2 days`) });
    expect((await storedRows()).map((r) => [r.metricDate, figures(r)])).toEqual([
      [D2, EXPECTED[D2]],
      [D3, EXPECTED[D3]],
    ]);
    const audits = await prisma.adminActivityLog.findMany({
      where: { id: { gt: auditedBefore } },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => [a.action, a.resourceType, a.adminId, a.userAgent])).toEqual([
      ["business_metrics.snapshot", "business_metrics", null, "cli metrics:backfill"],
      ["business_metrics.snapshot", "business_metrics", null, "cli metrics:backfill"],
    ]);
  }, 60_000);
});
