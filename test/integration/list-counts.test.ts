// List totals and list pages of src/admin/prisma-resource.ts, through AdminJS's list API on a real
// PostgreSQL: exact counts at or below LIST_EXACT_COUNT_LIMIT, the planner's estimate above it (once
// proven), and the page's columns and references.
import type { PrismaClient } from "@prisma/client";
import type { Agent } from "supertest";
import { LocodPrismaResource, whereSql } from "../../src/admin/prisma-resource.js";
import { loadModels } from "../../src/db/dmmf.js";
import { makeAdmin } from "../factories/index.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;
let agent: Agent;
const defaultLimit = LocodPrismaResource.countOptions;

beforeAll(async () => {
  t = await makeTestApp();
  const admin = await makeAdmin(t.deps.prisma, { role: "super_admin" });
  agent = await loginAgent(t.app, admin.email, admin.password);
  // Autovacuum must not refresh the statistics these tests make stale on purpose.
  await t.deps.pool.query("ALTER TABLE customers SET (autovacuum_enabled = false)");
});

afterAll(async () => {
  await t.deps.pool.query("ALTER TABLE customers RESET (autovacuum_enabled)");
  LocodPrismaResource.countOptions = defaultLimit;
  await t.close();
});

beforeEach(async () => {
  await t.deps.pool.query("TRUNCATE customers RESTART IDENTITY CASCADE");
  LocodPrismaResource.forgetCounts();
});

let seq = 0;
function addCustomers(prisma: PrismaClient, n: number, planType: "free" | "pro" = "free") {
  return prisma.customer.createMany({
    data: Array.from({ length: n }, () => {
      const i = ++seq;
      return { email: `list${i}@counts.test`, name: `Customer ${i}`, planType };
    }),
  });
}

/** Statistics as of now; the deletes that follow leave them stale, as between two ANALYZE runs. */
const analyze = () => t.deps.pool.query("ANALYZE customers");

async function deleteCustomers(n: number, planType?: "free" | "pro") {
  await t.deps.pool.query(
    `DELETE FROM customers WHERE id IN (SELECT id FROM customers ${planType ? "WHERE plan_type = $2" : ""} LIMIT $1)`,
    planType ? [n, planType] : [n],
  );
}

