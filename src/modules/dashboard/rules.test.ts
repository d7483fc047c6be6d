// The dashboard's rules (rules.ts) without a database: periods, KPI changes, SLA hours by priority, thresholds,
// who sees revenue.
import { money } from "../billing/money.js";
import {
  countKpi,
  dashboardAlerts,
  dashboardPeriod,
  isoDay,
  moneyKpi,
  periodFigures,
  quickActions,
  raised,
  rateKpi,
  seesRevenue,
  slaByPriority,
  type AlertFigures,
} from "./rules.js";

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

describe("dashboard figures", () => {
  const snapshot = (day: string, active: number, fresh: number, churned: number, mrr: string, ai: string) => ({
    day,
    active_customers: active,
    new_customers: fresh,
    churned_customers: churned,
    monthly_revenue: mrr,
    ai_requests_count: 3,
    ai_revenue: ai,
  });
  const period = dashboardPeriod(7, new Date("2026-03-02T10:00:00.000Z"));
  // 2026-02-15 is the day before the previous period, 2026-02-22 its end, 2026-03-01 the period's end.
  const rows = [
    snapshot("2026-02-15", 100, 0, 0, "900.00", "0.00"),
    snapshot("2026-02-20", 104, 4, 2, "950.00", "10.00"),
    snapshot("2026-02-22", 105, 1, 0, "1000.00", "5.00"),
    snapshot("2026-02-25", 110, 6, 3, "1040.00", "20.50"),
    snapshot("2026-03-01", 111, 2, 1, "1080.00", "4.50"),
  ];

  it("should compare the period with the previous one and end the MRR's previous value at its last day", () => {
    const { kpis, trend, snapshots } = periodFigures(rows, 7, period, money("1100"), true);
    expect(snapshots).toBe(2);
    expect(kpis.mrr).toEqual({ value: "1100.00", previous: "1000.00", change: "100.00", changeRatio: "0.1000" });
    expect(kpis.newCustomers).toEqual({ value: 8, previous: 5, change: 3, changeRatio: "0.6000" });
    expect(kpis.aiRevenue).toEqual({ value: "25.00", previous: "15.00", change: "10.00", changeRatio: "0.6667" });
    // 4 churned of 105 active the day before; 2 of 100 for the previous period.
    expect(kpis.churnRate).toMatchObject({ value: "0.0381", previous: "0.0200", churned: 4, base: 105 });
    expect(trend.map((p) => p.date)).toEqual([
      "2026-02-23",
      "2026-02-24",
      "2026-02-25",
      "2026-02-26",
      "2026-02-27",
      "2026-02-28",
      "2026-03-01",
    ]);
    expect(trend[2]).toEqual({
      date: "2026-02-25",
      mrr: "1040.00",
      activeCustomers: 110,
      newCustomers: 6,
      aiRevenue: "20.50",
      aiRequests: 3,
    });
    expect(trend[0]).toMatchObject({ mrr: null, activeCustomers: null });
  });

  it("should leave revenue figures out, not null them, for an admin who may not see revenue", () => {
    const { kpis, trend } = periodFigures(rows, 7, period, null, false);
    expect(kpis).not.toHaveProperty("mrr");
    expect(kpis).not.toHaveProperty("aiRevenue");
    expect(trend[2]).not.toHaveProperty("mrr");
    expect(trend[2]).not.toHaveProperty("aiRevenue");
  });
});

describe("dashboard alerts", () => {
  const thresholds = { aiQueuePending: 20, overdueInvoices: 0, sitesDown: 0, failedJobs: 5 };
  const quiet: AlertFigures = {
    sitesDown: 0,
    overdue: { count: 0 },
    aiQueue: { pending: 20, overSla: 0 },
    failedJobs: { mail: 5 },
    securityAlerts: { open: 0 },
    billingAlerts: { open: 0 },
  };
  const kinds = (figures: Partial<AlertFigures>) =>
    dashboardAlerts({ ...quiet, ...figures }, thresholds, { role: "super_admin" }).map((a) => a.kind);

  it("should show nothing at or below the thresholds", () => {
    expect(kinds({})).toEqual([]);
  });

  it("should raise each alert above its threshold, and the AI queue's also for a request over its SLA", () => {
    expect(
      kinds({
        sitesDown: 1,
        overdue: { count: 2 },
        aiQueue: { pending: 21, overSla: 0 },
        failedJobs: { mail: 4, ai: 2 },
        securityAlerts: { open: 1 },
        billingAlerts: { open: 1 },
      }),
    ).toEqual([
      "sites_down",
      "invoices_overdue",
      "ai_queue_backlog",
      "failed_jobs",
      "security_alerts",
      "billing_alerts",
    ]);
    expect(kinds({ aiQueue: { pending: 3, overSla: 1 } })).toEqual(["ai_queue_backlog"]);
  });

  it("should link only to the screens the admin may open, and count nothing it may not see", () => {
    const figures = { ...quiet, sitesDown: 2, failedJobs: null, securityAlerts: null, overdue: { count: 1 } };
    expect(dashboardAlerts(figures, thresholds, { role: "editor", permissions: ["billing.view"] })).toEqual([
      { kind: "sites_down", count: 2, threshold: 0, href: null },
      { kind: "invoices_overdue", count: 1, threshold: 0, href: "/admin/pages/revenue" },
    ]);
    const failed = dashboardAlerts({ ...quiet, failedJobs: { mail: 9 } }, thresholds, { role: "admin" });
    expect(failed).toEqual([{ kind: "failed_jobs", count: 9, threshold: 5, byQueue: { mail: 9 }, href: null }]);
  });

  it("should offer the quick actions the admin may use", () => {
    expect(quickActions({ role: "viewer" }).map((a) => [a.kind, a.allowed])).toEqual([
      ["open_ai_queue", true],
      ["send_overdue_reminders", false],
      ["open_support", true],
    ]);
    expect(
      quickActions({ role: "viewer", permissions: ["ai_queue.view"] }).find((a) => a.kind === "open_support"),
    ).toMatchObject({
      allowed: false,
      href: null,
    });
    expect(quickActions({ role: "editor" }).find((a) => a.kind === "send_overdue_reminders")).toMatchObject({
      allowed: true,
      method: "POST",
    });
  });
});
