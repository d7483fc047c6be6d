// POST /webhooks/stripe end to end: payloads signed with the SDK's generateTestHeaderString, stored once
// under their id, processed by the billing queue's worker, which fetches the objects again from a local
// stand-in for the Stripe API through the real SDK.
import request, { type Response } from "supertest";
import Stripe from "stripe";
import type { PrismaClient } from "@prisma/client";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { startStripeServer, stripeEvent, type StripeServer } from "../helpers/stripe-server.js";
import { makeAdmin, makeCustomer } from "../factories/index.js";
import { makeInvoice } from "../factories/admin-resources.js";
import { API, makeApiLogin } from "../factories/api.js";
import { startWorkers, type Workers } from "../../src/queues/registry.js";
import { recordHistory } from "../../src/modules/billing/subscriptions.js";
import { sweepStripe } from "../../src/modules/billing/stripe/sweep.js";

const SECRET = "whsec_test_webhook_secret";

let server: StripeServer;
let t: TestApp;
let workers: Workers;
let prisma: PrismaClient;

beforeAll(async () => {
  server = await startStripeServer();
  t = await makeTestApp(server.env(SECRET));
  prisma = t.deps.prisma;
  const { config, log } = t.deps;
  workers = startWorkers({ prisma, log, config, queues: t.deps.queues });
});

afterAll(async () => {
  await workers?.close();
  await t?.close();
  await server?.close();
});

function deliver(event: { id: string }, opts: { secret?: string; signature?: string | null; body?: string } = {}) {
  const payload = JSON.stringify(event);
  const signature =
    opts.signature === undefined
      ? Stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? SECRET })
      : opts.signature;
  let req = request(t.app).post("/webhooks/stripe").set("Content-Type", "application/json");
  if (signature !== null) req = req.set("Stripe-Signature", signature);
  return req.send(opts.body ?? payload);
}

