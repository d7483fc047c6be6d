// Analytics (issue 6, item 3): business_metrics stays read-only, its CSV export needs analytics.export
// (REST and the admin screen's download), and the dashboard's alert thresholds are changed only with
// analytics.configure, checked value by value, stored in settings and audited.
import request from "supertest";
import type { Agent } from "supertest";
import type { PrismaClient } from "@prisma/client";
import { API, makeApiLogin, type ApiLogin } from "../factories/api.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { MODULE_ROUTES, USERS, expectedAllowed } from "../helpers/access-matrix.js";
import { readSetting } from "../../src/modules/settings/values.js";
import { METRICS_CSV_HEADER } from "../../src/modules/analytics/export.js";

let t: TestApp;
let prisma: PrismaClient;
let viewer: ApiLogin;
let editor: ApiLogin;
/** May read analytics, not configure them. */
let analyst: ApiLogin;
/** May read analytics, not export them. */
let noExport: ApiLogin;
/** No analytics permission at all. */
let outsider: ApiLogin;
let viewerAgent: Agent;
let editorAgent: Agent;
let analystAgent: Agent;
let noExportAgent: Agent;

const DEFAULTS = { aiQueuePending: 20, overdueInvoices: 0, sitesDown: 0, failedJobs: 0 };
const THRESHOLDS = `${API}/analytics/alert-thresholds`;
const ACTION = "/admin/api/resources/business_metrics/actions/alertThresholds";

const agentOf = (login: ApiLogin) => loginAgent(t.app, login.admin.email, login.admin.password);

beforeAll(async () => {
  t = await makeTestApp();
  prisma = t.deps.prisma;
  viewer = await makeApiLogin(t.app, prisma, { role: "viewer" });
  editor = await makeApiLogin(t.app, prisma, { role: "editor" });
  analyst = await makeApiLogin(t.app, prisma, { role: "editor", permissions: ["analytics.view", "analytics.export"] });
  noExport = await makeApiLogin(t.app, prisma, { role: "admin", permissions: ["analytics.view"] });
  outsider = await makeApiLogin(t.app, prisma, { role: "editor", permissions: ["customers.view"] });
  viewerAgent = await agentOf(viewer);
  editorAgent = await agentOf(editor);
  analystAgent = await agentOf(analyst);
  noExportAgent = await agentOf(noExport);
}, 60_000);

afterAll(() => t.close());

const stored = () => prisma.setting.findUnique({ where: { key: "analytics.alert_thresholds" } });
const settingAudits = () =>
  prisma.adminActivityLog.findMany({ where: { resourceType: "settings" }, orderBy: { id: "asc" } });

