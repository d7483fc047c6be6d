import { AppError } from "../../../lib/errors.js";
import { parseRefundInput } from "./refunds.js";

function refusal(input: Parameters<typeof parseRefundInput>[0]) {
  try {
    parseRefundInput(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).errors;
  }
  throw new Error("accepted");
}

describe("refund input", () => {
  it("reads the amount as typed in French or English", () => {
    for (const typed of ["12,50", "12.50", " 12,5 ", 12.5]) {
      expect(parseRefundInput({ amount: typed, reason: "Geste" }).amount.toFixed(2)).toBe("12.50");
    }
    expect(parseRefundInput({ amount: "1 234,50", reason: "Geste" }).amount.toFixed(2)).toBe("1234.50");
    expect(parseRefundInput({ amount: "1,234.50", reason: "Geste" }).amount.toFixed(2)).toBe("1234.50");
  });

  it("refuses an ambiguous, malformed, too precise or non-positive amount, naming the field", () => {
    expect(refusal({ amount: "1,234", reason: "Geste" })).toEqual([
      { field: "amount", message: 'ambiguous: "1,234" reads as 1.234 or as 1234' },
    ]);
    expect(refusal({ amount: "douze", reason: "Geste" })).toEqual([
      { field: "amount", message: "an amount in euros like 12.50" },
    ]);
    expect(refusal({ amount: "1,505", reason: "Geste" })).toEqual([
      { field: "amount", message: 'ambiguous: "1,234" reads as 1.234 or as 1234' },
    ]);
    expect(refusal({ amount: "0,125", reason: "Geste" })).toEqual([
      { field: "amount", message: "an amount in euros like 12.50" },
    ]);
    expect(refusal({ amount: "0,00", reason: "" })).toEqual([
      { field: "amount", message: "must be more than 0.00" },
      { field: "reason", message: "required" },
    ]);
  });
});
