// Subscriptions (issue 5, item 2): create, change plan, cancel (at period end or now), suspend, reactivate,
// and the renewal that rolls periods forward. Every change writes, in one transaction, the subscription,
// its subscription_history row (the MRR history the revenue metrics read) and its audit row. When Stripe
// is configured, the change is made in Stripe inside that transaction first: a Stripe error leaves nothing
// written here.
//
// Proration rule: a plan change applies at once. An upgrade charges the price difference for the days
// left in the current period, (new - old) x days left / days in the period, half-up to cents, as a line
// on the customer's draft invoice of the month; a downgrade gives no credit. The billing interval is
// chosen at creation: changing it means cancelling and subscribing again. Stripe-managed subscriptions
// are prorated by Stripe.
import type {
  BillingInterval,
  BillingPlan,
  CustomerSubscription,
  Prisma,
  PrismaClient,
  SubscriptionStatus,
} from "@prisma/client";
import { writeAudit } from "../../lib/audit.js";
import { AppError } from "../../lib/errors.js";
import { cents } from "./money.js";
import { daysBetween, periodAt } from "./periods.js";
import { periodPrice, subscriptionMrr } from "./mrr.js";
import { lockDraftInvoice } from "./invoicing/draft-invoice.js";
import { recomputeInvoiceTotals } from "./invoicing/invoice-totals.js";
import { requirePermission } from "../../modules/auth/current-admin.js";

/** Statuses of a subscription that is still running (at most one per customer, enforced by an index). */
export const LIVE_STATUSES: readonly SubscriptionStatus[] = ["active", "past_due", "trialing", "suspended"];
const ENDED: readonly SubscriptionStatus[] = ["cancelled", "expired"];

/**
 * What Stripe does for a subscription change, called inside the transaction before it commits (see
 * src/modules/billing/stripe). Absent when STRIPE_SECRET_KEY is not set.
 */
export interface SubscriptionGateway {
  create(
    tx: Prisma.TransactionClient,
    sub: CustomerSubscription,
    plan: BillingPlan,
  ): Promise<
    Partial<
      Pick<
        CustomerSubscription,
        "stripeSubscriptionId" | "currentPeriodStart" | "currentPeriodEnd" | "status" | "trialEnd"
      >
    >
  >;
  changePlan(tx: Prisma.TransactionClient, sub: CustomerSubscription, plan: BillingPlan): Promise<void>;
  cancel(tx: Prisma.TransactionClient, sub: CustomerSubscription, when: "period_end" | "now"): Promise<void>;
  reactivate(tx: Prisma.TransactionClient, sub: CustomerSubscription): Promise<void>;
}

export interface BillingDeps {
  prisma: PrismaClient;
  subscriptionGateway?: SubscriptionGateway | null;
}

/** Stripe calls run inside the transaction: give it Stripe's own retry budget rather than 5 s. */
const txOptions = (deps: BillingDeps) => (deps.subscriptionGateway ? { timeout: 30_000, maxWait: 10_000 } : undefined);

/** The acting admin must hold billing.create_invoice (billing's write permission). */
function requireWriter(): void {
  requirePermission("billing", "create_invoice");
}

/** The audit row of a subscription change. */
function auditSubscription(
  tx: Prisma.TransactionClient,
  action: string,
  id: number,
  before: CustomerSubscription | null,
  after: CustomerSubscription,
): Promise<void> {
  return writeAudit(tx, { action, resourceType: "customer_subscriptions", resourceId: id, before, after });
}

/** Appends the subscription's state from `at` to its MRR history. */
export async function recordHistory(
  tx: Prisma.TransactionClient,
  sub: Pick<CustomerSubscription, "id" | "customerId" | "planId" | "status" | "billingInterval">,
  reason: string,
  at: Date,
): Promise<void> {
  const plan = await tx.billingPlan.findUniqueOrThrow({ where: { id: sub.planId } });
  await tx.subscriptionHistory.create({
    data: {
      subscriptionId: sub.id,
      customerId: sub.customerId,
      planId: sub.planId,
      status: sub.status,
      billingInterval: sub.billingInterval,
      mrr: subscriptionMrr(plan, sub.billingInterval, sub.status),
      validFrom: at,
      reason,
    },
  });
}

