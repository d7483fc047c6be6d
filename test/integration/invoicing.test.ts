// Invoices (issue 5, item 3) against the real PostgreSQL: gapless numbering under concurrent issues, the
// immutability of an issued invoice through AdminJS, REST and raw SQL, manual invoices in AdminJS, and
// the monthly run: a table of cases totalled by hand to the cent, twice without duplicates, by REST,
// AdminJS, the job and the command line.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import request, { type Response } from "supertest";
import type { Agent } from "supertest";
import type AdminJS from "adminjs";
import type { BillingPlan, Invoice } from "@prisma/client";
import { makeCustomer } from "../factories/index.js";
import { API, makeApiLogin, type ApiLogin } from "../factories/api.js";
import { makeQueuedRequest } from "../factories/ai-queue.js";
import { actingAs, makeDraftInvoice, makeIssuedInvoice, makePlan, makeSubscription } from "../factories/billing.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { MODULE_ROUTES, USERS, expectedAllowed } from "../helpers/access-matrix.js";
import { buildAdmin } from "../../src/admin/index.js";
import { billAiRequest } from "../../src/modules/billing/ai-billing.js";
import { issueDraft } from "../../src/modules/billing/invoicing/issue-draft.js";
import { issueInvoice } from "../../src/modules/billing/invoicing/issue-invoice.js";
import { monthlyInvoicingJob, runMonthlyInvoicing } from "../../src/modules/billing/invoicing/monthly-run.js";
import { seedDemoData } from "../../prisma/seed.js";
import {
  cancelSubscription,
  changePlan,
  reactivateSubscription,
  renewSubscriptions,
  suspendSubscription,
} from "../../src/modules/billing/subscriptions.js";
import { scheduleRepeatableJobs } from "../../src/queues/registry.js";
import { aiRequestLine } from "../../src/modules/billing/invoicing/line-words.js";

let t: TestApp;
let editor: ApiLogin;
let viewer: ApiLogin;
let editorAgent: Agent;
let viewerAgent: Agent;
let admin: AdminJS;
const YEAR = new Date().getUTCFullYear();

beforeAll(async () => {
  t = await makeTestApp();
  editor = await makeApiLogin(t.app, t.deps.prisma, { role: "editor" });
  viewer = await makeApiLogin(t.app, t.deps.prisma, { role: "viewer" });
  editorAgent = await loginAgent(t.app, editor.admin.email, editor.admin.password);
  viewerAgent = await loginAgent(t.app, viewer.admin.email, viewer.admin.password);
  admin = await buildAdmin(t.deps);
});
afterAll(() => t.close());

const prisma = () => t.deps.prisma;
const deps = () => ({ prisma: t.deps.prisma });
const asEditor = <T>(fn: () => Promise<T>) =>
  actingAs({ id: editor.admin.id, email: editor.admin.email, name: editor.admin.name, role: "editor" }, fn);
const api = (method: "post" | "patch" | "delete" | "get", path: string, login: ApiLogin = editor, body?: object) => {
  const req = request(t.app)[method](`${API}${path}`).set("Authorization", login.auth);
  return body ? req.send(body) : req;
};

function expectProblem(res: Response, status: number, fields?: string[]) {
  expect(res.status).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(res.text).not.toMatch(/at .+\.(ts|js):\d+|SELECT |INSERT |UPDATE |prisma/i);
  if (fields) expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
}

const fresh = (id: number) => prisma().invoice.findUniqueOrThrow({ where: { id }, include: { items: true } });
const figures = (invoice: Pick<Invoice, "amount" | "taxAmount" | "totalAmount">) => ({
  amount: invoice.amount.toFixed(2),
  tax: invoice.taxAmount.toFixed(2),
  total: invoice.totalAmount.toFixed(2),
});
const counter = async (year: number) =>
  (await prisma().invoiceNumberSequence.findUnique({ where: { year } }))?.lastValue ?? 0;
const sequenceOf = (invoiceNumber: string) => Number(invoiceNumber.slice(-6));

