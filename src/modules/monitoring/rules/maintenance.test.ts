import {
  isInMaintenance,
  isIntervalInMaintenance,
  windowIntervals,
  zonedInstant,
  type MaintenanceWindowLike,
} from "./maintenance.js";

const at = (iso: string) => new Date(iso).getTime();

function weekly(weekday: number, startMinute: number, durationMinutes: number, timeZone = "Europe/Paris") {
  return {
    siteId: 7,
    kind: "weekly",
    startsAt: null,
    endsAt: null,
    weekday,
    startMinute,
    durationMinutes,
    timeZone,
  } satisfies MaintenanceWindowLike;
}

describe("maintenance windows", () => {
  it("should cover a one-off window from its start, up to but not including its end", () => {
    const w: MaintenanceWindowLike = {
      ...weekly(0, 0, 1),
      kind: "one_off",
      startsAt: new Date("2026-03-10T10:00:00Z"),
      endsAt: new Date("2026-03-10T11:00:00Z"),
    };
    expect(isInMaintenance([w], 7, at("2026-03-10T09:59:59.999Z"))).toBe(false);
    expect(isInMaintenance([w], 7, at("2026-03-10T10:00:00Z"))).toBe(true);
    expect(isInMaintenance([w], 7, at("2026-03-10T10:59:59Z"))).toBe(true);
    expect(isInMaintenance([w], 7, at("2026-03-10T11:00:00Z"))).toBe(false);
  });

  it("should apply a site's window to that site only, and a window without a site to every site", () => {
    const own = { ...weekly(2, 600, 60), siteId: 7 };
    const all = { ...weekly(2, 600, 60), siteId: null };
    const tuesday10h30 = at("2026-01-13T09:30:00Z"); // 10:30 in Paris (UTC+1)
    expect(isInMaintenance([own], 8, tuesday10h30)).toBe(false);
    expect(isInMaintenance([own], 7, tuesday10h30)).toBe(true);
    expect(isInMaintenance([all], 8, tuesday10h30)).toBe(true);
  });

  it("should start a weekly window at its local time in winter and in summer", () => {
    const sunday3h = weekly(0, 180, 60);
    // 2026-01-11 is a Sunday: 03:00 Paris = 02:00 UTC; 2026-07-12: 03:00 Paris = 01:00 UTC.
    expect(windowIntervals(sunday3h, at("2026-01-11T00:00:00Z"), at("2026-01-12T00:00:00Z"))).toEqual([
      { start: at("2026-01-11T02:00:00Z"), end: at("2026-01-11T03:00:00Z") },
    ]);
    expect(windowIntervals(sunday3h, at("2026-07-12T00:00:00Z"), at("2026-07-13T00:00:00Z"))).toEqual([
      { start: at("2026-07-12T01:00:00Z"), end: at("2026-07-12T02:00:00Z") },
    ]);
  });

  it("should start at the same wall time after the clocks go forward, when that time does not exist", () => {
    // 2026-03-29, Paris: 02:00 CET becomes 03:00 CEST (01:00 UTC). 02:30 does not exist: it starts at 03:30 CEST.
    expect(zonedInstant("Europe/Paris", 2026, 3, 29, 150)).toBe(at("2026-03-29T01:30:00Z"));
    const w = weekly(0, 150, 60);
    expect(isInMaintenance([w], 7, at("2026-03-29T01:29:59Z"))).toBe(false);
    expect(isInMaintenance([w], 7, at("2026-03-29T01:30:00Z"))).toBe(true);
    expect(isInMaintenance([w], 7, at("2026-03-29T02:29:59Z"))).toBe(true);
    expect(isInMaintenance([w], 7, at("2026-03-29T02:30:00Z"))).toBe(false);
  });

  it("should last its minutes of real time over the night the clocks go back, from the first of two 02:30s", () => {
    // 2026-10-25, Paris: 03:00 CEST becomes 02:00 CET (01:00 UTC); 02:30 happens at 00:30 and 01:30 UTC.
    expect(zonedInstant("Europe/Paris", 2026, 10, 25, 150)).toBe(at("2026-10-25T00:30:00Z"));
    // Sunday 01:00 for 3 hours: 23:00 UTC to 02:00 UTC, three real hours though the wall clock shows 01:00-03:00.
    const w = weekly(0, 60, 180);
    expect(windowIntervals(w, at("2026-10-24T12:00:00Z"), at("2026-10-25T12:00:00Z"))).toEqual([
      { start: at("2026-10-24T23:00:00Z"), end: at("2026-10-25T02:00:00Z") },
    ]);
  });

  it("should follow each zone's own rules (New York changes on another date)", () => {
    // 2026-03-08: New York goes from EST (-5) to EDT (-4); Monday 09:00 local on 03-02 and 03-09.
    const monday9h = weekly(1, 540, 30, "America/New_York");
    expect(windowIntervals(monday9h, at("2026-03-01T00:00:00Z"), at("2026-03-10T00:00:00Z"))).toEqual([
      { start: at("2026-03-02T14:00:00Z"), end: at("2026-03-02T14:30:00Z") },
      { start: at("2026-03-09T13:00:00Z"), end: at("2026-03-09T13:30:00Z") },
    ]);
  });

  it("should cover a window that crosses midnight and the end of the week", () => {
    // Saturday 23:00 UTC for 2 hours, in UTC: until Sunday 01:00.
    const w = weekly(6, 1380, 120, "UTC");
    expect(isInMaintenance([w], 7, at("2026-01-11T00:30:00Z"))).toBe(true);
    expect(isInMaintenance([w], 7, at("2026-01-11T01:00:00Z"))).toBe(false);
  });

  it("should tell whether a whole interval is covered, by one window or by windows end to end", () => {
    const a = weekly(3, 600, 60, "UTC"); // Wednesday 10:00-11:00
    const b = weekly(3, 660, 30, "UTC"); // 11:00-11:30
    const from = at("2026-01-14T10:15:00Z");
    expect(isIntervalInMaintenance([a], 7, from, at("2026-01-14T11:00:00Z"))).toBe(true);
    expect(isIntervalInMaintenance([a], 7, from, at("2026-01-14T11:10:00Z"))).toBe(false);
    expect(isIntervalInMaintenance([a, b], 7, from, at("2026-01-14T11:30:00Z"))).toBe(true);
    expect(isIntervalInMaintenance([a, b], 7, from, at("2026-01-14T11:31:00Z"))).toBe(false);
  });
});
