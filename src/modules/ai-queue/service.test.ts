// The state machine's table: which transition goes where, from which status.
import { nextStatus, TRANSITIONS, type Transition } from "./service.js";

const STATUSES = ["pending", "processing", "completed", "rejected", "cancelled"] as const;

describe("ai-queue transitions", () => {
  it.each([
    ["take", "pending", "processing"],
    ["release", "processing", "pending"],
    ["complete", "processing", "completed"],
    ["reject", "pending", "rejected"],
    ["reject", "processing", "rejected"],
    ["cancel", "pending", "cancelled"],
  ] as const)("%s from %s leads to %s", (transition, from, to) => {
    expect(nextStatus(transition, from)).toBe(to);
  });

  it("refuses every other pair", () => {
    const allowed = new Set(
      Object.entries(TRANSITIONS).flatMap(([name, rule]) => rule.from.map((from) => `${name}:${from}`)),
    );
    expect(allowed.size).toBe(6);
    for (const name of Object.keys(TRANSITIONS) as Transition[]) {
      for (const from of STATUSES) {
        if (!allowed.has(`${name}:${from}`)) expect(nextStatus(name, from)).toBeNull();
      }
    }
  });

  it("has no way out of a final status", () => {
    for (const from of ["completed", "rejected", "cancelled"] as const) {
      for (const name of Object.keys(TRANSITIONS) as Transition[]) expect(nextStatus(name, from)).toBeNull();
    }
  });
});
