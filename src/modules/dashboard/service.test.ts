// The dashboard's rules without a database: periods, KPI changes, SLA hours by priority, thresholds,
// who sees revenue.
import { money } from "../billing/money.js";
import { countKpi, dashboardPeriod, isoDay, moneyKpi, raised, rateKpi, seesRevenue, slaByPriority } from "./service.js";

describe("dashboard rules", () => {
  it("ends a period yesterday (UTC) and puts the previous one of the same length just before it", () => {
    const p = dashboardPeriod(7, new Date("2026-03-02T00:30:00.000Z"));
    expect([p.previousFrom, p.previousTo, p.from, p.to].map(isoDay)).toEqual([
      "2026-02-16",
      "2026-02-22",
      "2026-02-23",
      "2026-03-01",
    ]);
    const q = dashboardPeriod(90, new Date("2026-03-02T23:59:59.999Z"));
    expect([q.from, q.to].map(isoDay)).toEqual(["2025-12-02", "2026-03-01"]);
  });

  it("gives each KPI its change and its relative change, half-up to 4 decimals", () => {
    expect(moneyKpi(money("89.83"), money("80.00"))).toEqual({
      value: "89.83",
      previous: "80.00",
      change: "9.83",
      changeRatio: "0.1229",
    });
    expect(moneyKpi(money("10.00"), money("0"))).toEqual({
      value: "10.00",
      previous: "0.00",
      change: "10.00",
      changeRatio: null,
    });
    expect(moneyKpi(null, money("5.00"))).toEqual({ value: null, previous: "5.00", change: null, changeRatio: null });
    expect(countKpi(21, 14)).toEqual({ value: 21, previous: 14, change: 7, changeRatio: "0.5000" });
    expect(countKpi(2, 3)).toEqual({ value: 2, previous: 3, change: -1, changeRatio: "-0.3333" });
    expect(countKpi(5, null)).toEqual({ value: 5, previous: null, change: null, changeRatio: null });
    expect(rateKpi("0.0190", "0.0350")).toEqual({
      value: "0.0190",
      previous: "0.0350",
      change: "-0.0160",
      changeRatio: "-0.4571",
    });
  });

  it("maps every priority to the SLA of its own or the closest more urgent level", () => {
    expect(slaByPriority({ "1": 4, "5": 24, "10": 72 })).toEqual([4, 4, 4, 4, 24, 24, 24, 24, 24, 72]);
    expect(slaByPriority({})).toEqual(Array(10).fill(null));
  });

  it("raises an alert above its threshold only", () => {
    expect([raised(0, 0), raised(1, 0), raised(20, 20), raised(21, 20)]).toEqual([false, true, false, true]);
  });

  it("shows revenue to billing.view or analytics.view holders only", () => {
    expect(seesRevenue({ role: "viewer" })).toBe(true);
    expect(seesRevenue({ role: "editor", permissions: ["analytics.view"] })).toBe(true);
    expect(seesRevenue({ role: "editor", permissions: ["billing.view"] })).toBe(true);
    expect(seesRevenue({ role: "editor", permissions: ["customers.view", "analytics.export"] })).toBe(false);
    expect(seesRevenue(null)).toBe(false);
  });
});
