// Refunds of paid invoices: billing.refund (an editor is refused on every path), a reason, partial
// amounts up to what is left of the payment, Stripe's Refunds API when Stripe took the payment, a local
// record otherwise, and concurrent refunds that cannot exceed the paid amount.
import request, { type Response } from "supertest";
import type { PrismaClient } from "@prisma/client";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { startStripeServer, type StripeServer } from "../helpers/stripe-server.js";
import { makeAdmin, makeCustomer } from "../factories/index.js";
import { makeInvoice } from "../factories/admin-resources.js";
import { API, makeApiLogin, type ApiLogin } from "../factories/api.js";
import { refundInvoice, syncStripeRefunds } from "../../src/modules/billing/stripe/refunds.js";
import { stripeFor } from "../../src/modules/billing/stripe/client.js";
import { runWithContext } from "../../src/lib/request-context.js";
import { MODULE_ROUTES, USERS, expectedAllowed } from "../helpers/access-matrix.js";

let server: StripeServer;
let t: TestApp;
let prisma: PrismaClient;
let admin: ApiLogin;
let editor: ApiLogin;

beforeAll(async () => {
  server = await startStripeServer();
  t = await makeTestApp(server.env());
  prisma = t.deps.prisma;
  admin = await makeApiLogin(t.app, prisma, { role: "admin" });
  editor = await makeApiLogin(t.app, prisma, { role: "editor" });
});

afterAll(async () => {
  await t?.close();
  await server?.close();
});

beforeEach(() => server.reset());

/** A paid invoice of 100.00 + 20.00 VAT = 120.00 (by transfer unless a payment intent is given). */
async function paidInvoice(
  overrides: { stripePaymentIntentId?: string; totalAmount?: string; status?: "paid" | "pending" } = {},
) {
  const customer = await makeCustomer(prisma);
  return makeInvoice(prisma, {
    customerId: customer.id,
    status: overrides.status ?? "paid",
    paidAt: new Date("2026-11-10T10:00:00Z"),
    paymentMethod: overrides.stripePaymentIntentId ? "card" : "transfer",
    totalAmount: overrides.totalAmount ?? "120.00",
    stripePaymentIntentId: overrides.stripePaymentIntentId ?? null,
  });
}

const refundsPath = (invoiceId: number) => `${API}/billing/invoices/${invoiceId}/refunds`;
const refund = (login: ApiLogin, invoiceId: number, body: object) =>
  request(t.app).post(refundsPath(invoiceId)).set("Authorization", login.auth).send(body);

function expectProblem(res: Response, status: number, fields?: string[]) {
  expect(res.status).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  if (fields) expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual(fields);
}

const figures = async (invoiceId: number) => {
  const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
  return [invoice.status, invoice.amountRefunded.toFixed(2)];
};

describe("refund permission and input", () => {
  it("refuses an editor with 403 through REST, the service and AdminJS, and writes nothing", async () => {
    const invoice = await paidInvoice();
    expectProblem(await refund(editor, invoice.id, { amount: "10.00", reason: "Geste commercial" }), 403);

    const asEditor = { ...editor.admin, role: "editor" as const, permissions: null, status: "active" as const };
    const direct = runWithContext({ admin: asEditor, ip: null, userAgent: null, via: "api" }, () =>
      refundInvoice({ prisma }, invoice.id, { amount: "10.00", reason: "Geste commercial" }),
    );
    await expect(direct).rejects.toMatchObject({
      code: "forbidden",
      message: "This needs the permission billing.refund",
    });

    const browser = await makeAdmin(prisma, { role: "editor" });
    const agent = await loginAgent(t.app, browser.email, browser.password);
    const res = await agent
      .post(`/admin/api/resources/invoices/records/${invoice.id}/refund`)
      .send({ amount: "10.00", reason: "Geste commercial" });
    expect(res.status).toBe(403);

    expect(await prisma.refund.count({ where: { invoiceId: invoice.id } })).toBe(0);
    expect(await figures(invoice.id)).toEqual(["paid", "0.00"]);
  });

  it("answers 400 naming amount above what is left or malformed, or a missing reason; 409 for an unpaid invoice", async () => {
    const invoice = await paidInvoice();
    const over = await refund(admin, invoice.id, { amount: "120.01", reason: "Trop perçu" });
    expectProblem(over, 400, ["amount"]);
    expect(over.body.errors[0].message).toBe("at most 120.00 EUR can be refunded (paid 120.00, refunded 0.00)");
    expectProblem(await refund(admin, invoice.id, { amount: "-5.00", reason: "x" }), 400, ["amount"]);
    expectProblem(await refund(admin, invoice.id, { amount: "0.00", reason: "x" }), 400, ["amount"]);
    expectProblem(await refund(admin, invoice.id, { amount: "12.345", reason: "x" }), 400, ["amount"]);
    expectProblem(await refund(admin, invoice.id, { amount: "10.00", reason: "   " }), 400, ["reason"]);
    expectProblem(await refund(admin, invoice.id, { amount: "10.00" }), 400, ["reason"]);
    expectProblem(await refund(admin, invoice.id, { amount: "", reason: "" }), 400, ["amount", "reason"]);

    const pending = await paidInvoice({ status: "pending" });
    const unpaid = await refund(admin, pending.id, { amount: "10.00", reason: "Geste commercial" });
    expectProblem(unpaid, 409);
    expect(unpaid.body.detail).toBe(`Invoice ${pending.invoiceNumber} is pending: only a paid invoice can be refunded`);
    expectProblem(await refund(admin, 2 ** 31 - 1, { amount: "10.00", reason: "x" }), 404);

    expect(await prisma.refund.count({ where: { invoiceId: { in: [invoice.id, pending.id] } } })).toBe(0);
    expect(await figures(invoice.id)).toEqual(["paid", "0.00"]);
  });
});

