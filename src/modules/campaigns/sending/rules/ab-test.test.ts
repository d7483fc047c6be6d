import { abWinner, splitSample, twoProportionTest } from "./ab-test.js";

describe("subject A/B test", () => {
  it("should compute the pooled two-proportion z-test", () => {
    // 120/1000 against 150/1000: pooled p 0.135, SE 0.01528, z = -1.963, p = 0.0496.
    const t = twoProportionTest(120, 1000, 150, 1000);
    expect(t.z).toBeCloseTo(-1.963, 3);
    expect(t.pValue).toBeCloseTo(0.0496, 4);
    expect(twoProportionTest(0, 0, 1, 10)).toEqual({ z: 0, pValue: 1 });
    expect(twoProportionTest(0, 10, 0, 10)).toEqual({ z: 0, pValue: 1 });
  });

  it("should pick B only when it is significantly better", () => {
    expect(abWinner({ a: { sent: 500, hits: 50 }, b: { sent: 500, hits: 100 } }).winner).toBe("b");
    expect(abWinner({ a: { sent: 500, hits: 100 }, b: { sent: 500, hits: 50 } }).winner).toBe("a");
    expect(abWinner({ a: { sent: 20, hits: 5 }, b: { sent: 20, hits: 7 } }).winner).toBe("a");
  });

  it("should split the sample in two halves and leave the rest", () => {
    expect(splitSample(1000, 20)).toEqual({ a: 100, b: 100, rest: 800 });
    expect(splitSample(5, 20)).toEqual({ a: 1, b: 1, rest: 3 });
    expect(splitSample(3, 100)).toEqual({ a: 2, b: 1, rest: 0 });
  });
});
