import { csatSignature, isCsatScore, verifyCsatSignature } from "./csat.js";

describe("CSAT link", () => {
  it("accepts the signature of its own ticket only", () => {
    const sig = csatSignature("secret", 12);
    expect(verifyCsatSignature("secret", 12, sig)).toBe(true);
    expect(verifyCsatSignature("secret", 13, sig)).toBe(false);
    expect(verifyCsatSignature("other", 12, sig)).toBe(false);
    expect(verifyCsatSignature("secret", 12, "short")).toBe(false);
  });

  it("takes scores 1 to 5 only", () => {
    expect([1, 5].every(isCsatScore)).toBe(true);
    expect([0, 6, 2.5, "3"].some(isCsatScore)).toBe(false);
  });
});
