import { abWinner, splitSample } from "./ab-test.js";

describe("subject A/B test", () => {
  it("should decide with Welch's test on the unpooled rates", () => {
    // 120/1000 against 150/1000: rates 0.12 and 0.15, unpooled variances 0.12*0.88/1000 = 1.056e-4 and
    // 0.15*0.85/1000 = 1.275e-4, SE = sqrt(2.331e-4) = 0.015268, t = 0.03 / 0.015268 = 1.9649,
    // df (Welch-Satterthwaite) = 2.331e-4^2 / (1.056e-4^2/999 + 1.275e-4^2/999) = 1980.5,
    // two-sided p = 2 (1 - T_1980.5(1.9649)) = 0.0496.
    const d = abWinner({ a: { sent: 1000, hits: 120 }, b: { sent: 1000, hits: 150 } });
    expect(d.lift).toBeCloseTo(0.03, 10);
    expect(d.pValue).toBeCloseTo(0.0496, 4);
    expect(d.winner).toBe("b");
  });

  it("should pick B only when it is significantly better", () => {
    expect(abWinner({ a: { sent: 500, hits: 50 }, b: { sent: 500, hits: 100 } }).winner).toBe("b");
    expect(abWinner({ a: { sent: 500, hits: 100 }, b: { sent: 500, hits: 50 } }).winner).toBe("a");
    expect(abWinner({ a: { sent: 20, hits: 5 }, b: { sent: 20, hits: 7 } }).winner).toBe("a");
  });

  it("should keep A without enough sends or any variation", () => {
    expect(abWinner({ a: { sent: 0, hits: 0 }, b: { sent: 10, hits: 1 } })).toEqual({
      winner: "a",
      lift: 0,
      pValue: null,
    });
    expect(abWinner({ a: { sent: 10, hits: 0 }, b: { sent: 10, hits: 0 } })).toMatchObject({
      winner: "a",
      pValue: null,
    });
    // Hits beyond the sends (opens of failed sends) count as at most every send.
    expect(abWinner({ a: { sent: 10, hits: 0 }, b: { sent: 10, hits: 25 } }).lift).toBe(1);
  });

  it("should split the sample in two halves and leave the rest", () => {
    expect(splitSample(1000, 20)).toEqual({ a: 100, b: 100, rest: 800 });
    expect(splitSample(5, 20)).toEqual({ a: 1, b: 1, rest: 3 });
    expect(splitSample(3, 100)).toEqual({ a: 2, b: 1, rest: 0 });
  });
});
