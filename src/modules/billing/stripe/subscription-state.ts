// A Stripe subscription's current state, read into ours: status, periods, cancellation, trial, plan (by
// product) and interval. The webhook processor re-fetches the subscription and applies what this reads,
// so events arriving late or out of order still leave the subscription as Stripe has it now.
import type { BillingInterval, CustomerSubscription, Prisma, SubscriptionStatus } from "@prisma/client";
import type Stripe from "stripe";
import { writeAudit } from "../../../lib/audit.js";
import { LIVE_STATUSES, mirrorPlanType, recordHistory } from "../subscriptions.js";
import { fromStripeTime, idOf } from "./client.js";

/**
 * Stripe's statuses in ours. incomplete (first payment outstanding) counts as past_due; unpaid (Stripe
 * gave up retrying) and paused leave MRR as suspended; incomplete_expired never started: expired.
 */
const STATUS_OF: Record<string, SubscriptionStatus> = {
  active: "active",
  trialing: "trialing",
  past_due: "past_due",
  incomplete: "past_due",
  unpaid: "suspended",
  paused: "suspended",
  canceled: "cancelled",
  incomplete_expired: "expired",
};

export interface StripeSubscriptionState {
  status: SubscriptionStatus;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  trialEnd: Date | null;
  endedAt: Date | null;
  productId: string | null;
  billingInterval: BillingInterval | null;
}

export function stripeSubscriptionState(sub: Stripe.Subscription): StripeSubscriptionState {
  const status = STATUS_OF[sub.status];
  if (!status) throw new Error(`Unknown Stripe subscription status "${sub.status}"`);
  // One item per subscription here; its period is the subscription's.
  const item = sub.items?.data?.[0];
  const interval = item?.price?.recurring?.interval;
  return {
    status,
    currentPeriodStart: item?.current_period_start ? fromStripeTime(item.current_period_start) : null,
    currentPeriodEnd: item?.current_period_end ? fromStripeTime(item.current_period_end) : null,
    cancelAtPeriodEnd: Boolean(sub.cancel_at_period_end),
    trialEnd: sub.trial_end ? fromStripeTime(sub.trial_end) : null,
    endedAt: sub.ended_at ? fromStripeTime(sub.ended_at) : null,
    productId: item ? idOf(item.price?.product as string | { id: string } | null) : null,
    billingInterval: interval === "year" ? "yearly" : interval === "month" ? "monthly" : null,
  };
}

export type SyncOutcome =
  { result: "updated" | "unchanged" | "created"; subscriptionId: number } | { result: "ignored"; reason: string };

/** Thrown when the subscription is ours but its creating transaction has not committed yet: retry later. */
export class NotYetVisibleError extends Error {
  override name = "NotYetVisibleError";
}

const ENDED: readonly SubscriptionStatus[] = ["cancelled", "expired"];
const isLive = (status: SubscriptionStatus) => LIVE_STATUSES.includes(status);

