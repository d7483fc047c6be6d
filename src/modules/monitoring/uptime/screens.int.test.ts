// The monitoring screens and REST routes over the app: the status page and a site's monitoring view
// (AdminJS), GET /monitoring/uptime, the manual resolve (REST and AdminJS, conditional, audited), and
// site_monitoring's AdminJS list and record page on the partitioned table.
import request from "supertest";
import { makeTestApp, loginAgent, type TestApp } from "../../../../test/helpers/app.js";
import { makeAdmin, makeCustomer } from "../../../../test/factories/index.js";
import { makeSite } from "../../../../test/factories/admin-resources.js";
import { API, makeApiLogin, type ApiLogin } from "../../../../test/factories/api.js";

let t: TestApp;
let editor: ApiLogin;
let viewer: ApiLogin;
let siteId: number;
let quietSiteId: number;
let monitorId: number;
let incidentId: number;

beforeAll(async () => {
  t = await makeTestApp();
  const { prisma } = t.deps;
  editor = await makeApiLogin(t.app, prisma, { role: "editor" });
  viewer = await makeApiLogin(t.app, prisma, { role: "viewer" });
  const customer = await makeCustomer(prisma, { name: "Boulangerie Martin", planType: "pro" });
  const site = await makeSite(prisma, { customerId: customer.id, status: "active", name: "Martin" });
  const quiet = await makeSite(prisma, { status: "active", name: "Quiet" });
  [siteId, quietSiteId] = [site.id, quiet.id];
  const monitor = await prisma.monitor.create({
    data: { siteId, type: "http", target: "https://martin.test/", state: "down" },
  });
  monitorId = monitor.id;
  await prisma.monitor.create({
    data: { siteId: quietSiteId, type: "http", target: "https://quiet.test/", state: "up" },
  });
  incidentId = (await prisma.incident.create({ data: { siteId, monitorId, cause: "HTTP 503" } })).id;
  const now = Date.now();
  // The last hour: 3 up (100, 200, 200 ms) and 1 down.
  await prisma.siteMonitoring.createMany({
    data: [100, 200, 200, null].map((ms, i) => ({
      siteId,
      checkTime: new Date(now - (i + 1) * 60_000),
      isUp: ms !== null,
      responseTimeMs: ms,
      statusCode: ms === null ? 503 : 200,
    })),
  });
});

afterAll(() => t.close());

describe("GET /monitoring/uptime", () => {
  it("should answer the four windows of a site, and one window of a monitor", async () => {
    const res = await request(t.app)
      .get(`${API}/monitoring/uptime`)
      .set("Authorization", viewer.auth)
      .query({ site_id: siteId });
    expect(res.status).toBe(200);
    expect(res.body.windows.map((w: { window: string }) => w.window)).toEqual(["24h", "7d", "30d", "1y"]);
    expect(res.body.windows[0]).toEqual(
      expect.objectContaining({
        uptime: 0.75,
        up: 3,
        down: 1,
        maintenance: 0,
        responseTime: { avg: 167, p50: 200, p95: 200 },
      }),
    );
    const one = await request(t.app)
      .get(`${API}/monitoring/uptime`)
      .set("Authorization", viewer.auth)
      .query({ monitor_id: monitorId, window: "7d" });
    expect(one.status).toBe(200);
    expect(one.body).toEqual(expect.objectContaining({ siteId, checkType: "http", monitorId }));
    expect(one.body.windows).toHaveLength(1);
  });

  it("should refuse a bad window, neither site nor monitor, and unknown ids, naming the field", async () => {
    const get = (query: Record<string, unknown>) =>
      request(t.app).get(`${API}/monitoring/uptime`).set("Authorization", viewer.auth).query(query);
    const bad = await get({ site_id: siteId, window: "2d" });
    expect(bad.status).toBe(400);
    expect(bad.type).toBe("application/problem+json");
    expect(bad.body.errors[0].field).toBe("window");
    expect((await get({})).body.errors[0].field).toBe("site_id");
    expect((await get({ site_id: 99999999 })).status).toBe(404);
    expect((await get({ monitor_id: 99999999 })).status).toBe(404);
  });
});

