// Stripe's side of subscription changes (issue 5, item 5), the SubscriptionGateway of subscriptions.ts.
// Each call runs inside the service's transaction before it commits: a Stripe error becomes a 502
// problem with Stripe's message and the transaction rolls back, so nothing is written here.
//
// A plan is one Stripe product (billing_plans.stripe_product_id); its prices are sent as price_data on
// each subscription (EUR, the plan's monthly or yearly price in cents), so a price edited here applies
// to the next subscription or plan change without managing Stripe price objects. Subscriptions are
// invoiced by Stripe with the payment terms of the settings (collection by invoice, not card on file).
import type { BillingInterval, BillingPlan, CustomerSubscription, Prisma } from "@prisma/client";
import type Stripe from "stripe";
import { writeAudit } from "../../../lib/audit.js";
import { AppError } from "../../../lib/errors.js";
import { readSetting } from "../../settings/values.js";
import { periodPrice } from "../mrr.js";
import type { SubscriptionGateway } from "../subscriptions.js";
import { callStripe, stripeClientFor, toStripeAmount, type StripeClient } from "./client.js";
import type { Config } from "../../../config.js";
import { stripeSubscriptionState } from "./subscription-state.js";

/** The customer's Stripe customer, created (and stored) when missing. Runs in the caller's transaction. */
export async function ensureStripeCustomer(
  tx: Prisma.TransactionClient,
  stripe: StripeClient,
  customerId: number,
): Promise<string> {
  // Two changes for one customer at once would otherwise create two Stripe customers.
  await tx.$queryRaw`SELECT id FROM customers WHERE id = ${customerId} FOR UPDATE`;
  const customer = await tx.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { id: true, email: true, name: true, language: true, stripeCustomerId: true },
  });
  if (customer.stripeCustomerId) return customer.stripeCustomerId;
  const created = await callStripe(() =>
    stripe.customers.create(
      {
        email: customer.email,
        name: customer.name,
        preferred_locales: [customer.language],
        metadata: { customer_id: String(customer.id) },
      },
      // A rolled-back attempt retried within Stripe's 24 hours gets the same Stripe customer back.
      { idempotencyKey: `customer-${customer.id}` },
    ),
  );
  await tx.customer.update({ where: { id: customer.id }, data: { stripeCustomerId: created.id } });
  await writeAudit(tx, {
    action: "stripe.customer_link",
    resourceType: "customers",
    resourceId: customer.id,
    before: { stripeCustomerId: null },
    after: { stripeCustomerId: created.id },
  });
  return created.id;
}

/** The plan's Stripe product, created (and stored) when missing. Runs in the caller's transaction. */
export async function ensureStripeProduct(
  tx: Prisma.TransactionClient,
  stripe: StripeClient,
  planId: number,
): Promise<string> {
  await tx.$queryRaw`SELECT id FROM billing_plans WHERE id = ${planId} FOR UPDATE`;
  const plan = await tx.billingPlan.findUniqueOrThrow({ where: { id: planId } });
  if (plan.stripeProductId) return plan.stripeProductId;
  const created = await callStripe(() =>
    stripe.products.create(
      { name: plan.name, metadata: { plan_id: String(plan.id) } },
      { idempotencyKey: `plan-${plan.id}-product` },
    ),
  );
  await tx.billingPlan.update({ where: { id: plan.id }, data: { stripeProductId: created.id } });
  await writeAudit(tx, {
    action: "stripe.product_link",
    resourceType: "billing_plans",
    resourceId: plan.id,
    before: { stripeProductId: null },
    after: { stripeProductId: created.id },
  });
  return created.id;
}

const vatRates = new WeakMap<StripeClient, Map<string, string>>();

/**
 * The Stripe tax rate of the settings' VAT (billing.vat_rate, exclusive), found by its metadata or
 * created once: Stripe then adds the same VAT to the invoices it issues for subscriptions as we do.
 */
export async function vatTaxRate(tx: Prisma.TransactionClient, stripe: StripeClient): Promise<string> {
  const rate = await readSetting(tx, "billing.vat_rate");
  const cache = vatRates.get(stripe) ?? new Map<string, string>();
  vatRates.set(stripe, cache);
  const cached = cache.get(rate);
  if (cached) return cached;
  const active = await callStripe(() => stripe.taxRates.list({ active: true, limit: 100 }));
  const found = active.data.find((t) => t.metadata?.vat_rate === rate && !t.inclusive);
  const id =
    found?.id ??
    (
      await callStripe(() =>
        stripe.taxRates.create(
          {
            display_name: "TVA",
            description: `VAT ${rate}%`,
            // A percentage, not money: Stripe takes it as a decimal number.
            percentage: Number(rate),
            inclusive: false,
            metadata: { vat_rate: rate },
          },
          { idempotencyKey: `vat-rate-${rate}` },
        ),
      )
    ).id;
  cache.set(rate, id);
  return id;
}

const STRIPE_INTERVAL: Record<BillingInterval, "month" | "year"> = { monthly: "month", yearly: "year" };

/** The plan's price for the interval as Stripe price_data (EUR, cents, recurring). */
export function recurringPriceData(
  plan: Pick<BillingPlan, "name" | "priceMonthly" | "priceYearly">,
  interval: BillingInterval,
  productId: string,
): Stripe.SubscriptionCreateParams.Item.PriceData {
  const price = periodPrice(plan, interval);
  if (price === null) {
    throw new AppError("validation", "Plan has no such price", [
      { field: "billing_interval", message: `plan "${plan.name}" has no ${interval} price` },
    ]);
  }
  return {
    currency: "eur",
    product: productId,
    unit_amount: toStripeAmount(price),
    recurring: { interval: STRIPE_INTERVAL[interval] },
  };
}

