// Billing calendar: periods keep their anchor's day, clamped to short months, without drifting.
import { addMonths, daysBetween, monthPeriod, nthPeriod, periodAt, previousMonth } from "./periods.js";

const d = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe("billing periods", () => {
  it.each([
    ["2026-01-31T10:00:00.000Z", 1, "2026-02-28T10:00:00.000Z"],
    ["2026-01-31T10:00:00.000Z", 2, "2026-03-31T10:00:00.000Z"],
    ["2024-01-31T00:00:00.000Z", 1, "2024-02-29T00:00:00.000Z"],
    ["2026-11-17T08:30:00.000Z", 1, "2026-12-17T08:30:00.000Z"],
    ["2026-11-17T08:30:00.000Z", 2, "2027-01-17T08:30:00.000Z"],
    ["2024-02-29T00:00:00.000Z", 12, "2025-02-28T00:00:00.000Z"],
    ["2026-03-15T00:00:00.000Z", -1, "2026-02-15T00:00:00.000Z"],
  ])("addMonths(%s, %i) = %s", (anchor, count, expected) => {
    expect(iso(addMonths(d(anchor), count))).toBe(expected);
  });

  it("computes every period from the anchor, so a clamp never drifts", () => {
    const anchor = d("2026-01-31T00:00:00.000Z");
    expect(iso(nthPeriod(anchor, "monthly", 1).start)).toBe("2026-02-28T00:00:00.000Z");
    expect(iso(nthPeriod(anchor, "monthly", 2).start)).toBe("2026-03-31T00:00:00.000Z");
    expect(iso(nthPeriod(anchor, "yearly", 1).end)).toBe("2028-01-31T00:00:00.000Z");
  });

  it("finds the period containing an instant", () => {
    const anchor = d("2026-01-31T12:00:00.000Z");
    const p = periodAt(anchor, "monthly", d("2026-03-05T00:00:00.000Z"));
    expect([iso(p.start), iso(p.end)]).toEqual(["2026-02-28T12:00:00.000Z", "2026-03-31T12:00:00.000Z"]);
    const onBoundary = periodAt(anchor, "monthly", d("2026-03-31T12:00:00.000Z"));
    expect(iso(onBoundary.start)).toBe("2026-03-31T12:00:00.000Z");
    const yearly = periodAt(d("2025-06-10T00:00:00.000Z"), "yearly", d("2026-11-25T00:00:00.000Z"));
    expect([iso(yearly.start), iso(yearly.end)]).toEqual(["2026-06-10T00:00:00.000Z", "2027-06-10T00:00:00.000Z"]);
    const before = periodAt(anchor, "monthly", d("2025-12-01T00:00:00.000Z"));
    expect(iso(before.start)).toBe(iso(anchor));
  });

  it("reads calendar months and counts whole days", () => {
    const p = monthPeriod("2026-02");
    expect([iso(p.start), iso(p.end)]).toEqual(["2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z"]);
    expect(daysBetween(p.start, p.end)).toBe(28);
    expect(daysBetween(d("2026-10-16T23:59:00Z"), d("2026-11-01T00:00:00Z"))).toBe(16);
    expect(previousMonth("2026-01")).toBe("2025-12");
    expect(() => monthPeriod("2026-13")).toThrow(RangeError);
    expect(() => monthPeriod("26-01")).toThrow(RangeError);
  });
});

describe("monthPeriod's range", () => {
  it("refuses months before 2000-01 and after 2100-12", () => {
    expect(() => monthPeriod("0001-01")).toThrow(/between 2000-01 and 2100-12/);
    expect(() => monthPeriod("1999-12")).toThrow(RangeError);
    expect(() => monthPeriod("2101-01")).toThrow(RangeError);
    expect(monthPeriod("2000-01").start.toISOString()).toBe("2000-01-01T00:00:00.000Z");
  });
});
