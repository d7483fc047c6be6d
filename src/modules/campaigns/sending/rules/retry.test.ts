import { batchDurationMs, MAX_ATTEMPTS, nextAttemptAt } from "./retry.js";

describe("send retries", () => {
  const now = new Date("2026-12-01T00:00:00Z");
  it("should wait 30 s, then double, up to an hour", () => {
    expect(nextAttemptAt(now, 1).getTime() - now.getTime()).toBe(30_000);
    expect(nextAttemptAt(now, 2).getTime() - now.getTime()).toBe(60_000);
    expect(nextAttemptAt(now, MAX_ATTEMPTS + 10).getTime() - now.getTime()).toBe(3_600_000);
  });
  it("should pace a batch at the rate", () => {
    expect(batchDurationMs(100, 50)).toBe(2_000);
    expect(batchDurationMs(1, 0)).toBe(1_000);
  });
});