function requireStripeId(sub: CustomerSubscription): string {
  if (!sub.stripeSubscriptionId) throw new AppError("conflict", `Subscription #${sub.id} is not managed by Stripe`);
  return sub.stripeSubscriptionId;
}

/**
 * A Stripe subscription for ours: its customer and the plan's product (created once), the price of the
 * interval, invoices sent with our payment terms and charged our VAT rate.
 */
async function subscriptionParams(
  tx: Prisma.TransactionClient,
  stripe: StripeClient,
  sub: CustomerSubscription,
  plan: BillingPlan,
): Promise<Stripe.SubscriptionCreateParams> {
  const customer = await ensureStripeCustomer(tx, stripe, sub.customerId);
  const product = await ensureStripeProduct(tx, stripe, plan.id);
  return {
    customer,
    items: [{ price_data: recurringPriceData(plan, sub.billingInterval, product) }],
    collection_method: "send_invoice",
    days_until_due: await readSetting(tx, "billing.payment_terms_days"),
    default_tax_rates: [await vatTaxRate(tx, stripe)],
    metadata: { subscription_id: String(sub.id), plan_id: String(plan.id) },
  };
}

export class StripeSubscriptionGateway implements SubscriptionGateway {
  constructor(readonly stripe: StripeClient) {}

  async create(tx: Prisma.TransactionClient, sub: CustomerSubscription, plan: BillingPlan) {
    const params = await subscriptionParams(tx, this.stripe, sub, plan);
    const created = await callStripe(() =>
      // The subscription id is never reused (a sequence), so the key names this one attempt.
      this.stripe.subscriptions.create(params, { idempotencyKey: `subscription-${sub.id}-create` }),
    );
    const state = stripeSubscriptionState(created);
    return {
      stripeSubscriptionId: created.id,
      status: state.status,
      currentPeriodStart: state.currentPeriodStart ?? sub.currentPeriodStart,
      currentPeriodEnd: state.currentPeriodEnd ?? sub.currentPeriodEnd,
      trialEnd: state.trialEnd,
    };
  }

  /** The subscription's single item moves to the new plan's price; Stripe prorates. */
  async changePlan(tx: Prisma.TransactionClient, sub: CustomerSubscription, plan: BillingPlan) {
    const id = requireStripeId(sub);
    const product = await ensureStripeProduct(tx, this.stripe, plan.id);
    const current = await callStripe(() => this.stripe.subscriptions.retrieve(id));
    const item = current.items.data[0];
    if (!item) throw new AppError("conflict", `Stripe subscription ${id} has no item to change`);
    await callStripe(() =>
      this.stripe.subscriptions.update(id, {
        items: [{ id: item.id, price_data: recurringPriceData(plan, sub.billingInterval, product) }],
        proration_behavior: "create_prorations",
        metadata: { plan_id: String(plan.id) },
      }),
    );
  }

  async cancel(_tx: Prisma.TransactionClient, sub: CustomerSubscription, when: "period_end" | "now") {
    const id = requireStripeId(sub);
    if (when === "now") await callStripe(() => this.stripe.subscriptions.cancel(id));
    else await callStripe(() => this.stripe.subscriptions.update(id, { cancel_at_period_end: true }));
  }

  /**
   * Undoes a scheduled cancellation. A subscription Stripe has ended cannot be revived there: a new
   * Stripe subscription on the same plan and interval takes its place (its id replaces the old one).
   */
  async reactivate(tx: Prisma.TransactionClient, sub: CustomerSubscription) {
    const id = requireStripeId(sub);
    const current = await callStripe(() => this.stripe.subscriptions.retrieve(id));
    if (current.status !== "canceled" && current.status !== "incomplete_expired") {
      if (current.cancel_at_period_end) {
        await callStripe(() => this.stripe.subscriptions.update(id, { cancel_at_period_end: false }));
      }
      return;
    }
    const plan = await tx.billingPlan.findUniqueOrThrow({ where: { id: sub.planId } });
    const params = await subscriptionParams(tx, this.stripe, sub, plan);
    const restarted = await callStripe(() =>
      this.stripe.subscriptions.create(params, { idempotencyKey: `subscription-${sub.id}-restart-${id}` }),
    );
    await tx.customerSubscription.update({ where: { id: sub.id }, data: { stripeSubscriptionId: restarted.id } });
    await writeAudit(tx, {
      action: "stripe.subscription_restart",
      resourceType: "customer_subscriptions",
      resourceId: sub.id,
      before: { stripeSubscriptionId: id },
      after: { stripeSubscriptionId: restarted.id },
    });
  }
}

const gateways = new WeakMap<StripeClient, StripeSubscriptionGateway>();

/** Stripe's side of subscription changes for this configuration, or null without STRIPE_SECRET_KEY. */
export function subscriptionGatewayFor(config: Config["stripe"]): SubscriptionGateway | null {
  const stripe = stripeClientFor(config);
  if (!stripe) return null;
  let gateway = gateways.get(stripe);
  if (!gateway) gateways.set(stripe, (gateway = new StripeSubscriptionGateway(stripe)));
  return gateway;
}
