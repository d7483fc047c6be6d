// The Queue IA metrics on the real PostgreSQL: each figure against the fixtures worked out by hand,
// and against a recomputation from the rows themselves; the pure helpers; the page's data and refusal.
import type { AiRequest } from "@prisma/client";
import { createPrisma, type PrismaClient } from "../../db/prisma.js";
import { runWithContext, type CurrentAdmin } from "../../lib/request-context.js";
import { makeAdmin, makeCustomer } from "../../../test/factories/index.js";
import { makeQueuedRequest } from "../../../test/factories/ai-queue.js";
import {
  METRIC_PERIODS,
  parsePeriod,
  periodStart,
  queueBoard,
  queueBoardPage,
  queueMetrics,
  rate,
  slaHoursFor,
  slaLevel,
  type MetricPeriod,
} from "./metrics.js";

const NOW = new Date("2026-06-15T12:00:00.000Z");
const H = 3_600_000;
const ago = (hours: number) => new Date(NOW.getTime() - hours * H);

let prisma: PrismaClient;
let alice: Awaited<ReturnType<typeof makeAdmin>>;
let bob: Awaited<ReturnType<typeof makeAdmin>>;
let open: Record<string, AiRequest>;

beforeAll(async () => {
  prisma = createPrisma(process.env.DATABASE_URL!);
  alice = await makeAdmin(prisma, { name: "Alice Queue", role: "editor" });
  bob = await makeAdmin(prisma, { name: "Bob Queue", role: "editor" });
  const customer = await makeCustomer(prisma, { name: "Plomberie Dupont" });
  const make = (data: Parameters<typeof makeQueuedRequest>[1]) =>
    makeQueuedRequest(prisma, { customerId: customer.id, ...data });
  // Decided requests (a rejection sets completed_at too).
  await make({ status: "completed", adminId: alice.id, createdAt: ago(10), startedAt: ago(8), completedAt: ago(2), actualCost: "2.50" }); // prettier-ignore
  await make({ status: "completed", adminId: alice.id, createdAt: ago(72), startedAt: ago(48), completedAt: ago(24), actualCost: "3.50" }); // prettier-ignore
  await make({ status: "completed", adminId: bob.id, createdAt: ago(480), completedAt: ago(240), actualCost: "12.00" }); // prettier-ignore
  // Exactly 7 days ago: outside the 7-day window (from, now], inside the 30-day one.
  await make({ status: "completed", adminId: alice.id, createdAt: ago(192), completedAt: ago(168), actualCost: "1.00" }); // prettier-ignore
  await make({ status: "rejected", adminId: bob.id, createdAt: ago(120), completedAt: ago(96) });
  await make({ status: "rejected", createdAt: ago(1440), completedAt: ago(960) });
  // Outside every window, and in the future of `now`.
  await make({ status: "completed", adminId: bob.id, createdAt: ago(2400), completedAt: ago(2280), actualCost: "5.00" }); // prettier-ignore
  await make({ status: "completed", adminId: bob.id, createdAt: ago(5), completedAt: ago(-1), actualCost: "9.00" }); // prettier-ignore
  // Open requests (the backlog) and one cancelled.
  open = {
    urgent: await make({ priority: 1, requestType: "services", createdAt: ago(3) }),
    normal: await make({ priority: 5, requestType: "content", createdAt: ago(13) }),
    mine: await make({ priority: 5, requestType: "content", status: "processing", adminId: alice.id, createdAt: ago(30), startedAt: ago(1) }), // prettier-ignore
    bobs: await make({ priority: 3, requestType: "images", status: "processing", adminId: bob.id, createdAt: ago(1) }), // prettier-ignore
    low: await make({ priority: 10, requestType: "images", createdAt: ago(80) }),
  };
  await make({ status: "cancelled", priority: 1, createdAt: ago(2) });
});
afterAll(() => prisma.$disconnect());

