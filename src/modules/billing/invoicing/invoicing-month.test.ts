// Which month a run of the monthly invoicing bills (invoicing-month.ts), without a database.
import { invoicingMonth, monthJustEnded } from "./invoicing-month.js";

const d = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

describe("invoicingMonth", () => {
  it("should take a month that has ended and refuse one that has not, naming period", () => {
    expect(invoicingMonth("2026-10", d("2026-11-01"))).toEqual({ start: d("2026-10-01"), end: d("2026-11-01") });
    for (const [period, now] of [
      ["2026-11", d("2026-11-30T23:59:59Z")],
      ["2026-13", d("2027-06-01")],
      ["10/2026", d("2027-06-01")],
      [undefined, d("2027-06-01")],
    ] as const) {
      expect(() => invoicingMonth(period, now)).toThrow(expect.objectContaining({ code: "validation" }));
      try {
        invoicingMonth(period, now);
      } catch (error) {
        expect((error as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(["period"]);
      }
    }
  });

  it("should name the month just ended at a date: what the job of the 1st invoices", () => {
    expect(monthJustEnded(d("2026-11-01T01:00:00Z"))).toBe("2026-10");
    expect(monthJustEnded(d("2027-01-01T01:00:00Z"))).toBe("2026-12");
    expect(monthJustEnded(d("2026-03-31T23:59:59Z"))).toBe("2026-02");
  });
});
