// Invoice numbers (numbering.ts and the drafts' placeholders of draft-invoice.ts), without a database.
import { draftInvoiceNumber } from "./draft-invoice.js";
import { formatInvoiceNumber, isDraftNumber } from "./numbering.js";

describe("invoice numbers", () => {
  it("should write a legal number as LCD-<year>-<6 digits>", () => {
    expect(formatInvoiceNumber(2026, 42)).toBe("LCD-2026-000042");
    expect(formatInvoiceNumber(2027, 123456)).toBe("LCD-2027-123456");
  });

  it("should give a month's draft a placeholder outside the legal sequence", () => {
    const placeholder = draftInvoiceNumber(17, new Date("2026-10-31T23:59:59Z"));
    expect(placeholder).toBe("LCD-DRAFT-17-202610");
    expect(isDraftNumber(placeholder)).toBe(true);
    expect(isDraftNumber("LCD-DRAFT-M9")).toBe(true);
    expect(isDraftNumber("LCD-2026-000042")).toBe(false);
  });
});