describe("alert thresholds over REST", () => {
  beforeEach(async () => {
    await prisma.setting.deleteMany({ where: { key: "analytics.alert_thresholds" } });
    await prisma.adminActivityLog.deleteMany({ where: { resourceType: "settings" } });
  });

  it("shows the defaults to whoever may view analytics, and no one else", async () => {
    const res = await request(t.app).get(THRESHOLDS).set("Authorization", viewer.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(DEFAULTS);
    const refused = await request(t.app).get(THRESHOLDS).set("Authorization", outsider.auth);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe("This needs the permission analytics.view");
    expect((await request(t.app).get(THRESHOLDS)).status).toBe(401);
  });

  it("refuses a viewer and an editor without analytics.configure (403), writing nothing", async () => {
    const body = { aiQueuePending: 5, overdueInvoices: 1, sitesDown: 1, failedJobs: 1 };
    for (const who of [viewer, analyst]) {
      const res = await request(t.app).put(THRESHOLDS).set("Authorization", who.auth).send(body);
      expect(res.status).toBe(403);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toBe("This needs the permission analytics.configure");
    }
    expect(await stored()).toBeNull();
    expect(await settingAudits()).toEqual([]);
  });

  it("answers 400 naming each bad field, and writes nothing", async () => {
    const good = { aiQueuePending: 5, overdueInvoices: 1, sitesDown: 2, failedJobs: 3 };
    const cases: [unknown, { field: string; message: string }[]][] = [
      [
        { ...good, aiQueuePending: -1 },
        [{ field: "aiQueuePending", message: "must be a whole number from 0 to 100000" }],
      ],
      [{ ...good, sitesDown: 2.5 }, [{ field: "sitesDown", message: "must be a whole number from 0 to 100000" }]],
      [{ ...good, failedJobs: "5" }, [{ field: "failedJobs", message: "must be a whole number from 0 to 100000" }]],
      [
        { ...good, overdueInvoices: 100_001 },
        [{ field: "overdueInvoices", message: "must be a whole number from 0 to 100000" }],
      ],
      [
        { aiQueuePending: 5, sitesDown: 2, failedJobs: 3 },
        [{ field: "overdueInvoices", message: "is required (a whole number from 0 to 100000)" }],
      ],
      [{ ...good, cpuLoad: 90 }, [{ field: "cpuLoad", message: "is not a threshold" }]],
      [
        [1, 2, 3, 4],
        [{ field: "(body)", message: "must be an object of aiQueuePending, overdueInvoices, sitesDown, failedJobs" }],
      ],
    ];
    for (const [body, errors] of cases) {
      const res = await request(t.app)
        .put(THRESHOLDS)
        .set("Authorization", editor.auth)
        .send(body as object);
      expect({ body, status: res.status, errors: res.body.errors }).toEqual({ body, status: 400, errors });
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
    expect(await stored()).toBeNull();
    expect(await settingAudits()).toEqual([]);
  });

  it("stores good values for analytics.configure, audited with what they replaced", async () => {
    const first = { aiQueuePending: 5, overdueInvoices: 1, sitesDown: 2, failedJobs: 3 };
    const res = await request(t.app)
      .put(THRESHOLDS)
      .set("Authorization", editor.auth)
      .set("User-Agent", "analytics-test/1.0")
      .send(first);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(first);
    expect((await request(t.app).get(THRESHOLDS).set("Authorization", viewer.auth)).body).toEqual(first);
    expect(await readSetting(prisma, "analytics.alert_thresholds")).toEqual(first);
    expect(await stored()).toMatchObject({ value: first, updatedBy: editor.admin.id });

    const second = { aiQueuePending: 50, overdueInvoices: 10, sitesDown: 0, failedJobs: 100_000 };
    expect((await request(t.app).put(THRESHOLDS).set("Authorization", editor.auth).send(second)).status).toBe(200);
    const audits = await settingAudits();
    expect(audits.map((a) => [a.action, a.adminId, a.oldValues, a.newValues])).toEqual([
      [
        "settings.update",
        editor.admin.id,
        { "analytics.alert_thresholds": DEFAULTS },
        { "analytics.alert_thresholds": first },
      ],
      [
        "settings.update",
        editor.admin.id,
        { "analytics.alert_thresholds": first },
        { "analytics.alert_thresholds": second },
      ],
    ]);
    expect(audits[0]!.userAgent).toBe("analytics-test/1.0");
  });

  it("lets exactly the users the matrix allows through, and 403s the others", async () => {
    const routes = MODULE_ROUTES.filter((r) => r.path.startsWith("/analytics/"));
    expect(routes.map((r) => `${r.method} ${r.path} ${r.module}.${r.permission}`)).toEqual([
      "get /analytics/alert-thresholds analytics.view",
      "put /analytics/alert-thresholds analytics.configure",
    ]);
    const seen: string[] = [];
    for (const route of routes) {
      for (const user of USERS) {
        const who = await makeApiLogin(t.app, prisma, { role: user.role, permissions: user.permissions ?? undefined });
        const res =
          route.method === "get"
            ? await request(t.app).get(`${API}${route.path}`).set("Authorization", who.auth)
            : await request(t.app).put(`${API}${route.path}`).set("Authorization", who.auth).send(DEFAULTS);
        seen.push(`${route.method} ${user.label}: ${res.status}`);
        expect({ user: user.label, status: res.status }).toEqual({
          user: user.label,
          status: expectedAllowed(user, route.module, route.permission) ? 200 : 403,
        });
      }
    }
    expect(seen).toEqual([
      "get viewer: 200",
      "get editor: 200",
      "get admin: 200",
      "get super_admin: 200",
      "get restricted editor: 403",
      "put viewer: 403",
      "put editor: 200",
      "put admin: 200",
      "put super_admin: 200",
      "put restricted editor: 403",
    ]);
  });

  it("is in the OpenAPI document with its body and permissions", async () => {
    const doc = (await request(t.app).get(`${API}/openapi.json`)).body;
    const path = doc.paths["/analytics/alert-thresholds"];
    expect(path.get["x-permission"]).toBe("analytics.view");
    expect(path.put["x-permission"]).toBe("analytics.configure");
    expect(path.put.requestBody.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/AlertThresholds",
    });
    expect(doc.components.schemas.AlertThresholds).toMatchObject({
      type: "object",
      required: ["aiQueuePending", "overdueInvoices", "sitesDown", "failedJobs"],
      additionalProperties: false,
    });
    expect(doc.paths["/analytics/business_metrics/export.csv"].get["x-permission"]).toBe(
      "analytics.view + analytics.export",
    );
  });
});

describe("alert thresholds in the admin", () => {
  beforeEach(async () => {
    await prisma.setting.deleteMany({ where: { key: "analytics.alert_thresholds" } });
    await prisma.adminActivityLog.deleteMany({ where: { resourceType: "settings" } });
  });

  it("refuses the form to a viewer and to an editor without analytics.configure", async () => {
    for (const agent of [viewerAgent, analystAgent]) {
      expect((await agent.get(ACTION)).status).toBe(403);
      const post = await agent
        .post(ACTION)
        .send({ aiQueuePending: "1", overdueInvoices: "1", sitesDown: "1", failedJobs: "1" });
      expect(post.status).toBe(403);
    }
    expect(await stored()).toBeNull();
  });

  it("shows the thresholds in force, names a bad field, and saves good values with their audit row", async () => {
    const shown = await editorAgent.get(ACTION);
    expect(shown.status).toBe(200);
    expect(shown.body.thresholds).toEqual(DEFAULTS);

    const bad = await editorAgent
      .post(ACTION)
      .send({ aiQueuePending: "beaucoup", overdueInvoices: "1", sitesDown: "-2", failedJobs: "3" });
    expect(bad.body.notice).toMatchObject({ type: "error" });
    expect(Object.keys(bad.body.record.errors).sort()).toEqual(["aiQueuePending", "sitesDown"]);
    expect(bad.body.record.errors.aiQueuePending.message).toBe("must be a whole number from 0 to 100000");
    expect(bad.body.record.errors.sitesDown.message).toBe("must be a whole number from 0 to 100000");
    expect(bad.body.notice.message).toBe(
      "$t(messages.fieldsInvalid) $t(resources.business_metrics.properties.aiQueuePending), " +
        "$t(resources.business_metrics.properties.sitesDown)",
    );
    expect(await stored()).toBeNull();

    const saved = await editorAgent
      .post(ACTION)
      .send({ aiQueuePending: "7", overdueInvoices: "1", sitesDown: "2", failedJobs: "3" });
    expect(saved.body.notice).toEqual({ message: "alertThresholdsSaved", type: "success" });
    const values = { aiQueuePending: 7, overdueInvoices: 1, sitesDown: 2, failedJobs: 3 };
    expect(saved.body.thresholds).toEqual(values);
    expect(await readSetting(prisma, "analytics.alert_thresholds")).toEqual(values);
    const [audit] = await settingAudits();
    expect(audit).toMatchObject({
      action: "settings.update",
      adminId: editor.admin.id,
      oldValues: { "analytics.alert_thresholds": DEFAULTS },
      newValues: { "analytics.alert_thresholds": values },
    });
    expect(audit!.ipAddress).not.toBeNull();
  });
});

describe("business metrics export", () => {
  const day = (date: string, n: number) => ({
    metricDate: new Date(`${date}T00:00:00Z`),
    totalCustomers: 100 + n,
    activeCustomers: 60 + n,
    newCustomers: n,
    churnedCustomers: n % 2,
    totalSites: 150 + n,
    activeSites: 120 + n,
    monthlyRevenue: `${2000 + n}.${n}5`,
    aiRequestsCount: 10 * n,
    aiRevenue: `${30 + n}.50`,
    createdAt: new Date(`${date}T00:05:00Z`),
  });

  beforeAll(async () => {
    await prisma.businessMetric.deleteMany({});
    // Created out of order: the file is in day order whatever the ids.
    await prisma.businessMetric.create({ data: { id: 1, ...day("2026-03-11", 2) } });
    await prisma.businessMetric.create({ data: { id: 2, ...day("2026-03-10", 1) } });
    await prisma.businessMetric.create({ data: { id: 3, ...day("2026-03-12", 3) } });
    await prisma.businessMetric.create({ data: { id: 4, ...day("2026-03-09", 0) } });
  });

  // 2026-03-10 is n = 1 (created 00:05 that day, as the demo dates them), 2026-03-11 is n = 2.
  const LINE_10 = "2,2026-03-10,101,61,1,1,151,121,2001.15,10,31.50,2026-03-10T00:05:00.000Z";
  const LINE_11 = "1,2026-03-11,102,62,2,0,152,122,2002.25,20,32.50,2026-03-11T00:05:00.000Z";

  it("downloads the days of a range from the admin screen, oldest first, with an audit row", async () => {
    const res = await viewerAgent.get("/admin/analytics/business_metrics/export.csv?from=2026-03-10&to=2026-03-11");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe(
      'attachment; filename="locod-ai-business-metrics-2026-03-10_2026-03-11.csv"',
    );
    expect(res.text).toBe(`${METRICS_CSV_HEADER}\r\n${LINE_10}\r\n${LINE_11}\r\n`);
    expect(METRICS_CSV_HEADER).toBe(
      "id,metricDate,totalCustomers,activeCustomers,newCustomers,churnedCustomers,totalSites,activeSites," +
        "monthlyRevenue,aiRequestsCount,aiRevenue,createdAt",
    );
    const audit = await prisma.adminActivityLog.findFirstOrThrow({
      where: { resourceType: "business_metrics", action: "export", adminId: viewer.admin.id },
    });
    expect(audit.newValues).toEqual({ format: "csv", from: "2026-03-10", to: "2026-03-11", rows: 2, completed: true });
  });

  it("gives the REST export's columns and cells, which needs analytics.export too", async () => {
    const rest = await request(t.app)
      .get(`${API}/analytics/business_metrics/export.csv`)
      .set("Authorization", viewer.auth);
    expect(rest.status).toBe(200);
    const lines = rest.text.split("\r\n");
    expect(lines[0]).toBe(METRICS_CSV_HEADER);
    expect(lines).toContain(LINE_10);
    expect(lines).toContain(LINE_11);
    expect(lines).toHaveLength(6); // header, 4 days, and the empty string after the last CRLF

    const refused = await request(t.app)
      .get(`${API}/analytics/business_metrics/export.csv`)
      .set("Authorization", noExport.auth);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe("This needs the permission analytics.export");
  });

  it("refuses the download and the action without analytics.export, and a bad range with 400", async () => {
    const path = "/admin/analytics/business_metrics/export.csv?from=2026-03-10&to=2026-03-11";
    const refused = await noExportAgent.get(path);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe("This page needs the analytics.export permission");
    expect((await noExportAgent.get("/admin/api/resources/business_metrics/actions/exportCsv")).status).toBe(403);
    expect((await viewerAgent.get("/admin/api/resources/business_metrics/actions/exportCsv")).status).toBe(200);
    const anonymous = await request(t.app).get(path);
    expect([anonymous.status, anonymous.headers.location]).toEqual([302, "/admin/login"]);

    const reversed = await viewerAgent.get(
      "/admin/analytics/business_metrics/export.csv?from=2026-03-12&to=2026-03-10",
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toEqual([{ field: "to", message: "must be on or after from" }]);
    const missing = await viewerAgent.get("/admin/analytics/business_metrics/export.csv?from=2026-03-12");
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(["to"]);
  });

  it("keeps business_metrics read-only for everyone, super admins included", async () => {
    const boss = await makeApiLogin(t.app, prisma, { role: "super_admin" });
    const base = `${API}/analytics/business_metrics`;
    expect((await request(t.app).post(base).set("Authorization", boss.auth).send({})).status).toBe(405);
    expect((await request(t.app).patch(`${base}/1`).set("Authorization", boss.auth).send({})).status).toBe(405);
    expect((await request(t.app).delete(`${base}/1`).set("Authorization", boss.auth)).status).toBe(405);
    const bossAgent = await agentOf(boss);
    for (const action of ["records/1/edit", "records/1/delete", "actions/new"]) {
      expect((await bossAgent.post(`/admin/api/resources/business_metrics/${action}`)).status).toBe(403);
    }
    expect(await prisma.businessMetric.count()).toBe(4);
  });
});

describe("the generic settings editor (Paramètres > Réglages)", () => {
  const NEW = "/admin/api/resources/settings/actions/new";
  const edit = (key: string) => `/admin/api/resources/settings/records/${encodeURIComponent(key)}/edit`;

  it("needs analytics.configure for the alert thresholds, besides settings.edit", async () => {
    const settingsOnly = await makeApiLogin(t.app, prisma, {
      role: "editor",
      permissions: ["settings.view", "settings.edit"],
    });
    const agent = await agentOf(settingsOnly);
    await prisma.setting.deleteMany({ where: { key: "analytics.alert_thresholds" } });
    const res = await agent
      .post(NEW)
      .type("form")
      .send({ key: "analytics.alert_thresholds", value: JSON.stringify({ ...DEFAULTS, sitesDown: 9 }) });
    expect(res.body.notice).toMatchObject({ type: "error", message: "This needs the permission analytics.configure" });
    expect(await stored()).toBeNull();
  });

  it("checks a known key's value against its schema and names the value", async () => {
    // The billing keys need billing.refund besides settings.edit: an admin edits them.
    const billingAdmin = await makeApiLogin(t.app, prisma, { role: "admin" });
    const billingAgent = await agentOf(billingAdmin);
    await prisma.setting.upsert({
      where: { key: "billing.vat_rate" },
      create: { key: "billing.vat_rate", value: "20.00" },
      update: { value: "20.00" },
    });
    const refused = await billingAgent
      .post(edit("billing.vat_rate"))
      .type("form")
      .send({ key: "billing.vat_rate", value: JSON.stringify("twenty") });
    expect(refused.body.record.errors.value.message).toMatch(/a percentage like 20\.00/);
    expect(await readSetting(prisma, "billing.vat_rate")).toBe("20.00");

    const saved = await billingAgent
      .post(edit("billing.vat_rate"))
      .type("form")
      .send({ key: "billing.vat_rate", value: JSON.stringify("5.50") });
    expect(saved.body.notice?.type).toBe("success");
    expect(await readSetting(prisma, "billing.vat_rate")).toBe("5.50");
    const audit = await prisma.adminActivityLog.findFirst({
      where: { action: "settings.update", resourceType: "settings" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ adminId: billingAdmin.admin.id, newValues: { "billing.vat_rate": "5.50" } });
    await prisma.setting.delete({ where: { key: "billing.vat_rate" } });
  });
});

describe("settings over REST", () => {
  it("creates a known key through the same checks, and refuses a bad key or value by name", async () => {
    await prisma.setting.deleteMany({ where: { key: "billing.payment_terms_days" } });
    // The billing keys need billing.refund besides settings.edit: an admin edits them.
    const billingAdmin = await makeApiLogin(t.app, prisma, { role: "admin" });
    const post = (body: object) =>
      request(t.app).post(`${API}/settings/settings`).set("Authorization", billingAdmin.auth).send(body);
    const badKey = await post({ key: "Billing Terms", value: 45 });
    expect(badKey.status).toBe(400);
    expect(badKey.body.errors.map((e: { field: string }) => e.field)).toEqual(["key"]);
    const badValue = await post({ key: "billing.payment_terms_days", value: 400 });
    expect(badValue.status).toBe(400);
    expect(badValue.body.errors.map((e: { field: string }) => e.field)).toEqual(["value"]);
    expect(await prisma.setting.count({ where: { key: "billing.payment_terms_days" } })).toBe(0);
    const ok = await post({ key: "billing.payment_terms_days", value: 45 });
    expect(ok.status).toBe(201);
    expect(await readSetting(prisma, "billing.payment_terms_days")).toBe(45);
    await prisma.setting.delete({ where: { key: "billing.payment_terms_days" } });
  });
});

describe("a setting's key", () => {
  it("cannot be renamed by an edit: REST and the admin form both name it, and its echo is no change", async () => {
    await prisma.setting.upsert({ where: { key: "ops.note" }, create: { key: "ops.note", value: "a" }, update: {} });
    const rest = await request(t.app)
      .patch(`${API}/settings/settings/ops.note`)
      .set("Authorization", editor.auth)
      .send({ key: "ops.other", value: "b" });
    expect(rest.status).toBe(400);
    expect(rest.body.errors.map((e: { field: string }) => e.field)).toEqual(["key"]);
    expect(await prisma.setting.findMany({ where: { key: { in: ["ops.note", "ops.other"] } } })).toEqual([
      expect.objectContaining({ key: "ops.note", value: "a" }),
    ]);
    // The admin form shows the key as text (FormStageField): another key posted anyway is refused by name,
    // the key posted back unchanged is no change.
    const renamed = await editorAgent
      .post("/admin/api/resources/settings/records/ops.note/edit")
      .type("form")
      .send({ key: "ops.other", value: JSON.stringify("c") });
    expect(Object.keys(renamed.body.record.errors)).toEqual(["key"]);
    const same = await editorAgent
      .post("/admin/api/resources/settings/records/ops.note/edit")
      .type("form")
      .send({ key: "ops.note", value: JSON.stringify("c") });
    expect(same.body.notice?.type).toBe("success");
    expect(await prisma.setting.findMany({ where: { key: { in: ["ops.note", "ops.other"] } } })).toEqual([
      expect.objectContaining({ key: "ops.note", value: "c" }),
    ]);
  });
});
