// The MRR definition the revenue page, the daily snapshots and the README share: the monthly-normalised
// price (yearly / 12) of active and past_due subscriptions, excluding tax, trials and free plans.
import type { BillingInterval, SubscriptionStatus } from "@prisma/client";
import { cents, money, ZERO, type Money } from "./money.js";

/** Statuses whose subscriptions count in MRR. */
export const MRR_STATUSES: readonly SubscriptionStatus[] = ["active", "past_due"];

export interface PricedPlan {
  priceMonthly: Money | string | null;
  priceYearly: Money | string | null;
}

/** The plan's price for one period of the interval (null when the plan has no price for it). */
export function periodPrice(plan: PricedPlan, interval: BillingInterval): Money | null {
  const price = interval === "yearly" ? plan.priceYearly : plan.priceMonthly;
  return price === null ? null : money(price);
}

/** What a subscription in this state adds to MRR, half-up to cents. */
export function subscriptionMrr(plan: PricedPlan, interval: BillingInterval, status: SubscriptionStatus): Money {
  if (!MRR_STATUSES.includes(status)) return ZERO;
  const price = periodPrice(plan, interval);
  if (price === null || price.isZero()) return ZERO;
  return cents(interval === "yearly" ? price.div(12) : price);
}
