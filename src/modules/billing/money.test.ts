// VAT and MRR arithmetic, to the cent.
import { Prisma } from "@prisma/client";
import { cents, sum, withVat } from "./money.js";
import { subscriptionMrr } from "./mrr.js";
import { upgradeProration } from "./subscriptions.js";

const D = (v: string) => new Prisma.Decimal(v);

describe("money", () => {
  it.each([
    ["10.00", "20.00", "2.00", "12.00"],
    ["0.025", "20.00", "0.01", "0.04"], // the amount itself is rounded first: 0.03 x 20% = 0.006 -> 0.01
    ["12.43", "20.00", "2.49", "14.92"], // 2.486 -> 2.49
    ["12.38", "20.00", "2.48", "14.86"], // 2.476 -> 2.48
    ["2.525", "20.00", "0.51", "3.04"], // 2.53 x 0.2 = 0.506
    ["0.125", "20.00", "0.03", "0.16"], // 0.13 x 0.2 = 0.026 -> 0.03
    ["100.00", "5.50", "5.50", "105.50"],
    ["19.99", "20.00", "4.00", "23.99"], // 3.998
  ])("amount %s at %s%% gives VAT %s and total %s", (amount, rate, tax, total) => {
    const r = withVat(D(amount), rate);
    expect(r.tax.toFixed(2)).toBe(tax);
    expect(r.total.toFixed(2)).toBe(total);
  });

  it("rounds half-up, away from zero", () => {
    expect(cents(D("0.005")).toFixed(2)).toBe("0.01");
    expect(cents(D("-0.005")).toFixed(2)).toBe("-0.01");
    expect(cents(D("1.0049")).toFixed(2)).toBe("1.00");
    expect(sum([D("0.10"), D("0.20")]).toFixed(2)).toBe("0.30");
  });
});

describe("MRR of a subscription", () => {
  const pro = { priceMonthly: "49.00", priceYearly: "490.00" };
  it.each([
    ["monthly", "active", "49.00"],
    ["yearly", "active", "40.83"], // 490 / 12 = 40.8333
    ["monthly", "past_due", "49.00"],
    ["monthly", "trialing", "0.00"],
    ["monthly", "suspended", "0.00"],
    ["monthly", "cancelled", "0.00"],
  ] as const)("%s %s counts %s", (interval, status, mrr) => {
    expect(subscriptionMrr(pro, interval, status).toFixed(2)).toBe(mrr);
  });
  it("counts free plans as nothing", () => {
    expect(subscriptionMrr({ priceMonthly: "0.00", priceYearly: null }, "monthly", "active").toFixed(2)).toBe("0.00");
    expect(subscriptionMrr({ priceMonthly: null, priceYearly: null }, "monthly", "active").toFixed(2)).toBe("0.00");
  });
});

describe("upgrade proration", () => {
  const starter = { priceMonthly: D("19.00"), priceYearly: D("190.00") };
  const pro = { priceMonthly: D("49.00"), priceYearly: D("490.00") };
  const october = { start: new Date("2026-10-01T00:00:00Z"), end: new Date("2026-11-01T00:00:00Z") };

  it("charges the difference for the days left: (49 - 19) x 16 / 31 = 15.48", () => {
    const p = upgradeProration(starter, pro, "monthly", october, new Date("2026-10-16T09:00:00Z"));
    expect(p).toEqual({ amount: expect.anything(), daysLeft: 16, periodDays: 31 });
    expect(p!.amount.toFixed(2)).toBe("15.48");
  });
  it("prorates a yearly plan over the year's days: (490 - 190) x 200 / 365 = 164.38", () => {
    const year = { start: new Date("2026-03-10T00:00:00Z"), end: new Date("2027-03-10T00:00:00Z") };
    const at = new Date(year.end.getTime() - 200 * 86_400_000);
    const p = upgradeProration(starter, pro, "yearly", year, at);
    expect(p!.daysLeft).toBe(200);
    expect(p!.periodDays).toBe(365);
    expect(p!.amount.toFixed(2)).toBe("164.38");
  });
  it("gives nothing for a downgrade, a same price or the last day", () => {
    expect(upgradeProration(pro, starter, "monthly", october, new Date("2026-10-16T00:00:00Z"))).toBeNull();
    expect(upgradeProration(pro, pro, "monthly", october, new Date("2026-10-16T00:00:00Z"))).toBeNull();
    expect(upgradeProration(starter, pro, "monthly", october, new Date("2026-11-01T00:00:00Z"))).toBeNull();
  });
});
