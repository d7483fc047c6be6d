// Our side of Stripe through the real SDK pointed at a local stand-in: subscriptions created, changed,
// cancelled and reactivated through the REST API reach Stripe with the right parameters inside the
// service's transaction (a Stripe error writes nothing here), and issued invoices are pushed once.
import request from "supertest";
import { Prisma, type PrismaClient } from "@prisma/client";
import { makeTestApp, type TestApp } from "../helpers/app.js";
import { startStripeServer, type StripeServer } from "../helpers/stripe-server.js";
import { makeCustomer } from "../factories/index.js";
import { API, makeApiLogin, type ApiLogin } from "../factories/api.js";
import { startWorkers, type Workers } from "../../src/queues/registry.js";
import { issueInvoice } from "../../src/modules/billing/invoicing/issue-invoice.js";
import { enqueueInvoicePush, pushInvoice } from "../../src/modules/billing/stripe/invoices.js";
import { stripeFor } from "../../src/modules/billing/stripe/client.js";
import { AppError } from "../../src/lib/errors.js";

let server: StripeServer;
let t: TestApp;
let prisma: PrismaClient;
let writer: ApiLogin;
let plans: { starter: { id: number }; pro: { id: number } };

beforeAll(async () => {
  server = await startStripeServer();
  t = await makeTestApp(server.env());
  prisma = t.deps.prisma;
  writer = await makeApiLogin(t.app, prisma, { role: "admin" });
  plans = {
    starter: await prisma.billingPlan.create({
      data: { name: "Starter", priceMonthly: "29.00", priceYearly: "290.00" },
    }),
    pro: await prisma.billingPlan.create({ data: { name: "Pro", priceMonthly: "99.00", priceYearly: "990.00" } }),
  };
});

afterAll(async () => {
  await t?.close();
  await server?.close();
});

beforeEach(() => server.reset());

const SUBS = `${API}/billing/customer_subscriptions`;
const post = (path: string, body: object = {}) =>
  request(t.app).post(path).set("Authorization", writer.auth).send(body);

