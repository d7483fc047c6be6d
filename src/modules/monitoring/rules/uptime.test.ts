import {
  RT_BOUNDS,
  RT_BUCKETS,
  bucketOf,
  mergeSummaries,
  percentile,
  planWindow,
  summarise,
  uptimeRatio,
  type CheckLike,
} from "./uptime.js";

const up = (ms: number): CheckLike => ({ isUp: true, responseTimeMs: ms, inMaintenance: false });
const down: CheckLike = { isUp: false, responseTimeMs: null, inMaintenance: false };
const at = (iso: string) => new Date(iso).getTime();

describe("uptime", () => {
  it("should count up / (up + down), a failed check while pending as down, and leave maintenance out", () => {
    const s = summarise([
      up(100),
      up(100),
      up(100),
      down, // a failure below the failure threshold: the monitor is still pending, the check is down
      { isUp: false, responseTimeMs: null, inMaintenance: true },
      { isUp: true, responseTimeMs: 5000, inMaintenance: true },
    ]);
    expect(s).toEqual(expect.objectContaining({ up: 3, down: 1, maintenance: 2, rtCount: 3, rtSum: 300, rtMax: 100 }));
    expect(uptimeRatio(s)).toBe(0.75);
    expect(uptimeRatio(summarise([]))).toBeNull();
  });

  it("should put a time in the bucket whose upper bound is the first at or above it", () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(1)).toBe(1);
    expect(bucketOf(5)).toBe(1);
    expect(bucketOf(6)).toBe(2);
    expect(bucketOf(100)).toBe(RT_BOUNDS.indexOf(100));
    expect(bucketOf(101)).toBe(RT_BOUNDS.indexOf(110));
    expect(bucketOf(60000)).toBe(RT_BOUNDS.length - 1);
    expect(bucketOf(60001)).toBe(RT_BUCKETS - 1);
  });

  it("should read p50 and p95 by nearest rank, exactly for times on a bound", () => {
    // 20 checks: 10 at 100 ms, 9 at 200 ms, 1 at 1000 ms. p50 = 10th = 100; p95 = 19th = 200; p100 = 1000.
    const times = [...Array(10).fill(100), ...Array(9).fill(200), 1000];
    const s = summarise(times.map(up));
    expect(percentile(s, 0.5)).toBe(100);
    expect(percentile(s, 0.95)).toBe(200);
    expect(percentile(s, 1)).toBe(1000);
  });

  it("should over-report a time between bounds by at most one bucket, never beyond the largest seen", () => {
    expect(percentile(summarise([up(161)]), 0.95)).toBe(161); // clamped to the largest time
    const s = summarise([up(161), up(900)]);
    expect(percentile(s, 0.5)).toBe(180);
    for (let ms = 1; ms <= 60000; ms += 7) {
      const p = percentile(summarise([up(ms), up(ms + 100000)]), 0.5)!;
      expect(p).toBeGreaterThanOrEqual(ms);
      expect(p - ms).toBeLessThanOrEqual(Math.max(10, ms * 0.125));
    }
  });

  it("should add summaries up to the summary of all their checks", () => {
    const a = [up(20), down, up(3000)];
    const b = [up(45), { isUp: true, responseTimeMs: 70, inMaintenance: true }, up(70000)];
    expect(mergeSummaries([summarise(a), summarise(b)])).toEqual(summarise([...a, ...b]));
  });
});

describe("uptime window plan", () => {
  const now = at("2026-05-20T14:25:00Z");

  it("should read whole days from the daily rollups, whole hours from the hourly ones, the rest raw", () => {
    const start = now - 7 * 86_400_000; // 2026-05-13T14:25
    const plan = planWindow(start, now, at("2026-05-20T14:00:00Z"), at("2026-05-20T00:00:00Z"));
    expect(plan.days).toEqual({ start: at("2026-05-14T00:00:00Z"), end: at("2026-05-20T00:00:00Z") });
    expect(plan.hours).toEqual([
      { start: at("2026-05-13T15:00:00Z"), end: at("2026-05-14T00:00:00Z") },
      { start: at("2026-05-20T00:00:00Z"), end: at("2026-05-20T14:00:00Z") },
    ]);
    expect(plan.raw).toEqual([
      { start, end: at("2026-05-13T15:00:00Z") },
      { start: at("2026-05-20T14:00:00Z"), end: now },
    ]);
  });

  it("should read from the raw rows what the rollup job has not reached", () => {
    const start = now - 24 * 3_600_000;
    const plan = planWindow(start, now, at("2026-05-20T10:00:00Z"), at("2026-05-19T00:00:00Z"));
    expect(plan.days).toBeNull();
    expect(plan.hours).toEqual([{ start: at("2026-05-19T15:00:00Z"), end: at("2026-05-20T10:00:00Z") }]);
    expect(plan.raw).toEqual([
      { start, end: at("2026-05-19T15:00:00Z") },
      { start: at("2026-05-20T10:00:00Z"), end: now },
    ]);
    expect(planWindow(start, now, 0, 0)).toEqual({ days: null, hours: [], raw: [{ start, end: now }] });
  });
});
