import { activeGuards, decideDeclaration, type GuardInput } from "./guards.js";
import { compareVariants, sampleRatioMismatch } from "./stats.js";

function input(a: [number, number], b: [number, number], overrides: Partial<GuardInput> = {}): GuardInput {
  const [visitorsA, conversionsA] = a;
  const [visitorsB, conversionsB] = b;
  return {
    visitorsA,
    visitorsB,
    conversionsA,
    conversionsB,
    comparison: compareVariants(
      { visitors: visitorsA, conversions: conversionsA },
      { visitors: visitorsB, conversions: conversionsB },
    ),
    srm: sampleRatioMismatch(visitorsA, visitorsB, 0.5),
    plannedPerVariant: 5_000,
    minConversions: 100,
    alpha: 0.05,
    ...overrides,
  };
}

describe("A/B guards", () => {
  it("holds none for a large, balanced, significant test", () => {
    expect(activeGuards(input([10_000, 1_000], [10_000, 1_150]))).toEqual([]);
  });
  it("holds the minimum-data guard below N conversions in a variant", () => {
    expect(activeGuards(input([10_000, 1_000], [10_000, 1_150], { minConversions: 1_100 }))).toContain(
      "min_conversions",
    );
  });
  it("holds on a sample ratio mismatch", () => {
    expect(activeGuards(input([9_000, 900], [10_000, 1_150]))).toContain("sample_ratio_mismatch");
  });
  it("holds while a variant is below the planned sample size (peeking)", () => {
    expect(activeGuards(input([10_000, 1_000], [10_000, 1_150], { plannedPerVariant: 12_000 }))).toEqual([
      "below_planned_size",
    ]);
  });
  it("holds when the difference is not significant", () => {
    expect(activeGuards(input([10_000, 1_000], [10_000, 1_010]))).toEqual(["not_significant"]);
  });
  it("refuses a declaration under a guard without a reason, accepts one with a reason", () => {
    expect(decideDeclaration(["not_significant"], null)).toEqual({ ok: false, guards: ["not_significant"] });
    expect(decideDeclaration(["not_significant"], "  ok ")).toEqual({ ok: false, guards: ["not_significant"] });
    expect(decideDeclaration(["not_significant"], "The business wants B for the brand refresh")).toEqual({
      ok: true,
      overridden: ["not_significant"],
    });
    expect(decideDeclaration([], null)).toEqual({ ok: true, overridden: [] });
  });
});
