// The MRR history of the demo subscriptions (subscription_history): one row per state, as the
// subscription service writes them: created, plan changes, suspensions and resumptions, and the end of a
// cancelled or suspended subscription, each with what it adds to MRR (src/modules/billing/mrr.ts).
import type { Prisma, SubscriptionStatus } from "@prisma/client";
import { subscriptionMrr } from "../../src/modules/billing/mrr.js";
import { planAt, type DemoSubscription, type PlanSpec } from "./customers.js";

interface State {
  at: Date;
  status: SubscriptionStatus;
  plan: PlanSpec;
  reason: string;
}

function states(sub: DemoSubscription): State[] {
  const changes: State[] = [
    ...sub.planChanges.map((c) => ({ at: c.at, status: "active" as const, plan: c.plan, reason: "plan_changed" })),
    ...sub.pauses.flatMap((p) => [
      { at: p.from, status: "suspended" as const, plan: planAt(sub, p.from), reason: "suspended" },
      { at: p.until, status: "active" as const, plan: planAt(sub, p.until), reason: "resumed" },
    ]),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const out: State[] = [{ at: sub.startedAt, status: "active", plan: sub.initialPlan, reason: "created" }, ...changes];
  if (sub.endedAt && (sub.status === "cancelled" || sub.status === "suspended")) {
    out.push({ at: sub.endedAt, status: sub.status, plan: sub.plan, reason: sub.status });
  }
  return out;
}

export function buildSubscriptionHistory(
  subs: readonly DemoSubscription[],
): Prisma.SubscriptionHistoryCreateManyInput[] {
  const rows = subs.flatMap((sub) =>
    states(sub).map((s) => {
      const interval = sub.yearly ? "yearly" : "monthly";
      return {
        subscriptionId: sub.id,
        customerId: sub.customerId,
        planId: s.plan.id,
        status: s.status,
        billingInterval: interval,
        mrr: subscriptionMrr({ priceMonthly: s.plan.monthly, priceYearly: s.plan.yearly }, interval, s.status),
        validFrom: s.at,
        reason: s.reason,
        createdAt: s.at,
      } satisfies Prisma.SubscriptionHistoryCreateManyInput;
    }),
  );
  rows.sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime() || a.subscriptionId - b.subscriptionId);
  return rows.map((row, i) => ({ id: i + 1, ...row }));
}
