// The revenue metrics' pure parts: the movement of one customer over a month, ratios, the month windows,
// and a month's figures from boundary totals and movement groups, all against figures worked out by hand.
import { Prisma } from "@prisma/client";
import { AppError } from "../../lib/errors.js";
import { classifyMovement, monthWindows, parseMonths, ratio, summariseMonths, type MovementGroup } from "./metrics.js";

const d = (v: string) => new Prisma.Decimal(v);
const shown = (m: ReturnType<typeof classifyMovement>) => (m ? `${m.kind} ${m.amount.toFixed(2)}` : null);

describe("classifyMovement", () => {
  it("calls a customer going from no MRR to some new when it never paid before", () => {
    expect(shown(classifyMovement(d("0"), d("49.00"), false))).toBe("new 49.00");
  });

  it("calls it a reactivation when the customer had MRR before the month", () => {
    expect(shown(classifyMovement(d("0"), d("19.00"), true))).toBe("reactivation 19.00");
  });

  it("calls losing all MRR churn, for the MRR at the start", () => {
    expect(shown(classifyMovement(d("124.17"), d("0"), true))).toBe("churn 124.17");
  });

  it("calls a rise expansion and a fall contraction, for the difference", () => {
    expect(shown(classifyMovement(d("19.00"), d("49.00"), true))).toBe("expansion 30.00");
    expect(shown(classifyMovement(d("40.83"), d("124.17"), true))).toBe("expansion 83.34");
    expect(shown(classifyMovement(d("149.00"), d("49.00"), true))).toBe("contraction 100.00");
  });

  it("sees no movement when the MRR at the end equals the MRR at the start", () => {
    expect(classifyMovement(d("49.00"), d("49.00"), true)).toBeNull();
    expect(classifyMovement(d("0"), d("0"), true)).toBeNull();
  });
});

describe("ratio", () => {
  it("gives 4 decimal places, half-up", () => {
    // 100 / 257.83 = 0.387852..., 1 / 8 = 0.125, 1 / 3 = 0.3333..., 2 / 3 = 0.6666...
    expect(ratio("100", "257.83")).toBe("0.3879");
    expect(ratio(1, 8)).toBe("0.1250");
    expect(ratio(1, 3)).toBe("0.3333");
    expect(ratio(2, 3)).toBe("0.6667");
    // 0.00005 exactly: half-up.
    expect(ratio("0.00005", 1)).toBe("0.0001");
    expect(ratio("-102.34", "206.83")).toBe("-0.4948");
  });

  it("is null when the denominator is 0", () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio("5.00", "0.00")).toBeNull();
  });
});

describe("parseMonths", () => {
  it("accepts 1 to 36, 12 when absent", () => {
    expect(parseMonths(undefined)).toBe(12);
    expect(parseMonths("1")).toBe(1);
    expect(parseMonths("36")).toBe(36);
    expect(parseMonths(6)).toBe(6);
  });

  it.each(["0", "37", "abc", "1.5", "-1"])("refuses %p with a 400 naming months", (raw) => {
    try {
      parseMonths(raw);
      throw new Error("accepted");
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(400);
      expect((error as AppError).errors?.[0]?.field).toBe("months");
    }
  });
});

describe("monthWindows", () => {
  it("gives the last months in UTC, the current one ending now, and boundaries just before each start", () => {
    const now = new Date("2026-03-10T08:30:00.000Z");
    const { months, boundaries } = monthWindows(now, 3);
    expect(months.map((m) => [m.month, m.start.toISOString(), m.end.toISOString(), m.complete])).toEqual([
      ["2026-01", "2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z", true],
      ["2026-02", "2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z", true],
      ["2026-03", "2026-03-01T00:00:00.000Z", "2026-03-10T08:30:00.000Z", false],
    ]);
    // The last boundary takes in a change made at now itself.
    expect(boundaries.map((b) => b.toISOString())).toEqual([
      "2026-01-01T00:00:00.000Z",
      "2026-02-01T00:00:00.000Z",
      "2026-03-01T00:00:00.000Z",
      "2026-03-10T08:30:00.001Z",
    ]);
  });

  it("crosses a year", () => {
    const { months } = monthWindows(new Date("2026-01-05T00:00:00Z"), 3);
    expect(months.map((m) => m.month)).toEqual(["2025-11", "2025-12", "2026-01"]);
  });
});

