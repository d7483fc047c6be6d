// The Queue IA workflow through REST and AdminJS: races, permissions, billing, audit and e-mails.
import request, { type Response } from "supertest";
import { makeCustomer } from "../factories/index.js";
import { API, makeApiLogin, type ApiLogin } from "../factories/api.js";
import { SERVICES_CONTENT, makeQueuedRequest, makeSubscribedCustomer } from "../factories/ai-queue.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { billAiRequest } from "../../src/modules/billing/ai-billing.js";
import { draftInvoiceNumber } from "../../src/modules/billing/invoicing/draft-invoice.js";
import { aiRequestLine } from "../../src/modules/billing/invoicing/line-words.js";

let t: TestApp;
let editors: ApiLogin[];
let viewer: ApiLogin;

beforeAll(async () => {
  t = await makeTestApp();
  editors = await Promise.all([1, 2, 3, 4].map(() => makeApiLogin(t.app, t.deps.prisma, { role: "editor" })));
  viewer = await makeApiLogin(t.app, t.deps.prisma, { role: "viewer" });
});
afterAll(() => t.close());

const post = (path: string, login: ApiLogin, body?: object) =>
  request(t.app)
    .post(`${API}/ai-queue/ai_requests${path}`)
    .set("Authorization", login.auth)
    .send(body ?? {});
const get = (path: string, login: ApiLogin) =>
  request(t.app).get(`${API}/ai-queue/ai_requests${path}`).set("Authorization", login.auth);

function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(res.text).not.toMatch(/at .+\.(ts|js):\d+|SELECT |INSERT |prisma/i);
}

const audits = (id: number, action?: string) =>
  t.deps.prisma.adminActivityLog.findMany({
    where: { resourceType: "ai_requests", resourceId: id, ...(action ? { action } : {}) },
    orderBy: { id: "asc" },
  });
const emails = (id: number) => t.deps.prisma.emailLog.findMany({ where: { aiRequestId: id }, orderBy: { id: "asc" } });

describe("ai-queue take", () => {
  it("gives 20 concurrent takes of one request exactly one winner and nineteen 409s", async () => {
    const row = await makeQueuedRequest(t.deps.prisma);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => post(`/${row.id}/take`, editors[i % 4]!)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const losers = results.filter((r) => r.status === 409);
    for (const res of losers) {
      expectProblem(res, 409);
      expect(res.body.detail).toBe(`AI request #${row.id} is processing`);
    }
    const winner = results.find((r) => r.status === 200)!;
    const fresh = await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: row.id } });
    expect(fresh.status).toBe("processing");
    expect(fresh.adminId).toBe(winner.body.adminId);
    expect(fresh.assignedAt).not.toBeNull();
    expect(fresh.startedAt).not.toBeNull();
    const log = await audits(row.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: "ai_request.take", adminId: fresh.adminId });
    expect((await emails(row.id)).map((e) => e.template)).toEqual(["ai_request.in_progress"]);
  });

  it("lets only the assignee (or an admin) release; release clears the assignment", async () => {
    const row = await makeQueuedRequest(t.deps.prisma);
    expect((await post(`/${row.id}/take`, editors[0]!)).status).toBe(200);
    expectProblem(await post(`/${row.id}/release`, editors[1]!), 403);
    const res = await post(`/${row.id}/release`, editors[0]!);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "pending", adminId: null, assignedAt: null, startedAt: null });
    expect((await audits(row.id)).map((a) => a.action)).toEqual(["ai_request.take", "ai_request.release"]);
    expectProblem(await post(`/${row.id}/release`, editors[0]!), 409);
  });
});