describe("invoice numbering", () => {
  it("gives 50 concurrent issues of 50 drafts 50 distinct consecutive numbers, with no gap", async () => {
    const drafts = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        makeDraftInvoice(prisma(), { lines: [{ description: `Site ${i}`, unitPrice: "10.00" }] }),
      ),
    );
    const before = await counter(YEAR);
    const answers = await Promise.all(drafts.map((d) => api("post", `/billing/invoices/${d.id}/issue`)));
    expect(answers.map((r) => r.status)).toEqual(Array(50).fill(200));
    const numbers = answers.map((r) => r.body.invoiceNumber as string);
    expect(new Set(numbers).size).toBe(50);
    for (const n of numbers) expect(n).toMatch(new RegExp(`^LCD-${YEAR}-\\d{6}$`));
    expect(numbers.map(sequenceOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => before + i + 1));
    expect(await counter(YEAR)).toBe(before + 50);
    // Each issued once, pending, 10.00 + 20 % = 12.00, due 30 days after its issue.
    const issued = await prisma().invoice.findMany({ where: { id: { in: drafts.map((d) => d.id) } } });
    for (const inv of issued) {
      expect(inv.status).toBe("pending");
      expect(figures(inv)).toEqual({ amount: "10.00", tax: "2.00", total: "12.00" });
      expect(inv.dueAt!.getTime() - inv.issuedAt.getTime()).toBe(30 * 86_400_000);
    }
    expect(
      await prisma().adminActivityLog.count({ where: { action: "invoice.issue", adminId: editor.admin.id } }),
    ).toBe(50);
  });

  it("gives the number of a rolled-back issue to the next one", async () => {
    const [a, b] = await Promise.all([
      makeDraftInvoice(prisma(), { lines: [{ unitPrice: "5.00" }] }),
      makeDraftInvoice(prisma(), { lines: [{ unitPrice: "6.00" }] }),
    ]);
    const before = await counter(YEAR);
    let taken = "";
    await expect(
      prisma().$transaction(async (tx) => {
        taken = (await issueInvoice(tx, a.id, new Date())).invoiceNumber;
        throw new Error("the issuing transaction fails after the number was taken");
      }),
    ).rejects.toThrow("fails after");
    expect(sequenceOf(taken)).toBe(before + 1);
    expect((await fresh(a.id)).status).toBe("draft");
    expect(await counter(YEAR)).toBe(before);
    const next = await api("post", `/billing/invoices/${b.id}/issue`);
    expect(next.status).toBe(200);
    expect(next.body.invoiceNumber).toBe(taken);
  });

  it("refuses to issue twice (409), an empty draft (409), and a viewer (403)", async () => {
    const draft = await makeDraftInvoice(prisma(), { lines: [{ unitPrice: "1.00" }] });
    expectProblem(await api("post", `/billing/invoices/${draft.id}/issue`, viewer), 403);
    expect((await api("post", `/billing/invoices/${draft.id}/issue`)).status).toBe(200);
    const again = await api("post", `/billing/invoices/${draft.id}/issue`);
    expectProblem(again, 409);
    expect(again.body.detail).toMatch(/is already issued/);
    const empty = await makeDraftInvoice(prisma());
    expectProblem(await api("post", `/billing/invoices/${empty.id}/issue`), 409);
    expectProblem(await api("post", "/billing/invoices/999999/issue"), 404);
    // The draft of a month is the monthly run's: issued by hand, the month's fees would go unbilled.
    const monthly = await makeDraftInvoice(prisma(), {
      periodStart: new Date("2026-09-01"),
      periodEnd: new Date("2026-10-01"),
      lines: [{ unitPrice: "2.00" }],
    });
    const refused = await api("post", `/billing/invoices/${monthly.id}/issue`);
    expectProblem(refused, 409);
    expect(refused.body.detail).toBe(`Invoice #${monthly.id} is the draft of 2026-09: the monthly invoicing issues it`);
  });
});

