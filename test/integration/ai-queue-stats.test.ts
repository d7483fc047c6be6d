// REST GET /admin/api/v1/ai-queue/stats: the metrics for ai_queue.stats, 403 without it, 400 on `days`.
import request, { type Response } from "supertest";
import { API, makeApiLogin, type ApiLogin } from "../factories/api.js";
import { makeQueuedRequest } from "../factories/ai-queue.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { makeAdmin } from "../factories/index.js";

let t: TestApp;
let viewer: ApiLogin;
let restricted: ApiLogin;
let worker: ApiLogin;

beforeAll(async () => {
  t = await makeTestApp();
  viewer = await makeApiLogin(t.app, t.deps.prisma, { role: "viewer" });
  restricted = await makeApiLogin(t.app, t.deps.prisma, { role: "editor", permissions: ["ai_queue.view"] });
  worker = await makeApiLogin(t.app, t.deps.prisma, { role: "editor", name: "Stats Worker" });
  const hour = 3_600_000;
  const now = Date.now();
  await makeQueuedRequest(t.deps.prisma, {
    status: "completed",
    adminId: worker.admin.id,
    createdAt: new Date(now - 10 * hour),
    startedAt: new Date(now - 6 * hour),
    completedAt: new Date(now - 2 * hour),
    actualCost: "4.25",
  });
  await makeQueuedRequest(t.deps.prisma, {
    status: "completed",
    adminId: worker.admin.id,
    createdAt: new Date(now - 20 * 24 * hour),
    completedAt: new Date(now - 10 * 24 * hour),
    actualCost: "12.00",
  });
  await makeQueuedRequest(t.deps.prisma, { status: "rejected", createdAt: new Date(now - 5 * hour), completedAt: new Date(now - 4 * hour) }); // prettier-ignore
  await makeQueuedRequest(t.deps.prisma, { priority: 1 });
});
afterAll(() => t.close());

const stats = (login: ApiLogin, query = "") =>
  request(t.app).get(`${API}/ai-queue/stats${query}`).set("Authorization", login.auth);

function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
}

describe("GET /ai-queue/stats", () => {
  it("answers the metrics of the period to a viewer (ai_queue.stats is a read permission)", async () => {
    const week = await stats(viewer, "?days=7");
    expect(week.status).toBe(200);
    expect(week.headers["cache-control"]).toBe("no-store");
    expect(week.body).toMatchObject({
      days: 7,
      decided: 2,
      completed: 1,
      rejected: 1,
      completionRate: 0.5,
      rejectionRate: 0.5,
      avgHoursCreatedToCompleted: 8,
      avgHoursStartedToCompleted: 4,
      revenue: "4.25",
      perAdmin: [{ adminId: worker.admin.id, name: "Stats Worker", count: 1 }],
      backlog: { total: 1, byPriority: [{ priority: 1, count: 1 }], byType: [{ requestType: "services", count: 1 }] },
    });
    const month = await stats(viewer, "?days=30");
    expect(month.body).toMatchObject({ days: 30, decided: 3, completed: 2, revenue: "16.25" });
    expect((await stats(viewer)).body.days).toBe(30);
  });

  it("answers 403 to an admin narrowed to ai_queue.view", async () => {
    expectProblem(await stats(restricted, "?days=7"), 403);
  });

  it("answers 401 without a token", async () => {
    expect((await request(t.app).get(`${API}/ai-queue/stats`)).status).toBe(401);
  });

  it.each(["?days=14", "?days=abc", "?days=", "?days=7&days=30"])("answers 400 naming days for %s", async (query) => {
    const res = await stats(viewer, query);
    expectProblem(res, 400);
    expect(JSON.stringify(res.body)).toContain('"days"');
  });
});

describe("the Queue IA page (AdminJS /admin/api/pages/queueBoard)", () => {
  it("gives the open requests and the metrics to an admin with ai_queue.view", async () => {
    const agent = await loginAgent(t.app, viewer.admin.email, viewer.admin.password);
    const res = await agent.get("/admin/api/pages/queueBoard").query({ tab: "all", days: "7" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ adminId: viewer.admin.id, tab: "all", days: 7, canProcess: false });
    expect(res.body.requests).toHaveLength(1);
    expect(res.body.requests[0]).toMatchObject({ priority: 1, status: "pending", adminId: null, slaHours: 4 });
    expect(res.body.metrics).toMatchObject({ days: 7, decided: 2, revenue: "4.25" });
  });

  it("answers an error, and no data, to an admin without ai_queue.view", async () => {
    const outsider = await makeAdmin(t.deps.prisma, { role: "editor", permissions: ["customers.view"] });
    const agent = await loginAgent(t.app, outsider.email, outsider.password);
    const res = await agent.get("/admin/api/pages/queueBoard");
    expect(res.body).toEqual({ error: "queueBoardForbidden" });
  });
});