/** Where the subscription's current run of periods is anchored: its start, or its last reactivation. */
export async function periodAnchor(
  db: Pick<PrismaClient, "subscriptionHistory"> | Prisma.TransactionClient,
  sub: Pick<CustomerSubscription, "id" | "startedAt">,
): Promise<Date> {
  const last = await db.subscriptionHistory.findFirst({
    where: { subscriptionId: sub.id, reason: "reactivated" },
    orderBy: { validFrom: "desc" },
    select: { validFrom: true },
  });
  return last?.validFrom ?? sub.startedAt;
}

async function lockSubscription(tx: Prisma.TransactionClient, id: number): Promise<CustomerSubscription> {
  const locked = await tx.$queryRaw<
    { id: number }[]
  >`SELECT id FROM customer_subscriptions WHERE id = ${id} FOR UPDATE`;
  if (!locked.length) throw new AppError("not_found", `Subscription #${id} does not exist`);
  return tx.customerSubscription.findUniqueOrThrow({ where: { id } });
}

async function activePlan(tx: Prisma.TransactionClient, planId: number, field: string): Promise<BillingPlan> {
  const plan = await tx.billingPlan.findUnique({ where: { id: planId } });
  if (!plan) throw new AppError("validation", "No such plan", [{ field, message: `plan #${planId} does not exist` }]);
  if (plan.status !== "active") {
    throw new AppError("validation", "Archived plan", [{ field, message: `plan "${plan.name}" is archived` }]);
  }
  return plan;
}

/** customers.plan_type mirrors the plan when its name is one of the plan types. */
export async function mirrorPlanType(tx: Prisma.TransactionClient, customerId: number, planName: string | null) {
  const type = planName?.toLowerCase() ?? "free";
  if (!["free", "starter", "pro", "enterprise"].includes(type)) return;
  await tx.customer.update({ where: { id: customerId }, data: { planType: type as "free" } });
}

export interface CreateSubscriptionInput {
  customerId: number;
  planId: number;
  billingInterval: BillingInterval;
  /** Defaults to now. */
  startedAt?: Date;
}

export async function createSubscription(
  deps: BillingDeps,
  input: CreateSubscriptionInput,
): Promise<CustomerSubscription> {
  requireWriter();
  const startedAt = input.startedAt ?? new Date();
  return deps.prisma.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: input.customerId } });
    if (!customer) {
      throw new AppError("validation", "No such customer", [
        { field: "customerId", message: `customer #${input.customerId} does not exist` },
      ]);
    }
    // Serialises subscribing the same customer twice; the partial unique index backs this up.
    await tx.$queryRaw`SELECT id FROM customers WHERE id = ${customer.id} FOR UPDATE`;
    const live = await tx.customerSubscription.findFirst({
      where: { customerId: customer.id, status: { in: [...LIVE_STATUSES] } },
      select: { id: true },
    });
    if (live) throw new AppError("conflict", `Customer #${customer.id} already has subscription #${live.id}`);
    const plan = await activePlan(tx, input.planId, "planId");
    if (periodPrice(plan, input.billingInterval) === null) {
      throw new AppError("validation", "Plan has no such price", [
        { field: "billingInterval", message: `plan "${plan.name}" has no ${input.billingInterval} price` },
      ]);
    }
    const period = periodAt(startedAt, input.billingInterval, startedAt);
    let sub = await tx.customerSubscription.create({
      data: {
        customerId: customer.id,
        planId: plan.id,
        billingInterval: input.billingInterval,
        status: "active",
        startedAt,
        currentPeriodStart: period.start,
        currentPeriodEnd: period.end,
      },
    });
    if (deps.subscriptionGateway) {
      const fromStripe = await deps.subscriptionGateway.create(tx, sub, plan);
      sub = await tx.customerSubscription.update({ where: { id: sub.id }, data: fromStripe });
    }
    await recordHistory(tx, sub, "created", startedAt);
    await mirrorPlanType(tx, customer.id, plan.name);
    await auditSubscription(tx, "subscription.create", sub.id, null, sub);
    return sub;
  }, txOptions(deps));
}