/** The event row once the worker is done with it (or has failed it). */
async function settled(id: string, until: readonly string[] = ["processed", "ignored"]) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const row = await prisma.stripeEvent.findUnique({ where: { id } });
    if (row && until.includes(row.status)) return row;
    if (Date.now() > deadline) throw new Error(`event ${id} is ${row?.status ?? "not stored"}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function deliverAndSettle(event: { id: string }) {
  const res = await deliver(event);
  expect(res.status).toBe(200);
  return settled(event.id);
}

function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
}

const unix = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/** A Stripe invoice as the API returns it, with its lines and payments. */
function remoteInvoice(o: {
  id: string;
  customer: string;
  status: "open" | "paid" | "draft";
  lines?: { amount: number; description: string }[];
  total?: number;
  subscription?: string;
  paymentIntent?: string;
  paidAt?: number;
  finalizedAt?: number;
  attempts?: number;
  metadata?: Record<string, string>;
}) {
  const lines = (o.lines ?? []).map((l, i) => ({
    id: `il_${o.id}_${i}`,
    object: "line_item",
    amount: l.amount,
    currency: "eur",
    description: l.description,
    quantity: 1,
  }));
  const subtotal = lines.reduce((n, l) => n + l.amount, 0);
  const total = o.total ?? subtotal;
  return server.set({
    id: o.id,
    object: "invoice",
    customer: o.customer,
    currency: "eur",
    status: o.status,
    number: `STRIPE-${o.id}`,
    created: o.finalizedAt ?? unix("2026-11-02T09:00:00Z"),
    due_date: null,
    metadata: o.metadata ?? {},
    parent: o.subscription
      ? { type: "subscription_details", subscription_details: { subscription: o.subscription, metadata: {} } }
      : null,
    lines: { object: "list", data: lines, has_more: false },
    payments: {
      object: "list",
      has_more: false,
      data: o.paymentIntent
        ? [
            {
              id: `inpay_${o.id}`,
              status: "paid",
              payment: { type: "payment_intent", payment_intent: o.paymentIntent },
            },
          ]
        : [],
    },
    subtotal,
    total,
    amount_due: total,
    attempt_count: o.attempts ?? 0,
    status_transitions: { finalized_at: o.finalizedAt ?? null, paid_at: o.paidAt ?? null },
  });
}

function cardPayment(id: string) {
  return server.set({
    id,
    object: "payment_intent",
    payment_method: { id: `pm_${id}`, object: "payment_method", type: "card" },
  });
}

async function makePlans() {
  const starter = await prisma.billingPlan.upsert({
    where: { name: "Starter" },
    update: {},
    create: { name: "Starter", priceMonthly: "29.00", priceYearly: "290.00", stripeProductId: "prod_starter" },
  });
  const pro = await prisma.billingPlan.upsert({
    where: { name: "Pro" },
    update: {},
    create: { name: "Pro", priceMonthly: "99.00", priceYearly: "990.00", stripeProductId: "prod_pro" },
  });
  return { starter, pro };
}

/** A Stripe subscription as the API returns it: one item on a product's monthly price. */
function remoteSubscription(o: {
  id: string;
  customer: string;
  product: string;
  unitAmount: number;
  status: string;
  periodStart: number;
  periodEnd: number;
  cancelAtPeriodEnd?: boolean;
  endedAt?: number | null;
  trialEnd?: number | null;
  metadata?: Record<string, string>;
}) {
  return server.set({
    id: o.id,
    object: "subscription",
    customer: o.customer,
    status: o.status,
    cancel_at_period_end: o.cancelAtPeriodEnd ?? false,
    ended_at: o.endedAt ?? null,
    canceled_at: o.endedAt ?? null,
    trial_end: o.trialEnd ?? null,
    start_date: o.periodStart,
    created: o.periodStart,
    metadata: o.metadata ?? {},
    items: {
      object: "list",
      has_more: false,
      data: [
        {
          id: `si_${o.id}`,
          object: "subscription_item",
          current_period_start: o.periodStart,
          current_period_end: o.periodEnd,
          price: {
            id: `price_${o.id}`,
            object: "price",
            product: o.product,
            unit_amount: o.unitAmount,
            currency: "eur",
            recurring: { interval: "month", interval_count: 1 },
          },
        },
      ],
    },
  });
}

describe("Stripe webhook: delivery", () => {
  it("stores one event delivered 5 times at once as one row, and applies it once", async () => {
    const customer = await makeCustomer(prisma, { stripeCustomerId: "cus_paid1" });
    const invoice = await makeInvoice(prisma, {
      customerId: customer.id,
      status: "pending",
      stripeInvoiceId: "in_paid1",
      amount: "100.00",
      taxAmount: "20.00",
      totalAmount: "120.00",
    });
    cardPayment("pi_paid1");
    remoteInvoice({
      id: "in_paid1",
      customer: "cus_paid1",
      status: "paid",
      lines: [{ amount: 12_000, description: "Pro" }],
      paymentIntent: "pi_paid1",
      paidAt: unix("2026-11-20T10:30:00Z"),
    });
    const event = stripeEvent("invoice.paid", { id: "in_paid1", object: "invoice", status: "paid" });

    const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(event)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1);
    expect(answers.filter((a) => a.body.duplicate === true)).toHaveLength(4);
    expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(1);

    const row = await settled(event.id);
    expect(row).toMatchObject({ status: "processed", type: "invoice.paid", attempts: 1, error: null });
    const after = await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(after).toMatchObject({
      status: "paid",
      paidAt: new Date("2026-11-20T10:30:00Z"),
      paymentMethod: "card",
      stripePaymentIntentId: "pi_paid1",
    });
    // One effect: one paid audit row, one fetch of the invoice from Stripe.
    expect(
      await prisma.adminActivityLog.count({ where: { action: "invoice.stripe_paid", resourceId: invoice.id } }),
    ).toBe(1);
    expect(await prisma.adminActivityLog.count({ where: { action: "stripe_event.receive" } })).toBe(1);
    expect(server.calls("GET", /^\/v1\/invoices\/in_paid1$/)).toHaveLength(1);

    // A later redelivery is a no-op 200.
    const again = await deliver(event);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, status: "processed" });
    expect(server.calls("GET", /^\/v1\/invoices\/in_paid1$/)).toHaveLength(1);
  });

  it("processes again an event set back to received while its completed job is still in Redis", async () => {
    const customer = await makeCustomer(prisma, { stripeCustomerId: "cus_restored" });
    const invoice = await makeInvoice(prisma, {
      customerId: customer.id,
      status: "pending",
      stripeInvoiceId: "in_restored",
      amount: "100.00",
      taxAmount: "20.00",
      totalAmount: "120.00",
    });
    cardPayment("pi_restored");
    remoteInvoice({
      id: "in_restored",
      customer: "cus_restored",
      status: "paid",
      lines: [{ amount: 12_000, description: "Pro" }],
      paymentIntent: "pi_restored",
      paidAt: unix("2026-11-21T10:30:00Z"),
    });
    const event = stripeEvent("invoice.paid", { id: "in_restored", object: "invoice", status: "paid" });
    expect((await deliverAndSettle(event)).status).toBe("processed");
    const done = await t.deps.queues.byName.billing.getJob(event.id);
    expect(await done?.getState()).toBe("completed");

    // The database restored from before the event was processed; Redis still remembers the job.
    await prisma.invoice.update({ where: { id: invoice.id }, data: { status: "pending", paidAt: null } });
    await prisma.stripeEvent.update({
      where: { id: event.id },
      data: { status: "received", processedAt: null, receivedAt: new Date(Date.now() - 3_600_000) },
    });
    const swept = await sweepStripe(t.deps, t.deps.queues);
    expect(swept.events).toBe(1);
    const row = await settled(event.id);
    expect(row.status).toBe("processed");
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({
      status: "paid",
      paidAt: new Date("2026-11-21T10:30:00Z"),
    });
  });

  it("answers 400 to a bad, missing or replayed-body signature and stores nothing", async () => {
    const event = stripeEvent("invoice.paid", { id: "in_whatever", object: "invoice" });
    const wrongSecret = await deliver(event, { secret: "whsec_not_ours" });
    expectProblem(wrongSecret, 400);
    expect(wrongSecret.body.errors).toEqual([
      { field: "Stripe-Signature", message: expect.stringMatching(/signature/i) },
    ]);

    expectProblem(await deliver(event, { signature: null }), 400);
    expectProblem(await deliver(event, { signature: "t=1,v1=deadbeef" }), 400);
    // Signed for one body, sent with another.
    const tampered = JSON.stringify({ ...event, type: "charge.refunded" });
    expectProblem(await deliver(event, { body: tampered }), 400);

    expect(await prisma.stripeEvent.count({ where: { id: event.id } })).toBe(0);
  });

  it("stores an event type it does not handle as ignored, without a job", async () => {
    const event = stripeEvent("customer.created", { id: "cus_new", object: "customer" });
    const res = await deliver(event);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ duplicate: false, status: "ignored" });
    await new Promise((r) => setTimeout(r, 200));
    const row = await prisma.stripeEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row).toMatchObject({ status: "ignored", type: "customer.created", attempts: 0 });
    expect(row.processedAt).toBeInstanceOf(Date);
  });
});

describe("Stripe webhook: payments", () => {
  it("a failed payment fails the invoice and raises one alert, shown on the dashboard until acknowledged", async () => {
    const customer = await makeCustomer(prisma, { stripeCustomerId: "cus_fail1" });
    const invoice = await makeInvoice(prisma, {
      customerId: customer.id,
      status: "pending",
      stripeInvoiceId: "in_fail1",
      totalAmount: "120.00",
    });
    remoteInvoice({
      id: "in_fail1",
      customer: "cus_fail1",
      status: "open",
      lines: [{ amount: 12_000, description: "Pro" }],
      attempts: 1,
    });
    await deliverAndSettle(stripeEvent("invoice.payment_failed", { id: "in_fail1", object: "invoice" }));
    // Stripe's next attempt fails too: a second event, still one alert.
    remoteInvoice({
      id: "in_fail1",
      customer: "cus_fail1",
      status: "open",
      lines: [{ amount: 12_000, description: "Pro" }],
      attempts: 2,
    });
    await deliverAndSettle(stripeEvent("invoice.payment_failed", { id: "in_fail1", object: "invoice" }));

    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("failed");
    const alerts = await prisma.billingAlert.findMany({ where: { invoiceId: invoice.id } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: "payment_failed", customerId: customer.id, acknowledgedAt: null });
    expect(alerts[0]!.details).toMatchObject({ stripeInvoiceId: "in_fail1", amountDue: "120.00", attempts: 1 });

    const admin = await makeAdmin(prisma, { role: "admin" });
    const agent = await loginAgent(t.app, admin.email, admin.password);
    const dashboard = await agent.get("/admin/api/dashboard");
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.billingAlerts).toEqual({
      open: 1,
      latest: [
        {
          id: alerts[0]!.id,
          kind: "payment_failed",
          invoiceId: invoice.id,
          invoiceNumber: invoice.invoiceNumber,
          customerId: customer.id,
          createdAt: alerts[0]!.createdAt.toISOString(),
        },
      ],
    });
    // An admin whose permissions leave out billing does not get them.
    const outsider = await makeAdmin(prisma, { role: "editor", permissions: ["customers.view"] });
    const outsiderAgent = await loginAgent(t.app, outsider.email, outsider.password);
    expect((await outsiderAgent.get("/admin/api/dashboard")).body.billingAlerts).toBeNull();

    // Acknowledged through REST: a viewer may not, an admin may, once.
    const viewer = await makeApiLogin(t.app, prisma, { role: "viewer" });
    const path = `${API}/billing/billing_alerts/${alerts[0]!.id}/acknowledge`;
    expectProblem(await request(t.app).post(path).set("Authorization", viewer.auth), 403);
    const listed = await request(t.app)
      .get(`${API}/billing/billing_alerts?acknowledgedAt[null]=true`)
      .set("Authorization", viewer.auth);
    expect(listed.body.data.map((a: { id: number }) => a.id)).toEqual([alerts[0]!.id]);
    const writer = await makeApiLogin(t.app, prisma, { role: "admin" });
    const ack = await request(t.app).post(path).set("Authorization", writer.auth);
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ id: alerts[0]!.id, acknowledgedBy: writer.admin.id });
    expectProblem(await request(t.app).post(path).set("Authorization", writer.auth), 409);
    expect((await agent.get("/admin/api/dashboard")).body.billingAlerts).toEqual({ open: 0, latest: [] });
  });

  it("a payment_failed that arrives after the payment leaves the invoice paid and raises nothing", async () => {
    const customer = await makeCustomer(prisma, { stripeCustomerId: "cus_late1" });
    const invoice = await makeInvoice(prisma, {
      customerId: customer.id,
      status: "pending",
      stripeInvoiceId: "in_late1",
    });
    cardPayment("pi_late1");
    remoteInvoice({
      id: "in_late1",
      customer: "cus_late1",
      status: "paid",
      lines: [{ amount: 12_000, description: "Pro" }],
      paymentIntent: "pi_late1",
      paidAt: unix("2026-11-21T08:00:00Z"),
    });
    await deliverAndSettle(
      stripeEvent("invoice.payment_failed", { id: "in_late1", object: "invoice", status: "open" }),
    );
    await deliverAndSettle(stripeEvent("invoice.paid", { id: "in_late1", object: "invoice", status: "paid" }));
    const after = await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(after).toMatchObject({
      status: "paid",
      stripePaymentIntentId: "pi_late1",
      paidAt: new Date("2026-11-21T08:00:00Z"),
    });
    expect(await prisma.billingAlert.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });

  it("pays our pushed invoice found by the id in its metadata, and records its Stripe id", async () => {
    const customer = await makeCustomer(prisma, { stripeCustomerId: "cus_meta1" });
    const invoice = await makeInvoice(prisma, { customerId: customer.id, status: "pending" });
    cardPayment("pi_meta1");
    remoteInvoice({
      id: "in_meta1",
      customer: "cus_meta1",
      status: "paid",
      lines: [{ amount: 12_000, description: "Pro" }],
      paymentIntent: "pi_meta1",
      paidAt: unix("2026-11-22T08:00:00Z"),
      metadata: { invoice_id: String(invoice.id) },
    });
    await deliverAndSettle(stripeEvent("invoice.paid", { id: "in_meta1", object: "invoice" }));
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({
      status: "paid",
      stripeInvoiceId: "in_meta1",
      stripePaymentIntentId: "pi_meta1",
    });
  });

  it("mirrors a Stripe subscription invoice it does not know once, with a legal number, even from two events at once", async () => {
    const { starter } = await makePlans();
    const customer = await makeCustomer(prisma, { stripeCustomerId: "cus_mirror1" });
    const subscription = await prisma.customerSubscription.create({
      data: { customerId: customer.id, planId: starter.id, stripeSubscriptionId: "sub_mirror1" },
    });
    cardPayment("pi_mirror1");
    // 29.00 + 20% VAT = 34.80, as Stripe charges it with the VAT tax rate.
    remoteInvoice({
      id: "in_mirror1",
      customer: "cus_mirror1",
      status: "paid",
      subscription: "sub_mirror1",
      lines: [{ amount: 2_900, description: "1 × Starter (at €29.00 / month)" }],
      total: 3_480,
      paymentIntent: "pi_mirror1",
      finalizedAt: unix("2026-11-03T06:00:00Z"),
      paidAt: unix("2026-11-03T06:05:00Z"),
    });
    const finalized = stripeEvent("invoice.finalized", { id: "in_mirror1", object: "invoice" });
    const paid = stripeEvent("invoice.paid", { id: "in_mirror1", object: "invoice" });
    const answers = await Promise.all([deliver(finalized), deliver(paid)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await settled(finalized.id);
    await settled(paid.id);

    const mirrored = await prisma.invoice.findMany({
      where: { stripeInvoiceId: "in_mirror1" },
      include: { items: true },
    });
    expect(mirrored).toHaveLength(1);
    const [invoice] = mirrored;
    expect(invoice!.invoiceNumber).toBe("LCD-2026-000001");
    expect(invoice).toMatchObject({
      customerId: customer.id,
      subscriptionId: subscription.id,
      status: "paid",
      issuedAt: new Date("2026-11-03T06:00:00Z"),
      // Payment terms of the settings: 30 days.
      dueAt: new Date("2026-12-03T06:00:00Z"),
      paidAt: new Date("2026-11-03T06:05:00Z"),
      paymentMethod: "card",
      stripePaymentIntentId: "pi_mirror1",
      currency: "EUR",
    });
    expect([invoice!.amount.toFixed(2), invoice!.taxAmount.toFixed(2), invoice!.totalAmount.toFixed(2)]).toEqual([
      "29.00",
      "5.80",
      "34.80",
    ]);
    expect(
      invoice!.items.map((i) => [i.description, i.quantity, i.unitPrice.toFixed(2), i.totalPrice.toFixed(2)]),
    ).toEqual([["1 × Starter (at €29.00 / month)", 1, "29.00", "29.00"]]);
  });

  it("records Stripe's refunds of a charge against its invoice, partly then fully", async () => {
    const customer = await makeCustomer(prisma, { stripeCustomerId: "cus_ref1" });
    const invoice = await makeInvoice(prisma, {
      customerId: customer.id,
      status: "paid",
      paidAt: new Date("2026-11-05T10:00:00Z"),
      stripeInvoiceId: "in_ref1",
      stripePaymentIntentId: "pi_ref1",
      totalAmount: "120.00",
    });
    const charge = { id: "ch_ref1", object: "charge", payment_intent: "pi_ref1", amount: 12_000 };
    server.set({
      id: "re_ref1",
      object: "refund",
      amount: 5_000,
      charge: "ch_ref1",
      payment_intent: "pi_ref1",
      status: "succeeded",
      reason: "requested_by_customer",
      metadata: { reason: "Geste commercial" },
      created: unix("2026-11-06T09:00:00Z"),
    });
    await deliverAndSettle(stripeEvent("charge.refunded", { ...charge, amount_refunded: 5_000 }));
    let after = await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: { refunds: true } });
    expect([after.status, after.amountRefunded.toFixed(2)]).toEqual(["paid", "50.00"]);
    expect(after.refunds.map((r) => [r.stripeRefundId, r.amount.toFixed(2), r.status, r.reason])).toEqual([
      ["re_ref1", "50.00", "succeeded", "Geste commercial"],
    ]);

    server.set({
      id: "re_ref2",
      object: "refund",
      amount: 7_000,
      charge: "ch_ref1",
      payment_intent: "pi_ref1",
      status: "succeeded",
      reason: null,
      metadata: {},
      created: unix("2026-11-07T09:00:00Z"),
    });
    const full = stripeEvent("charge.refunded", { ...charge, amount_refunded: 12_000 });
    await deliverAndSettle(full);
    after = await prisma.invoice.findUniqueOrThrow({
      where: { id: invoice.id },
      include: { refunds: { orderBy: { id: "asc" } } },
    });
    // 50.00 + 70.00 = 120.00, the whole total.
    expect([after.status, after.amountRefunded.toFixed(2)]).toEqual(["refunded", "120.00"]);
    expect(after.refunds.map((r) => [r.stripeRefundId, r.amount.toFixed(2), r.reason])).toEqual([
      ["re_ref1", "50.00", "Geste commercial"],
      ["re_ref2", "70.00", "Refunded in Stripe"],
    ]);
    expect((await deliver(full)).body.duplicate).toBe(true);
    expect(await prisma.refund.count({ where: { invoiceId: invoice.id } })).toBe(2);
  });

  it("raises one alert for a dispute, with its invoice", async () => {
    const customer = await makeCustomer(prisma, { stripeCustomerId: "cus_dsp1" });
    const invoice = await makeInvoice(prisma, {
      customerId: customer.id,
      status: "paid",
      stripePaymentIntentId: "pi_dsp1",
    });
    const dispute = {
      id: "dp_1",
      object: "dispute",
      charge: "ch_dsp1",
      payment_intent: "pi_dsp1",
      amount: 12_000,
      reason: "fraudulent",
    };
    await deliverAndSettle(stripeEvent("charge.dispute.created", dispute));
    await deliverAndSettle(stripeEvent("charge.dispute.created", dispute));
    const alerts = await prisma.billingAlert.findMany({ where: { kind: "dispute_created" } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ invoiceId: invoice.id, customerId: customer.id });
    expect(alerts[0]!.details).toMatchObject({
      disputeId: "dp_1",
      charge: "ch_dsp1",
      amount: "120.00",
      reason: "fraudulent",
    });
  });
});

describe("Stripe webhook: subscriptions", () => {
  it("ends in Stripe's current state whatever order the events arrive in", async () => {
    const { starter, pro } = await makePlans();
    const customer = await makeCustomer(prisma, { stripeCustomerId: "cus_ooo", planType: "starter" });
    const start = new Date("2026-10-01T00:00:00Z");
    const local = await prisma.customerSubscription.create({
      data: {
        customerId: customer.id,
        planId: starter.id,
        startedAt: start,
        currentPeriodStart: start,
        currentPeriodEnd: new Date("2026-11-01T00:00:00Z"),
        stripeSubscriptionId: "sub_ooo",
      },
    });
    await prisma.$transaction((tx) => recordHistory(tx, local, "created", start));
    // What happened in Stripe: created on Starter, moved to Pro, set to cancel, then cancelled.
    const snapshot = (status: string, product: string, cancel: boolean) => ({
      id: "sub_ooo",
      object: "subscription",
      status,
      cancel_at_period_end: cancel,
      items: { data: [{ price: { product } }] },
    });
    const events = [
      stripeEvent("customer.subscription.created", snapshot("active", "prod_starter", false)),
      stripeEvent("customer.subscription.updated", snapshot("active", "prod_pro", false)),
      stripeEvent("customer.subscription.updated", snapshot("active", "prod_pro", true)),
      stripeEvent("customer.subscription.deleted", snapshot("canceled", "prod_pro", false)),
    ];
    remoteSubscription({
      id: "sub_ooo",
      customer: "cus_ooo",
      product: "prod_pro",
      unitAmount: 9_900,
      status: "canceled",
      periodStart: unix("2026-11-01T00:00:00Z"),
      periodEnd: unix("2026-12-01T00:00:00Z"),
      endedAt: unix("2026-11-15T12:00:00Z"),
    });
    // Newest first: the deletion, then the older updates and the creation.
    for (const event of [...events].reverse()) {
      const row = await deliverAndSettle(event);
      expect(row.status).toBe("processed");
    }

    const after = await prisma.customerSubscription.findUniqueOrThrow({ where: { id: local.id } });
    expect(after).toMatchObject({
      status: "cancelled",
      planId: pro.id,
      cancelAtPeriodEnd: false,
      endedAt: new Date("2026-11-15T12:00:00Z"),
      currentPeriodStart: new Date("2026-11-01T00:00:00Z"),
      currentPeriodEnd: new Date("2026-12-01T00:00:00Z"),
    });
    const history = await prisma.subscriptionHistory.findMany({
      where: { subscriptionId: local.id },
      orderBy: { id: "asc" },
    });
    // The first event applied everything; the three older ones found nothing left to change.
    expect(history.map((h) => [h.reason, h.status, h.mrr.toFixed(2), h.validFrom.toISOString()])).toEqual([
      ["created", "active", "29.00", "2026-10-01T00:00:00.000Z"],
      ["cancelled", "cancelled", "0.00", "2026-11-15T12:00:00.000Z"],
    ]);
    expect(
      await prisma.adminActivityLog.count({ where: { action: "subscription.stripe_sync", resourceId: local.id } }),
    ).toBe(1);
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).planType).toBe("free");
  });

  it("follows a plan change made in Stripe into the MRR history and the customer's plan", async () => {
    const { starter, pro } = await makePlans();
    const customer = await makeCustomer(prisma, { stripeCustomerId: "cus_up", planType: "starter" });
    const start = new Date("2026-10-10T00:00:00Z");
    const local = await prisma.customerSubscription.create({
      data: { customerId: customer.id, planId: starter.id, startedAt: start, stripeSubscriptionId: "sub_up" },
    });
    await prisma.$transaction((tx) => recordHistory(tx, local, "created", start));
    remoteSubscription({
      id: "sub_up",
      customer: "cus_up",
      product: "prod_pro",
      unitAmount: 9_900,
      status: "active",
      periodStart: unix("2026-11-10T00:00:00Z"),
      periodEnd: unix("2026-12-10T00:00:00Z"),
    });
    await deliverAndSettle(stripeEvent("customer.subscription.updated", { id: "sub_up", object: "subscription" }));
    const history = await prisma.subscriptionHistory.findMany({
      where: { subscriptionId: local.id },
      orderBy: { id: "asc" },
    });
    expect(history.map((h) => [h.reason, h.planId, h.mrr.toFixed(2)])).toEqual([
      ["created", starter.id, "29.00"],
      ["plan_changed", pro.id, "99.00"],
    ]);
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).planType).toBe("pro");
  });

  it("takes in a subscription made in Stripe for one of our customers, trial included", async () => {
    const { starter } = await makePlans();
    const customer = await makeCustomer(prisma, { stripeCustomerId: "cus_trial" });
    remoteSubscription({
      id: "sub_trial",
      customer: "cus_trial",
      product: "prod_starter",
      unitAmount: 2_900,
      status: "trialing",
      periodStart: unix("2026-11-12T00:00:00Z"),
      periodEnd: unix("2026-11-26T00:00:00Z"),
      trialEnd: unix("2026-11-26T00:00:00Z"),
    });
    await deliverAndSettle(stripeEvent("customer.subscription.created", { id: "sub_trial", object: "subscription" }));
    const created = await prisma.customerSubscription.findUniqueOrThrow({
      where: { stripeSubscriptionId: "sub_trial" },
      include: { history: true },
    });
    expect(created).toMatchObject({
      customerId: customer.id,
      planId: starter.id,
      status: "trialing",
      billingInterval: "monthly",
      trialEnd: new Date("2026-11-26T00:00:00Z"),
    });
    // A trial is not MRR.
    expect(created.history.map((h) => [h.reason, h.mrr.toFixed(2)])).toEqual([["created", "0.00"]]);
  });

  it("retries an event about a subscription of ours that is not committed yet, and ignores other people's", async () => {
    remoteSubscription({
      id: "sub_pending",
      customer: "cus_nobody",
      product: "prod_starter",
      unitAmount: 2_900,
      status: "active",
      periodStart: unix("2026-11-12T00:00:00Z"),
      periodEnd: unix("2026-12-12T00:00:00Z"),
      metadata: { subscription_id: "987654" },
    });
    const pending = stripeEvent("customer.subscription.created", { id: "sub_pending", object: "subscription" });
    expect((await deliver(pending)).status).toBe(200);
    const failed = await settled(pending.id, ["failed"]);
    expect(failed.error).toBe("Subscription #987654 of Stripe sub_pending is not visible yet");
    expect(failed.attempts).toBe(1);

    remoteSubscription({
      id: "sub_stranger",
      customer: "cus_stranger",
      product: "prod_starter",
      unitAmount: 2_900,
      status: "active",
      periodStart: unix("2026-11-12T00:00:00Z"),
      periodEnd: unix("2026-12-12T00:00:00Z"),
    });
    const stranger = await deliverAndSettle(
      stripeEvent("customer.subscription.created", { id: "sub_stranger", object: "subscription" }),
    );
    expect(stranger).toMatchObject({ status: "ignored", error: "Stripe customer cus_stranger is not one of ours" });
  });
});