async function plannerEstimate(where = "", params: unknown[] = []): Promise<number> {
  const { rows } = await t.deps.pool.query<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM customers ${where}`,
    params,
  );
  return Math.round(rows[0]!["QUERY PLAN"][0].Plan["Plan Rows"]);
}

interface ListAnswer {
  meta: { total: number };
  records: {
    params: Record<string, unknown>;
    populated: Record<string, { id: unknown; title: string; recordActions: { name: string }[] }>;
  }[];
}

async function list(resource: string, query: Record<string, string | number> = {}): Promise<ListAnswer> {
  const res = await agent.get(`/admin/api/resources/${resource}/actions/list`).query(query);
  expect(res.status).toBe(200);
  expect(res.body.notice?.type).not.toBe("error");
  return res.body as ListAnswer;
}

const withLimit = (exactCountLimit: number) => {
  LocodPrismaResource.countOptions = { exactCountLimit };
};

describe("admin list counts", () => {
  it("counts exactly when the set is at or below the limit, however stale the statistics", async () => {
    withLimit(100);
    await addCustomers(t.deps.prisma, 150);
    await analyze();
    await deleteCustomers(60);
    expect(await plannerEstimate()).toBeGreaterThan(100);

    // The estimate says 150, the set holds 90: the capped count proves it is not above the limit.
    expect((await list("customers", { perPage: 10 })).meta.total).toBe(90);
  });

  it("shows the planner's estimate above the limit", async () => {
    withLimit(100);
    await addCustomers(t.deps.prisma, 200);
    await analyze();
    await deleteCustomers(20);
    const estimate = await plannerEstimate();
    expect(estimate).not.toBe(180);

    expect((await list("customers", { perPage: 10 })).meta.total).toBe(estimate);
  });

  it("estimates a filtered list above the limit and counts one below it exactly", async () => {
    withLimit(100);
    await addCustomers(t.deps.prisma, 150, "pro");
    await addCustomers(t.deps.prisma, 60, "free");
    await analyze();
    await deleteCustomers(10, "pro");
    await deleteCustomers(10, "free");
    const proEstimate = await plannerEstimate("WHERE plan_type = $1", ["pro"]);
    expect(proEstimate).toBeGreaterThan(100);
    expect(proEstimate).not.toBe(140);

    expect((await list("customers", { perPage: 10, "filters.planType": "pro" })).meta.total).toBe(proEstimate);
    expect((await list("customers", { perPage: 10, "filters.planType": "free" })).meta.total).toBe(50);
  });

  it("takes the total from a short page without counting", async () => {
    withLimit(10);
    await addCustomers(t.deps.prisma, 200);
    await analyze();
    await deleteCustomers(175);

    // 25 rows, pages of 10: page 3 holds 5, so there are 25 whatever the statistics say.
    const page3 = await list("customers", { perPage: 10, page: 3 });
    expect(page3.records).toHaveLength(5);
    expect(page3.meta.total).toBe(25);
    expect((await list("customers", { perPage: 10, "filters.planType": "pro" })).meta.total).toBe(0);
  });

  it("remembers a proven large set, and forgets it when the admin deletes one of its rows", async () => {
    withLimit(100);
    await addCustomers(t.deps.prisma, 200);
    await analyze();
    const estimate = (await list("customers", { perPage: 10 })).meta.total;
    expect(estimate).toBeGreaterThan(100);

    // Deleted behind the admin's back: within the minute the proof holds, the list keeps its estimate.
    await deleteCustomers(150);
    expect((await list("customers", { perPage: 10 })).meta.total).toBe(estimate);

    const { rows } = await t.deps.pool.query<{ id: number }>("SELECT id FROM customers LIMIT 1");
    const res = await agent.post(`/admin/api/resources/customers/records/${rows[0]!.id}/delete`);
    expect(res.status).toBe(200);
    expect(res.body.notice?.type).toBe("success");
    expect((await list("customers", { perPage: 10 })).meta.total).toBe(49);
  });
});

describe("admin list pages", () => {
  it("answers the listed columns, and each shown reference as id and title with its show action only", async () => {
    const admin = await makeAdmin(t.deps.prisma, { name: "Alice Queue" });
    const customer = await t.deps.prisma.customer.create({
      data: { email: "owner@counts.test", name: "Boulangerie Martin" },
    });
    const site = await t.deps.prisma.site.create({ data: { customerId: customer.id, name: "Site Martin" } });
    await t.deps.prisma.aiRequest.create({
      data: {
        customerId: customer.id,
        siteId: site.id,
        adminId: admin.id,
        requestType: "content",
        businessType: "boulangerie",
        requestData: { businessName: "Boulangerie Martin", pages: ["accueil"] },
        generatedContent: { title: "Bienvenue" },
      },
    });

    const { records } = await list("ai_requests");
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record.params.customer).toBe(customer.id);
    expect(record.params.businessType).toBe("boulangerie");
    // JSON documents the list does not show stay in the database.
    expect(Object.keys(record.params).filter((k) => /^(requestData|generatedContent)(\.|$)/.test(k))).toEqual([]);
    expect(record.populated.customer).toMatchObject({ id: customer.id, title: "Boulangerie Martin" });
    expect(record.populated.customer!.recordActions.map((a) => a.name)).toEqual(["show"]);
    expect(record.populated.admin).toMatchObject({ id: admin.id, title: "Alice Queue" });
    // The site column is not in the list: not looked up.
    expect(record.populated.site).toBeUndefined();

    const shown = await agent.get(`/admin/api/resources/ai_requests/records/${record.params.id}/show`);
    expect(shown.body.record.params["requestData.businessName"]).toBe("Boulangerie Martin");
    expect(shown.body.record.populated.site.title).toBe("Site Martin");
  });
});

describe("admin list text filters", () => {
  it("match case-insensitively, in the list and in its total", async () => {
    await t.deps.prisma.customer.createMany({
      data: [
        { email: "contact@dupont.test", name: "Plomberie Dupont" },
        { email: "hello@other.test", name: "Salon Martin" },
      ],
    });
    const found = await list("customers", { "filters.name": "dupont" });
    expect(found.records.map((r) => r.params.name)).toEqual(["Plomberie Dupont"]);
    expect(found.meta.total).toBe(1);
    expect((await list("customers", { "filters.email": "DUPONT" })).meta.total).toBe(1);
  });
});

describe("whereSql", () => {
  const fields = async () => (await loadModels()).get("AiRequest")!.fields as Parameters<typeof whereSql>[0];

  it("writes the filters AdminJS builds as SQL on the table's columns, values as parameters", async () => {
    const from = new Date("2026-01-01T00:00:00Z");
    const to = new Date("2026-02-01T00:00:00Z");
    expect(
      whereSql(await fields(), {
        status: { equals: "pending" },
        customerId: 7,
        businessType: { contains: "boul_", mode: "insensitive" },
        createdAt: { gte: from, lte: to },
        siteId: null,
      }),
    ).toEqual({
      sql: '"status" = $1 AND "customer_id" = $2 AND "business_type" ILIKE $3 AND "created_at" >= $4 AND "created_at" <= $5 AND "site_id" IS NULL',
      params: ["pending", 7, "%boul\\_%", from, to],
    });
    expect(whereSql(await fields(), {})).toEqual({ sql: "", params: [] });
  });

  it("gives up on anything else, so the list counts exactly", async () => {
    expect(whereSql(await fields(), { customer: 7 })).toBeNull();
    expect(whereSql(await fields(), { nope: 1 })).toBeNull();
    expect(whereSql(await fields(), { priority: { a: 1 } })).toBeNull();
    expect(whereSql(await fields(), { priority: { in: [1, 2] } })).toBeNull();
  });
});