/** The proration line of an upgrade at `at` (null for a downgrade or a same-price change). */
export function upgradeProration(
  from: Pick<BillingPlan, "priceMonthly" | "priceYearly">,
  to: Pick<BillingPlan, "priceMonthly" | "priceYearly">,
  interval: BillingInterval,
  period: { start: Date; end: Date },
  at: Date,
): { amount: ReturnType<typeof cents>; daysLeft: number; periodDays: number } | null {
  const oldPrice = periodPrice(from, interval);
  const newPrice = periodPrice(to, interval);
  if (oldPrice === null || newPrice === null || !newPrice.gt(oldPrice)) return null;
  const periodDays = daysBetween(period.start, period.end);
  const daysLeft = Math.max(0, Math.min(periodDays, daysBetween(at, period.end)));
  const amount = cents(newPrice.sub(oldPrice).mul(daysLeft).div(periodDays));
  return amount.isZero() ? null : { amount, daysLeft, periodDays };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function changePlan(
  deps: BillingDeps,
  id: number,
  planId: number,
  at: Date = new Date(),
): Promise<CustomerSubscription> {
  requireWriter();
  return deps.prisma.$transaction(async (tx) => {
    const before = await lockSubscription(tx, id);
    if (!["active", "past_due", "trialing"].includes(before.status)) {
      throw new AppError("conflict", `Subscription #${id} is ${before.status}`);
    }
    if (before.planId === planId) {
      throw new AppError("validation", "Same plan", [
        { field: "planId", message: "the subscription is already on this plan" },
      ]);
    }
    const [from, to] = [
      await tx.billingPlan.findUniqueOrThrow({ where: { id: before.planId } }),
      await activePlan(tx, planId, "planId"),
    ];
    if (periodPrice(to, before.billingInterval) === null) {
      throw new AppError("validation", "Plan has no such price", [
        { field: "planId", message: `plan "${to.name}" has no ${before.billingInterval} price` },
      ]);
    }
    if (deps.subscriptionGateway && before.stripeSubscriptionId) {
      await deps.subscriptionGateway.changePlan(tx, before, to);
    } else if (before.status !== "trialing") {
      const period = periodAt(await periodAnchor(tx, before), before.billingInterval, at);
      const proration = upgradeProration(from, to, before.billingInterval, period, at);
      if (proration) {
        const invoiceId = await lockDraftInvoice(tx, before.customerId, at);
        await tx.invoiceItem.create({
          data: {
            invoiceId,
            description: `Upgrade ${from.name} -> ${to.name}, ${day(at)} to ${day(period.end)} (${proration.daysLeft}/${proration.periodDays} days)`,
            quantity: 1,
            unitPrice: proration.amount,
            totalPrice: proration.amount,
          },
        });
        await recomputeInvoiceTotals(tx, invoiceId);
      }
    }
    const after = await tx.customerSubscription.update({ where: { id }, data: { planId: to.id } });
    await recordHistory(tx, after, "plan_changed", at);
    await mirrorPlanType(tx, after.customerId, to.name);
    await auditSubscription(tx, "subscription.change_plan", id, before, after);
    return after;
  }, txOptions(deps));
}

export async function cancelSubscription(
  deps: BillingDeps,
  id: number,
  when: "period_end" | "now",
  at: Date = new Date(),
): Promise<CustomerSubscription> {
  requireWriter();
  return deps.prisma.$transaction(async (tx) => {
    const before = await lockSubscription(tx, id);
    if (ENDED.includes(before.status)) throw new AppError("conflict", `Subscription #${id} is ${before.status}`);
    if (when === "period_end" && before.cancelAtPeriodEnd) {
      throw new AppError("conflict", `Subscription #${id} already ends at the end of its period`);
    }
    if (deps.subscriptionGateway && before.stripeSubscriptionId)
      await deps.subscriptionGateway.cancel(tx, before, when);
    const after = await tx.customerSubscription.update({
      where: { id },
      data:
        when === "now" ? { status: "cancelled", endedAt: at, cancelAtPeriodEnd: false } : { cancelAtPeriodEnd: true },
    });
    if (when === "now") {
      await recordHistory(tx, after, "cancelled", at);
      await mirrorPlanType(tx, after.customerId, null);
    }
    await auditSubscription(
      tx,
      when === "now" ? "subscription.cancel_now" : "subscription.cancel_at_period_end",
      id,
      before,
      after,
    );
    return after;
  }, txOptions(deps));
}

/** Suspends a running subscription (unpaid invoices): it leaves MRR until reactivated. */
export async function suspendSubscription(deps: BillingDeps, id: number, at: Date = new Date()) {
  requireWriter();
  return deps.prisma.$transaction(async (tx) => {
    const before = await lockSubscription(tx, id);
    if (!["active", "past_due", "trialing"].includes(before.status)) {
      throw new AppError("conflict", `Subscription #${id} is ${before.status}`);
    }
    const after = await tx.customerSubscription.update({ where: { id }, data: { status: "suspended" } });
    await recordHistory(tx, after, "suspended", at);
    await auditSubscription(tx, "subscription.suspend", id, before, after);
    return after;
  }, txOptions(deps));
}

/**
 * Undoes a scheduled cancellation, or restarts a suspended, cancelled or expired subscription: a
 * restarted one begins a new run of periods at `at` (billed from then), unless the customer has another
 * running subscription.
 */
export async function reactivateSubscription(deps: BillingDeps, id: number, at: Date = new Date()) {
  requireWriter();
  return deps.prisma.$transaction(async (tx) => {
    const before = await lockSubscription(tx, id);
    if (before.status === "active" || before.status === "past_due" || before.status === "trialing") {
      if (!before.cancelAtPeriodEnd) throw new AppError("conflict", `Subscription #${id} is ${before.status}`);
      if (deps.subscriptionGateway && before.stripeSubscriptionId)
        await deps.subscriptionGateway.reactivate(tx, before);
      const after = await tx.customerSubscription.update({ where: { id }, data: { cancelAtPeriodEnd: false } });
      await auditSubscription(tx, "subscription.reactivate", id, before, after);
      return after;
    }
    const other = await tx.customerSubscription.findFirst({
      where: { customerId: before.customerId, id: { not: id }, status: { in: [...LIVE_STATUSES] } },
      select: { id: true },
    });
    if (other) throw new AppError("conflict", `Customer #${before.customerId} already has subscription #${other.id}`);
    const plan = await activePlan(tx, before.planId, "planId");
    if (deps.subscriptionGateway && before.stripeSubscriptionId) await deps.subscriptionGateway.reactivate(tx, before);
    const restart = before.status !== "suspended";
    const period = restart ? periodAt(at, before.billingInterval, at) : null;
    const after = await tx.customerSubscription.update({
      where: { id },
      data: {
        status: "active",
        endedAt: null,
        cancelAtPeriodEnd: false,
        ...(period ? { currentPeriodStart: period.start, currentPeriodEnd: period.end } : {}),
      },
    });
    await recordHistory(tx, after, restart ? "reactivated" : "resumed", at);
    await mirrorPlanType(tx, after.customerId, plan.name);
    await auditSubscription(tx, "subscription.reactivate", id, before, after);
    return after;
  }, txOptions(deps));
}

/**
 * Rolls the periods of local (not Stripe-managed) subscriptions forward to `now`, and ends those that
 * were to cancel at the end of their period. Idempotent; run hourly and before each monthly invoicing.
 */
export async function renewSubscriptions(
  prisma: PrismaClient,
  now: Date = new Date(),
): Promise<{ renewed: number; ended: number }> {
  const due = await prisma.customerSubscription.findMany({
    where: {
      stripeSubscriptionId: null,
      status: { in: ["active", "past_due", "trialing"] },
      currentPeriodEnd: { lte: now },
    },
    select: { id: true },
  });
  let renewed = 0;
  let ended = 0;
  for (const { id } of due) {
    await prisma.$transaction(async (tx) => {
      const before = await lockSubscription(tx, id);
      if (!before.currentPeriodEnd || before.currentPeriodEnd > now || ENDED.includes(before.status)) return;
      if (before.cancelAtPeriodEnd) {
        const after = await tx.customerSubscription.update({
          where: { id },
          data: { status: "cancelled", endedAt: before.currentPeriodEnd, cancelAtPeriodEnd: false },
        });
        await recordHistory(tx, after, "cancelled", before.currentPeriodEnd);
        await mirrorPlanType(tx, after.customerId, null);
        await auditSubscription(tx, "subscription.end", id, before, after);
        ended += 1;
        return;
      }
      const period = periodAt(await periodAnchor(tx, before), before.billingInterval, now);
      await tx.customerSubscription.update({
        where: { id },
        data: { currentPeriodStart: period.start, currentPeriodEnd: period.end },
      });
      renewed += 1;
    });
  }
  return { renewed, ended };
}