describe("summariseMonths", () => {
  // One month, 4 paying customers and 257.83 of MRR at its start. Movements, per customer (a -> b):
  //   new 0 -> 49.00 and 0 -> 19.00 (one group: 0 -> 68.00, 2 customers); reactivation 0 -> 19.00;
  //   expansion 19.00 -> 49.00; contraction 149.00 -> 49.00; churn 40.83 -> 0.
  // End: 257.83 + 68 + 19 + 30 - 100 - 40.83 = 234.00, with 4 - 1 + 2 + 1 = 6 paying customers.
  const { months } = monthWindows(new Date("2026-02-15T00:00:00Z"), 2);
  const groups: MovementGroup[] = [
    { month: 0, a: d("0"), b: d("68.00"), customers: 2, hadMrrBefore: false },
    { month: 0, a: d("0"), b: d("19.00"), customers: 1, hadMrrBefore: true },
    { month: 0, a: d("19.00"), b: d("49.00"), customers: 1, hadMrrBefore: true },
    { month: 0, a: d("149.00"), b: d("49.00"), customers: 1, hadMrrBefore: true },
    { month: 0, a: d("40.83"), b: d("0"), customers: 1, hadMrrBefore: true },
  ];
  const [january, february] = summariseMonths(months, { mrr: d("257.83"), paying: 4 }, groups);

  it("adds up the movements per kind, with their customers", () => {
    expect(january!.movements).toEqual({
      new: { amount: "68.00", customers: 2 },
      expansion: { amount: "30.00", customers: 1 },
      contraction: { amount: "100.00", customers: 1 },
      churn: { amount: "40.83", customers: 1 },
      reactivation: { amount: "19.00", customers: 1 },
    });
    expect(january!.netNewMrr).toBe("-23.83");
  });

  it("computes MRR, ARR, ARPA, churn rates and NRR", () => {
    expect(january).toMatchObject({
      month: "2026-01",
      complete: true,
      mrrStart: "257.83",
      mrrEnd: "234.00",
      // 12 x 234.00
      arr: "2808.00",
      payingStart: 4,
      payingEnd: 6,
      // 234.00 / 6
      arpa: "39.00",
      // 1 churned / 4 paying at the start
      customerChurn: "0.2500",
      // (40.83 + 100) / 257.83 = 140.83 / 257.83 = 0.546212...
      grossRevenueChurn: "0.5462",
      // (140.83 - 30 - 19) / 257.83 = 91.83 / 257.83 = 0.356165...
      netRevenueChurn: "0.3562",
      // 1 - 0.356165... = 0.643834...
      nrr: "0.6438",
    });
  });

  it("opens each month where the one before closed", () => {
    // February has no movements: it opens and closes at January's end.
    expect(february).toMatchObject({
      month: "2026-02",
      complete: false,
      mrrStart: "234.00",
      mrrEnd: "234.00",
      payingStart: 6,
      payingEnd: 6,
      netNewMrr: "0.00",
      customerChurn: "0.0000",
      nrr: "1.0000",
    });
  });

  it("gives null ratios for a month that starts without MRR", () => {
    const [first] = summariseMonths(months, { mrr: d("0"), paying: 0 }, [
      { month: 0, a: d("0"), b: d("19.00"), customers: 1, hadMrrBefore: false },
    ]);
    expect(first).toMatchObject({
      mrrStart: "0.00",
      mrrEnd: "19.00",
      payingEnd: 1,
      arpa: "19.00",
      customerChurn: null,
      grossRevenueChurn: null,
      netRevenueChurn: null,
      nrr: null,
    });
    const [empty] = summariseMonths(months, { mrr: d("0"), paying: 0 }, []);
    expect(empty).toMatchObject({ mrrEnd: "0.00", payingEnd: 0, arpa: null });
  });
});