describe("refunds of an invoice paid by transfer", () => {
  it("records a partial then the full refund as succeeded; the invoice is then refunded", async () => {
    const invoice = await paidInvoice();
    const partial = await refund(admin, invoice.id, { amount: "20.00", reason: "Geste commercial" });
    expect(partial.status).toBe(201);
    expect(partial.body.refund).toMatchObject({
      invoiceId: invoice.id,
      amount: "20.00",
      reason: "Geste commercial",
      status: "succeeded",
      stripeRefundId: null,
      adminId: admin.admin.id,
    });
    expect(partial.body.invoice).toMatchObject({ status: "paid", totalAmount: "120.00", amountRefunded: "20.00" });

    // 120.00 - 20.00 = 100.00 left: one cent more is refused, exactly that is the rest.
    const tooMuch = await refund(admin, invoice.id, { amount: "100.01", reason: "Solde" });
    expectProblem(tooMuch, 400, ["amount"]);
    expect(tooMuch.body.errors[0].message).toBe("at most 100.00 EUR can be refunded (paid 120.00, refunded 20.00)");
    const rest = await refund(admin, invoice.id, { amount: 100, reason: "Résiliation, solde remboursé" });
    expect(rest.status).toBe(201);
    expect(rest.body.invoice).toMatchObject({ status: "refunded", amountRefunded: "120.00" });
    expectProblem(await refund(admin, invoice.id, { amount: "0.01", reason: "x" }), 400, ["amount"]);

    const listed = await request(t.app).get(refundsPath(invoice.id)).set("Authorization", editor.auth);
    expect(listed.status).toBe(200);
    expect(listed.body.invoice).toMatchObject({ totalAmount: "120.00", amountRefunded: "120.00", refundable: "0.00" });
    expect(listed.body.data.map((r: { amount: string; reason: string }) => [r.amount, r.reason])).toEqual([
      ["100.00", "Résiliation, solde remboursé"],
      ["20.00", "Geste commercial"],
    ]);
    expect(server.requests).toHaveLength(0);
    expect(
      await prisma.adminActivityLog.count({
        where: {
          action: "refund.create",
          adminId: admin.admin.id,
          resourceId: { in: listed.body.data.map((r: { id: number }) => r.id) },
        },
      }),
    ).toBe(2);
    const totals = await prisma.adminActivityLog.findMany({
      where: { action: "invoice.refund_total", resourceId: invoice.id },
      orderBy: { id: "asc" },
    });
    expect(totals.map((a) => a.newValues)).toEqual([
      { amountRefunded: "20" },
      { amountRefunded: "120", status: "refunded" },
    ]);
  });

  it("lets five refunds of 50.00 at once take no more than the 120.00 paid: two pass", async () => {
    const invoice = await paidInvoice();
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) => refund(admin, invoice.id, { amount: "50.00", reason: `Demande ${i}` })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 400, 400, 400]);
    for (const refused of answers.filter((a) => a.status === 400)) {
      expect(refused.body.errors).toEqual([
        { field: "amount", message: "at most 20.00 EUR can be refunded (paid 120.00, refunded 100.00)" },
      ]);
    }
    expect(await figures(invoice.id)).toEqual(["paid", "100.00"]);
    expect(await prisma.refund.count({ where: { invoiceId: invoice.id } })).toBe(2);
  });
});

