// The criteria of a segment: what an admin may ask of the customers, as the JSON stored in
// segments.criteria (and copied into email_campaigns.segment_criteria when a campaign is sent). Every
// criterion is optional and they all must hold (AND); inside a list criterion any value may match (OR).
// An empty object matches every customer. Unknown keys are refused, so a typo never widens a segment.
import { z } from "zod";

export const PLAN_TYPES = ["free", "starter", "pro", "enterprise"] as const;
export const CUSTOMER_STATUSES = ["active", "suspended", "cancelled"] as const;
export const LANGUAGES = ["fr", "en"] as const;

/**
 * Billing states of a customer, from its subscriptions and invoices:
 * - `none`: no subscription that is active, past_due, trialing or suspended;
 * - `trialing`, `active`, `past_due`, `suspended`: has a subscription in that status;
 * - `overdue`: has an invoice still pending or failed after its due date.
 */
export const BILLING_STATES = ["none", "trialing", "active", "past_due", "suspended", "overdue"] as const;

/** Where a customer came from: through a referral (a referral_program row names it as the referred) or not. */
export const REFERRAL_SOURCES = ["referred", "direct"] as const;

/** The longest relative period (days back from now) an AI request criterion may look at. */
export const MAX_PERIOD_DAYS = 3660;
/** At most this many values in one list criterion. */
export const MAX_LIST = 100;

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());
const count = z.number().int().min(0).max(1_000_000_000);
/** Euros, at most 2 decimals: money is compared as numeric, never as a float. */
const euros = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, { message: "an amount in euros such as 49 or 49.90" });

function oneOf<T extends readonly [string, ...string[]]>(values: T) {
  return z.array(z.enum(values)).min(1).max(MAX_LIST);
}

/** An instant range [from, to): either end may be left open. */
const ZDateRange = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((r) => r.from !== undefined || r.to !== undefined, { message: "give from, to or both" })
  .refine((r) => r.from === undefined || r.to === undefined || Date.parse(r.from) < Date.parse(r.to), {
    message: "from must be before to",
    path: ["to"],
  });

/** An inclusive range of counts. */
const ZCountRange = z
  .strictObject({ min: count.optional(), max: count.optional() })
  .refine((r) => r.min !== undefined || r.max !== undefined, { message: "give min, max or both" })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
    message: "min must not exceed max",
    path: ["max"],
  });

/** The period AI requests are counted over: the last N days, or fixed dates. */
const ZPeriod = z.union([
  z.strictObject({ lastDays: z.number().int().min(1).max(MAX_PERIOD_DAYS) }),
  z
    .strictObject({ from: isoDate, to: isoDate })
    .refine((r) => Date.parse(r.from) < Date.parse(r.to), { message: "from must be before to", path: ["to"] }),
]);

const ZAiRequests = z
  .strictObject({ period: ZPeriod, min: count.optional(), max: count.optional() })
  .refine((r) => r.min !== undefined || r.max !== undefined, { message: "give min, max or both" })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
    message: "min must not exceed max",
    path: ["max"],
  });

const ZMrrRange = z
  .strictObject({ min: euros.optional(), max: euros.optional() })
  .refine((r) => r.min !== undefined || r.max !== undefined, { message: "give min, max or both" })
  .refine((r) => r.min === undefined || r.max === undefined || Number(r.min) <= Number(r.max), {
    message: "min must not exceed max",
    path: ["max"],
  });

export const ZSegmentCriteria = z.strictObject({
  plans: oneOf(PLAN_TYPES).optional(),
  statuses: oneOf(CUSTOMER_STATUSES).optional(),
  languages: oneOf(LANGUAGES).optional(),
  /** customers.created_at in [from, to). */
  signedUp: ZDateRange.optional(),
  /** Number of the customer's sites that are not archived, inclusive bounds. */
  sites: ZCountRange.optional(),
  /** Number of AI requests the customer made in the period, inclusive bounds. */
  aiRequests: ZAiRequests.optional(),
  /** The customer's MRR in euros (billing's definition: active and past_due subscriptions, yearly / 12). */
  mrr: ZMrrRange.optional(),
  billing: oneOf(BILLING_STATES).optional(),
  referral: oneOf(REFERRAL_SOURCES).optional(),
});

export type SegmentCriteria = z.infer<typeof ZSegmentCriteria>;
/** What a caller may pass before validation (the JSON as stored or typed). */
export type SegmentCriteriaInput = z.input<typeof ZSegmentCriteria>;

export interface CriteriaProblem {
  /** The criterion's path: "mrr.max", "plans.0". */
  field: string;
  message: string;
}

export type ParsedCriteria = { ok: true; criteria: SegmentCriteria } | { ok: false; problems: CriteriaProblem[] };

/** Validates stored or submitted criteria; problems name the field under `criteria`. */
export function parseSegmentCriteria(input: unknown): ParsedCriteria {
  const result = ZSegmentCriteria.safeParse(input);
  if (result.success) return { ok: true, criteria: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      field: ["criteria", ...issue.path.map(String)].join("."),
      message: issue.message,
    })),
  };
}
