// The dashboard (issue 6): KPIs and their changes from fixture snapshots, computed by hand; the trend;
// each alert appearing and disappearing as the data changes; what a viewer and a restricted editor get
// (no revenue key at all for the latter); the period parameter; the "send reminders for all overdue
// invoices" quick action through REST and AdminJS, with its permission walked for every role.
import request from "supertest";
import { Worker } from "bullmq";
import type { PrismaClient } from "@prisma/client";
import { makeAdmin, makeCustomer } from "../factories/index.js";
import { makeSite } from "../factories/admin-resources.js";
import { makeQueuedRequest } from "../factories/ai-queue.js";
import { API, makeApiLogin, type ApiLogin } from "../factories/api.js";
import { actingAs, makeIssuedInvoice, makePlan, makeSubscription } from "../factories/billing.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { MODULE_ROUTES, USERS, expectedAllowed } from "../helpers/access-matrix.js";
import { redisConnection } from "../../src/queues/queues.js";
import { raiseAlert } from "../../src/modules/auth/security-alerts.js";
import { REMINDER_TEMPLATE, sendInvoiceReminder } from "../../src/modules/billing/dunning.js";
import { dashboardPeriod, isoDay } from "../../src/modules/dashboard/rules.js";

let t: TestApp;
let prisma: PrismaClient;
let viewer: ApiLogin;
let editor: ApiLogin;
let superAdmin: ApiLogin;
let restricted: ApiLogin;

const DAY = 86_400_000;
const HOUR = 3_600_000;
const RESTRICTED_PERMISSIONS = ["customers.view", "ai_queue.view", "ai_queue.process"];

beforeAll(async () => {
  t = await makeTestApp();
  prisma = t.deps.prisma;
  viewer = await makeApiLogin(t.app, prisma, { role: "viewer" });
  editor = await makeApiLogin(t.app, prisma, { role: "editor" });
  superAdmin = await makeApiLogin(t.app, prisma, { role: "super_admin" });
  restricted = await makeApiLogin(t.app, prisma, { role: "editor", permissions: RESTRICTED_PERMISSIONS });
});

afterAll(async () => {
  await t.deps.queues.byName.mail.obliterate({ force: true });
  await t.close();
});

async function get(login: ApiLogin, days?: string) {
  const res = await request(t.app)
    .get(`${API}/dashboard${days === undefined ? "" : `?days=${days}`}`)
    .set("Authorization", login.auth);
  expect(res.status).toBe(200);
  return res.body as {
    kpis: Record<string, Record<string, unknown>>;
    trend: Record<string, unknown>[];
    alerts: { kind: string; count: number; threshold: number; href: string | null; [k: string]: unknown }[];
    [k: string]: unknown;
  };
}

const alertOf = async (login: ApiLogin, kind: string) => (await get(login)).alerts.find((a) => a.kind === kind);