describe("an issued invoice is immutable except its payment fields", () => {
  let invoice: Invoice;
  let itemId: number;
  beforeEach(async () => {
    invoice = await makeIssuedInvoice(prisma(), { lines: [{ description: "Pro", unitPrice: "49.00" }] });
    itemId = (await fresh(invoice.id)).items[0]!.id;
  });

  it("refuses raw SQL on the amount, the lines, a return to draft and a delete, with SQLSTATE LC409", async () => {
    const sql = (text: string, values: unknown[] = []) =>
      t.deps.pool.query(text, values).then(
        () => null,
        (err: { code: string; message: string }) => ({ code: err.code, message: err.message }),
      );
    const no = `Invoice ${invoice.invoiceNumber} is issued`;
    expect(await sql("UPDATE invoices SET amount = 1 WHERE id = $1", [invoice.id])).toEqual({
      code: "LC409",
      message: `${no}: amount cannot change`,
    });
    expect(
      await sql("UPDATE invoices SET total_amount = 1, customer_id = customer_id WHERE id = $1", [invoice.id]),
    ).toMatchObject({ code: "LC409", message: `${no}: total_amount cannot change` });
    expect(await sql("UPDATE invoices SET status = 'draft' WHERE id = $1", [invoice.id])).toEqual({
      code: "LC409",
      message: `${no}: it cannot go back to draft`,
    });
    expect(await sql("DELETE FROM invoices WHERE id = $1", [invoice.id])).toEqual({
      code: "LC409",
      message: `${no}: it cannot be deleted`,
    });
    const lines = { code: "LC409", message: `${no}: its lines cannot change` };
    expect(await sql("UPDATE invoice_items SET unit_price = 1, total_price = 1 WHERE id = $1", [itemId])).toEqual(
      lines,
    );
    expect(await sql("DELETE FROM invoice_items WHERE id = $1", [itemId])).toEqual(lines);
    expect(
      await sql(
        "INSERT INTO invoice_items (invoice_id, description, unit_price, total_price) VALUES ($1, 'Extra', 5, 5)",
        [invoice.id],
      ),
    ).toEqual(lines);
    // The payment fields change.
    expect(
      await sql(
        `UPDATE invoices SET status = 'paid', paid_at = now(), payment_method = 'card', stripe_invoice_id = 'in_1',
                stripe_payment_intent_id = 'pi_1', amount_refunded = 10, notes = 'paid by card' WHERE id = $1`,
        [invoice.id],
      ),
    ).toBeNull();
    const after = await fresh(invoice.id);
    expect(after).toMatchObject({
      status: "paid",
      paymentMethod: "card",
      stripeInvoiceId: "in_1",
      notes: "paid by card",
    });
    expect(figures(after)).toEqual({ amount: "49.00", tax: "9.80", total: "58.80" });
    expect(after.items.map((i) => i.totalPrice.toFixed(2))).toEqual(["49.00"]);
  });

  it("keeps REST from offering the amount and refuses the rest by name; the payment fields change, audited", async () => {
    expectProblem(await api("patch", `/billing/invoices/${invoice.id}`, editor, { amount: "1.00" }), 400, ["amount"]);
    expectProblem(await api("patch", `/billing/invoices/${invoice.id}`, editor, { invoiceNumber: "LCD-X" }), 400, [
      "invoiceNumber",
    ]);
    const other = await makeCustomer(prisma());
    expectProblem(await api("patch", `/billing/invoices/${invoice.id}`, editor, { customerId: other.id }), 400, [
      "customerId",
    ]);
    expectProblem(await api("patch", `/billing/invoices/${invoice.id}`, editor, { status: "draft" }), 400, ["status"]);
    const line = await api("patch", `/billing/invoice_items/${itemId}`, editor, { unitPrice: "1.00" });
    expectProblem(line, 409);
    expect(line.body.detail).toBe(`Invoice ${invoice.invoiceNumber} is issued: its lines cannot change`);
    expectProblem(await api("delete", `/billing/invoice_items/${itemId}`), 409);
    expectProblem(
      await api("post", "/billing/invoice_items", editor, {
        invoiceId: invoice.id,
        description: "Extra",
        unitPrice: "5",
      }),
      409,
    );
    expectProblem(await api("patch", `/billing/invoices/${invoice.id}`, viewer, { notes: "x" }), 403);

    // Status and payment date are the payment workflow's: a generic edit names them, the payment route sets them.
    expectProblem(await api("patch", `/billing/invoices/${invoice.id}`, editor, { status: "paid" }), 400, ["status"]);
    expectProblem(
      await api("patch", `/billing/invoices/${invoice.id}`, editor, { paidAt: "2026-10-05T10:00:00Z" }),
      400,
      ["paidAt"],
    );
    expectProblem(await api("post", `/billing/invoices/${invoice.id}/payment`, editor, { paymentMethod: "" }), 400, [
      "paymentMethod",
    ]);
    const paid = await api("post", `/billing/invoices/${invoice.id}/payment`, editor, {
      paidAt: "2026-10-05T10:00:00Z",
      paymentMethod: "transfer",
      notes: "Virement reçu",
    });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({
      status: "paid",
      paidAt: "2026-10-05T10:00:00.000Z",
      paymentMethod: "transfer",
      notes: "Virement reçu",
      amount: "49.00",
      taxAmount: "9.80",
      totalAmount: "58.80",
    });
    const log = await prisma().adminActivityLog.findMany({
      where: { resourceType: "invoices", resourceId: invoice.id, action: "invoice.update" },
    });
    expect(log).toHaveLength(1);
    expect(log[0]!.adminId).toBe(editor.admin.id);
    expect(log[0]!.oldValues).toMatchObject({ status: "pending", paymentMethod: null });
    expect(log[0]!.newValues).toMatchObject({ status: "paid", paymentMethod: "transfer" });
    expect(Object.keys(log[0]!.newValues as object).sort()).toEqual(["notes", "paidAt", "paymentMethod", "status"]);

    const doc = (await request(t.app).get(`${API}/openapi.json`)).body;
    const offered = Object.keys(doc.components.schemas.InvoiceUpdate.properties).sort();
    expect(offered).toEqual(["notes", "paymentMethod", "stripeInvoiceId", "stripePaymentIntentId"]);
  });

  it("keeps the AdminJS forms from offering the figures; edits of an issued invoice or its line are refused", async () => {
    const editable = (id: string) =>
      admin
        .findResource(id)
        .decorate()
        .getProperties({ where: "edit" })
        .map((p) => p.propertyPath);
    for (const frozen of ["invoiceNumber", "amount", "taxAmount", "totalAmount", "currency", "issuedAt", "dueAt"]) {
      expect(editable("invoices")).not.toContain(frozen);
    }
    expect(editable("invoice_items")).not.toContain("totalPrice");
    expect(editable("invoice_items")).not.toContain("aiRequest");

    const base = "/admin/api/resources";
    // A crafted amount is refused by name before the service; the invoice keeps its figures.
    const crafted = await editorAgent
      .post(`${base}/invoices/records/${invoice.id}/edit`)
      .send({ amount: "1.00", totalAmount: "1.20", notes: "crafted" });
    expect(Object.keys(crafted.body.record.errors).sort()).toEqual(["amount", "totalAmount"]);
    await editorAgent.post(`${base}/invoices/records/${invoice.id}/edit`).send({ notes: "crafted" });
    expect(figures(await fresh(invoice.id))).toEqual({ amount: "49.00", tax: "9.80", total: "58.80" });
    const other = await makeCustomer(prisma());
    const moved = await editorAgent
      .post(`${base}/invoices/records/${invoice.id}/edit`)
      .send({ customer: String(other.id) });
    expect(moved.body.notice).toMatchObject({ type: "error" });
    expect(moved.body.record.errors.customer.message).toContain("fieldCreateOnly");
    const line = await editorAgent
      .post(`${base}/invoice_items/records/${itemId}/edit`)
      .send({ description: "Pro", quantity: "1", unitPrice: "1.00" });
    expect(line.body.notice).toEqual({
      message: `Invoice ${invoice.invoiceNumber} is issued: its lines cannot change`,
      type: "error",
    });
    const removed = await editorAgent.post(`${base}/invoice_items/records/${itemId}/delete`).send({});
    expect(removed.body.notice).toMatchObject({ type: "error" });
    expect((await fresh(invoice.id)).items.map((i) => i.unitPrice.toFixed(2))).toEqual(["49.00"]);
    expect((await fresh(invoice.id)).customerId).toBe(invoice.customerId);

    const edited = await editorAgent
      .post(`${base}/invoices/records/${invoice.id}/edit`)
      .send({ status: "paid", paidAt: "2026-10-06T08:00:00.000Z" });
    expect(Object.keys(edited.body.record.errors).sort()).toEqual(["paidAt", "status"]);
    const paid = await editorAgent.post(`${base}/invoices/records/${invoice.id}/recordPayment`).send({});
    expect(paid.body.notice).toMatchObject({ type: "success" });
    const method = await editorAgent
      .post(`${base}/invoices/records/${invoice.id}/edit`)
      .send({ paymentMethod: "card" });
    expect(method.body.notice).toMatchObject({ type: "success" });
    expect(await fresh(invoice.id)).toMatchObject({ status: "paid", paymentMethod: "card", notes: "crafted" });
  });
});

