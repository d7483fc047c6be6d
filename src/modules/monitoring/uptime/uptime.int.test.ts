// Uptime and response time on the real PostgreSQL, against fixtures worked out by hand: read from the raw
// rows, then from the rollups, the same figures; the rollup is idempotent; the retention job creates
// partitions ahead and drops them behind.
import type { PrismaClient } from "@prisma/client";
import { createPrisma } from "../../../db/prisma.js";
import { makeSite } from "../../../../test/factories/admin-resources.js";
import { readUptime, uptimeBars } from "./read-uptime.js";
import { runRollup } from "./rollup.js";
import { partitionDays, partitionName, planPartitions, runRetention } from "./partitions.js";

const NOW = new Date("2026-06-15T12:30:00.000Z"); // a Monday
const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

let prisma: PrismaClient;
let siteA: number;
let siteB: number;

interface Check {
  at: string;
  up: boolean;
  ms?: number | null;
}

const checks = (siteId: number, list: Check[]) =>
  prisma.siteMonitoring.createMany({
    data: list.map((c) => ({
      siteId,
      checkTime: at(c.at),
      isUp: c.up,
      responseTimeMs: c.up ? (c.ms ?? 100) : null,
      statusCode: c.up ? 200 : 503,
      checkType: "http" as const,
    })),
  });

const series = (startIso: string, minutes: number, list: Omit<Check, "at">[]) =>
  list.map((c, i) => ({ ...c, at: new Date(at(startIso).getTime() + i * minutes * 60_000).toISOString() }));

beforeAll(async () => {
  prisma = createPrisma(process.env.DATABASE_URL!);
  siteA = (await makeSite(prisma)).id;
  siteB = (await makeSite(prisma)).id;
  const up = (ms: number) => ({ up: true, ms });
  const down = { up: false };
  // Within the last 24 h (from 2026-06-14T12:30): 20 up (10 x 100 ms, 9 x 200 ms, 1 x 1000 ms), 4 down
  // (failed checks before any incident opens: the monitor is pending, the check counts down), 3 down
  // inside a one-off maintenance (excluded), and 1 up at 100 ms in the open hour.
  await checks(siteA, [
    ...series("2026-06-15T01:00:00Z", 10, [...Array(10).fill(up(100)), ...Array(9).fill(up(200)), up(1000)]),
    ...series("2026-06-15T08:00:00Z", 5, [down, down, down, down]),
    ...series("2026-06-15T05:10:00Z", 10, [down, down, down]),
    { at: "2026-06-15T12:10:00Z", up: true, ms: 100 },
  ]);
  await prisma.maintenanceWindow.create({
    data: {
      siteId: siteA,
      title: "Migration",
      kind: "one_off",
      startsAt: at("2026-06-15T05:00:00Z"),
      endsAt: at("2026-06-15T06:00:00Z"),
    },
  });
  // Between 24 h and 7 days: 15 up at 300 ms, 5 down.
  await checks(siteA, series("2026-06-10T09:00:00Z", 5, [...Array(15).fill(up(300)), down, down, down, down, down]));
  // Between 7 and 30 days: 10 up at 50 ms, and 4 down during the weekly maintenance (Sundays 03:00 Paris
  // for an hour: 2026-05-31T01:00Z in summer time).
  await checks(siteA, series("2026-05-20T10:00:00Z", 5, Array(10).fill(up(50))));
  await checks(siteA, series("2026-05-31T01:10:00Z", 10, [down, down, down, down]));
  await prisma.maintenanceWindow.create({
    data: { siteId: siteA, title: "Weekly", kind: "weekly", weekday: 0, startMinute: 180, durationMinutes: 60 },
  });
  // 45 days ago: 10 down, in the year only.
  await checks(siteA, series("2026-05-01T10:00:00Z", 5, Array(10).fill(down)));
  // Another site's failures never count for site A.
  await checks(siteB, series("2026-06-15T02:00:00Z", 5, [down, down, down, down, down]));
});

afterAll(() => prisma.$disconnect());

