// The UTC calendar days of the daily snapshot: what a day is, and which day the 00:05 job takes.
import { AppError } from "../../lib/errors.js";
import { addDays, dayBounds, dayCount, dayJustEnded, dayOf, daysFrom, isCalendarDay, parseDay } from "./snapshot.js";

describe("snapshot days", () => {
  it("should accept real calendar dates only", () => {
    expect(["2026-03-10", "2028-02-29", "2026-12-31"].map(isCalendarDay)).toEqual([true, true, true]);
    expect(
      ["2026-02-29", "2026-13-01", "2026-3-10", "10/03/2026", "2026-03-10T00:00:00Z", ""].map(isCalendarDay),
    ).toEqual([false, false, false, false, false, false]);
  });

  it("should refuse a bad day with a 400 naming the field", () => {
    expect(parseDay("2026-03-10", "from")).toBe("2026-03-10");
    for (const [value, message] of [
      ["2026-02-30", "must be a calendar date like 2026-01-31"],
      [20260310, "must be a calendar date like 2026-01-31"],
      [undefined, "is required: a date like 2026-01-31"],
    ] as const) {
      let error: unknown;
      try {
        parseDay(value, "from");
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(400);
      expect((error as AppError).errors).toEqual([{ field: "from", message }]);
    }
  });

  it("should run a day from midnight UTC to the next midnight, across month and year ends", () => {
    expect(dayBounds("2026-03-10")).toEqual({
      start: new Date("2026-03-10T00:00:00.000Z"),
      end: new Date("2026-03-11T00:00:00.000Z"),
    });
    expect(dayBounds("2026-12-31").end).toEqual(new Date("2027-01-01T00:00:00.000Z"));
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("should take, at 00:05 UTC or any time of a day, the day before", () => {
    expect(dayJustEnded(new Date("2026-03-14T00:05:00.000Z"))).toBe("2026-03-13");
    expect(dayJustEnded(new Date("2026-03-14T23:59:59.999Z"))).toBe("2026-03-13");
    expect(dayJustEnded(new Date("2027-01-01T00:05:00.000Z"))).toBe("2026-12-31");
    expect(dayOf(new Date("2026-03-13T23:59:59.999Z"))).toBe("2026-03-13");
  });

  it("should list and count the days of a range, both ends included", () => {
    expect(daysFrom("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(daysFrom("2026-03-02", "2026-03-01")).toEqual([]);
    expect(dayCount("2026-02-27", "2026-03-02")).toBe(4);
    expect(dayCount("2026-01-01", "2026-12-31")).toBe(365);
    expect(dayCount("2026-03-02", "2026-03-01")).toBe(0);
  });
});