describe("a manual invoice in AdminJS", () => {
  it("creates a draft, follows its lines with the totals, issues it, then refuses new lines", async () => {
    const customer = await makeCustomer(prisma(), { name: "Fleuriste Martin" });
    const base = "/admin/api/resources";
    // A crafted status or amount is refused by name (the figures follow the lines).
    const paidAtOnce = await editorAgent
      .post(`${base}/invoices/actions/new`)
      .send({ customer: String(customer.id), status: "paid" });
    expect(paidAtOnce.body.record.errors.status.message).toContain("fieldWorkflow");
    expect(await prisma().invoice.count({ where: { customerId: customer.id } })).toBe(0);
    const created = await editorAgent
      .post(`${base}/invoices/actions/new`)
      .send({ customer: String(customer.id), notes: "Création du logo" });
    expect(created.body.notice).toMatchObject({ type: "success" });
    const id = Number(created.body.record.id);
    let invoice = await fresh(id);
    expect(invoice).toMatchObject({
      customerId: customer.id,
      status: "draft",
      invoiceNumber: `LCD-DRAFT-M${id}`,
      notes: "Création du logo",
      currency: "EUR",
    });
    expect(figures(invoice)).toEqual({ amount: "0.00", tax: "0.00", total: "0.00" });

    const addLine = (body: Record<string, string>) =>
      editorAgent.post(`${base}/invoice_items/actions/new`).send({ invoice: String(id), ...body });
    // 3 x 19.99 = 59.97; VAT 11.994 -> 11.99; total 71.96.
    // The line total is computed, never typed: a crafted one is refused by name.
    const crafted = await addLine({ description: "Logo", quantity: "3", unitPrice: "19.99", totalPrice: "1.00" });
    expect(Object.keys(crafted.body.record.errors)).toEqual(["totalPrice"]);
    const logo = await addLine({ description: "Logo", quantity: "3", unitPrice: "19.99" });
    expect(logo.body.notice).toMatchObject({ type: "success" });
    const logoId = Number(logo.body.record.id);
    expect(figures(await fresh(id))).toEqual({ amount: "59.97", tax: "11.99", total: "71.96" });
    expect((await fresh(id)).items[0]!.totalPrice.toFixed(2)).toBe("59.97");
    // + 0.03: 60.00; 12.00; 72.00.
    const extra = await addLine({ description: "Frais", quantity: "1", unitPrice: "0.03" });
    const extraId = Number(extra.body.record.id);
    expect(figures(await fresh(id))).toEqual({ amount: "60.00", tax: "12.00", total: "72.00" });
    // 0.03 -> 12.345, typed with four decimals ("12,345" alone could mean twelve thousand and is refused):
    // half-up to 12.35; 59.97 + 12.35 = 72.32; VAT 14.464 -> 14.46; total 86.78.
    const edited = await editorAgent
      .post(`${base}/invoice_items/records/${extraId}/edit`)
      .send({ invoice: String(id), description: "Frais de dossier", quantity: "1", unitPrice: "12,3450" });
    expect(edited.body.notice).toMatchObject({ type: "success" });
    expect(figures(await fresh(id))).toEqual({ amount: "72.32", tax: "14.46", total: "86.78" });
    const dropped = await editorAgent.post(`${base}/invoice_items/records/${extraId}/delete`).send({});
    expect(dropped.body.notice).toMatchObject({ type: "success" });
    expect(figures(await fresh(id))).toEqual({ amount: "59.97", tax: "11.99", total: "71.96" });

    expect((await viewerAgent.post(`${base}/invoices/records/${id}/issue`).send({})).status).toBe(403);
    const before = await counter(YEAR);
    const issued = await editorAgent.post(`${base}/invoices/records/${id}/issue`).send({});
    expect(issued.body.notice).toMatchObject({ type: "success", message: "issueDone" });
    invoice = await fresh(id);
    expect(invoice.status).toBe("pending");
    expect(invoice.invoiceNumber).toBe(`LCD-${YEAR}-${String(before + 1).padStart(6, "0")}`);
    expect(issued.body.notice.options).toEqual({ number: invoice.invoiceNumber });
    expect(figures(invoice)).toEqual({ amount: "59.97", tax: "11.99", total: "71.96" });
    expect(invoice.dueAt!.getTime() - invoice.issuedAt.getTime()).toBe(30 * 86_400_000);

    const late = await addLine({ description: "Oubli", quantity: "1", unitPrice: "5.00" });
    expect(late.body.notice).toEqual({
      message: `Invoice ${invoice.invoiceNumber} is issued: its lines cannot change`,
      type: "error",
    });
    expect((await fresh(id)).items).toHaveLength(1);
    const log = await prisma().adminActivityLog.findMany({
      where: {
        adminId: editor.admin.id,
        OR: [
          { resourceType: "invoices", resourceId: id },
          { resourceType: "invoice_items", resourceId: { in: [logoId, extraId] } },
        ],
      },
      orderBy: { id: "asc" },
    });
    expect(log.map((l) => l.action)).toEqual([
      "invoice.create",
      "invoice_item.create",
      "invoice_item.create",
      "invoice_item.update",
      "invoice_item.delete",
      "invoice.issue",
    ]);
  });

  it("answers a field error for a draft without a customer, and refuses to pay a draft", async () => {
    const base = "/admin/api/resources";
    const missing = await editorAgent.post(`${base}/invoices/actions/new`).send({ notes: "?" });
    expect(missing.body.record.errors.customer).toBeDefined();
    const draft = await makeDraftInvoice(prisma(), { lines: [{ unitPrice: "3.00" }] });
    const paid = await api("post", `/billing/invoices/${draft.id}/payment`, editor, { paymentMethod: "transfer" });
    expectProblem(paid, 400);
    expect(paid.body.errors[0]).toMatchObject({ field: "status", message: expect.stringMatching(/Issue action/) });
    expect((await fresh(draft.id)).status).toBe("draft");
  });
});

