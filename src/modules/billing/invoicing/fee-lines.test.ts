// The fee rule of the monthly invoicing (fee-lines.ts), without a database.
import type { SubscriptionStatus } from "@prisma/client";
import { money } from "../money.js";
import { monthPeriod } from "../periods.js";
import {
  stateAt,
  subscriptionFeeLines,
  type FeePlan,
  type FeeSubscription,
  type SubscriptionState,
} from "./fee-lines.js";

const d = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

const PLANS = new Map<number, FeePlan>([
  [1, { name: "Starter", priceMonthly: money("19.00"), priceYearly: money("190.00") }],
  [2, { name: "Pro", priceMonthly: money("49.00"), priceYearly: money("490.00") }],
  [3, { name: "Free", priceMonthly: money("0.00"), priceYearly: null }],
  [4, { name: "Legacy", priceMonthly: null, priceYearly: money("99.00") }],
]);

function sub(overrides: Partial<FeeSubscription> = {}): FeeSubscription {
  return {
    id: 7,
    planId: 1,
    status: "active",
    billingInterval: "monthly",
    startedAt: d("2026-01-31"),
    stripeSubscriptionId: null,
    ...overrides,
  };
}

const state = (
  validFrom: string,
  status: SubscriptionStatus,
  planId = 1,
  reason = "status_changed",
): SubscriptionState => ({
  planId,
  status,
  validFrom: d(validFrom),
  reason,
});

const lines = (s: FeeSubscription, history: SubscriptionState[], month: string) =>
  subscriptionFeeLines(s, history, PLANS, monthPeriod(month)).map((l) => [l.description, l.unitPrice.toFixed(2)]);

describe("subscriptionFeeLines", () => {
  const created = [state("2026-01-31", "active", 1, "created")];

  it("should bill each period starting in the month, clamped to short months without drifting", () => {
    expect(lines(sub(), created, "2026-01")).toEqual([["Starter (monthly) 2026-01-31 to 2026-02-28", "19.00"]]);
    expect(lines(sub(), created, "2026-02")).toEqual([["Starter (monthly) 2026-02-28 to 2026-03-31", "19.00"]]);
    expect(lines(sub(), created, "2026-03")).toEqual([["Starter (monthly) 2026-03-31 to 2026-04-30", "19.00"]]);
    expect(lines(sub(), created, "2025-12")).toEqual([]);
  });

  it("should bill a yearly subscription in its anniversary month only, at the yearly price", () => {
    const yearly = sub({ billingInterval: "yearly", startedAt: d("2025-10-12"), planId: 2 });
    const history = [state("2025-10-12", "active", 2, "created")];
    expect(lines(yearly, history, "2026-10")).toEqual([["Pro (yearly) 2026-10-12 to 2027-10-12", "490.00"]]);
    for (const month of ["2026-09", "2026-11", "2027-03"]) expect(lines(yearly, history, month)).toEqual([]);
  });

  it("should price a period at the plan in effect at its start", () => {
    const history = [...created, state("2026-03-10", "active", 2, "plan_changed")];
    expect(lines(sub(), history, "2026-02")).toEqual([["Starter (monthly) 2026-02-28 to 2026-03-31", "19.00"]]);
    expect(lines(sub(), history, "2026-03")).toEqual([["Pro (monthly) 2026-03-31 to 2026-04-30", "49.00"]]);
    // A change at the very instant a period starts applies to that period.
    expect(lines(sub(), [...created, state("2026-02-28", "active", 2, "plan_changed")], "2026-02")).toEqual([
      ["Pro (monthly) 2026-02-28 to 2026-03-31", "49.00"],
    ]);
  });

  it("should skip periods that start while trialing, suspended, cancelled or expired, and bill past_due", () => {
    const at = (status: SubscriptionStatus) => lines(sub(), [...created, state("2026-04-15", status)], "2026-05");
    expect(at("trialing")).toEqual([]);
    expect(at("suspended")).toEqual([]);
    expect(at("cancelled")).toEqual([]);
    expect(at("expired")).toEqual([]);
    expect(at("past_due")).toEqual([["Starter (monthly) 2026-05-31 to 2026-06-30", "19.00"]]);
    // A period starting the very instant a subscription ends (end of its last period) is not billed.
    expect(lines(sub(), [...created, state("2026-05-31", "cancelled")], "2026-05")).toEqual([]);
  });

  it("should bill nothing on a free plan or a plan without a price for the interval", () => {
    expect(lines(sub({ planId: 3 }), [state("2026-01-31", "active", 3, "created")], "2026-02")).toEqual([]);
    expect(lines(sub({ planId: 4 }), [state("2026-01-31", "active", 4, "created")], "2026-02")).toEqual([]);
  });

  it("should bill no fee for a subscription Stripe manages", () => {
    expect(lines(sub({ stripeSubscriptionId: "sub_123" }), created, "2026-02")).toEqual([]);
  });

  it("should restart the periods at a reactivation, and bill the earlier run only before it", () => {
    const history = [
      ...created,
      state("2026-02-10", "cancelled", 1, "cancelled"),
      state("2026-04-20", "active", 1, "reactivated"),
    ];
    // Mar 31 starts while cancelled; Apr 20 starts a new run of periods.
    expect(lines(sub(), history, "2026-03")).toEqual([]);
    expect(lines(sub(), history, "2026-04")).toEqual([["Starter (monthly) 2026-04-20 to 2026-05-20", "19.00"]]);
    expect(lines(sub(), history, "2026-05")).toEqual([["Starter (monthly) 2026-05-20 to 2026-06-20", "19.00"]]);
  });

  it("should take a subscription without history as its own row since its start", () => {
    expect(lines(sub({ startedAt: d("2026-02-03") }), [], "2026-03")).toEqual([
      ["Starter (monthly) 2026-03-03 to 2026-04-03", "19.00"],
    ]);
    expect(lines(sub({ startedAt: d("2026-02-03"), status: "suspended" }), [], "2026-03")).toEqual([]);
  });

  it("should keep the subscription's time of day: a period starting late on the 31st is in that month (UTC)", () => {
    const late = sub({ startedAt: d("2026-01-31T23:30:00Z") });
    const history = [state("2026-01-31T23:30:00Z", "active", 1, "created")];
    expect(subscriptionFeeLines(late, history, PLANS, monthPeriod("2026-03")).map((l) => l.periodStart)).toEqual([
      d("2026-03-31T23:30:00Z"),
    ]);
  });
});

describe("stateAt", () => {
  it("should answer the last state started at or before the instant, or none before the first", () => {
    const history = [state("2026-01-01", "active"), state("2026-02-01", "suspended"), state("2026-03-01", "active")];
    expect(stateAt(history, d("2025-12-31"))).toBeNull();
    expect(stateAt(history, d("2026-02-01"))!.status).toBe("suspended");
    expect(stateAt(history, d("2026-02-28"))!.status).toBe("suspended");
    expect(stateAt(history, d("2026-03-01"))!.status).toBe("active");
  });
});
