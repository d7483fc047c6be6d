import { assignVariant, bucketOf } from "./assignment.js";

describe("A/B assignment", () => {
  const visitors = Array.from({ length: 100_000 }, (_, i) => `visitor-${i}`);

  it.each([50, 30, 10])("splits 100,000 simulated visitors within 1%% of a %i%% split", (split) => {
    const toB = visitors.filter((v) => assignVariant(7, v, split) === "B").length;
    expect(Math.abs(toB / visitors.length - split / 100)).toBeLessThan(0.01);
  });

  it("always gives the same visitor the same variant", () => {
    for (const v of visitors.slice(0, 1_000)) expect(assignVariant(3, v, 50)).toBe(assignVariant(3, v, 50));
  });

  it("does not reshuffle another test when one test's split changes", () => {
    const other = visitors.map((v) => assignVariant(2, v, 50));
    // Test 1 goes from 50% to 20% to B: test 2's visitors are where they were.
    const before1 = visitors.map((v) => assignVariant(1, v, 50));
    const after1 = visitors.map((v) => assignVariant(1, v, 20));
    expect(visitors.map((v) => assignVariant(2, v, 50))).toEqual(other);
    expect(after1).not.toEqual(before1);
    // and the tests are independent: test 2's split is not test 1's in disguise.
    const same = before1.filter((variant, i) => variant === other[i]).length / visitors.length;
    expect(Math.abs(same - 0.5)).toBeLessThan(0.01);
  });

  it("sends nobody to B at 0% and everybody at 100%", () => {
    expect(visitors.slice(0, 1000).every((v) => assignVariant(4, v, 0) === "A")).toBe(true);
    expect(visitors.slice(0, 1000).every((v) => assignVariant(4, v, 100) === "B")).toBe(true);
    expect(bucketOf(4, "x")).toBeGreaterThanOrEqual(0);
    expect(bucketOf(4, "x")).toBeLessThan(1);
  });
});
