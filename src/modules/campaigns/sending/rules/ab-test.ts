// Subject A/B test: the sample is split between subjects A and B, the rest waits; after the wait the
// subject with the better rate of unique opens (or clicks) goes to the rest. The decision is a
// two-proportion z-test (pooled), two-sided; without a significant difference subject A, the
// campaign's own subject, stays. Nobody is in two groups: a send's variant is set once.
import { createRequire } from "node:module";

/** The part of jstat (which ships no types) this test uses: the standard normal distribution. */
const jStat = createRequire(import.meta.url)("jstat") as {
  normal: { cdf(x: number, mean: number, sd: number): number };
};

export interface ProportionTest {
  z: number;
  /** Two-sided p-value. */
  pValue: number;
}

/** Two-proportion z-test of successesA/totalA against successesB/totalB. */
export function twoProportionTest(
  successesA: number,
  totalA: number,
  successesB: number,
  totalB: number,
): ProportionTest {
  if (totalA <= 0 || totalB <= 0) return { z: 0, pValue: 1 };
  const pA = successesA / totalA;
  const pB = successesB / totalB;
  const pooled = (successesA + successesB) / (totalA + totalB);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / totalA + 1 / totalB));
  if (se === 0) return { z: 0, pValue: 1 };
  const z = (pA - pB) / se;
  return { z, pValue: 2 * (1 - jStat.normal.cdf(Math.abs(z), 0, 1)) };
}

export interface AbCounts {
  a: { sent: number; hits: number };
  b: { sent: number; hits: number };
}

/** The winning subject: "b" only when it does significantly better than "a" (alpha 0.05 by default). */
export function abWinner(counts: AbCounts, alpha = 0.05): { winner: "a" | "b"; test: ProportionTest } {
  const test = twoProportionTest(counts.a.hits, counts.a.sent, counts.b.hits, counts.b.sent);
  return { winner: test.pValue < alpha && test.z < 0 ? "b" : "a", test };
}

/**
 * Which recipients (by position in a shuffled order) go to A, to B, and to the rest: `percent` of the
 * list is the sample, split in two halves (A gets the odd one).
 */
export function splitSample(total: number, percent: number): { a: number; b: number; rest: number } {
  const sample = Math.min(total, Math.max(2, Math.round((total * percent) / 100)));
  const a = Math.ceil(sample / 2);
  const b = sample - a;
  return { a, b, rest: total - sample };
}