describe("ai-queue permissions", () => {
  it("lets a viewer see the queue but answers 403 on take, complete and reject (REST)", async () => {
    const row = await makeQueuedRequest(t.deps.prisma);
    expect((await get("", viewer)).status).toBe(200);
    expect((await get(`/${row.id}`, viewer)).status).toBe(200);
    expectProblem(await post(`/${row.id}/take`, viewer), 403);
    expectProblem(await post(`/${row.id}/reject`, viewer, { adminNotes: "no" }), 403);
    await post(`/${row.id}/take`, editors[0]!);
    expectProblem(await post(`/${row.id}/complete`, viewer, { generatedContent: SERVICES_CONTENT }), 403);
    expect((await audits(row.id)).map((a) => a.action)).toEqual(["ai_request.take"]);
  });

  it("answers 403 to a viewer on the AdminJS record actions, and runs them for an editor", async () => {
    const viewerAgent = await loginAgent(t.app, viewer.admin.email, viewer.admin.password);
    const editorAgent = await loginAgent(t.app, editors[2]!.admin.email, editors[2]!.admin.password);
    const row = await makeQueuedRequest(t.deps.prisma);
    const url = (action: string) => `/admin/api/resources/ai_requests/records/${row.id}/${action}`;
    for (const action of ["take", "complete", "reject"]) {
      expect((await viewerAgent.post(url(action)).send({})).status).toBe(403);
    }
    expect(await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "pending",
    });

    const taken = await editorAgent.post(url("take")).send({});
    expect(taken.status).toBe(200);
    expect(taken.body.notice).toMatchObject({ type: "success" });
    const done = await editorAgent
      .post(url("complete"))
      .send({ generatedContent: JSON.stringify(SERVICES_CONTENT), actualCost: "", adminNotes: "" });
    expect(done.status).toBe(200);
    expect(done.body.notice).toMatchObject({ type: "success" });
    const fresh = await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: row.id } });
    expect(fresh).toMatchObject({ status: "completed", billingStatus: "billed", adminId: editors[2]!.admin.id });
    expect(fresh.actualCost?.toFixed(2)).toBe("2.00");
    expect((await audits(row.id)).map((a) => a.action)).toEqual(["ai_request.take", "ai_request.complete"]);
  });
});

describe("ai-queue complete and billing", () => {
  it("validates the generated content against the request type, naming the field", async () => {
    const row = await makeQueuedRequest(t.deps.prisma);
    await post(`/${row.id}/take`, editors[0]!);
    const res = await post(`/${row.id}/complete`, editors[0]!, {
      generatedContent: { services: [{ name: "x" }] },
    });
    expectProblem(res, 400);
    expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual([
      "generatedContent.services.0.description",
    ]);
    expect((await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("processing");
  });

  it("reads the actual cost as typed in French or English, and refuses one that reads two ways", async () => {
    const comma = await makeQueuedRequest(t.deps.prisma);
    const ambiguous = await makeQueuedRequest(t.deps.prisma);
    for (const row of [comma, ambiguous]) expect((await post(`/${row.id}/take`, editors[0]!)).status).toBe(200);
    const refused = await post(`/${ambiguous.id}/complete`, editors[0]!, {
      generatedContent: SERVICES_CONTENT,
      actualCost: "1,234",
    });
    expectProblem(refused, 400);
    expect(refused.body.errors).toEqual([{ field: "actualCost", message: expect.stringContaining("ambiguous") }]);
    expect((await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: ambiguous.id } })).status).toBe(
      "processing",
    );
    const done = await post(`/${comma.id}/complete`, editors[0]!, {
      generatedContent: SERVICES_CONTENT,
      actualCost: "2,50",
    });
    expect(done.status).toBe(200);
    expect((await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: comma.id } })).actualCost?.toFixed(2)).toBe(
      "2.50",
    );
  });

  it("bills exactly once when completions race or are retried, with plan credits and VAT", async () => {
    const { customer, subscription } = await makeSubscribedCustomer(t.deps.prisma, 1);
    const first = await makeQueuedRequest(t.deps.prisma, { customerId: customer.id });
    const second = await makeQueuedRequest(t.deps.prisma, { customerId: customer.id, estimatedCost: "3.50" });
    for (const row of [first, second]) expect((await post(`/${row.id}/take`, editors[0]!)).status).toBe(200);

    const raced = await Promise.all(
      Array.from({ length: 5 }, () =>
        post(`/${first.id}/complete`, editors[0]!, { generatedContent: SERVICES_CONTENT }),
      ),
    );
    expect(raced.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const retried = await post(`/${first.id}/complete`, editors[0]!, { generatedContent: SERVICES_CONTENT });
    expectProblem(retried, 409);
    expect(retried.body.detail).toBe(`AI request #${first.id} is completed`);

    const done = await post(`/${second.id}/complete`, editors[0]!, {
      generatedContent: SERVICES_CONTENT,
      actualCost: "2.53",
    });
    expect(done.status).toBe(200);

    // A billing job run again after the commit: a no-op.
    expect(await t.deps.prisma.$transaction((tx) => billAiRequest(tx, first.id))).toBeNull();

    const invoice = await t.deps.prisma.invoice.findUniqueOrThrow({
      where: { invoiceNumber: draftInvoiceNumber(customer.id) },
      include: { items: { orderBy: { id: "asc" } } },
    });
    expect(invoice).toMatchObject({ status: "draft", currency: "EUR", subscriptionId: subscription.id });
    expect(
      invoice.items.map((i) => [i.aiRequestId, i.unitPrice.toFixed(2), i.totalPrice.toFixed(2), i.quantity]),
    ).toEqual([
      [first.id, "0.00", "0.00", 1],
      [second.id, "2.53", "2.53", 1],
    ]);
    expect(invoice.items[0]!.description).toBe(aiRequestLine(customer.language, first.id, first.requestType, true));
    expect(invoice.items[1]!.description).toBe(aiRequestLine(customer.language, second.id, second.requestType, false));
    // 20% VAT of 2.53 = 0.506 -> 0.51 (half-up).
    expect([invoice.amount.toFixed(2), invoice.taxAmount.toFixed(2), invoice.totalAmount.toFixed(2)]).toEqual([
      "2.53",
      "0.51",
      "3.04",
    ]);
    for (const row of [first, second]) {
      const fresh = await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: row.id } });
      expect(fresh.billingStatus).toBe("billed");
      expect(await audits(row.id, "ai_request.complete")).toHaveLength(1);
      expect((await emails(row.id)).map((e) => e.template)).toEqual(["ai_request.in_progress", "ai_request.completed"]);
    }
    expect(await t.deps.prisma.invoice.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("bills a customer without a plan at the estimated cost, on one draft invoice even under concurrency", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const rows = await Promise.all([1, 2, 3].map(() => makeQueuedRequest(t.deps.prisma, { customerId: customer.id })));
    for (const row of rows) await post(`/${row.id}/take`, editors[1]!);
    const res = await Promise.all(
      rows.map((row) => post(`/${row.id}/complete`, editors[1]!, { generatedContent: SERVICES_CONTENT })),
    );
    expect(res.map((r) => r.status)).toEqual([200, 200, 200]);
    const invoices = await t.deps.prisma.invoice.findMany({
      where: { customerId: customer.id },
      include: { items: true },
    });
    expect(invoices).toHaveLength(1);
    expect(invoices[0]!.items).toHaveLength(3);
    expect(invoices[0]!.subscriptionId).toBeNull();
    expect([
      invoices[0]!.amount.toFixed(2),
      invoices[0]!.taxAmount.toFixed(2),
      invoices[0]!.totalAmount.toFixed(2),
    ]).toEqual(["6.00", "1.20", "7.20"]);
  });
});