async function lockByStripeId(tx: Prisma.TransactionClient, stripeId: string) {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM customer_subscriptions WHERE stripe_subscription_id = ${stripeId} FOR UPDATE`;
  return rows[0] ? tx.customerSubscription.findUniqueOrThrow({ where: { id: rows[0].id } }) : null;
}

/**
 * Applies Stripe's current state of a subscription in the caller's transaction: the row (created when
 * Stripe has a subscription of a known customer and plan that we do not), the MRR history when the
 * status, plan or interval changed, the customer's plan type and the audit trail.
 */
export async function applyStripeSubscription(
  tx: Prisma.TransactionClient,
  remote: Stripe.Subscription,
  at: Date = new Date(),
): Promise<SyncOutcome> {
  const state = stripeSubscriptionState(remote);
  const plan = state.productId
    ? await tx.billingPlan.findUnique({ where: { stripeProductId: state.productId }, select: { id: true, name: true } })
    : null;
  const local = await lockByStripeId(tx, remote.id);

  if (!local) {
    const ours = Number(remote.metadata?.subscription_id);
    if (Number.isSafeInteger(ours) && ours > 0) {
      const row = await tx.customerSubscription.findUnique({
        where: { id: ours },
        select: { stripeSubscriptionId: true },
      });
      // Created here, in a transaction that has not committed yet (or rolled back): the job retries.
      if (!row) throw new NotYetVisibleError(`Subscription #${ours} of Stripe ${remote.id} is not visible yet`);
      return { result: "ignored", reason: `Stripe ${remote.id} was replaced by ${row.stripeSubscriptionId ?? "none"}` };
    }
    const stripeCustomer = idOf(remote.customer as string | { id: string });
    const customer = stripeCustomer
      ? await tx.customer.findUnique({ where: { stripeCustomerId: stripeCustomer }, select: { id: true } })
      : null;
    if (!customer) return { result: "ignored", reason: `Stripe customer ${stripeCustomer} is not one of ours` };
    if (!plan) return { result: "ignored", reason: `Stripe product ${state.productId} is not one of our plans` };
    const created = await tx.customerSubscription.create({
      data: {
        customerId: customer.id,
        planId: plan.id,
        status: state.status,
        billingInterval: state.billingInterval ?? "monthly",
        startedAt: fromStripeTime(remote.start_date ?? remote.created),
        currentPeriodStart: state.currentPeriodStart,
        currentPeriodEnd: state.currentPeriodEnd,
        cancelAtPeriodEnd: state.cancelAtPeriodEnd,
        trialEnd: state.trialEnd,
        endedAt: state.endedAt,
        stripeSubscriptionId: remote.id,
      },
    });
    await recordHistory(tx, created, "created", created.startedAt);
    if (ENDED.includes(created.status)) await recordHistory(tx, created, "cancelled", state.endedAt ?? at);
    else await mirrorPlanType(tx, customer.id, plan.name);
    await writeAudit(tx, {
      action: "subscription.stripe_create",
      resourceType: "customer_subscriptions",
      resourceId: created.id,
      after: created,
    });
    return { result: "created", subscriptionId: created.id };
  }

  const data: Partial<CustomerSubscription> = {
    status: state.status,
    cancelAtPeriodEnd: state.cancelAtPeriodEnd,
    trialEnd: state.trialEnd,
    endedAt: state.endedAt,
    ...(state.currentPeriodStart ? { currentPeriodStart: state.currentPeriodStart } : {}),
    ...(state.currentPeriodEnd ? { currentPeriodEnd: state.currentPeriodEnd } : {}),
    ...(plan ? { planId: plan.id } : {}),
    ...(state.billingInterval ? { billingInterval: state.billingInterval } : {}),
  };
  const changed = (Object.keys(data) as (keyof typeof data)[]).filter(
    (key) => JSON.stringify(data[key]) !== JSON.stringify(local[key]),
  );
  if (!changed.length) return { result: "unchanged", subscriptionId: local.id };

  const after = await tx.customerSubscription.update({ where: { id: local.id }, data });
  const mrrChanged =
    after.status !== local.status || after.planId !== local.planId || after.billingInterval !== local.billingInterval;
  if (mrrChanged) {
    const ended = ENDED.includes(after.status) && !ENDED.includes(local.status);
    const restarted = isLive(after.status) && ENDED.includes(local.status);
    const reason = ended
      ? "cancelled"
      : restarted
        ? "reactivated"
        : after.planId !== local.planId
          ? "plan_changed"
          : "status_changed";
    await recordHistory(tx, after, reason, ended ? (after.endedAt ?? at) : at);
    if (ended) await mirrorPlanType(tx, after.customerId, null);
    else if (after.planId !== local.planId || restarted) {
      const name = plan?.name ?? (await tx.billingPlan.findUniqueOrThrow({ where: { id: after.planId } })).name;
      await mirrorPlanType(tx, after.customerId, name);
    }
  }
  await writeAudit(tx, {
    action: "subscription.stripe_sync",
    resourceType: "customer_subscriptions",
    resourceId: local.id,
    before: local,
    after,
  });
  return { result: "updated", subscriptionId: local.id };
}
