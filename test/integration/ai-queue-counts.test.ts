// One pending count (issue 13, item 11): the Queue IA page, the dashboard (AdminJS's and the REST one)
// and the ai_requests list filtered on "pending" give the same figure on the same data, whoever the
// pending requests are assigned to and whatever their age.
import request from "supertest";
import { API, makeApiLogin } from "../factories/api.js";
import { makeQueuedRequest } from "../factories/ai-queue.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { aiQueueCounts } from "../../src/modules/ai-queue/index.js";

let t: TestApp;

beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe("the pending count", () => {
  it("is the same on the Queue IA page, the dashboard and the list filtered on pending", async () => {
    const login = await makeApiLogin(t.app, t.deps.prisma, { role: "admin" });
    const hour = 3_600_000;
    const now = Date.now();
    // Pending: unassigned, assigned (a request handed back), old beyond any SLA, urgent.
    await makeQueuedRequest(t.deps.prisma, {});
    await makeQueuedRequest(t.deps.prisma, { adminId: login.admin.id });
    await makeQueuedRequest(t.deps.prisma, { createdAt: new Date(now - 30 * 24 * hour) });
    await makeQueuedRequest(t.deps.prisma, { priority: 1 });
    // Not pending.
    await makeQueuedRequest(t.deps.prisma, { status: "processing", adminId: login.admin.id, startedAt: new Date() });
    await makeQueuedRequest(t.deps.prisma, {
      status: "completed",
      adminId: login.admin.id,
      completedAt: new Date(now - hour),
      actualCost: "2.00",
    });
    await makeQueuedRequest(t.deps.prisma, { status: "rejected", completedAt: new Date(now - hour) });
    const pending = await t.deps.prisma.aiRequest.count({ where: { status: "pending" } });
    expect(pending).toBe(4);
    expect(await aiQueueCounts(t.deps.prisma)).toEqual({ pending: 4, processing: 1 });

    const agent = await loginAgent(t.app, login.admin.email, login.admin.password);
    const board = await agent.get("/admin/api/pages/queueBoard").query({ tab: "all" });
    expect(board.status).toBe(200);
    const list = await agent
      .get("/admin/api/resources/ai_requests/actions/list")
      .query({ "filters.status": "pending" });
    expect(list.status).toBe(200);
    const dashboard = await agent.get("/admin/api/dashboard");
    expect(dashboard.status).toBe(200);
    const rest = await request(t.app).get(`${API}/dashboard`).set("Authorization", login.auth);
    expect(rest.status).toBe(200);

    expect({
      board: board.body.counts.pending,
      list: list.body.meta.total,
      dashboard: dashboard.body.aiQueue.pending,
      rest: rest.body.aiQueue.pending,
    }).toEqual({ board: pending, list: pending, dashboard: pending, rest: pending });
    expect(board.body.counts.processing).toBe(dashboard.body.aiQueue.processing);
  });
});
