// POST /webhooks/wizard and its cancel/feedback siblings: signature, validation, idempotency, audit.
import request, { type Response } from "supertest";
import { makeCustomer } from "../factories/index.js";
import { makeSite } from "../factories/admin-resources.js";
import { makeQueuedRequest, makeWizardCustomer, wizardSignature } from "../factories/ai-queue.js";
import { makeTestApp, type TestApp } from "../helpers/app.js";
import { signWizardRequest } from "../../src/modules/ai-queue/intake.js";

let t: TestApp;
let secret: string;

beforeAll(async () => {
  t = await makeTestApp();
  secret = t.deps.config.wizardWebhookSecret;
});
afterAll(() => t.close());

// Each request is signed at its own second, as a sender re-signs a retry: the webhook accepts a
// signature once. A second already used counts back to the latest free one, well within the tolerance
// (two requests in one clock second, or either side of a tick, never share a second).
const usedTimes = new Set<number>();
function freshTime(): number {
  let at = Math.floor(Date.now() / 1000);
  while (usedTimes.has(at)) at--;
  usedTimes.add(at);
  return at;
}

function post(path: string, body: unknown, opts: { signature?: string | null; t?: number; key?: string } = {}) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  let req = request(t.app).post(path).set("Content-Type", "application/json");
  const signature =
    opts.signature === undefined ? wizardSignature(secret, path, raw, opts.t ?? freshTime()) : opts.signature;
  if (signature !== null) req = req.set("X-Locod-Signature", signature);
  if (opts.key) req = req.set("Idempotency-Key", opts.key);
  return req.send(raw);
}

function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  expect(res.text).not.toMatch(/at .+\.(ts|js):\d+|SELECT |INSERT |prisma/i);
}

const fieldsOf = (res: Response) => (res.body.errors as { field: string }[]).map((e) => e.field);
const countFor = (customerId: number) => t.deps.prisma.aiRequest.count({ where: { customerId } });