describe("ai-queue reject", () => {
  it("needs a reason, then rejects with one audit row and one e-mail", async () => {
    const row = await makeQueuedRequest(t.deps.prisma);
    const missing = await post(`/${row.id}/reject`, editors[0]!, { adminNotes: "  " });
    expectProblem(missing, 400);
    expect(missing.body.errors).toEqual([{ field: "adminNotes", message: "required" }]);
    const res = await post(`/${row.id}/reject`, editors[0]!, { adminNotes: "Hors périmètre" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "rejected", adminNotes: "Hors périmètre" });
    expect((await audits(row.id)).map((a) => a.action)).toEqual(["ai_request.reject"]);
    expect((await emails(row.id)).map((e) => e.template)).toEqual(["ai_request.rejected"]);
    expectProblem(await post(`/${row.id}/take`, editors[0]!), 409);
    expectProblem(await post(`/999999/take`, editors[0]!), 404);
  });
});

describe("ai-queue assignee rule", () => {
  it("refuses an editor every transition of a request another admin holds, and changes nothing", async () => {
    const row = await makeQueuedRequest(t.deps.prisma);
    expect((await post(`/${row.id}/take`, editors[0]!)).status).toBe(200);
    const held = await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: row.id } });
    const attempts = [
      post(`/${row.id}/reject`, editors[1]!, { adminNotes: "Pas pour nous" }),
      post(`/${row.id}/release`, editors[1]!),
      post(`/${row.id}/complete`, editors[1]!, { generatedContent: SERVICES_CONTENT }),
    ];
    for (const res of await Promise.all(attempts)) {
      expectProblem(res, 403);
      expect(res.body.detail).toBe(`AI request #${row.id} is assigned to another admin`);
    }
    expect(await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: row.id } })).toEqual(held);
    expect((await audits(row.id)).map((a) => a.action)).toEqual(["ai_request.take"]);
    expect((await emails(row.id)).map((e) => e.template)).toEqual(["ai_request.in_progress"]);
  });

  it("refuses the reject in the admin too, and lets the holder or an admin reject", async () => {
    const admin = await makeApiLogin(t.app, t.deps.prisma, { role: "admin" });
    const first = await makeQueuedRequest(t.deps.prisma);
    const second = await makeQueuedRequest(t.deps.prisma);
    for (const row of [first, second]) expect((await post(`/${row.id}/take`, editors[0]!)).status).toBe(200);

    const otherEditor = await loginAgent(t.app, editors[1]!.admin.email, editors[1]!.admin.password);
    const refused = await otherEditor
      .post(`/admin/api/resources/ai_requests/records/${first.id}/reject`)
      .type("form")
      .send({ adminNotes: "Pas pour nous" });
    expect(refused.body.notice?.type).toBe("error");
    expect((await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("processing");

    const byHolder = await post(`/${first.id}/reject`, editors[0]!, { adminNotes: "Hors périmètre" });
    expect(byHolder.status).toBe(200);
    const byAdmin = await post(`/${second.id}/reject`, admin, { adminNotes: "Doublon" });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toMatchObject({ status: "rejected", adminNotes: "Doublon" });
  });
});

