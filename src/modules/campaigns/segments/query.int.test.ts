// Segments against the real PostgreSQL: each criterion picks exactly the customers of a fixture, the
// count, the id pages, the stream and the sample agree, and a hostile value stays a value.
import pg from "pg";
import { createPrisma, type PrismaClient } from "../../../db/prisma.js";
import { makeCustomer } from "../../../../test/factories/index.js";
import { makeAiRequest, makeSite } from "../../../../test/factories/admin-resources.js";
import { makeIssuedInvoice, makePlan, makeSubscription } from "../../../../test/factories/billing.js";
import {
  countSegment,
  previewSegment,
  sampleSegment,
  segmentCustomerIds,
  streamSegmentCustomerIds,
  type SegmentCriteriaInput,
} from "../index.js";

let prisma: PrismaClient;
let pool: pg.Pool;
const deps = () => ({ pool });
const now = new Date("2026-12-01T12:00:00Z");
const day = 86_400_000;

/** Customers by role in the fixture. */
const c: Record<string, number> = {};

beforeAll(async () => {
  prisma = createPrisma(process.env.DATABASE_URL!);
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  const make = async (key: string, data: Parameters<typeof makeCustomer>[1]) => {
    c[key] = (await makeCustomer(prisma, { ...data, email: `${key}@${key}.test` })).id;
  };
  await make("freeFr", { planType: "free", language: "fr", createdAt: new Date("2025-03-10T00:00:00Z") });
  await make("proEn", { planType: "pro", language: "en", createdAt: new Date("2026-06-15T00:00:00Z") });
  await make("starterSuspended", {
    planType: "starter",
    status: "suspended",
    createdAt: new Date("2026-01-01T00:00:00Z"),
  });
  await make("yearly", { planType: "enterprise", language: "en", createdAt: new Date("2026-11-30T00:00:00Z") });
  await make("referred", { planType: "starter", createdAt: new Date("2026-10-01T00:00:00Z") });

  // Sites: proEn has 2 live and 1 archived; freeFr 1.
  await makeSite(prisma, { customerId: c.proEn!, status: "active" });
  await makeSite(prisma, { customerId: c.proEn!, status: "draft" });
  await makeSite(prisma, { customerId: c.proEn!, status: "archived" });
  await makeSite(prisma, { customerId: c.freeFr!, status: "active" });

  // AI requests: proEn 3 in the last 30 days and 1 older; freeFr 1 recent.
  for (const ago of [1, 5, 29, 45]) {
    await makeAiRequest(prisma, { customerId: c.proEn!, createdAt: new Date(now.getTime() - ago * day) });
  }
  await makeAiRequest(prisma, { customerId: c.freeFr!, createdAt: new Date(now.getTime() - 2 * day) });

  // MRR: proEn 49.00 monthly, yearly 1000.00 / 12 = 83.33, starterSuspended past_due 29.00 (counts),
  // referred trialing (no MRR).
  const pro = await makePlan(prisma, { priceMonthly: "49.00", priceYearly: "490.00" });
  const ent = await makePlan(prisma, { priceMonthly: "99.00", priceYearly: "1000.00" });
  const starter = await makePlan(prisma, { priceMonthly: "29.00", priceYearly: "290.00" });
  await makeSubscription(prisma, { customerId: c.proEn!, planId: pro.id });
  await makeSubscription(prisma, { customerId: c.yearly!, planId: ent.id, billingInterval: "yearly" });
  await makeSubscription(prisma, { customerId: c.starterSuspended!, planId: starter.id, status: "past_due" });
  await makeSubscription(prisma, { customerId: c.referred!, planId: starter.id, status: "trialing" });

  // Overdue: freeFr has a pending invoice past due; proEn's pending invoice is not due yet.
  await makeIssuedInvoice(prisma, { customerId: c.freeFr!, dueAt: new Date(now.getTime() - 3 * day) });
  await makeIssuedInvoice(prisma, { customerId: c.proEn!, dueAt: new Date(now.getTime() + 3 * day) });

  await prisma.referral.create({ data: { referrerId: c.proEn!, referredId: c.referred!, referralCode: "PRO-1" } });
});

afterAll(async () => {
  await pool.end();
  await prisma.$disconnect();
});

const ids = (criteria: SegmentCriteriaInput) => segmentCustomerIds(deps(), criteria, { now });
const of = (...keys: string[]) => keys.map((k) => c[k]!).sort((a, b) => a - b);