describe("wizard intake", () => {
  it("creates a pending request from a signed submission, audited as the system, with its e-mail", async () => {
    const { customer, site, body } = await makeWizardCustomer(t.deps.prisma);
    const res = await post("/webhooks/wizard", body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: "pending", customer_id: customer.id, site_id: site.id, priority: 3 });
    const row = await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({ status: "pending", requestType: "services", businessType: "plombier", priority: 3 });
    expect(row.estimatedCost?.toFixed(2)).toBe("2.00");
    // Defaults of the request_data schema are applied.
    expect(row.requestData).toEqual({ servicesWanted: 4, tone: "chaleureux", existingServices: [] });
    const audit = await t.deps.prisma.adminActivityLog.findMany({
      where: { resourceType: "ai_requests", resourceId: row.id },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "ai_request.intake", adminId: null });
    const emails = await t.deps.prisma.emailLog.findMany({ where: { aiRequestId: row.id } });
    expect(emails.map((e) => e.template)).toEqual(["ai_request.received"]);
  });

  it("finds the customer by e-mail and uses the price list setting", async () => {
    const { customer, body } = await makeWizardCustomer(t.deps.prisma);
    await t.deps.prisma.setting.create({
      data: {
        key: "ai_queue.price_list",
        value: { services: "4.20", content: "3.50", images: "5.00", full_site: "12.00" },
      },
    });
    try {
      const { customer_id: _drop, ...rest } = body;
      const res = await post("/webhooks/wizard", { ...rest, customer_email: customer.email.toUpperCase() });
      expect(res.status).toBe(201);
      expect(res.body.estimated_cost).toBe("4.20");
      expect(res.body.priority).toBe(3);
    } finally {
      await t.deps.prisma.setting.delete({ where: { key: "ai_queue.price_list" } });
    }
  });

  it("answers 401 for a missing, wrong or stale signature, and writes nothing", async () => {
    const { customer, body } = await makeWizardCustomer(t.deps.prisma);
    expectProblem(await post("/webhooks/wizard", body, { signature: null }), 401);
    expectProblem(
      await post("/webhooks/wizard", body, { signature: `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}` }),
      401,
    );
    const other = wizardSignature("another-secret", "/webhooks/wizard", JSON.stringify(body));
    expectProblem(await post("/webhooks/wizard", body, { signature: other }), 401);
    expectProblem(await post("/webhooks/wizard", body, { t: Math.floor(Date.now() / 1000) - 301 }), 401);
    expectProblem(await post("/webhooks/wizard", body, { signature: "garbage" }), 401);
    // A body changed after signing.
    const forBody = wizardSignature(secret, "/webhooks/wizard", JSON.stringify(body));
    expectProblem(await post("/webhooks/wizard", { ...body, priority: 1 }, { signature: forBody }), 401);
    expect(await countFor(customer.id)).toBe(0);
  });

  it("answers 400 naming the field for an unknown site, another customer's site or malformed request_data", async () => {
    const { customer, body } = await makeWizardCustomer(t.deps.prisma);
    const foreign = await makeSite(t.deps.prisma);

    let res = await post("/webhooks/wizard", { ...body, site_id: 999_999 });
    expectProblem(res, 400);
    expect(fieldsOf(res)).toEqual(["site_id"]);

    res = await post("/webhooks/wizard", { ...body, site_id: foreign.id });
    expectProblem(res, 400);
    expect(fieldsOf(res)).toEqual(["site_id"]);

    res = await post("/webhooks/wizard", { ...body, request_data: { servicesWanted: 0, extra: true } });
    expectProblem(res, 400);
    expect(fieldsOf(res)).toEqual(expect.arrayContaining(["request_data.servicesWanted"]));

    res = await post("/webhooks/wizard", { ...body, request_type: "poems" });
    expectProblem(res, 400);
    expect(fieldsOf(res)).toContain("request_type");

    res = await post("/webhooks/wizard", { ...body, priority: 11 });
    expectProblem(res, 400);
    expect(fieldsOf(res)).toEqual(["priority"]);

    res = await post("/webhooks/wizard", { ...body, customer_id: 999_999 });
    expectProblem(res, 400);
    expect(fieldsOf(res)).toEqual(["customer_id"]);

    expectProblem(await post("/webhooks/wizard", "{not json"), 400);
    expect(await countFor(customer.id)).toBe(0);
  });

  it("makes one row of a replayed Idempotency-Key, also when the replays race", async () => {
    const { customer, body } = await makeWizardCustomer(t.deps.prisma);
    const key = `wiz-${customer.id}-a`;
    const first = await post("/webhooks/wizard", body, { key });
    const second = await post("/webhooks/wizard", body, { key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);

    const raced = await Promise.all(
      Array.from({ length: 6 }, () => post("/webhooks/wizard", body, { key: `${key}-race` })),
    );
    expect(raced.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(raced.map((r) => r.body.id)).size).toBe(1);
    expect(await countFor(customer.id)).toBe(2);
    const emails = await t.deps.prisma.emailLog.count({ where: { customerId: customer.id } });
    expect(emails).toBe(2);
  });
});

