import { median, supportMetrics } from "./metrics.js";

const t0 = new Date("2026-12-01T08:00:00Z");
const after = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe("support metrics", () => {
  it("equals the figures computed by hand on a fixture", () => {
    const metrics = supportMetrics([
      { createdAt: t0, assigneeId: 2, firstResponseAt: after(30), resolvedAt: after(120), csatScore: 5 },
      { createdAt: t0, assigneeId: 2, firstResponseAt: after(90), resolvedAt: after(600), csatScore: 3 },
      { createdAt: t0, assigneeId: 3, firstResponseAt: after(60), resolvedAt: null, csatScore: null },
      { createdAt: t0, assigneeId: null, firstResponseAt: null, resolvedAt: null, csatScore: null },
    ]);
    // First responses 30, 90, 60: median 60, mean 60. Resolutions 120, 600: median 360, mean 360.
    expect(metrics).toMatchObject({
      tickets: 4,
      resolved: 2,
      firstResponseMedianMinutes: 60,
      firstResponseAverageMinutes: 60,
      resolutionMedianMinutes: 360,
      resolutionAverageMinutes: 360,
      csatAverage: 4,
      csatResponses: 2,
      csatSatisfiedPercent: 50,
    });
    expect(metrics.perAgent.map((a) => [a.assigneeId, a.tickets, a.firstResponseMedianMinutes])).toEqual([
      [2, 2, 60],
      [3, 1, 60],
      [null, 1, null],
    ]);
    expect(metrics.perAgent[0]!.csatAverage).toBe(4);
  });

  it("has no figure where there is nothing to measure", () => {
    expect(supportMetrics([])).toMatchObject({ tickets: 0, firstResponseMedianMinutes: null, csatAverage: null });
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});