const EXPECTED = {
  // 21 up / 25; times 11 x 100, 9 x 200, 1 x 1000: p50 = 11th = 100, p95 = 20th = 200.
  "24h": {
    uptime: 21 / 25,
    up: 21,
    down: 4,
    maintenance: 3,
    responseTime: { avg: 1000 / 21 + 2900 / 21, p50: 100, p95: 200 },
  },
  // 36 up / 45; + 15 x 300: p50 = 18th = 200, p95 = 35th = 300.
  "7d": { uptime: 36 / 45, up: 36, down: 9, maintenance: 3, responseTime: { p50: 200, p95: 300 } },
  // 46 up / 55; + 10 x 50: p50 = 23rd = 200, p95 = 44th = 300.
  "30d": { uptime: 46 / 55, up: 46, down: 9, maintenance: 7, responseTime: { p50: 200, p95: 300 } },
  "1y": { uptime: 46 / 65, up: 46, down: 19, maintenance: 7, responseTime: { p50: 200, p95: 300 } },
} as const;

async function figuresOfA() {
  const all = await readUptime(prisma, { siteId: siteA, checkType: "http" }, ["24h", "7d", "30d", "1y"], NOW);
  return Object.fromEntries(all.map((f) => [f.window, f]));
}

function expectHandComputed(got: Awaited<ReturnType<typeof figuresOfA>>) {
  for (const [window, want] of Object.entries(EXPECTED)) {
    const f = got[window]!;
    expect({ window, up: f.up, down: f.down, maintenance: f.maintenance }).toEqual({
      window,
      up: want.up,
      down: want.down,
      maintenance: want.maintenance,
    });
    expect(f.uptime).toBeCloseTo(want.uptime, 10);
    expect(f.responseTime.p50).toBe(want.responseTime.p50);
    expect(f.responseTime.p95).toBe(want.responseTime.p95);
  }
  expect(got["24h"]!.responseTime.avg).toBe(Math.round((11 * 100 + 9 * 200 + 1000) / 21));
}

