// Pause and resume through REST and AdminJS (monitoring.configure_alerts), and the monitors a site gets
// when it goes active through either write path.
import request from "supertest";
import { loginAgent, makeTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { API, makeApiLogin, type ApiLogin } from "../../../../test/factories/api.js";
import { makeCustomer } from "../../../../test/factories/index.js";
import { makeSite } from "../../../../test/factories/admin-resources.js";
import { makeMonitor } from "../../../../test/factories/monitoring.js";

let t: TestApp;
let editor: ApiLogin;
let viewer: ApiLogin;

beforeAll(async () => {
  t = await makeTestApp();
  editor = await makeApiLogin(t.app, t.deps.prisma, { role: "editor" });
  viewer = await makeApiLogin(t.app, t.deps.prisma, { role: "viewer" });
});

afterAll(async () => {
  await t.close();
});

const post = (path: string, who: ApiLogin) =>
  request(t.app).post(`${API}${path}`).set("Authorization", who.auth).send({});

describe("monitoring pause and resume", () => {
  it("pauses and resumes a monitor through REST, once each, audited", async () => {
    const monitor = await makeMonitor(t.deps.prisma);
    const paused = await post(`/monitoring/monitors/${monitor.id}/pause`, editor);
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ id: monitor.id, enabled: false });
    const again = await post(`/monitoring/monitors/${monitor.id}/pause`, editor);
    expect(again.status).toBe(409);
    expect(again.headers["content-type"]).toMatch(/problem\+json/);

    const resumed = await post(`/monitoring/monitors/${monitor.id}/resume`, editor);
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ enabled: true });
    expect((await post(`/monitoring/monitors/${monitor.id}/resume`, editor)).status).toBe(409);

    const audit = await t.deps.prisma.adminActivityLog.findMany({
      where: { resourceType: "monitors", resourceId: monitor.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.adminId])).toEqual([
      ["monitoring.monitor_pause", editor.admin.id],
      ["monitoring.monitor_resume", editor.admin.id],
    ]);
  });

  it("refuses a viewer (403) and an unknown monitor (404)", async () => {
    const monitor = await makeMonitor(t.deps.prisma);
    expect((await post(`/monitoring/monitors/${monitor.id}/pause`, viewer)).status).toBe(403);
    expect((await t.deps.prisma.monitor.findUniqueOrThrow({ where: { id: monitor.id } })).enabled).toBe(true);
    expect((await post(`/monitoring/monitors/999999/pause`, editor)).status).toBe(404);
  });

  it("runs the AdminJS record actions for an editor and refuses them to a viewer", async () => {
    const monitor = await makeMonitor(t.deps.prisma);
    const url = (action: string) => `/admin/api/resources/monitors/records/${monitor.id}/${action}`;
    const viewerAgent = await loginAgent(t.app, viewer.admin.email, viewer.admin.password);
    expect((await viewerAgent.post(url("pause")).send({})).status).toBe(403);
    const editorAgent = await loginAgent(t.app, editor.admin.email, editor.admin.password);
    const paused = await editorAgent.post(url("pause")).send({});
    expect(paused.status).toBe(200);
    expect(paused.body.notice).toMatchObject({ type: "success", message: "pauseDone" });
    expect((await t.deps.prisma.monitor.findUniqueOrThrow({ where: { id: monitor.id } })).enabled).toBe(false);
    const resumed = await editorAgent.post(url("resume")).send({});
    expect(resumed.body.notice).toMatchObject({ type: "success", message: "resumeDone" });
    expect((await t.deps.prisma.monitor.findUniqueOrThrow({ where: { id: monitor.id } })).enabled).toBe(true);
  });
});

describe("monitoring sites going active", () => {
  const monitorsOf = (siteId: number) =>
    t.deps.prisma.monitor.findMany({
      where: { siteId },
      orderBy: { type: "asc" },
      select: { type: true, target: true },
    });

  it("gives a site created active with a domain its http, ssl and dns monitors (REST)", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const res = await request(t.app)
      .post(`${API}/sites/sites`)
      .set("Authorization", editor.auth)
      .send({ customerId: customer.id, name: "Boulangerie", domain: "boulangerie.test", status: "active" });
    expect(res.status).toBe(201);
    expect(await monitorsOf(res.body.id)).toEqual([
      { type: "http", target: "https://boulangerie.test/" },
      { type: "ssl", target: "boulangerie.test" },
      { type: "dns", target: "boulangerie.test" },
    ]);
  });

  it("adds them when a draft site becomes active, once, and not for a site without a domain", async () => {
    const site = await makeSite(t.deps.prisma, { status: "draft", domain: "fleuriste.test" });
    expect(await monitorsOf(site.id)).toEqual([]);
    const patch = (body: Record<string, unknown>) =>
      request(t.app).patch(`${API}/sites/sites/${site.id}`).set("Authorization", editor.auth).send(body);
    expect((await patch({ status: "active" })).status).toBe(200);
    expect(await monitorsOf(site.id)).toHaveLength(3);
    // Suspended then active again: the same three, nothing doubled.
    await patch({ status: "suspended" });
    await patch({ status: "active" });
    expect(await monitorsOf(site.id)).toHaveLength(3);
    const audit = await t.deps.prisma.adminActivityLog.count({ where: { resourceType: "monitors", action: "create" } });
    expect(audit).toBeGreaterThanOrEqual(3);

    const bare = await makeSite(t.deps.prisma, { status: "draft", domain: null });
    await request(t.app).patch(`${API}/sites/sites/${bare.id}`).set("Authorization", editor.auth).send({
      status: "active",
    });
    expect(await monitorsOf(bare.id)).toEqual([]);
  });

  it("adds them when an admin activates a site in AdminJS", async () => {
    const site = await makeSite(t.deps.prisma, { status: "draft", domain: "garage.test" });
    const agent = await loginAgent(t.app, editor.admin.email, editor.admin.password);
    const res = await agent.post(`/admin/api/resources/sites/records/${site.id}/edit`).send({ status: "active" });
    expect(res.status).toBe(200);
    expect(await monitorsOf(site.id)).toHaveLength(3);
  });
});
