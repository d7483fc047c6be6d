// The frequentist statistics of an A/B test on a conversion rate, as GrowthBook's engine computes them:
// per-variant rates with their unpooled variances, Welch's t-test on the difference (the normal test
// at large samples), the 95% interval of the absolute lift, and of the relative lift by the delta
// method; the sample ratio mismatch check (chi-squared against the configured split); the planned
// sample size of a two-proportion test (power calculation). Distributions come from jstat.
import jStat from "jstat";

export interface VariantCounts {
  /** Distinct visitors exposed. */
  visitors: number;
  /** Distinct visitors who converted after their exposure. */
  conversions: number;
}

export interface VariantRate extends VariantCounts {
  rate: number;
  /** Variance of the rate's estimate, p(1 - p) / n (unpooled). */
  variance: number;
}

export interface Interval {
  low: number;
  high: number;
}

export interface Comparison {
  a: VariantRate;
  b: VariantRate;
  /** pB - pA */
  absoluteLift: number;
  absoluteInterval: Interval;
  /** pB / pA - 1; null when A converted nobody. */
  relativeLift: number | null;
  relativeInterval: Interval | null;
  /** Welch's t statistic of the difference. */
  t: number;
  /** Welch-Satterthwaite degrees of freedom. */
  df: number;
  /** Two-sided p-value; null when neither variant varies (both at 0% or 100%). */
  pValue: number | null;
  /** 1 - alpha */
  confidence: number;
}

export function variantRate({ visitors, conversions }: VariantCounts): VariantRate {
  if (!Number.isInteger(visitors) || visitors < 0) throw new RangeError("visitors must be a whole number >= 0");
  if (!Number.isInteger(conversions) || conversions < 0 || conversions > visitors)
    throw new RangeError("conversions must be a whole number between 0 and visitors");
  const rate = visitors === 0 ? 0 : conversions / visitors;
  return { visitors, conversions, rate, variance: visitors === 0 ? 0 : (rate * (1 - rate)) / visitors };
}

/** The standard normal's cumulative distribution. */
export function normalCdf(x: number): number {
  return jStat.normal.cdf(x, 0, 1);
}

/** Two-sided p-value of Student's t at `df` degrees of freedom (the normal's beyond 1e7). */
export function twoSidedP(t: number, df: number): number {
  const tail = df > 1e7 ? 1 - normalCdf(Math.abs(t)) : 1 - jStat.studentt.cdf(Math.abs(t), df);
  return Math.min(1, 2 * tail);
}

/** The quantile of Student's t (the normal's beyond 1e7 degrees of freedom). */
function tQuantile(p: number, df: number): number {
  return df > 1e7 ? jStat.normal.inv(p, 0, 1) : jStat.studentt.inv(p, df);
}

/** Welch-Satterthwaite degrees of freedom of two variances of the mean. */
export function welchDf(va: number, na: number, vb: number, nb: number): number {
  const num = (va + vb) ** 2;
  const den = va ** 2 / (na - 1) + vb ** 2 / (nb - 1);
  return den === 0 ? Infinity : num / den;
}

/** B against A at significance `alpha` (two-sided). Needs at least 2 visitors per variant. */
export function compareVariants(a: VariantCounts, b: VariantCounts, alpha = 0.05): Comparison {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError("alpha must be between 0 and 1");
  const ra = variantRate(a);
  const rb = variantRate(b);
  if (ra.visitors < 2 || rb.visitors < 2) throw new RangeError("each variant needs at least 2 visitors");
  const absoluteLift = rb.rate - ra.rate;
  const se = Math.sqrt(ra.variance + rb.variance);
  const df = welchDf(ra.variance, ra.visitors, rb.variance, rb.visitors);
  const t = se === 0 ? 0 : absoluteLift / se;
  const pValue = se === 0 ? null : twoSidedP(t, df);
  const q = se === 0 ? 0 : tQuantile(1 - alpha / 2, df);
  const absoluteInterval = { low: absoluteLift - q * se, high: absoluteLift + q * se };

  let relativeLift: number | null = null;
  let relativeInterval: Interval | null = null;
  if (ra.rate > 0) {
    relativeLift = rb.rate / ra.rate - 1;
    // Delta method: Var(pB/pA) ~ Var(pB)/pA^2 + pB^2 Var(pA)/pA^4.
    const seRel = Math.sqrt(rb.variance / ra.rate ** 2 + (rb.rate ** 2 * ra.variance) / ra.rate ** 4);
    relativeInterval = { low: relativeLift - q * seRel, high: relativeLift + q * seRel };
  }
  return {
    a: ra,
    b: rb,
    absoluteLift,
    absoluteInterval,
    relativeLift,
    relativeInterval,
    t,
    df,
    pValue,
    confidence: 1 - alpha,
  };
}

export interface SampleRatio {
  /** Visitors expected in B from the split, given the total. */
  expectedB: number;
  chiSquared: number;
  pValue: number;
  /** p below the threshold: the split is not what was configured (a bug in assignment or tracking). */
  mismatch: boolean;
}

/**
 * Sample ratio mismatch: chi-squared goodness of fit (1 degree of freedom) of the visitors of A and B
 * against the configured share of B (0..1), flagged below `threshold` (GrowthBook: 0.001).
 */
export function sampleRatioMismatch(
  visitorsA: number,
  visitorsB: number,
  shareB: number,
  threshold = 0.001,
): SampleRatio {
  const total = visitorsA + visitorsB;
  const expectedB = total * shareB;
  const expectedA = total - expectedB;
  if (total === 0 || expectedA === 0 || expectedB === 0)
    return { expectedB, chiSquared: 0, pValue: 1, mismatch: false };
  const chiSquared = (visitorsA - expectedA) ** 2 / expectedA + (visitorsB - expectedB) ** 2 / expectedB;
  const pValue = 1 - jStat.chisquare.cdf(chiSquared, 1);
  return { expectedB, chiSquared, pValue, mismatch: pValue < threshold };
}

/**
 * Visitors per variant a two-sided two-proportion test needs to detect a relative lift `minimumEffect`
 * over `baselineRate` with the given power: n = (z(1-a/2) + z(power))^2 (p1 q1 + p2 q2) / (p2 - p1)^2.
 */
export function plannedSampleSize(baselineRate: number, minimumEffect: number, alpha = 0.05, power = 0.8): number {
  if (!(baselineRate > 0 && baselineRate < 1)) throw new RangeError("baselineRate must be between 0 and 1");
  const p2 = baselineRate * (1 + minimumEffect);
  if (!(minimumEffect !== 0 && p2 > 0 && p2 < 1)) throw new RangeError("minimumEffect must move the rate within 0..1");
  const z = jStat.normal.inv(1 - alpha / 2, 0, 1) + jStat.normal.inv(power, 0, 1);
  const n = (z ** 2 * (baselineRate * (1 - baselineRate) + p2 * (1 - p2))) / (p2 - baselineRate) ** 2;
  return Math.ceil(n);
}
