import { nextMonitorState, type MonitorCounters } from "./monitor-state.js";

const fresh: MonitorCounters = {
  state: "pending",
  consecutiveFailures: 0,
  consecutiveSuccesses: 0,
  failureThreshold: 3,
  successThreshold: 2,
};

/** Runs a sequence of results (true: up) from `start`, returning every step. */
function run(start: MonitorCounters, results: boolean[]) {
  const steps = [];
  let current = start;
  for (const isUp of results) {
    const next = nextMonitorState(current, isUp);
    steps.push(next);
    current = { ...current, ...next };
  }
  return steps;
}

describe("monitoring nextMonitorState", () => {
  it("makes a pending monitor up at its first success", () => {
    expect(nextMonitorState(fresh, true)).toEqual({
      state: "up",
      consecutiveFailures: 0,
      consecutiveSuccesses: 1,
      incident: null,
    });
  });

  it("opens one incident at the third consecutive failure, not before and not after", () => {
    const steps = run({ ...fresh, state: "up" }, [false, false, false, false, false]);
    expect(steps.map((s) => s.incident)).toEqual([null, null, "open", null, null]);
    expect(steps.map((s) => s.state)).toEqual(["up", "up", "down", "down", "down"]);
    expect(steps[4]!.consecutiveFailures).toBe(5);
  });

  it("takes a pending monitor down after failure_threshold failures", () => {
    const steps = run(fresh, [false, false, false]);
    expect(steps.map((s) => s.state)).toEqual(["pending", "pending", "down"]);
    expect(steps[2]!.incident).toBe("open");
  });

  it("resets the failures on a success, so failures must be consecutive", () => {
    const steps = run({ ...fresh, state: "up" }, [false, false, true, false, false]);
    expect(steps.every((s) => s.incident === null)).toBe(true);
    expect(steps[4]!.consecutiveFailures).toBe(2);
  });

  it("resolves after success_threshold consecutive successes", () => {
    const down = { ...fresh, state: "down" as const, consecutiveFailures: 4 };
    const steps = run(down, [true, true, true]);
    expect(steps.map((s) => s.incident)).toEqual([null, "resolve", null]);
    expect(steps.map((s) => s.state)).toEqual(["down", "up", "up"]);
  });

  it("keeps a down monitor down when a failure breaks its run of successes", () => {
    const down = { ...fresh, state: "down" as const, consecutiveFailures: 4 };
    const steps = run(down, [true, false, true, true]);
    expect(steps.map((s) => s.incident)).toEqual([null, null, null, "resolve"]);
    expect(steps[1]).toEqual({ state: "down", consecutiveFailures: 1, consecutiveSuccesses: 0, incident: null });
  });

  it("honours thresholds of 1 (Kuma's default: every failure is an outage)", () => {
    const strict = { ...fresh, state: "up" as const, failureThreshold: 1, successThreshold: 1 };
    expect(run(strict, [false, true]).map((s) => s.incident)).toEqual(["open", "resolve"]);
  });

  it("opens at once when a threshold lowered by an edit is already passed", () => {
    const lowered = { ...fresh, state: "up" as const, consecutiveFailures: 5, failureThreshold: 3 };
    expect(nextMonitorState(lowered, false).incident).toBe("open");
  });
});