describe("subscriptions through the Stripe gateway", () => {
  it("creates the Stripe customer, product, VAT rate and subscription, and keeps Stripe's ids and periods", async () => {
    const customer = await makeCustomer(prisma, { name: "Boulangerie Martin" });
    const res = await post(SUBS, { customerId: customer.id, planId: plans.starter.id, billingInterval: "monthly" });
    expect(res.status).toBe(201);
    const local = await prisma.customerSubscription.findUniqueOrThrow({ where: { id: res.body.id } });

    const [customerCall] = server.calls("POST", /^\/v1\/customers$/);
    expect(customerCall!.body).toMatchObject({
      email: customer.email,
      name: "Boulangerie Martin",
      metadata: { customer_id: String(customer.id) },
    });
    expect(customerCall!.idempotencyKey).toBe(`customer-${customer.id}`);
    const [productCall] = server.calls("POST", /^\/v1\/products$/);
    expect(productCall!.body).toMatchObject({ name: "Starter", metadata: { plan_id: String(plans.starter.id) } });
    const [taxCall] = server.calls("POST", /^\/v1\/tax_rates$/);
    expect(taxCall!.body).toMatchObject({ percentage: "20", inclusive: "false", metadata: { vat_rate: "20.00" } });

    const [subCall] = server.calls("POST", /^\/v1\/subscriptions$/);
    const stripeCustomer = (await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).stripeCustomerId;
    const product = (await prisma.billingPlan.findUniqueOrThrow({ where: { id: plans.starter.id } })).stripeProductId;
    expect(subCall!.body).toEqual({
      customer: stripeCustomer,
      items: [{ price_data: { currency: "eur", product, unit_amount: "2900", recurring: { interval: "month" } } }],
      collection_method: "send_invoice",
      days_until_due: "30",
      default_tax_rates: [expect.stringMatching(/^txr_/)],
      metadata: { subscription_id: String(local.id), plan_id: String(plans.starter.id) },
    });
    expect(subCall!.idempotencyKey).toBe(`subscription-${local.id}-create`);
    expect(subCall!.authorization).toBe("Bearer sk_test_local");

    const remote = server.get(local.stripeSubscriptionId!) as {
      items: { data: { current_period_start: number; current_period_end: number }[] };
    };
    expect(local).toMatchObject({
      status: "active",
      billingInterval: "monthly",
      currentPeriodStart: new Date(remote.items.data[0]!.current_period_start * 1000),
      currentPeriodEnd: new Date(remote.items.data[0]!.current_period_end * 1000),
    });
    expect(local.stripeSubscriptionId).toMatch(/^sub_/);
    expect(stripeCustomer).toMatch(/^cus_/);
    expect(product).toMatch(/^prod_/);

    // A second customer on the same plan: the product and the VAT rate are reused.
    server.reset();
    const other = await makeCustomer(prisma);
    expect((await post(SUBS, { customerId: other.id, planId: plans.starter.id })).status).toBe(201);
    expect(server.calls("POST", /^\/v1\/products$/)).toHaveLength(0);
    expect(server.calls("POST", /^\/v1\/tax_rates$/)).toHaveLength(0);
    expect(server.calls("POST", /^\/v1\/subscriptions$/)[0]!.body.items).toEqual([
      { price_data: { currency: "eur", product, unit_amount: "2900", recurring: { interval: "month" } } },
    ]);
  });

  it("sends a yearly price, and keeps the trial Stripe reports", async () => {
    const customer = await makeCustomer(prisma);
    const trialEnd = Math.floor(new Date("2026-12-15T00:00:00Z").getTime() / 1000);
    server.nextSubscription = { status: "trialing", trial_end: trialEnd };
    const res = await post(SUBS, { customerId: customer.id, planId: plans.pro.id, billingInterval: "yearly" });
    expect(res.status).toBe(201);
    expect(server.calls("POST", /^\/v1\/subscriptions$/)[0]!.body.items).toEqual([
      {
        price_data: {
          currency: "eur",
          product: expect.stringMatching(/^prod_/),
          unit_amount: "99000",
          recurring: { interval: "year" },
        },
      },
    ]);
    const local = await prisma.customerSubscription.findUniqueOrThrow({
      where: { id: res.body.id },
      include: { history: true },
    });
    expect(local).toMatchObject({
      status: "trialing",
      billingInterval: "yearly",
      trialEnd: new Date("2026-12-15T00:00:00Z"),
    });
    expect(local.history.map((h) => [h.reason, h.status, h.mrr.toFixed(2)])).toEqual([["created", "trialing", "0.00"]]);
  });

  it("changes the plan in Stripe (Stripe prorates), cancels at period end, reactivates and cancels now", async () => {
    const customer = await makeCustomer(prisma);
    const created = await post(SUBS, { customerId: customer.id, planId: plans.starter.id });
    const id = created.body.id as number;
    const stripeId = created.body.stripeSubscriptionId as string;
    const itemId = (server.get(stripeId) as { items: { data: { id: string }[] } }).items.data[0]!.id;
    server.reset();

    const changed = await post(`${SUBS}/${id}/change-plan`, { planId: plans.pro.id });
    expect(changed.status).toBe(200);
    expect(server.calls("GET", new RegExp(`^/v1/subscriptions/${stripeId}$`))).toHaveLength(1);
    const [update] = server.calls("POST", new RegExp(`^/v1/subscriptions/${stripeId}$`));
    const proProduct = (await prisma.billingPlan.findUniqueOrThrow({ where: { id: plans.pro.id } })).stripeProductId;
    expect(update!.body).toEqual({
      items: [
        {
          id: itemId,
          price_data: { currency: "eur", product: proProduct, unit_amount: "9900", recurring: { interval: "month" } },
        },
      ],
      proration_behavior: "create_prorations",
      metadata: { plan_id: String(plans.pro.id) },
    });
    expect(changed.body.planId).toBe(plans.pro.id);
    // Stripe bills the proration: no upgrade line on our draft.
    expect(await prisma.invoiceItem.count({ where: { invoice: { customerId: customer.id } } })).toBe(0);

    server.reset();
    const cancelling = await post(`${SUBS}/${id}/cancel`, { atPeriodEnd: true });
    expect(cancelling.body.cancelAtPeriodEnd).toBe(true);
    expect(server.calls("POST", new RegExp(`^/v1/subscriptions/${stripeId}$`)).map((c) => c.body)).toEqual([
      { cancel_at_period_end: "true" },
    ]);

    server.reset();
    const reactivated = await post(`${SUBS}/${id}/reactivate`);
    expect(reactivated.body.cancelAtPeriodEnd).toBe(false);
    expect(server.calls("POST", new RegExp(`^/v1/subscriptions/${stripeId}$`)).map((c) => c.body)).toEqual([
      { cancel_at_period_end: "false" },
    ]);

    server.reset();
    const ended = await post(`${SUBS}/${id}/cancel`, { atPeriodEnd: false });
    expect(ended.body.status).toBe("cancelled");
    expect(server.calls("DELETE", new RegExp(`^/v1/subscriptions/${stripeId}$`))).toHaveLength(1);
    expect((server.get(stripeId) as { status: string }).status).toBe("canceled");
  });

  it("answers Stripe's refusal as a 502 with Stripe's message and writes nothing; a retry reuses the Stripe customer", async () => {
    const customer = await makeCustomer(prisma);
    const audited = () => prisma.adminActivityLog.count();
    const auditBefore = await audited();
    server.failNext({
      method: "POST",
      path: /^\/v1\/subscriptions$/,
      status: 402,
      error: { type: "card_error", code: "card_declined", message: "Your card was declined." },
    });
    const refused = await post(SUBS, { customerId: customer.id, planId: plans.starter.id });
    expect(refused.status).toBe(502);
    expect(refused.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 502, detail: "Stripe (HTTP 402): Your card was declined." });

    expect(await prisma.customerSubscription.count({ where: { customerId: customer.id } })).toBe(0);
    expect(await prisma.subscriptionHistory.count({ where: { customerId: customer.id } })).toBe(0);
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).stripeCustomerId).toBeNull();
    expect(await audited()).toBe(auditBefore);
    const firstCustomer = server.calls("POST", /^\/v1\/customers$/)[0]!;

    const retried = await post(SUBS, { customerId: customer.id, planId: plans.starter.id });
    expect(retried.status).toBe(201);
    const calls = server.calls("POST", /^\/v1\/customers$/);
    expect(calls.map((c) => c.idempotencyKey)).toEqual([`customer-${customer.id}`, `customer-${customer.id}`]);
    const stored = (await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).stripeCustomerId;
    // Stripe answered the retried key with the customer it made the first time.
    expect(firstCustomer.idempotencyKey).toBe(`customer-${customer.id}`);
    expect([...server.objects.values()].filter((o) => o.object === "customer" && o.id === stored)).toHaveLength(1);
    expect(
      [...server.objects.values()].filter(
        (o) => o.object === "customer" && (o.metadata as { customer_id?: string }).customer_id === String(customer.id),
      ),
    ).toHaveLength(1);

    // A refused plan change leaves the plan and the history as they were.
    server.failNext({
      method: "POST",
      path: /^\/v1\/subscriptions\/sub_/,
      status: 400,
      error: { type: "invalid_request_error", message: "This subscription cannot be updated." },
    });
    const id = retried.body.id as number;
    const change = await post(`${SUBS}/${id}/change-plan`, { planId: plans.pro.id });
    expect(change.status).toBe(502);
    expect(change.body.detail).toBe("Stripe (HTTP 400): This subscription cannot be updated.");
    const after = await prisma.customerSubscription.findUniqueOrThrow({ where: { id }, include: { history: true } });
    expect(after.planId).toBe(plans.starter.id);
    expect(after.history.map((h) => h.reason)).toEqual(["created"]);
  });
});

