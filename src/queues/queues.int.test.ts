import { QueueEvents } from "bullmq";
import { makeAdmin } from "../../test/factories/index.js";
import { loginAgent, makeTestApp, type TestApp } from "../../test/helpers/app.js";
import { startWorkers, type Workers } from "./registry.js";
import { redisConnection } from "./queues.js";

let t: TestApp;
let workers: Workers;
let events: QueueEvents;

beforeAll(async () => {
  t = await makeTestApp();
  const { config } = t.deps;
  workers = startWorkers({ prisma: t.deps.prisma, log: t.deps.log, config, queues: t.deps.queues });
  events = new QueueEvents("maintenance", { connection: redisConnection(config.redisUrl), prefix: config.queuePrefix });
  await events.waitUntilReady();
});
afterAll(async () => {
  await workers.close();
  await events.close();
  await t.deps.queues.byName.maintenance.obliterate({ force: true });
  await t.close();
});

describe("queues", () => {
  it("purges expired sessions and API tokens in the maintenance job", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3600_000);
    await t.deps.prisma.session.createMany({
      data: [
        { sid: "expired", sess: {}, expire: past },
        { sid: "live", sess: {}, expire: future },
      ],
    });
    await t.deps.prisma.adminSession.createMany({
      data: [
        { id: "jti-expired", adminId: admin.id, expiresAt: past },
        { id: "jti-live", adminId: admin.id, expiresAt: future },
      ],
    });
    const job = await t.deps.queues.byName.maintenance.add("purge-expired-sessions", {});
    const result = await job.waitUntilFinished(events, 10_000);
    expect(result).toEqual({ sessions: 1, tokens: 1 });
    expect((await t.deps.prisma.session.findMany()).map((s) => s.sid)).toEqual(["live"]);
    expect((await t.deps.prisma.adminSession.findMany()).map((s) => s.id)).toEqual(["jti-live"]);
  });

  it("keeps failed jobs visible in Bull Board for a super admin", async () => {
    const job = await t.deps.queues.byName.maintenance.add("no-such-job", {}, { attempts: 1 });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/No processor for job "no-such-job"/);
    const sup = await makeAdmin(t.deps.prisma, { role: "super_admin" });
    const agent = await loginAgent(t.app, sup.email, sup.password);
    const res = await agent.get("/admin/queues/api/queues").query({ activeQueue: "maintenance", status: "failed" });
    expect(res.status).toBe(200);
    const queue = res.body.queues.find((q: { name: string }) => q.name === "maintenance");
    expect(queue.counts.failed).toBeGreaterThanOrEqual(1);
    expect(queue.jobs.map((j: { id: string }) => j.id)).toContain(job.id);
  });
});