describe("queueMetrics, worked out by hand", () => {
  it("7 days", async () => {
    const m = await queueMetrics(prisma, 7, NOW);
    expect(m).toMatchObject({
      days: 7,
      from: ago(168).toISOString(),
      to: NOW.toISOString(),
      avgHoursCreatedToCompleted: 28, // (8 + 48) / 2
      avgHoursStartedToCompleted: 15, // (6 + 24) / 2
      decided: 3,
      completed: 2,
      rejected: 1,
      completionRate: 0.6667,
      rejectionRate: 0.3333,
      revenue: "6.00",
      perAdmin: [{ adminId: alice.id, name: "Alice Queue", count: 2 }],
    });
  });

  it("30 days", async () => {
    const m = await queueMetrics(prisma, 30, NOW);
    expect(m).toMatchObject({
      avgHoursCreatedToCompleted: 80, // (8 + 48 + 240 + 24) / 4
      avgHoursStartedToCompleted: 15, // only two were taken
      decided: 5,
      completed: 4,
      rejected: 1,
      completionRate: 0.8,
      rejectionRate: 0.2,
      revenue: "19.00",
      perAdmin: [
        { adminId: alice.id, name: "Alice Queue", count: 3 },
        { adminId: bob.id, name: "Bob Queue", count: 1 },
      ],
    });
  });

  it("90 days", async () => {
    const m = await queueMetrics(prisma, 90, NOW);
    expect(m).toMatchObject({ decided: 6, completed: 4, rejected: 2, completionRate: 0.6667, rejectionRate: 0.3333 });
    expect(m.revenue).toBe("19.00");
  });

  it("backlog: pending and processing now, by priority and by type", async () => {
    const m = await queueMetrics(prisma, 7, NOW);
    expect(m.backlog).toEqual({
      total: 5,
      byPriority: [
        { priority: 1, count: 1 },
        { priority: 3, count: 1 },
        { priority: 5, count: 2 },
        { priority: 10, count: 1 },
      ],
      byType: [
        { requestType: "services", count: 1 },
        { requestType: "content", count: 2 },
        { requestType: "images", count: 2 },
      ],
    });
  });

  it("is empty, not failing, for a window with nothing decided", async () => {
    const m = await queueMetrics(prisma, 7, new Date("2020-01-01T00:00:00Z"));
    expect(m).toMatchObject({
      decided: 0,
      completionRate: null,
      rejectionRate: null,
      avgHoursCreatedToCompleted: null,
      avgHoursStartedToCompleted: null,
      revenue: "0.00",
      perAdmin: [],
    });
  });

  it("refuses any other period", async () => {
    await expect(queueMetrics(prisma, 14 as MetricPeriod, NOW)).rejects.toMatchObject({ code: "validation" });
  });
});

describe("queueMetrics against the rows themselves", () => {
  it.each(METRIC_PERIODS)("%i days", async (days) => {
    const from = periodStart(days, NOW).getTime();
    const rows = await prisma.aiRequest.findMany({ include: { admin: true } });
    const decided = rows.filter(
      (r) =>
        (r.status === "completed" || r.status === "rejected") &&
        r.completedAt !== null &&
        r.completedAt.getTime() > from &&
        r.completedAt.getTime() <= NOW.getTime(),
    );
    const completed = decided.filter((r) => r.status === "completed");
    const mean = (values: number[]) =>
      values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length / H) * 100) / 100 : null;
    const cents = completed.reduce((sum, r) => sum + Math.round(Number(r.actualCost ?? 0) * 100), 0);
    const perAdmin = new Map<number, number>();
    for (const r of completed) if (r.adminId) perAdmin.set(r.adminId, (perAdmin.get(r.adminId) ?? 0) + 1);

    const m = await queueMetrics(prisma, days, NOW);
    expect(m.decided).toBe(decided.length);
    expect(m.completed).toBe(completed.length);
    expect(m.rejected).toBe(decided.length - completed.length);
    expect(m.avgHoursCreatedToCompleted).toBe(mean(completed.map((r) => r.completedAt!.getTime() - r.createdAt.getTime()))); // prettier-ignore
    expect(m.avgHoursStartedToCompleted).toBe(
      mean(completed.filter((r) => r.startedAt).map((r) => r.completedAt!.getTime() - r.startedAt!.getTime())),
    );
    expect(m.revenue).toBe((cents / 100).toFixed(2));
    expect(Object.fromEntries(m.perAdmin.map((a) => [a.adminId, a.count]))).toEqual(Object.fromEntries(perAdmin));
    const backlog = rows.filter((r) => r.status === "pending" || r.status === "processing");
    expect(m.backlog.total).toBe(backlog.length);
  });
});

