// Segment criteria to SQL. Every value travels as a bind parameter ($n, cast to its column's type);
// the SQL text is built only from fixed fragments chosen by which criteria are present, so no input
// ever reaches it. The result selects customer ids (alias `c` over customers) and is meant to be
// embedded: `INSERT ... SELECT` for a campaign's recipients, `WHERE c.id IN (...)` for a list filter.
import { AppError } from "../../../../lib/errors.js";
import { parseSegmentCriteria, type SegmentCriteria, type SegmentCriteriaInput } from "./criteria.js";

export interface CompileOptions {
  /** The instant relative periods ("last 30 days") and overdue invoices are judged at; default now. */
  now?: Date;
  /** The number of the first bind parameter, when the SQL is embedded after parameters of its own ($1). */
  firstParam?: number;
}

export interface CompiledSegment {
  /** `SELECT c.id FROM customers c WHERE ...`: the ids of the matching customers, unordered. */
  sql: string;
  /** The condition alone, over `customers c` (TRUE when the criteria are empty). */
  where: string;
  params: unknown[];
}

/** Subscription statuses that make a customer "billed" (anything else is billing state `none`). */
const LIVE_SUBSCRIPTION = "('active', 'past_due', 'trialing', 'suspended')";

/**
 * Per customer, its MRR as billing defines it (src/modules/billing/mrr.ts): active and past_due
 * subscriptions, monthly price or yearly price / 12 half-up to cents. A customer without any has 0.
 */
const MRR_BY_CUSTOMER = {
  from: `FROM customer_subscriptions cs JOIN billing_plans p ON p.id = cs.plan_id
    WHERE cs.status IN ('active', 'past_due') GROUP BY cs.customer_id`,
  key: "cs.customer_id",
  value: `COALESCE(sum(CASE WHEN cs.billing_interval = 'yearly' THEN round(p.price_yearly / 12, 2)
    ELSE round(p.price_monthly, 2) END), 0)`,
};

/** Per customer, its sites that are not archived. */
const SITES_BY_CUSTOMER = {
  from: "FROM sites s WHERE s.status <> 'archived' GROUP BY s.customer_id",
  key: "s.customer_id",
  value: "count(*)",
};

/** Validates then compiles; invalid criteria are a 400 naming the field under `criteria`. */
export function compileSegment(
  input: SegmentCriteriaInput | SegmentCriteria,
  options: CompileOptions = {},
): CompiledSegment {
  const parsed = parseSegmentCriteria(input);
  if (!parsed.ok) throw new AppError("validation", "The segment's criteria are invalid", parsed.problems);
  return compileValidCriteria(parsed.criteria, options);
}

/** Compiles criteria already validated by ZSegmentCriteria. */
export function compileValidCriteria(criteria: SegmentCriteria, options: CompileOptions = {}): CompiledSegment {
  const now = options.now ?? new Date();
  const first = options.firstParam ?? 1;
  const params: unknown[] = [];
  const p = (value: unknown, cast: string): string => {
    params.push(value);
    return `$${first + params.length - 1}::${cast}`;
  };
  const conditions: string[] = [];
  /**
   * A bound on a per-customer figure that is 0 for customers without rows, as a set test over one
   * grouped scan (a correlated count per customer reads the big tables 100,000 times): with a minimum
   * above 0, the customers whose figure is in range; otherwise every customer but those above the
   * maximum (no bound left: no condition).
   */
  const range = (
    grouped: { from: string; key: string; value: string },
    min: string | number | undefined,
    max: string | number | undefined,
    cast: string,
  ) => {
    if (min !== undefined && Number(min) > 0) {
      const lower = `${grouped.value} >= ${p(min, cast)}`;
      const upper = max !== undefined ? ` AND ${grouped.value} <= ${p(max, cast)}` : "";
      conditions.push(`c.id IN (SELECT ${grouped.key} ${grouped.from} HAVING ${lower}${upper})`);
    } else if (max !== undefined) {
      conditions.push(`c.id NOT IN (SELECT ${grouped.key} ${grouped.from} HAVING ${grouped.value} > ${p(max, cast)})`);
    }
  };

  if (criteria.plans) conditions.push(`c.plan_type = ANY(${p(criteria.plans, "plan_type[]")})`);
  if (criteria.statuses) conditions.push(`c.status = ANY(${p(criteria.statuses, "customer_status[]")})`);
  if (criteria.languages) conditions.push(`c.language = ANY(${p(criteria.languages, "language[]")})`);
  if (criteria.signedUp?.from) conditions.push(`c.created_at >= ${p(new Date(criteria.signedUp.from), "timestamptz")}`);
  if (criteria.signedUp?.to) conditions.push(`c.created_at < ${p(new Date(criteria.signedUp.to), "timestamptz")}`);
  if (criteria.sites) range(SITES_BY_CUSTOMER, criteria.sites.min, criteria.sites.max, "bigint");

  // "At least 0 requests" holds for everyone: no condition, and no unused period parameters.
  if (criteria.aiRequests && (Number(criteria.aiRequests.min ?? 0) > 0 || criteria.aiRequests.max !== undefined)) {
    const { period, min, max } = criteria.aiRequests;
    const [from, to] =
      "lastDays" in period
        ? [new Date(now.getTime() - period.lastDays * 86_400_000), now]
        : [new Date(period.from), new Date(period.to)];
    const inPeriod = {
      from: `FROM ai_requests r WHERE r.created_at >= ${p(from, "timestamptz")} AND r.created_at < ${p(to, "timestamptz")} GROUP BY r.customer_id`,
      key: "r.customer_id",
      value: "count(*)",
    };
    range(inPeriod, min, max, "bigint");
  }

  if (criteria.mrr) range(MRR_BY_CUSTOMER, criteria.mrr.min, criteria.mrr.max, "numeric");

  if (criteria.billing) {
    const states = new Set(criteria.billing);
    const any: string[] = [];
    if (states.has("none")) {
      any.push(
        `NOT EXISTS (SELECT 1 FROM customer_subscriptions cs WHERE cs.customer_id = c.id AND cs.status IN ${LIVE_SUBSCRIPTION})`,
      );
    }
    const statuses = criteria.billing.filter((s) => s !== "none" && s !== "overdue");
    if (statuses.length) {
      any.push(
        `EXISTS (SELECT 1 FROM customer_subscriptions cs WHERE cs.customer_id = c.id AND cs.status = ANY(${p(statuses, "subscription_status[]")}))`,
      );
    }
    if (states.has("overdue")) {
      any.push(
        `EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = c.id AND i.status IN ('pending', 'failed') AND i.due_at < ${p(now, "timestamptz")})`,
      );
    }
    conditions.push(any.length === 1 ? any[0]! : `(${any.join(" OR ")})`);
  }

  if (criteria.referral && criteria.referral.length === 1) {
    const referred = `EXISTS (SELECT 1 FROM referral_program rp WHERE rp.referred_id = c.id)`;
    conditions.push(criteria.referral[0] === "referred" ? referred : `NOT ${referred}`);
  }

  const where = conditions.length ? conditions.join("\n  AND ") : "TRUE";
  return { sql: `SELECT c.id FROM customers c WHERE ${where}`, where, params };
}