describe("monitoring uptime", () => {
  it("should equal the hand-computed figures read from the raw rows, before any rollup", async () => {
    expectHandComputed(await figuresOfA());
  });

  it("should give the same figures from the hourly and daily rollups plus the open hour", async () => {
    const result = await runRollup(prisma, NOW);
    expect(result.hours?.to).toBe("2026-06-15T12:00:00.000Z");
    expect(result.days?.to).toBe("2026-06-15T00:00:00.000Z");
    const [hourly] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM site_monitoring_hourly WHERE site_id = ${siteA}`;
    expect(hourly!.n).toBeGreaterThan(0);
    expectHandComputed(await figuresOfA());
  });

  it("should write the same rollup rows when run again, or from scratch", async () => {
    const snapshot = () =>
      prisma.$queryRaw<unknown[]>`
        SELECT 'h' AS g, site_id, hour::text AS at, up_count, down_count, maintenance_count, rt_count, rt_sum::text, rt_max, rt_buckets
          FROM site_monitoring_hourly
        UNION ALL
        SELECT 'd', site_id, day::text, up_count, down_count, maintenance_count, rt_count, rt_sum::text, rt_max, rt_buckets
          FROM site_monitoring_daily
        ORDER BY 1, 2, 3`;
    const first = await snapshot();
    await runRollup(prisma, NOW);
    expect(await snapshot()).toEqual(first);
    await prisma.$executeRaw`DELETE FROM site_monitoring_rollup_state`;
    await runRollup(prisma, NOW);
    expect(await snapshot()).toEqual(first);
    // The day of 2026-06-10: 15 up, 5 down, response times 15 x 300 ms in the bucket of 300.
    const [day] = await prisma.$queryRaw<{ up_count: number; down_count: number; rt_sum: bigint }[]>`
      SELECT up_count, down_count, rt_sum FROM site_monitoring_daily WHERE site_id = ${siteA} AND day = '2026-06-10'`;
    expect({ ...day, rt_sum: Number(day!.rt_sum) }).toEqual({ up_count: 15, down_count: 5, rt_sum: 4500 });
  });

  it("should not count another site's checks, and show a day bar from the daily rollups", async () => {
    const [b] = await readUptime(prisma, { siteId: siteB, checkType: "http" }, ["24h"], NOW);
    expect(b).toEqual(expect.objectContaining({ uptime: 0, up: 0, down: 5 }));
    const bars = await uptimeBars(prisma, [siteA], 90, NOW);
    const bar = bars.get(siteA)!;
    expect(bar).toHaveLength(90);
    expect(bar.at(-1)).toEqual({ day: "2026-06-14", uptime: null, down: 0 });
    expect(bar.find((d) => d.day === "2026-06-10")).toEqual({ day: "2026-06-10", uptime: 0.75, down: 5 });
    expect(bar.find((d) => d.day === "2026-05-31")).toEqual({ day: "2026-05-31", uptime: null, down: 0 });
  });
});

describe("monitoring raw retention", () => {
  it("should plan the days ahead to create and the days behind to drop", () => {
    const existing = [at("2026-05-14T00:00:00Z"), at("2026-05-15T00:00:00Z"), at("2026-05-16T00:00:00Z")];
    const plan = planPartitions(existing, NOW, 30, 2);
    expect(plan.drop.map(partitionName)).toEqual(["site_monitoring_p20260514", "site_monitoring_p20260515"]);
    expect(plan.create[0]).toEqual(at("2026-05-17T00:00:00Z"));
    expect(plan.create.at(-1)).toEqual(at("2026-06-17T00:00:00Z"));
    expect(plan.create).toHaveLength(32);
  });

  it("should create partitions ahead, move their rows in, and drop the days behind the retention", async () => {
    const partitionOf = async (iso: string) => {
      const [row] = await prisma.$queryRaw<{ p: string }[]>`
        SELECT tableoid::regclass::text AS p FROM site_monitoring WHERE site_id = ${siteA} AND check_time = ${at(iso)}`;
      return row?.p ?? null;
    };
    const first = await runRetention(prisma, { now: NOW, retentionDays: 30, aheadDays: 3 });
    expect(first.created).toEqual(expect.arrayContaining(["site_monitoring_p20260516", "site_monitoring_p20260618"]));
    expect(first.deletedFromDefault).toBe(10); // the checks of 2026-05-01
    expect(await partitionOf("2026-05-20T10:00:00Z")).toBe("site_monitoring_p20260520");
    expect(await partitionOf("2026-06-15T12:10:00Z")).toBe("site_monitoring_p20260615");
    const days = (await partitionDays(prisma)).map((d) => d.getTime());
    for (let d = at("2026-05-16T00:00:00Z").getTime(); d <= at("2026-06-18T00:00:00Z").getTime(); d += DAY) {
      expect(days).toContain(d);
    }
    // The year still counts the dropped day, from its daily rollup; the Prisma model still reads and writes.
    expectHandComputed(await figuresOfA());
    const row = await prisma.siteMonitoring.findFirst({ where: { siteId: siteA }, orderBy: { checkTime: "desc" } });
    expect(await prisma.siteMonitoring.findUnique({ where: { id: row!.id } })).toEqual(row);

    // Ten days later: the ten oldest days go, three more come.
    const later = await runRetention(prisma, {
      now: new Date(NOW.getTime() + 10 * DAY),
      retentionDays: 30,
      aheadDays: 3,
    });
    expect(later.dropped).toEqual(expect.arrayContaining(["site_monitoring_p20260516", "site_monitoring_p20260525"]));
    expect(later.dropped).not.toContain("site_monitoring_p20260526");
    expect(later.created).toEqual(["site_monitoring_p20260619", "site_monitoring_p20260620", "site_monitoring_p20260621", "site_monitoring_p20260622", "site_monitoring_p20260623", "site_monitoring_p20260624", "site_monitoring_p20260625", "site_monitoring_p20260626", "site_monitoring_p20260627", "site_monitoring_p20260628"]); // prettier-ignore
    expect(await partitionOf("2026-05-20T10:00:00Z")).toBeNull();
    expect(await partitionOf("2026-06-10T09:00:00Z")).toBe("site_monitoring_p20260610");
  });
});
