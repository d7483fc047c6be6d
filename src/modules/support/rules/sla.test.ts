import {
  deadlines,
  deadlineTone,
  DEFAULT_SLA,
  isBreached,
  needsEscalation,
  needsReassignment,
  policiesOf,
  slaOf,
} from "./sla.js";

const at = (iso: string) => new Date(iso);
const opened = at("2026-12-01T09:00:00Z");

function ticket(over: Partial<Parameters<typeof slaOf>[0]> = {}) {
  return {
    status: "open" as const,
    createdAt: opened,
    ...deadlines(opened, DEFAULT_SLA.high), // first response 13:00, resolution next day 09:00
    firstResponseAt: null,
    resolvedAt: null,
    escalationLevel: 1,
    ...over,
  };
}

describe("support SLA rules", () => {
  it("sets the deadlines from the priority's policy, the stored rows winning over the defaults", () => {
    const policies = policiesOf([
      { priority: "high", firstResponseMinutes: 30, resolutionMinutes: 120, reassignAfterMinutes: 15 },
    ]);
    expect(deadlines(opened, policies.high)).toEqual({
      firstResponseDueAt: at("2026-12-01T09:30:00Z"),
      resolutionDueAt: at("2026-12-01T11:00:00Z"),
    });
    expect(policies.low).toEqual(DEFAULT_SLA.low);
  });

  it("colours a deadline green, amber in its last quarter, red once passed, and met when done in time", () => {
    const due = at("2026-12-01T13:00:00Z");
    expect(deadlineTone(opened, due, null, at("2026-12-01T10:00:00Z"))).toBe("ok");
    expect(deadlineTone(opened, due, null, at("2026-12-01T12:00:00Z"))).toBe("warning");
    expect(deadlineTone(opened, due, null, at("2026-12-01T13:00:01Z"))).toBe("breached");
    expect(deadlineTone(opened, due, at("2026-12-01T12:59:00Z"), at("2026-12-02T00:00:00Z"))).toBe("met");
    expect(deadlineTone(opened, due, at("2026-12-01T13:30:00Z"), at("2026-12-02T00:00:00Z"))).toBe("breached");
    expect(deadlineTone(opened, null, null, opened)).toBe("none");
  });

  it("turns a ticket past its first-response target red and escalates it once", () => {
    const late = at("2026-12-01T13:01:00Z");
    expect(slaOf(ticket(), late).tone).toBe("breached");
    expect(isBreached(ticket(), late)).toBe(true);
    expect(needsEscalation(ticket(), late)).toBe(true);
    expect(needsEscalation(ticket({ escalationLevel: 2 }), late)).toBe(false);
    expect(needsEscalation(ticket(), at("2026-12-01T12:59:00Z"))).toBe(false);
    // Answered in time, then past the resolution target: breached again, by the resolution.
    const answered = ticket({ firstResponseAt: at("2026-12-01T10:00:00Z") });
    expect(isBreached(answered, late)).toBe(false);
    expect(isBreached(answered, at("2026-12-02T09:00:01Z"))).toBe(true);
    expect(isBreached(ticket({ status: "resolved" }), late)).toBe(false);
  });

  it("reassigns after the set silence from the later of the customer's message and the assignment", () => {
    const base = {
      status: "open" as const,
      assigneeId: 3,
      assignedAt: at("2026-12-01T10:00:00Z"),
      awaitingReplySince: at("2026-12-01T09:00:00Z"),
    };
    const policy = { reassignAfterMinutes: 120 };
    expect(needsReassignment(base, policy, at("2026-12-01T11:59:00Z"))).toBe(false);
    expect(needsReassignment(base, policy, at("2026-12-01T12:00:00Z"))).toBe(true);
    expect(needsReassignment({ ...base, awaitingReplySince: null }, policy, at("2026-12-02T00:00:00Z"))).toBe(false);
    expect(needsReassignment({ ...base, assigneeId: null }, policy, at("2026-12-02T00:00:00Z"))).toBe(false);
    expect(needsReassignment({ ...base, status: "pending" }, policy, at("2026-12-02T00:00:00Z"))).toBe(false);
  });
});