/** Every key of revenue figures anywhere in an answer. */
function revenueKeys(value: unknown, at = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => revenueKeys(v, `${at}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(["mrr", "aiRevenue", "amounts", "amount", "totalAmount"].includes(k) ? [`${at}.${k}`] : []),
    ...revenueKeys(v, `${at}.${k}`),
  ]);
}

describe("dashboard KPIs and trend", () => {
  // Days relative to yesterday (D): the 7-day period is D-6..D, the previous one D-13..D-7, and D-14
  // holds the active customers the previous period's churn is measured against.
  const now = new Date();
  const period = dashboardPeriod(7, now);
  const dayAt = (k: number) => new Date(period.to.getTime() - k * DAY);
  const churnedCurrent = [0, 1, 0, 2, 0, 0, 1]; // D-6..D: 4

  beforeAll(async () => {
    const rows = [];
    for (let k = 14; k >= 0; k--) {
      const inCurrent = k <= 6;
      rows.push({
        metricDate: dayAt(k),
        totalCustomers: 300 + (14 - k),
        activeCustomers: k === 14 ? 200 : k === 7 ? 210 : 205 + (14 - k),
        newCustomers: k === 14 ? 9 : inCurrent ? 3 : 2,
        churnedCustomers: k === 14 ? 5 : inCurrent ? churnedCurrent[6 - k]! : 1,
        totalSites: 400,
        activeSites: 350,
        monthlyRevenue: k === 7 ? "80.00" : `${100 + (14 - k)}.00`,
        aiRequestsCount: 10 + k,
        aiRevenue: k === 14 ? "99.99" : inCurrent ? "12.25" : "10.50",
      });
    }
    await prisma.businessMetric.createMany({ data: rows });
    // MRR now: 49.00 monthly + 490.00 yearly (40.83 a month) + a trial (0) = 89.83.
    const pro = await makePlan(prisma, { priceMonthly: "49.00", priceYearly: "490.00" });
    const earlier = new Date(now.getTime() - 40 * DAY);
    await makeSubscription(prisma, { planId: pro.id, startedAt: earlier });
    await makeSubscription(prisma, { planId: pro.id, billingInterval: "yearly", startedAt: earlier });
    await makeSubscription(prisma, { planId: pro.id, status: "trialing", startedAt: earlier });
  });

  it("computes each KPI and its change against the previous period, by hand", async () => {
    const body = await get(viewer, "7");
    expect(body.days).toBe(7);
    expect(body.period).toEqual({
      from: isoDay(dayAt(6)),
      to: isoDay(dayAt(0)),
      previousFrom: isoDay(dayAt(13)),
      previousTo: isoDay(dayAt(7)),
      snapshots: 7,
    });
    expect(body.revenue).toBe(true);
    // MRR 89.83 now against 80.00 at the end of the previous period: +9.83, 9.83 / 80 = 0.122875 -> 0.1229.
    expect(body.kpis.mrr).toEqual({ value: "89.83", previous: "80.00", change: "9.83", changeRatio: "0.1229" });
    // Churn: 4 churned / 210 active at D-7 = 0.019047 -> 0.0190; before: 7 / 200 = 0.0350;
    // change -0.0160, relative -0.0160 / 0.0350 = -0.457142 -> -0.4571.
    expect(body.kpis.churnRate).toEqual({
      value: "0.0190",
      previous: "0.0350",
      change: "-0.0160",
      changeRatio: "-0.4571",
      churned: 4,
      base: 210,
    });
    // New customers: 7 x 3 = 21 against 7 x 2 = 14: +7, +50%.
    expect(body.kpis.newCustomers).toEqual({ value: 21, previous: 14, change: 7, changeRatio: "0.5000" });
    // AI revenue: 7 x 12.25 = 85.75 against 7 x 10.50 = 73.50: +12.25, 12.25 / 73.50 = 0.166666 -> 0.1667.
    expect(body.kpis.aiRevenue).toEqual({ value: "85.75", previous: "73.50", change: "12.25", changeRatio: "0.1667" });
  });

  it("gives one trend point per day of the period, from the snapshots", async () => {
    const body = await get(viewer, "7");
    expect(body.trend).toEqual(
      [6, 5, 4, 3, 2, 1, 0].map((k) => ({
        date: isoDay(dayAt(k)),
        mrr: `${100 + (14 - k)}.00`,
        activeCustomers: 205 + (14 - k),
        newCustomers: 3,
        aiRevenue: "12.25",
        aiRequests: 10 + k,
      })),
    );
    // 30 days: the 15 days before D-14 have no snapshot (null points), the previous period none at all.
    const month = await get(viewer, "30");
    expect(month.trend).toHaveLength(30);
    expect(month.trend.filter((p) => p.activeCustomers === null)).toHaveLength(15);
    expect(month.trend[15]).toMatchObject({ date: isoDay(dayAt(14)), activeCustomers: 200, mrr: "100.00" });
    expect(month.kpis.newCustomers).toEqual({
      value: 9 + 7 * 2 + 7 * 3,
      previous: null,
      change: null,
      changeRatio: null,
    });
    expect((await get(viewer)).days).toBe(30);
  });

  it("leaves every revenue figure out of a restricted editor's answer, and the alerts they may not see", async () => {
    await prisma.$transaction((tx) => raiseAlert(tx, { kind: "failed_login_burst", ipAddress: "192.0.2.77" }));
    const overdue = await makeIssuedInvoice(prisma, { dueAt: new Date(Date.now() - 3 * DAY) });
    try {
      const body = await get(restricted, "7");
      expect(body.revenue).toBe(false);
      expect(revenueKeys(body)).toEqual([]);
      expect(Object.keys(body.kpis).sort()).toEqual(["churnRate", "newCustomers"]);
      expect(body.kpis.newCustomers).toEqual({ value: 21, previous: 14, change: 7, changeRatio: "0.5000" });
      expect(Object.keys(body.trend[0]!).sort()).toEqual(["activeCustomers", "aiRequests", "date", "newCustomers"]);
      expect(body.securityAlerts).toBeNull();
      expect(body.billingAlerts).toBeNull();
      expect(body.alerts.map((a) => a.kind)).toEqual(["invoices_overdue"]);
      expect(body.alerts[0]).toEqual({ kind: "invoices_overdue", count: 1, threshold: 0, href: null });
      const actions = body.quickActions as { kind: string; allowed: boolean; href: string | null }[];
      expect(actions.map((a) => [a.kind, a.allowed, a.href])).toEqual([
        ["open_ai_queue", true, "/admin/pages/queueBoard"],
        ["send_overdue_reminders", false, null],
        ["open_support", false, null],
      ]);
      // The AdminJS dashboard gives the same answer to the same admin.
      const admin = await makeAdmin(prisma, { role: "editor", permissions: RESTRICTED_PERMISSIONS });
      const agent = await loginAgent(t.app, admin.email, admin.password);
      const page = await agent.get("/admin/api/dashboard?days=7");
      expect(page.status).toBe(200);
      expect(revenueKeys(page.body)).toEqual([]);
      expect(page.body.kpis.newCustomers).toEqual(body.kpis.newCustomers);

      // A viewer reads everything: revenue, the overdue amount, security alerts.
      const seen = await get(viewer, "7");
      expect(seen.alerts.find((a) => a.kind === "invoices_overdue")).toEqual({
        kind: "invoices_overdue",
        count: 1,
        threshold: 0,
        href: "/admin/pages/revenue",
        amounts: [{ currency: "EUR", amount: overdue.totalAmount.toFixed(2) }],
      });
      expect(seen.alerts.find((a) => a.kind === "security_alerts")).toMatchObject({ count: 1 });
    } finally {
      await prisma.securityAlert.updateMany({ data: { acknowledgedAt: new Date() } });
      await prisma.invoice.update({ where: { id: overdue.id }, data: { status: "paid", paidAt: new Date() } });
    }
  });

  it("refuses a period other than 7, 30 or 90 days with a 400 naming days", async () => {
    for (const days of ["14", "abc", "7.5", ""]) {
      const res = await request(t.app).get(`${API}/dashboard?days=${days}`).set("Authorization", viewer.auth);
      expect(res.status).toBe(400);
      expect(res.type).toBe("application/problem+json");
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(["days"]);
    }
    expect((await request(t.app).get(`${API}/dashboard`)).status).toBe(401);
    const admin = await makeAdmin(prisma, { role: "viewer" });
    const agent = await loginAgent(t.app, admin.email, admin.password);
    expect((await agent.get("/admin/api/dashboard?days=14")).body).toEqual({ error: "dashboardBadPeriod" });
  });

  it("is in the OpenAPI document", async () => {
    const { paths } = (await request(t.app).get(`${API}/openapi.json`)).body;
    expect(paths["/dashboard"].get.parameters.map((p: { name: string }) => p.name)).toEqual(["days"]);
    expect(paths["/dashboard/overdue-reminders"].post.summary).toMatch(/overdue invoice/);
  });
});

describe("dashboard alerts appear and disappear", () => {
  it("sites down: a site with an open incident, until it is resolved", async () => {
    const site = await makeSite(prisma, { status: "active" });
    const monitor = await prisma.monitor.create({
      data: { siteId: site.id, type: "http", target: `https://${site.domain}/` },
    });
    // A failed check alone is not an outage (the monitor is pending), nor a resolved incident.
    await prisma.siteMonitoring.create({ data: { siteId: site.id, checkTime: new Date(), isUp: false } });
    await prisma.incident.create({
      data: {
        siteId: site.id,
        monitorId: monitor.id,
        cause: "HTTP 503",
        openedAt: new Date(Date.now() - 3 * HOUR),
        resolvedAt: new Date(Date.now() - 2 * HOUR),
      },
    });
    expect(await alertOf(viewer, "sites_down")).toBeUndefined();

    // Two open incidents of one site (HTTP and SSL monitors) count one site down.
    const ssl = await prisma.monitor.create({
      data: { siteId: site.id, type: "ssl", target: site.domain ?? "example.test" },
    });
    const open = await prisma.incident.create({ data: { siteId: site.id, monitorId: monitor.id, cause: "HTTP 503" } });
    await prisma.incident.create({ data: { siteId: site.id, monitorId: ssl.id, cause: "certificate expired" } });
    expect(await alertOf(viewer, "sites_down")).toEqual({
      kind: "sites_down",
      count: 1,
      threshold: 0,
      href: "/admin/pages/monitoringStatus?state=down",
    });
    expect(await alertOf(restricted, "sites_down")).toMatchObject({ count: 1, href: null });
    await prisma.incident.updateMany({ where: { siteId: site.id }, data: { resolvedAt: new Date() } });
    expect(open.resolvedAt).toBeNull();
    expect(await alertOf(viewer, "sites_down")).toBeUndefined();
  });

  it("invoices past due and unpaid, until paid; above the configured threshold only", async () => {
    const invoice = await makeIssuedInvoice(prisma, { status: "failed", dueAt: new Date(Date.now() - DAY) });
    await makeIssuedInvoice(prisma, { status: "pending", dueAt: new Date(Date.now() + DAY) }); // not due yet
    expect(await alertOf(viewer, "invoices_overdue")).toMatchObject({
      count: 1,
      amounts: [{ currency: "EUR", amount: invoice.totalAmount.toFixed(2) }],
    });
    await prisma.setting.create({
      data: {
        key: "analytics.alert_thresholds",
        value: { aiQueuePending: 20, overdueInvoices: 1, sitesDown: 0, failedJobs: 0 },
      },
    });
    expect(await alertOf(viewer, "invoices_overdue")).toBeUndefined();
    await prisma.setting.delete({ where: { key: "analytics.alert_thresholds" } });
    expect(await alertOf(viewer, "invoices_overdue")).toMatchObject({ count: 1 });
    await prisma.invoice.update({ where: { id: invoice.id }, data: { status: "paid", paidAt: new Date() } });
    expect(await alertOf(viewer, "invoices_overdue")).toBeUndefined();
  });

  it("AI queue backlog: pending count over the threshold, or a request past its priority's SLA", async () => {
    await prisma.setting.create({
      data: {
        key: "analytics.alert_thresholds",
        value: { aiQueuePending: 2, overdueInvoices: 0, sitesDown: 0, failedJobs: 0 },
      },
    });
    try {
      const [a, b] = [await makeQueuedRequest(prisma), await makeQueuedRequest(prisma)];
      expect(await alertOf(viewer, "ai_queue_backlog")).toBeUndefined();
      const c = await makeQueuedRequest(prisma);
      expect(await alertOf(viewer, "ai_queue_backlog")).toEqual({
        kind: "ai_queue_backlog",
        count: 3,
        threshold: 2,
        overSla: 0,
        href: "/admin/pages/queueBoard",
      });
      await prisma.aiRequest.update({ where: { id: c.id }, data: { status: "cancelled" } });
      expect(await alertOf(viewer, "ai_queue_backlog")).toBeUndefined();

      // Priority 1 has a 4-hour SLA (ai_queue.sla_hours): 3 hours is fine, 5 hours is not.
      await prisma.aiRequest.update({
        where: { id: a.id },
        data: { priority: 1, createdAt: new Date(Date.now() - 3 * HOUR) },
      });
      expect(await alertOf(viewer, "ai_queue_backlog")).toBeUndefined();
      await prisma.aiRequest.update({ where: { id: a.id }, data: { createdAt: new Date(Date.now() - 5 * HOUR) } });
      expect(await alertOf(viewer, "ai_queue_backlog")).toMatchObject({ count: 2, overSla: 1 });
      // Priority 5 (24 hours): 23 hours late is within it.
      await prisma.aiRequest.update({ where: { id: b.id }, data: { createdAt: new Date(Date.now() - 23 * HOUR) } });
      expect(await alertOf(viewer, "ai_queue_backlog")).toMatchObject({ count: 2, overSla: 1 });
      await prisma.aiRequest.update({ where: { id: a.id }, data: { status: "processing" } });
      expect(await alertOf(viewer, "ai_queue_backlog")).toBeUndefined();
      expect((await get(viewer)).aiQueue).toMatchObject({ pending: 1, processing: 1, overSla: 0 });
    } finally {
      await prisma.setting.delete({ where: { key: "analytics.alert_thresholds" } });
      await prisma.aiRequest.updateMany({
        where: { status: { in: ["pending", "processing"] } },
        data: { status: "cancelled" },
      });
    }
  });

  it("failed jobs: a job that failed in a queue, until it is removed", async () => {
    const queue = t.deps.queues.byName.maintenance;
    const { config } = t.deps;
    const worker = new Worker(
      "maintenance",
      async () => {
        throw new Error("the dashboard test's job fails");
      },
      { connection: redisConnection(config.redisUrl), prefix: config.queuePrefix },
    );
    try {
      expect(await alertOf(viewer, "failed_jobs")).toBeUndefined();
      const failed = new Promise((resolve) => worker.once("failed", resolve));
      const job = await queue.add("dashboard-test-failure", {}, { attempts: 1 });
      await failed;
      expect(await alertOf(viewer, "failed_jobs")).toMatchObject({
        kind: "failed_jobs",
        count: 1,
        threshold: 0,
        href: null,
        byQueue: { maintenance: 1, mail: 0, ai: 0, billing: 0 },
      });
      // Bull Board is for settings.system; someone without settings.view does not get the alert.
      expect(await alertOf(superAdmin, "failed_jobs")).toMatchObject({ count: 1, href: "/admin/queues" });
      expect(await alertOf(restricted, "failed_jobs")).toBeUndefined();
      await job.remove();
      expect(await alertOf(viewer, "failed_jobs")).toBeUndefined();
    } finally {
      await worker.close();
    }
  });

  it("security and billing alerts, until acknowledged", async () => {
    const raised = await prisma.$transaction((tx) =>
      raiseAlert(tx, { kind: "failed_login_burst", ipAddress: "192.0.2.91" }),
    );
    const invoice = await makeIssuedInvoice(prisma, { status: "paid" });
    const billing = await prisma.billingAlert.create({
      data: { kind: "payment_failed", invoiceId: invoice.id, customerId: invoice.customerId },
    });
    const body = await get(viewer);
    expect(body.alerts.find((a) => a.kind === "security_alerts")).toEqual({
      kind: "security_alerts",
      count: 1,
      threshold: 0,
      href: "/admin/resources/security_alerts",
    });
    expect(body.alerts.find((a) => a.kind === "billing_alerts")).toEqual({
      kind: "billing_alerts",
      count: 1,
      threshold: 0,
      href: "/admin/resources/billing_alerts",
    });
    expect((await get(restricted)).alerts.map((a) => a.kind)).toEqual([]);

    await prisma.securityAlert.update({
      where: { id: raised!.id },
      data: { acknowledgedAt: new Date(), acknowledgedBy: viewer.admin.id },
    });
    await prisma.billingAlert.update({
      where: { id: billing.id },
      data: { acknowledgedAt: new Date(), acknowledgedBy: viewer.admin.id },
    });
    const after = await get(viewer);
    expect(after.alerts.map((a) => a.kind)).toEqual([]);
  });
});