describe("segments over customers", () => {
  it("matches everyone on empty criteria", async () => {
    expect(await ids({})).toEqual(of("freeFr", "proEn", "starterSuspended", "yearly", "referred"));
    expect(await countSegment(deps(), {}, { now })).toBe(5);
  });

  it("filters on plan, status, language and signup dates", async () => {
    expect(await ids({ plans: ["starter", "free"] })).toEqual(of("freeFr", "starterSuspended", "referred"));
    expect(await ids({ statuses: ["suspended"] })).toEqual(of("starterSuspended"));
    expect(await ids({ languages: ["en"] })).toEqual(of("proEn", "yearly"));
    expect(await ids({ signedUp: { from: "2026-01-01", to: "2026-10-01" } })).toEqual(of("proEn", "starterSuspended"));
    expect(await ids({ signedUp: { from: "2026-10-01T00:00:00Z" } })).toEqual(of("yearly", "referred"));
  });

  it("counts live sites and AI requests in a period", async () => {
    expect(await ids({ sites: { min: 2 } })).toEqual(of("proEn"));
    expect(await ids({ sites: { max: 0 } })).toEqual(of("starterSuspended", "yearly", "referred"));
    expect(await ids({ sites: { min: 1, max: 1 } })).toEqual(of("freeFr"));
    expect(await ids({ aiRequests: { period: { lastDays: 30 }, min: 3 } })).toEqual(of("proEn"));
    expect(await ids({ aiRequests: { period: { lastDays: 30 }, min: 1, max: 2 } })).toEqual(of("freeFr"));
    expect(await ids({ aiRequests: { period: { lastDays: 60 }, min: 4 } })).toEqual(of("proEn"));
    const fixed = {
      from: new Date(now.getTime() - 50 * day).toISOString(),
      to: new Date(now.getTime() - 40 * day).toISOString(),
    };
    expect(await ids({ aiRequests: { period: fixed, min: 1 } })).toEqual(of("proEn"));
    expect(await ids({ aiRequests: { period: { lastDays: 30 }, max: 0 } })).toEqual(
      of("starterSuspended", "yearly", "referred"),
    );
  });

  it("compares MRR as billing defines it", async () => {
    expect(await ids({ mrr: { min: "83.33" } })).toEqual(of("yearly"));
    expect(await ids({ mrr: { min: "29", max: "49" } })).toEqual(of("proEn", "starterSuspended"));
    expect(await ids({ mrr: { max: "0" } })).toEqual(of("freeFr", "referred"));
  });

  it("tells billing states apart, any of several", async () => {
    expect(await ids({ billing: ["none"] })).toEqual(of("freeFr"));
    expect(await ids({ billing: ["trialing"] })).toEqual(of("referred"));
    expect(await ids({ billing: ["past_due"] })).toEqual(of("starterSuspended"));
    expect(await ids({ billing: ["overdue"] })).toEqual(of("freeFr"));
    expect(await ids({ billing: ["active", "overdue"] })).toEqual(of("freeFr", "proEn", "yearly"));
  });

  it("tells referred customers from direct ones", async () => {
    expect(await ids({ referral: ["referred"] })).toEqual(of("referred"));
    expect(await ids({ referral: ["direct"] })).toHaveLength(4);
  });

  it("combines criteria with AND", async () => {
    expect(await ids({ languages: ["en"], mrr: { max: "50" } })).toEqual(of("proEn"));
    expect(await ids({ plans: ["free"], billing: ["active"] })).toEqual([]);
  });

  it("pages, streams and samples the same customers", async () => {
    const all = await ids({});
    const first = await segmentCustomerIds(deps(), {}, { now, limit: 2 });
    const rest = await segmentCustomerIds(deps(), {}, { now, afterId: first[1], limit: 10 });
    expect([...first, ...rest]).toEqual(all);
    const batches: number[][] = [];
    for await (const batch of streamSegmentCustomerIds(deps(), {}, { now, batchSize: 2 })) batches.push(batch);
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(batches.flat()).toEqual(all);

    const sample = await sampleSegment(deps(), { languages: ["en"] }, { now, limit: 1 });
    expect(sample).toEqual([
      expect.objectContaining({ id: c.yearly, email: "yearly@yearly.test", planType: "enterprise", language: "en" }),
    ]);
    const preview = await previewSegment(deps(), { plans: ["starter"] }, { now });
    expect(preview.count).toBe(2);
    expect(preview.sample.map((s) => s.id)).toEqual([c.referred, c.starterSuspended]);
  });

  it("keeps a hostile value a value: refused by the schema, never run", async () => {
    await expect(ids({ plans: ["pro'); DELETE FROM customers; --"] } as never)).rejects.toMatchObject({ status: 400 });
    expect(await countSegment(deps(), {}, { now })).toBe(5);
  });
});