// ---------------------------------------------------------------------------------------------
// The monthly run
// ---------------------------------------------------------------------------------------------

const OCTOBER_RUN = new Date("2026-11-01T01:00:00Z");
const NOVEMBER_RUN = new Date("2026-12-01T01:00:00Z");
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A completed AI request of the customer billed at `at` (Queue IA completion). */
async function completeAi(customerId: number, cost: string, at: Date) {
  const req = await makeQueuedRequest(prisma(), {
    customerId,
    status: "completed",
    actualCost: cost,
    completedAt: at,
  });
  await prisma().$transaction((tx) => billAiRequest(tx, req.id, at));
  return req;
}

const monthInvoice = (customerId: number, month: string) =>
  prisma().invoice.findUnique({
    where: { customerId_periodStart: { customerId, periodStart: d(`${month}-01`) } },
    include: { items: { orderBy: { id: "asc" } } },
  });

interface Expected {
  lines: [string, string][];
  amount: string;
  tax: string;
  total: string;
}

async function expectInvoice(customerId: number, month: string, expected: Expected | null) {
  const invoice = await monthInvoice(customerId, month);
  if (expected === null) return expect(invoice).toBeNull();
  expect(invoice).not.toBeNull();
  expect(invoice!.status).toBe("pending");
  expect(invoice!.invoiceNumber).toMatch(/^LCD-\d{4}-\d{6}$/);
  expect(invoice!.items.map((i) => [i.description, i.totalPrice.toFixed(2)])).toEqual(expected.lines);
  expect(figures(invoice!)).toEqual({ amount: expected.amount, tax: expected.tax, total: expected.total });
}