describe("metric helpers", () => {
  it("parsePeriod accepts 7, 30, 90 (numbers or strings) and names `days` otherwise", () => {
    expect(parsePeriod("7")).toBe(7);
    expect(parsePeriod(30)).toBe(30);
    expect(parsePeriod(undefined, 30)).toBe(30);
    for (const bad of ["14", "abc", "7.0", "", undefined, 0, -7, ["7"]]) {
      expect(() => parsePeriod(bad)).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ field: "days" })] })); // prettier-ignore
    }
  });

  it("rate rounds to 4 decimals and is null with nothing decided", () => {
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(0, 0)).toBeNull();
  });

  it("slaHoursFor: own entry, else the closest more urgent, else the most urgent", () => {
    const sla = { "1": 4, "5": 24, "10": 72 };
    expect(slaHoursFor(1, sla)).toBe(4);
    expect(slaHoursFor(3, sla)).toBe(4);
    expect(slaHoursFor(5, sla)).toBe(24);
    expect(slaHoursFor(9, sla)).toBe(24);
    expect(slaHoursFor(10, sla)).toBe(72);
    expect(slaHoursFor(2, { "5": 24 })).toBe(24);
    expect(slaHoursFor(2, {})).toBeNull();
  });

  it("slaLevel: green below half, orange below the SLA, red from it", () => {
    expect(slaLevel(11.99, 24)).toBe("ok");
    expect(slaLevel(12, 24)).toBe("warning");
    expect(slaLevel(23.99, 24)).toBe("warning");
    expect(slaLevel(24, 24)).toBe("breached");
    expect(slaLevel(1000, null)).toBe("ok");
  });
});

describe("the Queue IA page", () => {
  const SLA = { "1": 4, "5": 24, "10": 72 };
  const asAdmin = <T>(
    admin: { id: number; email: string; name: string; role: string },
    permissions: string[] | null,
    fn: () => T,
  ) =>
    // prettier-ignore
    runWithContext(
      {
        admin: { ...admin, permissions, status: "active" } as CurrentAdmin,
        ip: null,
        userAgent: null,
        via: "admin",
      },
      fn,
    );

  it("lists each tab by priority then age, with age and SLA colour", async () => {
    const unassigned = await queueBoard(prisma, "unassigned", alice.id, SLA, NOW);
    expect(unassigned.map((r) => r.id)).toEqual([open.urgent!.id, open.normal!.id, open.low!.id]);
    expect(unassigned[0]).toMatchObject({ customerName: "Plomberie Dupont", ageHours: 3, slaHours: 4, sla: "warning" }); // prettier-ignore
    expect(unassigned[1]).toMatchObject({ ageHours: 13, slaHours: 24, sla: "warning" });
    expect(unassigned[2]).toMatchObject({ ageHours: 80, slaHours: 72, sla: "breached" });
    const mine = await queueBoard(prisma, "mine", alice.id, SLA, NOW);
    expect(mine.map((r) => r.id)).toEqual([open.mine!.id]);
    expect(mine[0]).toMatchObject({ adminId: alice.id, sla: "breached" });
    const all = await queueBoard(prisma, "all", alice.id, SLA, NOW);
    expect(all.map((r) => r.id)).toEqual([open.urgent!.id, open.bobs!.id, open.mine!.id, open.normal!.id, open.low!.id]); // prettier-ignore
    expect(all[1]).toMatchObject({ ageHours: 1, slaHours: 4, sla: "ok" });
  });

  it("gives the page's data to an admin with ai_queue.view, metrics only with ai_queue.stats", async () => {
    const page = await asAdmin(alice, null, () => queueBoardPage(prisma, { tab: "mine", days: "7" }, NOW));
    expect(page).toMatchObject({ adminId: alice.id, tab: "mine", days: 7, canProcess: true, sla: SLA });
    if ("error" in page) throw new Error(page.error);
    expect(page.requests.map((r) => r.id)).toEqual([open.mine!.id]);
    expect(page.metrics).toMatchObject({ days: 7, decided: 3 });
    const narrow = await asAdmin(bob, ["ai_queue.view"], () => queueBoardPage(prisma, {}, NOW));
    expect(narrow).toMatchObject({ tab: "unassigned", days: 30, canProcess: false, metrics: null });
  });

  it("refuses an admin without ai_queue.view, and a bad period", async () => {
    expect(await asAdmin(bob, ["customers.view"], () => queueBoardPage(prisma, {}, NOW))).toEqual({
      error: "queueBoardForbidden",
    });
    expect(await queueBoardPage(prisma, {}, NOW)).toEqual({ error: "queueBoardForbidden" });
    expect(await asAdmin(alice, null, () => queueBoardPage(prisma, { days: "365" }, NOW))).toEqual({
      error: "queueBoardBadPeriod",
    });
  });
});