describe("generic writes of ai-queue and invoice rows", () => {
  it("refuse the workflow's columns by name and write nothing", async () => {
    const admin = await makeApiLogin(t.app, t.deps.prisma, { role: "admin" });
    const customer = await makeCustomer(t.deps.prisma);
    const row = await makeQueuedRequest(t.deps.prisma, { customerId: customer.id });
    await post(`/${row.id}/take`, editors[0]!);
    expect((await post(`/${row.id}/complete`, editors[0]!, { generatedContent: SERVICES_CONTENT })).status).toBe(200);
    const done = await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: row.id } });
    expect(done.billingStatus).toBe("billed");

    const patch = (path: string, body: object) =>
      request(t.app).patch(`${API}${path}`).set("Authorization", admin.auth).send(body);
    for (const [field, value] of [
      ["generatedContent", { services: [{ name: "Autre", description: "Réécrit" }] }],
      ["actualCost", "0.01"],
    ] as const) {
      const res = await patch(`/ai-queue/ai_requests/${row.id}`, { [field]: value });
      expectProblem(res, 400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual([field]);
    }
    expect(await t.deps.prisma.aiRequest.findUniqueOrThrow({ where: { id: row.id } })).toEqual(done);

    const invoice = await t.deps.prisma.invoice.findFirstOrThrow({ where: { customerId: customer.id } });
    const refunded = await patch(`/billing/invoices/${invoice.id}`, { status: "refunded" });
    expectProblem(refunded, 400);
    expect((refunded.body.errors as { field: string }[]).map((e) => e.field)).toEqual(["status"]);
    expect(await t.deps.prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toEqual(invoice);
  });
});

describe("ai-queue list", () => {
  it("filters and pages by priority then age with a keyset cursor", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const base = Date.now() - 3_600_000;
    const made = [];
    for (const [i, priority] of [5, 1, 10, 1, 5].entries()) {
      made.push(
        await makeQueuedRequest(t.deps.prisma, {
          customerId: customer.id,
          priority,
          createdAt: new Date(base + i * 1000),
        }),
      );
    }
    const expected = [...made]
      .sort((a, b) => a.priority - b.priority || a.createdAt.getTime() - b.createdAt.getTime())
      .map((r) => r.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await get(
        `?customerId=${customer.id}&status=pending&sort=priority,createdAt&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        viewer,
      );
      expect(res.status).toBe(200);
      seen.push(...(res.body.data as { id: number }[]).map((r) => r.id));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual(expected);

    const urgent = await get(
      `?customerId=${customer.id}&priority=1&requestType=services&sort=priority,createdAt`,
      viewer,
    );
    expect((urgent.body.data as { id: number }[]).map((r) => r.id)).toEqual([made[1]!.id, made[3]!.id]);
    expectProblem(await get(`?status=nope`, viewer), 400);
    expectProblem(await get(`?cursor=zzz`, viewer), 400);
  });
});