describe("monthly invoicing", () => {
  let plans: Record<"starter" | "pro" | "enterprise" | "free", BillingPlan>;
  const customers: Record<string, number> = {};

  beforeAll(async () => {
    plans = {
      starter: await makePlan(prisma(), { name: "Starter", priceMonthly: "19.00", priceYearly: "190.00" }),
      pro: await makePlan(prisma(), {
        name: "Pro",
        priceMonthly: "49.00",
        priceYearly: "490.00",
        aiCreditsIncluded: 2,
      }),
      enterprise: await makePlan(prisma(), { name: "Enterprise", priceMonthly: "199.00", priceYearly: "1990.00" }),
      free: await makePlan(prisma(), { name: "Free", priceMonthly: "0.00", priceYearly: "0.00" }),
    };
  });

  const subscribe = async (name: string, plan: BillingPlan, startedAt: string, extra: object = {}) => {
    const customer = await makeCustomer(prisma(), { name });
    customers[name] = customer.id;
    return makeSubscription(prisma(), { customerId: customer.id, planId: plan.id, startedAt: d(startedAt), ...extra });
  };

  it("refuses a month that has not ended, or is not a month, naming `period`, and writes nothing", async () => {
    const now = new Date();
    const current = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
    const before = await prisma().invoice.count();
    const open = await api("post", "/billing/invoicing/runs", editor, { period: current });
    expectProblem(open, 400, ["period"]);
    expect(open.body.errors[0].message).toMatch(/has not ended yet/);
    expectProblem(await api("post", "/billing/invoicing/runs", editor, { period: "2026-13" }), 400, ["period"]);
    expectProblem(await api("post", "/billing/invoicing/runs", editor, {}), 400, ["period"]);
    await expect(
      asEditor(() => runMonthlyInvoicing(deps(), "2026-11", new Date("2026-11-30T23:59:59Z"))),
    ).rejects.toMatchObject({ code: "validation", errors: [{ field: "period" }] });
    expect(await prisma().invoice.count()).toBe(before);
    expect(await prisma().adminActivityLog.count({ where: { action: "invoicing.run" } })).toBe(0);
  });

  it("bills VAT half-up to the cent: 31.00 at 5.5 % is 1.705, billed 1.71", async () => {
    await prisma().setting.create({ data: { key: "billing.vat_rate", value: "5.50" } });
    try {
      const sub = await subscribe("Boulangerie Juin", plans.starter, "2026-06-10");
      await prisma().billingPlan.update({ where: { id: plans.starter.id }, data: { priceMonthly: "31.00" } });
      const run = await runMonthlyInvoicing(deps(), "2026-06", new Date("2026-07-01T01:00:00Z"));
      expect(run).toMatchObject({ period: "2026-06", issued: 1, skipped: 0, customers: 1, failed: 0 });
      // 31.00 x 5.5 % = 1.705 -> 1.71 (half-even would give 1.70); total 32.71.
      await expectInvoice(customers["Boulangerie Juin"]!, "2026-06", {
        lines: [["Starter (monthly) 2026-06-10 to 2026-07-10", "31.00"]],
        amount: "31.00",
        tax: "1.71",
        total: "32.71",
      });
      await asEditor(() => cancelSubscription(deps(), sub.id, "now", d("2026-06-30")));
    } finally {
      await prisma().setting.delete({ where: { key: "billing.vat_rate" } });
      await prisma().billingPlan.update({ where: { id: plans.starter.id }, data: { priceMonthly: "19.00" } });
    }
  });

  it("totals a table of cases by hand, to the cent, and a second run of the month creates nothing", async () => {
    const { starter, pro, enterprise, free } = plans;
    // The hourly renewal, as it would have run on the days the admins acted.
    const renew = (iso: string) => renewSubscriptions(prisma(), d(iso));

    // A monthly period that starts mid-month.
    await subscribe("Monthly", starter, "2026-10-17");
    // Included credits: Pro includes 2 AI requests a month; the third is billed at its cost.
    await subscribe("Credits", pro, "2026-09-05");
    const first = await completeAi(customers.Credits!, "3.50", d("2026-10-02"));
    const second = await completeAi(customers.Credits!, "12.00", d("2026-10-12"));
    const third = await completeAi(customers.Credits!, "7.35", d("2026-10-28"));
    // A mid-period upgrade: the October period (Oct 14 - Nov 14, 31 days) starts on Starter; Enterprise
    // from Oct 20 bills (199 - 19) x 25 / 31 = 145.161... -> 145.16 for the 25 days left.
    const upgraded = await subscribe("Upgrade", starter, "2026-08-14");
    await renew("2026-10-20");
    await asEditor(() => changePlan(deps(), upgraded.id, enterprise.id, d("2026-10-20")));
    // Yearly: billed in its anniversary month only.
    await subscribe("Yearly", pro, "2025-10-12", { billingInterval: "yearly" });
    await subscribe("Yearly March", pro, "2025-03-03", { billingInterval: "yearly" });
    // Cancelled at the end of its period: the October period is billed in advance, November's is not.
    const leaving = await subscribe("Leaving", starter, "2026-09-15");
    await renew("2026-10-20");
    await asEditor(() => cancelSubscription(deps(), leaving.id, "period_end", d("2026-10-20")));
    // Suspended before its October period started: nothing to bill.
    const suspended = await subscribe("Suspended", starter, "2026-09-03");
    await renew("2026-09-25");
    await asEditor(() => suspendSubscription(deps(), suspended.id, d("2026-09-25")));
    // Free plan: no fee line, the AI usage alone.
    await subscribe("Free", free, "2026-09-01");
    await completeAi(customers.Free!, "2.00", d("2026-10-09"));
    // Managed by Stripe: Stripe bills the fee.
    await subscribe("Stripe", pro, "2026-09-09", { stripeSubscriptionId: "sub_test_invoicing" });
    // Restarted: the periods run again from the reactivation (Oct 21), not from the first start.
    const back = await subscribe("Back", starter, "2026-07-05");
    await asEditor(() => cancelSubscription(deps(), back.id, "now", d("2026-08-10")));
    await asEditor(() => reactivateSubscription(deps(), back.id, d("2026-10-21")));

    const run = await runMonthlyInvoicing(deps(), "2026-10", OCTOBER_RUN);
    expect(run).toMatchObject({ period: "2026-10", issued: 7, skipped: 0, customers: 7, failed: 0 });

    await expectInvoice(customers.Monthly!, "2026-10", {
      lines: [["Starter (monthly) 2026-10-17 to 2026-11-17", "19.00"]],
      amount: "19.00",
      tax: "3.80",
      total: "22.80",
    });
    // 0 + 0 + 7.35 + 49.00 = 56.35; VAT 11.27; total 67.62.
    await expectInvoice(customers.Credits!, "2026-10", {
      lines: [
        [aiRequestLine("fr", first.id, "services", true), "0.00"],
        [aiRequestLine("fr", second.id, "services", true), "0.00"],
        [aiRequestLine("fr", third.id, "services", false), "7.35"],
        ["Pro (monthly) 2026-10-05 to 2026-11-05", "49.00"],
      ],
      amount: "56.35",
      tax: "11.27",
      total: "67.62",
    });
    // 145.16 + 19.00 = 164.16; VAT 32.832 -> 32.83; total 196.99.
    await expectInvoice(customers.Upgrade!, "2026-10", {
      lines: [
        ["Upgrade Starter -> Enterprise, 2026-10-20 to 2026-11-14 (25/31 days)", "145.16"],
        ["Starter (monthly) 2026-10-14 to 2026-11-14", "19.00"],
      ],
      amount: "164.16",
      tax: "32.83",
      total: "196.99",
    });
    await expectInvoice(customers.Yearly!, "2026-10", {
      lines: [["Pro (yearly) 2026-10-12 to 2027-10-12", "490.00"]],
      amount: "490.00",
      tax: "98.00",
      total: "588.00",
    });
    await expectInvoice(customers["Yearly March"]!, "2026-10", null);
    await expectInvoice(customers.Leaving!, "2026-10", {
      lines: [["Starter (monthly) 2026-10-15 to 2026-11-15", "19.00"]],
      amount: "19.00",
      tax: "3.80",
      total: "22.80",
    });
    await expectInvoice(customers.Suspended!, "2026-10", null);
    const freeAi = (await monthInvoice(customers.Free!, "2026-10"))!.items[0]!;
    await expectInvoice(customers.Free!, "2026-10", {
      lines: [[freeAi.description, "2.00"]],
      amount: "2.00",
      tax: "0.40",
      total: "2.40",
    });
    await expectInvoice(customers.Stripe!, "2026-10", null);
    await expectInvoice(customers.Back!, "2026-10", {
      lines: [["Starter (monthly) 2026-10-21 to 2026-11-21", "19.00"]],
      amount: "19.00",
      tax: "3.80",
      total: "22.80",
    });
    // Issued at the run, due 30 days later, numbered in the run's year.
    const monthly = (await monthInvoice(customers.Monthly!, "2026-10"))!;
    expect(monthly.issuedAt).toEqual(OCTOBER_RUN);
    expect(monthly.dueAt).toEqual(new Date("2026-12-01T01:00:00Z"));
    expect(monthly.invoiceNumber).toMatch(/^LCD-2026-/);
    // The AI requests are billed once, on this invoice.
    expect((await prisma().aiRequest.findUniqueOrThrow({ where: { id: third.id } })).billingStatus).toBe("billed");

    const counts = async () => ({
      invoices: await prisma().invoice.count({ where: { periodStart: d("2026-10-01") } }),
      items: await prisma().invoiceItem.count({ where: { invoice: { periodStart: d("2026-10-01") } } }),
      numbers: await counter(2026),
    });
    const once = await counts();
    expect(once.invoices).toBe(7);
    const again = await runMonthlyInvoicing(deps(), "2026-10", new Date("2026-11-02T01:00:00Z"));
    expect(again).toMatchObject({ issued: 0, skipped: 7, customers: 7, failed: 0 });
    expect(await counts()).toEqual(once);
    expect(await prisma().adminActivityLog.count({ where: { action: "invoicing.run" } })).toBe(3);

    // November: the cancelled one has ended (Nov 15), the upgraded one is billed at Enterprise.
    // Monthly (Nov 17), Credits (Nov 5), Upgrade (Nov 14) and Back (Nov 21); nothing else starts a period.
    const november = await runMonthlyInvoicing(deps(), "2026-11", NOVEMBER_RUN);
    expect(november).toMatchObject({ issued: 4, skipped: 0, customers: 4, failed: 0, ended: 1 });
    await expectInvoice(customers.Leaving!, "2026-11", null);
    expect((await prisma().customerSubscription.findUniqueOrThrow({ where: { id: leaving.id } })).status).toBe(
      "cancelled",
    );
    await expectInvoice(customers.Upgrade!, "2026-11", {
      lines: [["Enterprise (monthly) 2026-11-14 to 2026-12-14", "199.00"]],
      amount: "199.00",
      tax: "39.80",
      total: "238.80",
    });
    await expectInvoice(customers.Yearly!, "2026-11", null);
  });

  it("bills Queue IA usage that arrives after the month's invoice on the next month's draft", async () => {
    const customer = customers.Credits!;
    const late = await completeAi(customer, "4.00", d("2026-10-31"));
    const item = await prisma().invoiceItem.findUniqueOrThrow({
      where: { aiRequestId: late.id },
      include: { invoice: true },
    });
    expect(item.invoice.status).toBe("draft");
    expect(item.invoice.periodStart).toEqual(d("2026-12-01"));
  });

  it("runs a month through REST, AdminJS, the job and the command line, all idempotent", async () => {
    const ended = "2026-10";
    const rest = await api("post", "/billing/invoicing/runs", editor, { period: ended });
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ period: ended, issued: 0, skipped: 7, customers: 7, failed: 0 });
    expectProblem(await api("post", "/billing/invoicing/runs", viewer, { period: ended }), 403);

    const page = "/admin/api/resources/invoices/actions/runInvoicing";
    expect((await viewerAgent.post(page).send({ period: ended })).status).toBe(403);
    const bad = await editorAgent.post(page).send({ period: "octobre" });
    expect(bad.body.notice).toMatchObject({ type: "error" });
    expect(bad.body.notice.message).toMatch(/period/);
    const done = await editorAgent.post(page).send({ period: ended });
    expect(done.body.notice).toMatchObject({
      type: "success",
      message: "runInvoicingDone",
      options: { period: ended, issued: 0, skipped: 7, customers: 7 },
    });
    expect(done.body.run).toMatchObject({ issued: 0, skipped: 7 });

    const job = await monthlyInvoicingJob({ prisma: prisma(), log: { warn: () => undefined } }, undefined, OCTOBER_RUN);
    expect(job).toMatchObject({ period: ended, issued: 0, skipped: 7 });

    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "src/cli/billing-invoice.ts", "--period", ended],
      {
        env: { ...process.env, NODE_OPTIONS: "" },
      },
    );
    expect(stdout).toMatch(
      /^Invoicing 2026-10 in [\d.]+ s: 0 invoices issued, 7 customers already invoiced, 0 failed \(7 customers;/,
    );

    const runs = await prisma().adminActivityLog.findMany({
      where: { action: "invoicing.run" },
      orderBy: { id: "asc" },
    });
    expect(runs.slice(-4).map((r) => r.adminId)).toEqual([editor.admin.id, editor.admin.id, null, null]);
    expect(runs.at(-1)!.newValues).toMatchObject({ period: ended, issued: 0, skipped: 7, customers: 7 });
  }, 60_000);

  it("schedules the run on the 1st at 01:00 UTC and the renewal hourly, on the maintenance queue", async () => {
    await scheduleRepeatableJobs(t.deps.queues);
    const schedulers = await t.deps.queues.byName.maintenance.getJobSchedulers();
    const byName = Object.fromEntries(schedulers.map((s) => [s.key, s]));
    expect(byName["monthly-invoicing"]).toMatchObject({ pattern: "0 1 1 * *", tz: "UTC" });
    expect(byName["renew-subscriptions"]).toMatchObject({ pattern: "5 * * * *", tz: "UTC" });
  });
});