describe("send reminders for all overdue invoices", () => {
  it("reminds each overdue invoice not reminded in 24 hours, and says what it sent and skipped", async () => {
    const overdue = (days: number) =>
      makeIssuedInvoice(prisma, { status: "pending", dueAt: new Date(Date.now() - days * DAY) });
    const [a, b, c] = [await overdue(10), await overdue(5), await overdue(2)];
    await makeIssuedInvoice(prisma, { status: "paid", dueAt: new Date(Date.now() - 3 * DAY) });
    // b was reminded an hour ago by someone else.
    await actingAs({ ...editor.admin, permissions: null }, () =>
      sendInvoiceReminder({ prisma, queues: t.deps.queues }, b.id, new Date(Date.now() - HOUR)),
    );

    const refused = await request(t.app).post(`${API}/dashboard/overdue-reminders`).set("Authorization", viewer.auth);
    expect(refused.status).toBe(403);
    const res = await request(t.app).post(`${API}/dashboard/overdue-reminders`).set("Authorization", editor.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ overdue: 3, sent: 2, sentInvoiceIds: [a.id, c.id], skipped: 1, remaining: 0 });
    const mails = await prisma.emailLog.findMany({ where: { template: REMINDER_TEMPLATE }, orderBy: { id: "asc" } });
    expect(mails).toHaveLength(3);
    const audits = await prisma.adminActivityLog.findMany({
      where: { action: "invoice.send_reminder", adminId: editor.admin.id, resourceId: { in: [a.id, c.id] } },
    });
    expect(audits.map((r) => r.resourceId).sort()).toEqual([a.id, c.id].sort());

    // Again at once: everything was reminded within 24 hours.
    const again = await request(t.app).post(`${API}/dashboard/overdue-reminders`).set("Authorization", editor.auth);
    expect(again.body).toEqual({ overdue: 3, sent: 0, sentInvoiceIds: [], skipped: 3, remaining: 0 });

    // The same through AdminJS (the dashboard's button): POST only, billing.create_invoice only.
    const admin = await makeAdmin(prisma, { role: "editor" });
    const agent = await loginAgent(t.app, admin.email, admin.password);
    const posted = await agent.post("/admin/api/resources/invoices/actions/remindOverdue").send({});
    expect(posted.status).toBe(200);
    expect(posted.body.run).toEqual({ overdue: 3, sent: 0, sentInvoiceIds: [], skipped: 3, remaining: 0 });
    const read = await makeAdmin(prisma, { role: "viewer" });
    const readAgent = await loginAgent(t.app, read.email, read.password);
    expect((await readAgent.post("/admin/api/resources/invoices/actions/remindOverdue").send({})).status).toBe(403);
    expect(await prisma.emailLog.count({ where: { template: REMINDER_TEMPLATE } })).toBe(3);
    for (const invoice of [a, b, c]) {
      await prisma.invoice.update({ where: { id: invoice.id }, data: { status: "paid", paidAt: new Date() } });
    }
  });

  it("is allowed exactly where the permission matrix says", async () => {
    const routes = MODULE_ROUTES.filter((r) => r.path.startsWith("/dashboard/"));
    expect(routes).toHaveLength(1);
    for (const route of routes) {
      for (const user of USERS) {
        const login = await makeApiLogin(t.app, prisma, {
          role: user.role,
          permissions: user.permissions ?? undefined,
        });
        const res = await request(t.app)[route.method](`${API}${route.path}`).set("Authorization", login.auth);
        expect({ user: user.label, status: res.status }).toEqual({
          user: user.label,
          status: expectedAllowed(user, route.module, route.permission) ? 200 : 403,
        });
      }
    }
  });
});

describe("dashboard for a viewer", () => {
  it("answers every widget to a viewer, with the live customer counts", async () => {
    const before = await get(viewer);
    expect(before.revenue).toBe(true);
    expect(Object.keys(before.kpis).sort()).toEqual(["aiRevenue", "churnRate", "mrr", "newCustomers"]);
    expect(before.securityAlerts).toEqual({ open: 0, latest: [] });
    await makeCustomer(prisma, { status: "active" });
    await makeCustomer(prisma, { status: "cancelled" });
    const { customers } = before as unknown as { customers: { total: number; active: number } };
    expect((await get(viewer)).customers).toEqual({ total: customers.total + 2, active: customers.active + 1 });
  });
});
