// The fee rule of the monthly invoicing: a subscription is billed in advance per billing period. Each
// period whose start falls in the invoiced month is one line on that month's invoice, at the price
// (monthly or yearly, per the subscription's billing_interval) of the plan in effect at the period start
// according to subscription_history, described like "Pro (monthly) 2026-10-17 to 2026-11-17". Periods
// are nthPeriod(anchor, interval, k), the anchor being the subscription's start or its last
// "reactivated" history row (periodAnchor in subscriptions.ts; a period of an earlier run of periods
// counts only before the next reactivation). No line for a period that starts while the subscription is
// trialing, suspended or ended, or on a free plan (price 0 or none), and no fee line at all for a
// subscription with a stripe_subscription_id (Stripe bills its fee). Plain functions, unit-tested in
// fee-lines.test.ts.
import type { BillingInterval, SubscriptionStatus } from "@prisma/client";
import { cents, type Money } from "../money.js";
import { MRR_STATUSES, periodPrice, type PricedPlan } from "../mrr.js";
import { intervalMonths, nthPeriod } from "../periods.js";

/** One state of a subscription from `validFrom` (a subscription_history row). */
export interface SubscriptionState {
  planId: number;
  status: SubscriptionStatus;
  validFrom: Date;
  reason: string;
}

export interface FeeSubscription {
  id: number;
  planId: number;
  status: SubscriptionStatus;
  billingInterval: BillingInterval;
  startedAt: Date;
  stripeSubscriptionId: string | null;
}

export interface FeePlan extends PricedPlan {
  name: string;
}

export interface FeeLine {
  subscriptionId: number;
  description: string;
  unitPrice: Money;
  periodStart: Date;
  periodEnd: Date;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The state in effect at `at`: the last one that started at or before it (history sorted by time). */
export function stateAt(history: readonly SubscriptionState[], at: Date): SubscriptionState | null {
  let found: SubscriptionState | null = null;
  for (const state of history) {
    if (state.validFrom.getTime() > at.getTime()) break;
    found = state;
  }
  return found;
}

/**
 * The fee lines of one subscription on the invoice of `month` ([start, end), UTC), by the fee rule in
 * this file's header. `history` is the subscription's states in time order; a subscription without any
 * is taken as its own row in effect since its start.
 */
export function subscriptionFeeLines(
  sub: FeeSubscription,
  history: readonly SubscriptionState[],
  plans: ReadonlyMap<number, FeePlan>,
  month: { start: Date; end: Date },
): FeeLine[] {
  if (sub.stripeSubscriptionId) return [];
  const states: readonly SubscriptionState[] = history.length
    ? history
    : [{ planId: sub.planId, status: sub.status, validFrom: sub.startedAt, reason: "created" }];
  const anchors = [
    sub.startedAt,
    ...states.filter((s) => s.reason === "reactivated" && s.validFrom > sub.startedAt).map((s) => s.validFrom),
  ].sort((a, b) => a.getTime() - b.getTime());
  const months = intervalMonths(sub.billingInterval);
  const lines: FeeLine[] = [];
  anchors.forEach((anchor, i) => {
    const until = anchors[i + 1]?.getTime() ?? Number.POSITIVE_INFINITY;
    const monthsBefore =
      (month.start.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + month.start.getUTCMonth() - anchor.getUTCMonth();
    let k = Math.max(0, Math.floor(monthsBefore / months) - 1);
    while (nthPeriod(anchor, sub.billingInterval, k).start < month.start) k += 1;
    for (; ; k += 1) {
      const period = nthPeriod(anchor, sub.billingInterval, k);
      if (period.start >= month.end || period.start.getTime() >= until) break;
      const state = stateAt(states, period.start);
      if (!state || !MRR_STATUSES.includes(state.status)) continue;
      const plan = plans.get(state.planId);
      const price = plan ? periodPrice(plan, sub.billingInterval) : null;
      if (!plan || price === null || price.isZero()) continue;
      lines.push({
        subscriptionId: sub.id,
        description: `${plan.name} (${sub.billingInterval}) ${isoDay(period.start)} to ${isoDay(period.end)}`,
        unitPrice: cents(price),
        periodStart: period.start,
        periodEnd: period.end,
      });
    }
  });
  return lines;
}