describe("access to the invoicing routes", () => {
  it("lets exactly the users the matrix allows through, and 403s the others", async () => {
    const draft = await makeDraftInvoice(prisma(), { lines: [{ unitPrice: "1.00" }] });
    const mismatches: string[] = [];
    for (const route of MODULE_ROUTES.filter((r) => r.path.startsWith("/billing/invoic"))) {
      for (const user of USERS) {
        const who = await makeApiLogin(t.app, prisma(), {
          role: user.role,
          permissions: user.permissions ?? undefined,
        });
        const path = route.path.replace("{id}", String(draft.id));
        // A body the route refuses (400) when allowed: nothing is run.
        const agent = request(t.app);
        const res = await agent[route.method](`${API}${path}`).set("Authorization", who.auth).send({ period: "x" });
        const allowed = expectedAllowed(user, route.module, route.permission);
        if (allowed ? [401, 403].includes(res.status) || res.status >= 500 : res.status !== 403) {
          mismatches.push(`${user.label} ${route.method.toUpperCase()} ${route.path}: HTTP ${res.status}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe("the demo invoices", () => {
  it("are issued with legal numbers, and the counter continues after the highest one", async () => {
    await seedDemoData(prisma(), { bcryptCost: 4, replace: true, now: new Date("2026-11-25T00:00:00Z") });
    const { rows } = await t.deps.pool.query<{ year: number; max: number; n: string; bad: string }>(`
      SELECT substring(invoice_number FROM 5 FOR 4)::int AS year, max(right(invoice_number, 6)::int) AS max,
             count(*) AS n, count(*) FILTER (WHERE status = 'draft') AS bad
        FROM invoices WHERE invoice_number NOT LIKE 'LCD-DRAFT-%' GROUP BY 1 ORDER BY 1`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(Number(r.bad)).toBe(0);
      expect(await counter(r.year)).toBe(r.max);
    }
    const last = rows.at(-1)!;
    const draft = await makeDraftInvoice(prisma(), { lines: [{ unitPrice: "9.00" }] });
    // The demo replaced the admins: its own editor issues.
    const demoEditor = await prisma().adminUser.findUniqueOrThrow({ where: { email: "editor@locod-ai.local" } });
    const issued = await actingAs({ ...demoEditor, role: "editor", permissions: null }, () =>
      issueDraft(deps(), draft.id, new Date(`${last.year}-12-30T12:00:00Z`)),
    );
    expect(issued.invoiceNumber).toBe(`LCD-${last.year}-${String(last.max + 1).padStart(6, "0")}`);
    // Their lines are frozen like any issued invoice's.
    const item = await prisma().invoiceItem.findFirstOrThrow({ orderBy: { id: "asc" } });
    await expect(prisma().invoiceItem.update({ where: { id: item.id }, data: { unitPrice: "0.01" } })).rejects.toThrow(
      /is issued: its lines cannot change/,
    );
  }, 300_000);
});

describe("issued invoices and Stripe", () => {
  it("hands a manually issued invoice, and a monthly run that issued some, to the billing queue when Stripe is on", async () => {
    const added: { name: string; data: unknown; jobId?: string }[] = [];
    const queues = {
      byName: {
        billing: {
          add: async (name: string, data: unknown, opts?: { jobId?: string }) => {
            added.push({ name, data, jobId: opts?.jobId });
          },
          // No job of that id is kept: requeueJob adds it.
          getJob: async () => undefined,
        },
      },
    } as unknown as Parameters<typeof issueDraft>[0]["queues"];
    const actor = { id: editor.admin.id, email: editor.admin.email, name: editor.admin.name, role: "editor" as const };
    const draft = await makeDraftInvoice(t.deps.prisma, { lines: [{ unitPrice: "12.00" }] });
    const issued = await actingAs(actor, () =>
      issueDraft({ prisma: t.deps.prisma, queues, stripeEnabled: true }, draft.id),
    );
    expect(added).toEqual([
      { name: "push-invoice", data: { invoiceId: issued.id }, jobId: `push-invoice-${issued.id}` },
    ]);

    const off = await makeDraftInvoice(t.deps.prisma, { lines: [{ unitPrice: "12.00" }] });
    await actingAs(actor, () => issueDraft({ prisma: t.deps.prisma, queues, stripeEnabled: false }, off.id));
    expect(added).toHaveLength(1);

    const customer = await makeCustomer(t.deps.prisma);
    await makeSubscription(t.deps.prisma, { customerId: customer.id, startedAt: new Date("2025-03-03T00:00:00Z") });
    const run = await actingAs(actor, () =>
      runMonthlyInvoicing(
        { prisma: t.deps.prisma, queues, stripeEnabled: true },
        "2025-03",
        new Date("2025-04-02T00:00:00Z"),
      ),
    );
    expect(run.issued).toBeGreaterThanOrEqual(1);
    expect(added.at(-1)).toEqual({ name: "sweep-stripe", data: {}, jobId: undefined });
  });
});
