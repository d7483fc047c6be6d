import { isOverdue, nextReminderAt, REMINDER_INTERVAL_MS } from "./rules.js";

const now = new Date("2026-11-10T12:00:00Z");
const before = new Date("2026-11-10T11:59:59Z");
const after = new Date("2026-11-10T12:00:01Z");

describe("isOverdue", () => {
  it("is true for a pending or failed invoice past its due date", () => {
    expect(isOverdue({ status: "pending", dueAt: before }, now)).toBe(true);
    expect(isOverdue({ status: "failed", dueAt: before }, now)).toBe(true);
  });

  it("is false before or at the due date, and without one", () => {
    expect(isOverdue({ status: "pending", dueAt: after }, now)).toBe(false);
    expect(isOverdue({ status: "pending", dueAt: now }, now)).toBe(false);
    expect(isOverdue({ status: "pending", dueAt: null }, now)).toBe(false);
  });

  it("is false for a paid, refunded or draft invoice", () => {
    for (const status of ["paid", "refunded", "draft"] as const) {
      expect(isOverdue({ status, dueAt: before }, now)).toBe(false);
    }
  });
});

describe("nextReminderAt", () => {
  it("lets a first reminder go now", () => {
    expect(nextReminderAt(null, now)).toBeNull();
  });

  it("holds the next one for 24 hours after the last", () => {
    const last = new Date(now.getTime() - REMINDER_INTERVAL_MS + 1000);
    expect(nextReminderAt(last, now)).toEqual(new Date(last.getTime() + REMINDER_INTERVAL_MS));
  });

  it("lets one go 24 hours after the last, to the millisecond", () => {
    expect(nextReminderAt(new Date(now.getTime() - REMINDER_INTERVAL_MS), now)).toBeNull();
    expect(nextReminderAt(new Date(now.getTime() - REMINDER_INTERVAL_MS - 1), now)).toBeNull();
  });
});
