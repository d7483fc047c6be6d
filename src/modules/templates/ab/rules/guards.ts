// What holds a verdict back, in plain words on the report, and refuses "declare winner" unless the
// admin overrides it with a reason: too few conversions, a sample ratio mismatch, a test stopped
// short of its planned sample size (peeking), a difference that is not significant.
import type { Comparison, SampleRatio } from "./stats.js";

export type Guard = "min_conversions" | "sample_ratio_mismatch" | "below_planned_size" | "not_significant";

export interface GuardInput {
  conversionsA: number;
  conversionsB: number;
  visitorsA: number;
  visitorsB: number;
  /** null when a variant has fewer than 2 visitors. */
  comparison: Comparison | null;
  srm: SampleRatio;
  plannedPerVariant: number;
  minConversions: number;
  alpha: number;
}

/** The guards that hold, in the order the report lists them. */
export function activeGuards(input: GuardInput): Guard[] {
  const guards: Guard[] = [];
  if (Math.min(input.conversionsA, input.conversionsB) < input.minConversions) guards.push("min_conversions");
  if (input.srm.mismatch) guards.push("sample_ratio_mismatch");
  if (Math.min(input.visitorsA, input.visitorsB) < input.plannedPerVariant) guards.push("below_planned_size");
  const p = input.comparison?.pValue ?? null;
  if (p === null || p >= input.alpha) guards.push("not_significant");
  return guards;
}

export type DeclareDecision = { ok: true; overridden: Guard[] } | { ok: false; guards: Guard[] };

/** A winner may be declared when no guard holds, or over the guards with a reason (audited). */
export function decideDeclaration(
  guards: readonly Guard[],
  overrideReason: string | null | undefined,
): DeclareDecision {
  if (guards.length === 0) return { ok: true, overridden: [] };
  if (overrideReason && overrideReason.trim().length >= MIN_OVERRIDE_REASON)
    return { ok: true, overridden: [...guards] };
  return { ok: false, guards: [...guards] };
}

/** Shortest override reason accepted: a word or two is not a reason. */
export const MIN_OVERRIDE_REASON = 10;