describe("resolving an incident by hand", () => {
  it("should refuse a viewer, resolve once for an editor with an audit row, then answer 409", async () => {
    const path = `${API}/monitoring/incidents/${incidentId}/resolve`;
    expect((await request(t.app).post(path).set("Authorization", viewer.auth)).status).toBe(403);
    const res = await request(t.app).post(path).set("Authorization", editor.auth);
    expect(res.status).toBe(200);
    expect(res.body.resolvedAt).toEqual(expect.any(String));
    const log = await t.deps.prisma.adminActivityLog.findMany({
      where: { resourceType: "incidents", resourceId: incidentId },
    });
    expect(log).toEqual([expect.objectContaining({ action: "resolve", adminId: editor.admin.id })]);
    const again = await request(t.app).post(path).set("Authorization", editor.auth);
    expect(again.status).toBe(409);
    expect(again.type).toBe("application/problem+json");
    expect(
      (await request(t.app).post(`${API}/monitoring/incidents/99999999/resolve`).set("Authorization", editor.auth))
        .status,
    ).toBe(404);
  });

  it("should resolve from the incident's AdminJS action", async () => {
    const { prisma } = t.deps;
    const open = await prisma.incident.create({ data: { siteId, monitorId, cause: "timeout" } });
    const admin = await makeAdmin(prisma, { role: "editor" });
    const agent = await loginAgent(t.app, admin.email, admin.password);
    const res = await agent.post(`/admin/api/resources/incidents/records/${open.id}/resolve`).send({});
    expect(res.status).toBe(200);
    expect(res.body.notice).toEqual(expect.objectContaining({ type: "success" }));
    expect((await prisma.incident.findUniqueOrThrow({ where: { id: open.id } })).resolvedAt).not.toBeNull();
  });
});

describe("monitoring screens", () => {
  let agent: Awaited<ReturnType<typeof loginAgent>>;
  beforeAll(async () => {
    const admin = await makeAdmin(t.deps.prisma, { role: "viewer" });
    agent = await loginAgent(t.app, admin.email, admin.password);
    await t.deps.prisma.incident.create({ data: { siteId, monitorId, cause: "HTTP 500" } });
  });

  it("should list sites down first with a 90-day bar and open incidents, filtered by state, plan and search", async () => {
    const all = await agent.get("/admin/api/pages/monitoringStatus");
    expect(all.status).toBe(200);
    const names = all.body.sites.map((s: { name: string }) => s.name);
    expect(names.indexOf("Martin")).toBeLessThan(names.indexOf("Quiet"));
    const martin = all.body.sites.find((s: { id: number }) => s.id === siteId);
    expect(martin).toEqual(expect.objectContaining({ state: "down", customer: "Boulangerie Martin", plan: "pro" }));
    expect(martin.bar).toHaveLength(90);
    expect(martin.openIncidents.map((i: { cause: string }) => i.cause)).toEqual(["HTTP 500"]);
    const down = await agent.get("/admin/api/pages/monitoringStatus").query({ state: "down" });
    expect(down.body.sites.map((s: { id: number }) => s.id)).toEqual([siteId]);
    const up = await agent.get("/admin/api/pages/monitoringStatus").query({ state: "up", q: "quiet" });
    expect(up.body.sites.map((s: { id: number }) => s.id)).toEqual([quietSiteId]);
    const pro = await agent.get("/admin/api/pages/monitoringStatus").query({ plan: "pro", q: "martin" });
    expect(pro.body.sites.map((s: { id: number }) => s.id)).toEqual([siteId]);
  });

  it("should show a site's monitors with their uptime, 24 hourly response times and incidents", async () => {
    const res = await agent.get(`/admin/api/resources/sites/records/${siteId}/surveillance`);
    expect(res.status).toBe(200);
    const view = res.body.monitoring;
    expect(view.monitors).toHaveLength(1);
    expect(view.monitors[0].uptime.map((u: { uptime: number }) => u.uptime)).toEqual([0.75, 0.75, 0.75, 0.75]);
    expect(view.responseTimes).toHaveLength(24);
    expect(view.incidents.length).toBeGreaterThanOrEqual(2);
    expect(view.canResolve).toBe(false);
  });

  it("should refuse both to an admin without monitoring.view", async () => {
    const admin = await makeAdmin(t.deps.prisma, { role: "viewer", permissions: ["sites.view"] });
    const restricted = await loginAgent(t.app, admin.email, admin.password);
    expect((await restricted.get("/admin/api/pages/monitoringStatus")).body).toEqual({ error: "monitoringForbidden" });
    const res = await restricted.get(`/admin/api/resources/sites/records/${siteId}/surveillance`);
    expect(res.body.monitoring).toBeUndefined();
  });

  it("should list and show site_monitoring rows of the partitioned table in AdminJS", async () => {
    const list = await agent.get("/admin/api/resources/site_monitoring/actions/list");
    expect(list.status).toBe(200);
    expect(list.body.records.length).toBe(4);
    const id = list.body.records[0].id;
    const show = await agent.get(`/admin/api/resources/site_monitoring/records/${id}/show`);
    expect(show.status).toBe(200);
    expect(show.body.record.params).toEqual(expect.objectContaining({ id, site: siteId, isUp: true }));
  });
});
