import { compareVariants, plannedSampleSize, sampleRatioMismatch, twoSidedP, variantRate } from "./stats.js";

/**
 * The standard normal CDF written out (Abramowitz & Stegun 26.2.17, absolute error < 7.5e-8), so the
 * expected values below are computed by hand, independently of jstat.
 */
function phi(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const density = Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const upper = density * poly;
  return x >= 0 ? 1 - upper : upper;
}
const Z_975 = 1.959964; // the normal's 97.5% quantile, from the table

describe("A/B statistics", () => {
  describe("compareVariants at large samples (10,000 visitors each; 1,000 vs 1,100 conversions)", () => {
    const result = compareVariants({ visitors: 10_000, conversions: 1_000 }, { visitors: 10_000, conversions: 1_100 });
    // By hand: pA = 1000/10000 = 0.10, pB = 1100/10000 = 0.11.
    const pA = 0.1;
    const pB = 0.11;
    // Unpooled variances: pA(1-pA)/nA = 0.09/10000 = 9e-6; pB(1-pB)/nB = 0.0979/10000 = 9.79e-6.
    const varA = (pA * (1 - pA)) / 10_000;
    const varB = (pB * (1 - pB)) / 10_000;
    // se = sqrt(9e-6 + 9.79e-6) = sqrt(1.879e-5) = 0.0043347; z = 0.01 / 0.0043347 = 2.30694.
    const se = Math.sqrt(varA + varB);
    const z = (pB - pA) / se;
    // At ~20,000 degrees of freedom Welch's t is the normal to 1e-5: p = 2 (1 - phi(2.30694)) = 0.0211.
    const p = 2 * (1 - phi(z));
    // Relative lift 0.11/0.10 - 1 = 0.10; delta method se = sqrt(varB/pA^2 + pB^2 varA/pA^4) = 0.045475.
    const seRel = Math.sqrt(varB / pA ** 2 + (pB ** 2 * varA) / pA ** 4);

    it("gives each variant's rate and unpooled variance", () => {
      expect(result.a.rate).toBeCloseTo(0.1, 10);
      expect(result.b.rate).toBeCloseTo(0.11, 10);
      expect(result.a.variance).toBeCloseTo(9e-6, 12);
      expect(result.b.variance).toBeCloseTo(9.79e-6, 12);
    });
    it("matches the hand computation of the lift, p-value and intervals to 4 decimals", () => {
      expect(se).toBeCloseTo(0.0043347, 6);
      expect(z).toBeCloseTo(2.30694, 4);
      expect(p).toBeCloseTo(0.0211, 4);
      expect(result.absoluteLift).toBeCloseTo(0.01, 4);
      expect(result.relativeLift!).toBeCloseTo(0.1, 4);
      expect(result.t).toBeCloseTo(z, 4);
      expect(result.pValue!).toBeCloseTo(p, 4);
      // 95% interval of the absolute lift: 0.01 -+ 1.96 x 0.0043347 = [0.0015, 0.0185].
      expect(result.absoluteInterval.low).toBeCloseTo(0.01 - Z_975 * se, 4);
      expect(result.absoluteInterval.high).toBeCloseTo(0.01 + Z_975 * se, 4);
      expect(result.absoluteInterval.low).toBeCloseTo(0.0015, 4);
      expect(result.absoluteInterval.high).toBeCloseTo(0.0185, 4);
      // Relative: 0.10 -+ 1.96 x 0.045475 = [0.0109, 0.1891].
      expect(seRel).toBeCloseTo(0.045475, 6);
      expect(result.relativeInterval!.low).toBeCloseTo(0.1 - Z_975 * seRel, 4);
      expect(result.relativeInterval!.high).toBeCloseTo(0.1 + Z_975 * seRel, 4);
      expect(result.relativeInterval!.low).toBeCloseTo(0.0109, 4);
      expect(result.relativeInterval!.high).toBeCloseTo(0.1891, 4);
    });
    it("uses Welch-Satterthwaite degrees of freedom", () => {
      // (varA + varB)^2 / (varA^2/9999 + varB^2/9999) = 19962.7
      const df = (varA + varB) ** 2 / (varA ** 2 / 9_999 + varB ** 2 / 9_999);
      expect(result.df).toBeCloseTo(df, 6);
      expect(result.df).toBeCloseTo(19962.7, 1);
    });
  });

  it("uses Student's t at small samples: t = 2.228139 at 10 degrees of freedom is p = 0.05 (t table)", () => {
    expect(twoSidedP(2.228139, 10)).toBeCloseTo(0.05, 4);
    // and t = 3.169273 at 10 degrees of freedom is p = 0.01
    expect(twoSidedP(3.169273, 10)).toBeCloseTo(0.01, 4);
  });

  it("has no p-value when neither variant varies, and no relative lift when A converted nobody", () => {
    const none = compareVariants({ visitors: 50, conversions: 0 }, { visitors: 50, conversions: 0 });
    expect(none.pValue).toBeNull();
    expect(none.relativeLift).toBeNull();
    const fromZero = compareVariants({ visitors: 50, conversions: 0 }, { visitors: 50, conversions: 5 });
    expect(fromZero.relativeLift).toBeNull();
    expect(fromZero.pValue).not.toBeNull();
  });

  it("refuses impossible counts", () => {
    expect(() => variantRate({ visitors: 10, conversions: 11 })).toThrow(RangeError);
    expect(() => variantRate({ visitors: -1, conversions: 0 })).toThrow(RangeError);
    expect(() => compareVariants({ visitors: 1, conversions: 0 }, { visitors: 10, conversions: 1 })).toThrow(
      RangeError,
    );
  });

  describe("sample ratio mismatch", () => {
    it("flags a 50/50 test that received 5,000 vs 5,350 visitors", () => {
      // Expected 5,175 each; chi2 = 175^2/5175 + 175^2/5175 = 11.8357; with 1 df, p = erfc(sqrt(chi2/2))
      // = 2 (1 - phi(sqrt(11.8357))) = 0.00058 < 0.001.
      const chi2 = (175 ** 2 / 5_175) * 2;
      const p = 2 * (1 - phi(Math.sqrt(chi2)));
      const srm = sampleRatioMismatch(5_000, 5_350, 0.5);
      expect(srm.chiSquared).toBeCloseTo(11.8357, 4);
      expect(srm.pValue).toBeCloseTo(p, 4);
      expect(srm.pValue).toBeCloseTo(0.00058, 5);
      expect(srm.mismatch).toBe(true);
    });
    it("does not flag a split within chance, and reads the configured split", () => {
      expect(sampleRatioMismatch(5_000, 5_060, 0.5).mismatch).toBe(false);
      // 70/30: 7,000 A and 3,000 B is exactly the split.
      expect(sampleRatioMismatch(7_000, 3_000, 0.3)).toMatchObject({ chiSquared: 0, mismatch: false });
      expect(sampleRatioMismatch(5_000, 5_000, 0.3).mismatch).toBe(true);
      expect(sampleRatioMismatch(0, 0, 0.5).mismatch).toBe(false);
    });
  });

  it("plans the sample size of a two-proportion test", () => {
    // 5% baseline, +10% relative (5.5%), alpha 0.05, power 0.8:
    // (1.959964 + 0.841621)^2 (0.05 x 0.95 + 0.055 x 0.945) / 0.005^2 = 7.848887 x 0.099475 / 0.000025 = 31,230.7
    const byHand = ((Z_975 + 0.841621) ** 2 * (0.05 * 0.95 + 0.055 * 0.945)) / 0.005 ** 2;
    expect(byHand).toBeCloseTo(31230.7, 0);
    expect(plannedSampleSize(0.05, 0.1)).toBe(Math.ceil(byHand));
    expect(plannedSampleSize(0.05, 0.1, 0.05, 0.9)).toBeGreaterThan(plannedSampleSize(0.05, 0.1));
    expect(() => plannedSampleSize(0, 0.1)).toThrow(RangeError);
  });
});