/** An issued invoice of `customerId`: a draft with these lines, issued by the invoicing. */
async function issuedInvoice(
  customerId: number,
  lines: { description: string; quantity: number; unitPrice: string }[],
) {
  const draft = await prisma.invoice.create({
    data: {
      customerId,
      invoiceNumber: `LCD-DRAFT-${customerId}-push-${Date.now()}`,
      amount: "0",
      totalAmount: "0",
      status: "draft",
      items: {
        create: lines.map((l) => ({
          description: l.description,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
          totalPrice: new Prisma.Decimal(l.unitPrice).mul(l.quantity),
        })),
      },
    },
  });
  return prisma.$transaction((tx) => issueInvoice(tx, draft.id, new Date("2026-11-25T09:00:00Z")));
}

describe("pushing issued invoices to Stripe", () => {
  it("pushes an invoice once, even twice at once: its lines, the VAT, our number, finalized", async () => {
    const customer = await makeCustomer(prisma);
    // 29.00 + 2 x 6.00 = 41.00; VAT 20% = 8.20; total 49.20.
    const invoice = await issuedInvoice(customer.id, [
      { description: "Starter (monthly)", quantity: 1, unitPrice: "29.00" },
      { description: "AI request #7 (content)", quantity: 2, unitPrice: "6.00" },
    ]);
    expect([invoice.amount.toFixed(2), invoice.taxAmount.toFixed(2), invoice.totalAmount.toFixed(2)]).toEqual([
      "41.00",
      "8.20",
      "49.20",
    ]);
    const stripe = stripeFor(t.deps.config)!;
    const outcomes = await Promise.all([
      pushInvoice({ prisma, stripe }, invoice.id),
      pushInvoice({ prisma, stripe }, invoice.id),
    ]);
    expect(outcomes.map((o) => o.result).sort()).toEqual(["already_pushed", "pushed"]);

    const [create] = server.calls("POST", /^\/v1\/invoices$/);
    expect(server.calls("POST", /^\/v1\/invoices$/)).toHaveLength(1);
    expect(create!.body).toMatchObject({
      currency: "eur",
      collection_method: "send_invoice",
      auto_advance: "false",
      pending_invoice_items_behavior: "exclude",
      number: invoice.invoiceNumber,
      metadata: { invoice_id: String(invoice.id), invoice_number: invoice.invoiceNumber },
    });
    expect(create!.idempotencyKey).toBe(`invoice-${invoice.id}-create`);
    const items = server.calls("POST", /^\/v1\/invoiceitems$/);
    expect(items.map((c) => [c.body.amount, c.body.description, c.idempotencyKey])).toEqual([
      ["2900", "Starter (monthly)", expect.stringMatching(new RegExp(`^invoice-${invoice.id}-item-\\d+$`))],
      ["1200", "AI request #7 (content) (x2)", expect.stringMatching(new RegExp(`^invoice-${invoice.id}-item-\\d+$`))],
      ["820", "TVA / VAT", `invoice-${invoice.id}-vat`],
    ]);
    expect(server.calls("POST", /\/finalize$/)).toHaveLength(1);

    const after = await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    const remote = server.get(after.stripeInvoiceId!) as { status: string; total: number; number: string };
    // Stripe's total is ours, to the cent.
    expect(remote).toMatchObject({ status: "open", total: 4920, number: invoice.invoiceNumber });
    expect(
      await prisma.adminActivityLog.count({ where: { action: "stripe.invoice_push", resourceId: invoice.id } }),
    ).toBe(1);
  });

  it("a push that fails halfway, pushed again, makes no duplicate in Stripe", async () => {
    const customer = await makeCustomer(prisma);
    const invoice = await issuedInvoice(customer.id, [
      { description: "Pro (monthly)", quantity: 1, unitPrice: "99.00" },
    ]);
    server.failNext({
      method: "POST",
      path: /\/finalize$/,
      status: 400,
      error: { type: "invalid_request_error", message: "Invoice cannot be finalized right now." },
    });
    const stripe = stripeFor(t.deps.config)!;
    await expect(pushInvoice({ prisma, stripe }, invoice.id)).rejects.toBeInstanceOf(AppError);
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).stripeInvoiceId).toBeNull();

    expect(await pushInvoice({ prisma, stripe }, invoice.id)).toMatchObject({ result: "pushed" });
    const stripeId = (await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).stripeInvoiceId!;
    const remote = server.get(stripeId) as { lines: { data: { amount: number }[] }; total: number };
    // 99.00 + 19.80 VAT: two lines, not four.
    expect(remote.lines.data.map((l) => l.amount)).toEqual([9_900, 1_980]);
    expect(remote.total).toBe(11_880);
    expect(
      [...server.objects.values()].filter(
        (o) => o.object === "invoice" && (o.metadata as { invoice_id?: string }).invoice_id === String(invoice.id),
      ),
    ).toHaveLength(1);
  });

  it("leaves drafts and settled invoices alone", async () => {
    const customer = await makeCustomer(prisma);
    const draft = await prisma.invoice.create({
      data: {
        customerId: customer.id,
        invoiceNumber: `LCD-DRAFT-${customer.id}-x`,
        amount: "0",
        totalAmount: "0",
        status: "draft",
      },
    });
    const paid = await issuedInvoice(customer.id, [
      { description: "Starter (monthly)", quantity: 1, unitPrice: "29.00" },
    ]);
    await prisma.invoice.update({
      where: { id: paid.id },
      data: { status: "paid", paidAt: new Date(), paymentMethod: "transfer" },
    });
    const stripe = stripeFor(t.deps.config)!;
    expect(await pushInvoice({ prisma, stripe }, draft.id)).toEqual({ result: "skipped", reason: "not issued yet" });
    expect(await pushInvoice({ prisma, stripe }, paid.id)).toEqual({ result: "skipped", reason: "already paid" });
    expect(server.calls("POST", /^\/v1\/invoices$/)).toHaveLength(0);
  });

  it("pushes through the billing queue's job", async () => {
    const { config, log } = t.deps;
    const workers: Workers = startWorkers({ prisma, log, config, queues: t.deps.queues });
    try {
      const customer = await makeCustomer(prisma);
      const invoice = await issuedInvoice(customer.id, [
        { description: "Starter (monthly)", quantity: 1, unitPrice: "29.00" },
      ]);
      await enqueueInvoicePush(t.deps.queues, invoice.id);
      const deadline = Date.now() + 15_000;
      let stripeId: string | null = null;
      while (!stripeId && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        stripeId = (await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).stripeInvoiceId;
      }
      expect(stripeId).toMatch(/^in_/);
      expect((server.get(stripeId!) as { total: number }).total).toBe(3_480);
    } finally {
      await workers.close();
    }
  });
});