describe("wizard idempotency and replays", () => {
  it("makes one request of the same body sent twice without an Idempotency-Key", async () => {
    const { customer, body } = await makeWizardCustomer(t.deps.prisma);
    const first = await post("/webhooks/wizard", body);
    const second = await post("/webhooks/wizard", body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(await countFor(customer.id)).toBe(1);
    // Another body is another submission.
    const other = await post("/webhooks/wizard", { ...body, business_type: "électricien" });
    expect(other.status).toBe(201);
    expect(await countFor(customer.id)).toBe(2);
  });

  it("answers 409 to a key reused with another body, and scopes keys per customer", async () => {
    const { customer, body } = await makeWizardCustomer(t.deps.prisma);
    const key = `wiz-${customer.id}-scoped`;
    const first = await post("/webhooks/wizard", body, { key });
    expect(first.status).toBe(201);
    const reused = await post("/webhooks/wizard", { ...body, priority: 1 }, { key });
    expectProblem(reused, 409);
    expect(reused.body.detail).toMatch(/Idempotency-Key already used with another body/);
    expect(await countFor(customer.id)).toBe(1);
    expect((await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: first.body.id } })).priority).toBe(3);

    // The same key from another customer is their own.
    const other = await makeWizardCustomer(t.deps.prisma);
    const theirs = await post("/webhooks/wizard", other.body, { key });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);
    expect(theirs.body.customer_id).toBe(other.customer.id);
    expect(await countFor(other.customer.id)).toBe(1);
  });

  it("refuses a signed request sent a second time (401), and writes nothing", async () => {
    const { customer, body } = await makeWizardCustomer(t.deps.prisma);
    const raw = JSON.stringify(body);
    const signature = wizardSignature(secret, "/webhooks/wizard", raw);
    expect((await post("/webhooks/wizard", body, { signature })).status).toBe(201);
    const replayed = await post("/webhooks/wizard", body, { signature });
    expectProblem(replayed, 401);
    expect(replayed.body.detail).toMatch(/already used/);
    expect(await countFor(customer.id)).toBe(1);
  });

  it("binds the signature to the method and path: a cancel signed for one request cancels no other", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const mine = await makeQueuedRequest(t.deps.prisma, { customerId: customer.id });
    const other = await makeQueuedRequest(t.deps.prisma, { customerId: customer.id });
    const raw = JSON.stringify({ customer_id: customer.id });
    const forMine = wizardSignature(secret, `/webhooks/wizard/requests/${mine.id}/cancel`, raw);
    expectProblem(
      await post(`/webhooks/wizard/requests/${other.id}/cancel`, { customer_id: customer.id }, { signature: forMine }),
      401,
    );
    const forFeedback = wizardSignature(secret, `/webhooks/wizard/requests/${other.id}/feedback`, raw);
    expectProblem(
      await post(
        `/webhooks/wizard/requests/${other.id}/cancel`,
        { customer_id: customer.id },
        { signature: forFeedback },
      ),
      401,
    );
    const asGet = signWizardRequest(secret, "GET", `/webhooks/wizard/requests/${other.id}/cancel`, raw);
    expectProblem(
      await post(`/webhooks/wizard/requests/${other.id}/cancel`, { customer_id: customer.id }, { signature: asGet }),
      401,
    );
    expect((await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("pending");
    const cancelled = await post(
      `/webhooks/wizard/requests/${mine.id}/cancel`,
      { customer_id: customer.id },
      {
        signature: forMine,
      },
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe("cancelled");
  });
});

describe("wizard cancel and feedback", () => {
  it("lets the owner cancel a pending request once; others get 404", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const stranger = await makeCustomer(t.deps.prisma);
    const row = await makeQueuedRequest(t.deps.prisma, { customerId: customer.id });
    const path = `/webhooks/wizard/requests/${row.id}/cancel`;

    expectProblem(await post(path, { customer_id: stranger.id }), 404);
    expectProblem(await post(path, { customer_id: customer.id }, { signature: null }), 401);
    const res = await post(path, { customer_email: customer.email });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("cancelled");
    const again = await post(path, { customer_id: customer.id });
    expectProblem(again, 409);
    expect(again.body.detail).toBe(`AI request #${row.id} is cancelled`);
    const audit = await t.deps.prisma.adminActivityLog.findMany({
      where: { resourceType: "ai_requests", resourceId: row.id },
    });
    expect(audit.map((a) => [a.action, a.adminId])).toEqual([["ai_request.cancel", null]]);
  });

  it("takes feedback (1-5) on a completed request only", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const pending = await makeQueuedRequest(t.deps.prisma, { customerId: customer.id });
    const done = await makeQueuedRequest(t.deps.prisma, { customerId: customer.id, status: "completed" });

    expectProblem(
      await post(`/webhooks/wizard/requests/${pending.id}/feedback`, { customer_id: customer.id, rating: 4 }),
      409,
    );
    const bad = await post(`/webhooks/wizard/requests/${done.id}/feedback`, { customer_id: customer.id, rating: 6 });
    expectProblem(bad, 400);
    expect(fieldsOf(bad)).toEqual(["rating"]);
    const res = await post(`/webhooks/wizard/requests/${done.id}/feedback`, {
      customer_id: customer.id,
      rating: 5,
      notes: "Parfait",
    });
    expect(res.status).toBe(200);
    const row = await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: done.id } });
    expect(row).toMatchObject({ customerFeedback: 5, customerNotes: "Parfait" });
  });
});