describe("refunds through Stripe", () => {
  it("refunds through the Refunds API against the payment intent, with an idempotency key", async () => {
    const invoice = await paidInvoice({ stripePaymentIntentId: "pi_refund1", totalAmount: "34.80" });
    const res = await refund(admin, invoice.id, { amount: "10.00", reason: "Service interrompu deux jours" });
    expect(res.status).toBe(201);
    const [call] = server.calls("POST", /^\/v1\/refunds$/);
    expect(call!.body).toEqual({
      payment_intent: "pi_refund1",
      amount: "1000",
      reason: "requested_by_customer",
      metadata: {
        invoice_id: String(invoice.id),
        refund_id: String(res.body.refund.id),
        reason: "Service interrompu deux jours",
      },
    });
    expect(call!.idempotencyKey).toBe(`refund-${res.body.refund.id}`);
    expect(res.body.refund).toMatchObject({
      amount: "10.00",
      status: "succeeded",
      stripeRefundId: expect.stringMatching(/^re_/),
    });
    expect(res.body.invoice).toMatchObject({ status: "paid", amountRefunded: "10.00" });

    // Stripe's charge.refunded then lists the same refund: it is not recorded twice.
    const remote = server.get(res.body.refund.stripeRefundId) as never;
    const synced = await prisma.$transaction((tx) => syncStripeRefunds(tx, invoice.id, [remote]));
    expect(synced).toMatchObject({ recorded: 0, updated: 0 });
    expect(await figures(invoice.id)).toEqual(["paid", "10.00"]);
  });

  it("answers Stripe's refusal as a 502 with its message, and records nothing", async () => {
    const invoice = await paidInvoice({ stripePaymentIntentId: "pi_refund2" });
    server.failNext({
      method: "POST",
      path: /^\/v1\/refunds$/,
      status: 400,
      error: {
        type: "invalid_request_error",
        code: "charge_already_refunded",
        message: "Charge ch_2 has already been refunded.",
      },
    });
    const res = await refund(admin, invoice.id, { amount: "10.00", reason: "Doublon" });
    expectProblem(res, 502);
    expect(res.body.detail).toBe("Stripe (HTTP 400): Charge ch_2 has already been refunded.");
    expect(await prisma.refund.count({ where: { invoiceId: invoice.id } })).toBe(0);
    expect(await figures(invoice.id)).toEqual(["paid", "0.00"]);
  });

  it("refuses to record a Stripe payment's refund where Stripe is not configured", async () => {
    const local = await makeTestApp();
    try {
      expect(stripeFor(local.deps.config)).toBeNull();
      const invoice = await paidInvoice({ stripePaymentIntentId: "pi_refund3" });
      const login = await makeApiLogin(local.app, prisma, { role: "admin" });
      const res = await request(local.app)
        .post(refundsPath(invoice.id))
        .set("Authorization", login.auth)
        .send({ amount: "10.00", reason: "Doublon" });
      expectProblem(res, 503);
      expect(await prisma.refund.count({ where: { invoiceId: invoice.id } })).toBe(0);
    } finally {
      await local.close();
    }
  });
});

describe("the Refund action of AdminJS", () => {
  it("refunds with the form's amount and reason, and shows a refused amount on the form", async () => {
    const invoice = await paidInvoice();
    const person = await makeAdmin(prisma, { role: "admin" });
    const agent = await loginAgent(t.app, person.email, person.password);
    const path = `/admin/api/resources/invoices/records/${invoice.id}/refund`;

    const page = await agent.get(path);
    expect(page.status).toBe(200);
    expect(page.body.record.params.amountRefunded).toBe("0");

    const refused = await agent.post(path).send({ amount: "500.00", reason: "Erreur de facturation" });
    expect(refused.status).toBe(200);
    expect(refused.body.record.errors.amount.message).toBe(
      "at most 120.00 EUR can be refunded (paid 120.00, refunded 0.00)",
    );
    expect(await prisma.refund.count({ where: { invoiceId: invoice.id } })).toBe(0);

    const done = await agent.post(path).send({ amount: "30.00", reason: "Erreur de facturation" });
    expect(done.status).toBe(200);
    expect(done.body.notice).toEqual({ message: "refundDone", type: "success" });
    const rows = await prisma.refund.findMany({ where: { invoiceId: invoice.id } });
    expect(rows.map((r) => [r.amount.toFixed(2), r.reason, r.status, r.adminId])).toEqual([
      ["30.00", "Erreur de facturation", "succeeded", person.id],
    ]);
    expect(await figures(invoice.id)).toEqual(["paid", "30.00"]);
  });
});

describe("access to the refund and alert routes", () => {
  it("lets exactly the users the matrix allows through, and 403s the others", async () => {
    const invoice = await paidInvoice();
    const alert = await prisma.billingAlert.create({
      data: {
        kind: "payment_failed",
        invoiceId: invoice.id,
        customerId: invoice.customerId,
        details: { subject: "walk" },
      },
    });
    const routes = MODULE_ROUTES.filter(
      (r) => r.path.startsWith("/billing/invoices/{id}/refunds") || r.path.startsWith("/billing/billing_alerts/"),
    );
    expect(routes).toHaveLength(3);
    const mismatches: string[] = [];
    for (const route of routes) {
      for (const user of USERS) {
        const who = await makeApiLogin(t.app, prisma, { role: user.role, permissions: user.permissions ?? undefined });
        const id = route.path.startsWith("/billing/billing_alerts/") ? alert.id : invoice.id;
        // An empty body: a refund the route refuses (400) when allowed, so nothing is refunded.
        const agent = request(t.app);
        const url = `${API}${route.path.replace("{id}", String(id))}`;
        const res = await agent[route.method](url).set("Authorization", who.auth).send({});
        const allowed = expectedAllowed(user, route.module, route.permission);
        if (allowed ? [401, 403].includes(res.status) || res.status >= 500 : res.status !== 403) {
          mismatches.push(`${user.label} ${route.method.toUpperCase()} ${route.path}: HTTP ${res.status}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(await prisma.refund.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });
});
