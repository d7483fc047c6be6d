// Every AdminJS write leaves exactly one audit row, in its transaction; cross-origin writes change nothing.
import type { Agent } from "supertest";
import { makeAdmin, makeCustomer } from "../factories/index.js";
import { loginAgent, makeTestApp, ORIGIN, type TestApp } from "../helpers/app.js";

let t: TestApp;
let agent: Agent;
let actorId: number;

beforeAll(async () => {
  t = await makeTestApp();
  const actor = await makeAdmin(t.deps.prisma, { role: "admin" });
  actorId = actor.id;
  agent = await loginAgent(t.app, actor.email, actor.password);
  agent.set("User-Agent", "audit-test/1.0");
});
afterAll(() => t.close());

const auditRows = (resourceType: string, resourceId: number) =>
  t.deps.prisma.adminActivityLog.findMany({ where: { resourceType, resourceId }, orderBy: { id: "asc" } });

describe("audit trail of AdminJS writes", () => {
  it("records a create with the new values, the admin, the IP and the user agent", async () => {
    const res = await agent
      .post("/admin/api/resources/customers/actions/new")
      .type("form")
      .send({ email: "audit-new@test.local", name: "Boulangerie Audit", planType: "starter", status: "active" });
    expect(res.status).toBe(200);
    const id = res.body.record.params.id as number;
    const rows = await auditRows("customers", id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "create",
      adminId: actorId,
      userAgent: "audit-test/1.0",
      oldValues: null,
      newValues: expect.objectContaining({
        email: "audit-new@test.local",
        name: "Boulangerie Audit",
        planType: "starter",
      }),
    });
    expect(rows[0]!.ipAddress).toMatch(/127\.0\.0\.1|::1/);
  });

  it("records an edit with only the changed fields, old and new", async () => {
    const customer = await makeCustomer(t.deps.prisma, { name: "Avant", planType: "free" });
    const res = await agent
      .post(`/admin/api/resources/customers/records/${customer.id}/edit`)
      .type("form")
      .send({ email: customer.email, name: "Après", planType: "free", status: "active" });
    expect(res.status).toBe(200);
    expect(res.body.notice.type).toBe("success");
    const rows = await auditRows("customers", customer.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "update", oldValues: { name: "Avant" }, newValues: { name: "Après" } });
  });

  it("records a delete and a bulk delete, one row per record, with the old values", async () => {
    const [a, b, c] = await Promise.all([
      makeCustomer(t.deps.prisma),
      makeCustomer(t.deps.prisma),
      makeCustomer(t.deps.prisma),
    ]);
    await agent.post(`/admin/api/resources/customers/records/${a.id}/delete`).expect(200);
    await agent.post(`/admin/api/resources/customers/bulk/bulkDelete?recordIds=${b.id},${c.id}`).expect(200);
    for (const customer of [a, b, c]) {
      const rows = await auditRows("customers", customer.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        action: "delete",
        newValues: null,
        oldValues: expect.objectContaining({ email: customer.email }),
      });
    }
    expect(await t.deps.prisma.customer.count({ where: { id: { in: [a.id, b.id, c.id] } } })).toBe(0);
  });

  it("writes nothing, audit included, when the change is refused", async () => {
    const before = await t.deps.prisma.adminActivityLog.count();
    const res = await agent
      .post("/admin/api/resources/customers/actions/new")
      .type("form")
      .send({ email: "not-an-email", name: "" });
    expect(res.body.record.errors).toHaveProperty("email");
    expect(await t.deps.prisma.adminActivityLog.count()).toBe(before);
  });
});

describe("same-origin check", () => {
  it("refuses a cross-origin POST to an AdminJS action and changes nothing", async () => {
    const customer = await makeCustomer(t.deps.prisma, { name: "Intact" });
    for (const origin of ["https://evil.example", "http://localhost:3001", "null"]) {
      const res = await agent
        .post(`/admin/api/resources/customers/records/${customer.id}/edit`)
        .set("Origin", origin)
        .type("form")
        .send({ name: "Changé" });
      expect(res.status).toBe(403);
      expect(res.type).toBe("application/problem+json");
    }
    const deleted = await agent
      .post(`/admin/api/resources/customers/records/${customer.id}/delete`)
      .set("Origin", "https://evil.example");
    expect(deleted.status).toBe(403);
    expect(await t.deps.prisma.customer.findUnique({ where: { id: customer.id } })).toMatchObject({ name: "Intact" });
    expect(await auditRows("customers", customer.id)).toHaveLength(0);
  });

  it("accepts a Referer from the portal when a browser sends no Origin", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const res = await agent
      .post(`/admin/api/resources/customers/records/${customer.id}/edit`)
      .unset("Origin")
      .set("Referer", `${ORIGIN}/admin/resources/customers/records/${customer.id}/edit`)
      .type("form")
      .send({ email: customer.email, name: "Via referer", planType: "free", status: "active" });
    expect(res.status).toBe(200);
  });

  it("lets reads through from anywhere (they change nothing)", async () => {
    const res = await agent.get("/admin/api/resources/customers/actions/list").set("Origin", "https://evil.example");
    expect(res.status).toBe(200);
  });
});
