// Subject A/B test: the sample is split between subjects A and B, the rest waits; after the wait the
// subject with the better rate of unique opens (or clicks) goes to the rest. The decision uses the
// templates module's statistics (Welch's test on the unpooled rates, two-sided); without a significant
// difference subject A, the campaign's own subject, stays. Nobody is in two groups: a send's variant is
// set once.
import { compareVariants } from "../../../templates/index.js";

export interface AbCounts {
  a: { sent: number; hits: number };
  b: { sent: number; hits: number };
}

export interface AbDecision {
  winner: "a" | "b";
  /** B's rate minus A's. */
  lift: number;
  /** Two-sided p-value; null when the samples are too small or neither subject varies. */
  pValue: number | null;
}

/** The winning subject: "b" only when it does significantly better than "a" (alpha 0.05 by default). */
export function abWinner(counts: AbCounts, alpha = 0.05): AbDecision {
  const { a, b } = counts;
  if (a.sent < 2 || b.sent < 2) return { winner: "a", lift: 0, pValue: null };
  // A hit is counted once per recipient, and never beyond the sends (an open of a failed send is noise).
  const comparison = compareVariants(
    { visitors: a.sent, conversions: Math.min(a.hits, a.sent) },
    { visitors: b.sent, conversions: Math.min(b.hits, b.sent) },
    alpha,
  );
  const { absoluteLift: lift, pValue } = comparison;
  return { winner: pValue !== null && pValue < alpha && lift > 0 ? "b" : "a", lift, pValue };
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
