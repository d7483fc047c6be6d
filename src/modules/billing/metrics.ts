// Revenue metrics (issue 5, item 6): MRR, ARR, ARPA, paying customers, MRR movements, customer churn,
// gross and net revenue churn and NRR per calendar month, from subscription_history.
//
// Definitions (the README's; money excludes tax, in EUR):
// - A subscription_history row is one state of a subscription, in force from its valid_from until the
//   subscription's next row. Its mrr is what the subscription adds to MRR in that state: the
//   monthly-normalised price (yearly / 12, half-up to the cent) of an active or past_due subscription;
//   0 for trials, free plans, suspended and ended subscriptions (mrr.ts).
// - MRR at an instant t = the sum, over subscriptions, of the mrr of their latest row with
//   valid_from <= t. ARR = 12 x MRR. Paying customers = customers whose MRR (over all their
//   subscriptions) is > 0. ARPA = MRR / paying customers.
// - Months are UTC calendar months [start, end); the current month ends now. A month opens with the MRR
//   in force just before its start and closes with the MRR in force just before its end (now included
//   for the current month), so a change at midnight on the 1st belongs to the month it opens.
// - Movements compare each customer's MRR at the month's start (a) and end (b): a = 0 < b is "new" when
//   the customer never had MRR > 0 before the month, "reactivation" when it had; a > 0 = b is "churn"
//   (a); b > a > 0 is "expansion" (b - a); a > b > 0 is "contraction" (a - b). This is a month-end
//   comparison: a customer who comes and goes within one month, or whose plan goes up and back down
//   within it, shows no movement. Hence MRR(end) - MRR(start) = new + reactivation + expansion -
//   contraction - churn, exactly.
// - Customer churn = customers churned in the month / paying customers at its start.
//   Gross revenue churn = (churn + contraction) / MRR at start.
//   Net revenue churn = (churn + contraction - expansion - reactivation) / MRR at start.
//   NRR (net revenue retention) = 1 - net revenue churn.
//   Ratios are decimal strings with 4 places, half-up (null when the denominator is 0); money is
//   rounded half-up to cents.
//
// One SQL query does the heavy part, in time proportional to the history rows, not to customers x
// months: each history row's span (lead() per subscription) and the month boundaries it covers
// (width_bucket); the MRR and paying customers at the first boundary; then, for the (customer, month)
// pairs where one of the customer's paying spans starts or ends, the customer's MRR at the month's start
// (a) and end (b). A customer's MRR changes nowhere else, so every other month shows no movement for
// it. The pairs come back grouped by what decides their kind; classifyMovement, a pure function, names
// each group (every customer of a group has the same kind and a movement's amount is linear in (a, b),
// so classifying a group's sums gives the sum of its customers' movements). Each month's closing MRR
// and paying customers follow from its opening ones and its movements.
import { Prisma, type PrismaClient } from "@prisma/client";
import { AppError } from "../../lib/errors.js";
import { currentContext } from "../../lib/request-context.js";
import { can } from "../auth/permissions.js";
import { format2, money, ZERO, type Money } from "./money.js";
import { addMonths, monthOf } from "./periods.js";
import { overdueInvoices, type OverdueInvoices } from "./dunning.js";

export const MOVEMENT_KINDS = ["new", "expansion", "contraction", "churn", "reactivation"] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** How many months the metrics may cover (REST `months`). */
export const MAX_MONTHS = 36;
export const DEFAULT_MONTHS = 12;

/** `months` from a query string: an integer from 1 to 36 (`fallback` when absent), else a 400 naming it. */
export function parseMonths(raw: unknown, fallback = DEFAULT_MONTHS): number {
  if (raw === undefined || raw === "") return fallback;
  const value = typeof raw === "number" ? raw : typeof raw === "string" && /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < 1 || value > MAX_MONTHS) {
    throw new AppError("validation", `months must be an integer from 1 to ${MAX_MONTHS}`, [
      { field: "months", message: `an integer from 1 to ${MAX_MONTHS}` },
    ]);
  }
  return value;
}

/** The movement of one customer whose MRR went from `a` to `b` over a month; null when unchanged. */
export function classifyMovement(
  a: Money,
  b: Money,
  hadMrrBefore: boolean,
): { kind: MovementKind; amount: Money } | null {
  if (a.eq(b)) return null;
  if (a.isZero()) return { kind: hadMrrBefore ? "reactivation" : "new", amount: b };
  if (b.isZero()) return { kind: "churn", amount: a };
  return b.gt(a) ? { kind: "expansion", amount: b.sub(a) } : { kind: "contraction", amount: a.sub(b) };
}

const ONE = money(1);

/** part / whole as "0.1234" (half-up), or null when whole is 0. */
export function ratio(part: Prisma.Decimal.Value, whole: Prisma.Decimal.Value): string | null {
  const denominator = money(whole);
  if (denominator.isZero()) return null;
  return money(part).div(denominator).toDecimalPlaces(4, Prisma.Decimal.ROUND_HALF_UP).toFixed(4);
}

export interface MonthWindow {
  /** "2026-03" */
  month: string;
  start: Date;
  /** The next month's start, or now for the current month. */
  end: Date;
  complete: boolean;
}

/**
 * The last `count` UTC calendar months up to `now` (the current one last, ending at now), and the
 * boundaries the query reads MRR at: each month's start, then now. A boundary b stands for "just before
 * b" (valid_from < b); timestamps are stored to the millisecond, so now + 1 ms makes the last one
 * "now included".
 */
export function monthWindows(now: Date, count: number): { months: MonthWindow[]; boundaries: Date[] } {
  const current = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const months: MonthWindow[] = [];
  for (let k = count - 1; k >= 0; k--) {
    const start = addMonths(current, -k);
    const end = k === 0 ? now : addMonths(current, -k + 1);
    months.push({ month: monthOf(start), start, end, complete: k !== 0 });
  }
  const boundaries = [...months.map((m) => m.start), new Date(now.getTime() + 1)];
  return { months, boundaries };
}

/** MRR and paying customers at the first boundary: the first month's opening figures. */
export interface Opening {
  mrr: Money;
  paying: number;
}

/** Customers of one month whose MRR went from a to b with the same kind of movement: their sums. */
export interface MovementGroup {
  /** Index of the month. */
  month: number;
  a: Money;
  b: Money;
  customers: number;
  hadMrrBefore: boolean;
}

export interface MovementFigure {
  amount: string;
  customers: number;
}

export interface RevenueMonth {
  month: string;
  start: string;
  end: string;
  /** false for the current month, which ends now. */
  complete: boolean;
  mrrStart: string;
  mrrEnd: string;
  /** 12 x MRR at the end. */
  arr: string;
  payingStart: number;
  payingEnd: number;
  /** MRR / paying customers at the end; null without paying customers. */
  arpa: string | null;
  movements: Record<MovementKind, MovementFigure>;
  /** new + reactivation + expansion - contraction - churn = mrrEnd - mrrStart. */
  netNewMrr: string;
  customerChurn: string | null;
  grossRevenueChurn: string | null;
  netRevenueChurn: string | null;
  nrr: string | null;
}

/**
 * The months' figures from the opening MRR and paying customers and the movement groups (pure). Each
 * month closes at its opening plus its movements: MRR + new + reactivation + expansion - contraction -
 * churn, paying customers + new + reactivated - churned; the next month opens there.
 */
export function summariseMonths(
  windows: readonly MonthWindow[],
  opening: Opening,
  groups: readonly MovementGroup[],
): RevenueMonth[] {
  let open = opening;
  return windows.map((w, i) => {
    const sums = Object.fromEntries(MOVEMENT_KINDS.map((k) => [k, { amount: ZERO, customers: 0 }])) as Record<
      MovementKind,
      { amount: Money; customers: number }
    >;
    for (const g of groups) {
      if (g.month !== i) continue;
      const movement = classifyMovement(g.a, g.b, g.hadMrrBefore);
      if (!movement) continue;
      sums[movement.kind].amount = sums[movement.kind].amount.add(movement.amount);
      sums[movement.kind].customers += g.customers;
    }
    const gained = sums.new.amount.add(sums.reactivation.amount).add(sums.expansion.amount);
    const close: Opening = {
      mrr: open.mrr.add(gained).sub(sums.contraction.amount).sub(sums.churn.amount),
      paying: open.paying + sums.new.customers + sums.reactivation.customers - sums.churn.customers,
    };
    const lost = sums.churn.amount.add(sums.contraction.amount);
    const net = lost.sub(sums.expansion.amount).sub(sums.reactivation.amount);
    const netChurn = ratio(net, open.mrr);
    const month: RevenueMonth = {
      month: w.month,
      start: w.start.toISOString(),
      end: w.end.toISOString(),
      complete: w.complete,
      mrrStart: format2(open.mrr),
      mrrEnd: format2(close.mrr),
      arr: format2(close.mrr.mul(12)),
      payingStart: open.paying,
      payingEnd: close.paying,
      arpa: close.paying > 0 ? format2(close.mrr.div(close.paying)) : null,
      movements: Object.fromEntries(
        MOVEMENT_KINDS.map((k) => [k, { amount: format2(sums[k].amount), customers: sums[k].customers }]),
      ) as Record<MovementKind, MovementFigure>,
      netNewMrr: format2(close.mrr.sub(open.mrr)),
      customerChurn: ratio(sums.churn.customers, open.paying),
      grossRevenueChurn: ratio(lost, open.mrr),
      netRevenueChurn: netChurn,
      nrr:
        netChurn === null
          ? null
          : ONE.sub(net.div(open.mrr)).toDecimalPlaces(4, Prisma.Decimal.ROUND_HALF_UP).toFixed(4),
    };
    open = close;
    return month;
  });
}

export interface RevenueMetrics {
  generatedAt: string;
  /** Oldest first; the last one is the current month, up to now. */
  months: RevenueMonth[];
  /** The last complete month (the KPI cards), or null when only the current month was asked for. */
  lastFullMonth: RevenueMonth | null;
  /** Now. */
  current: { mrr: string; arr: string; paying: number; arpa: string | null };
}

interface Row {
  kind: "opening" | "movement";
  idx: number;
  a: string;
  b: string | null;
  customers: number;
  had_before: boolean | null;
}

/** The revenue metrics of the last `count` months up to `now` (one query). */
/**
 * MRR at an instant: the mrr of each subscription's latest history row by then. Descending on every key,
 * so subscription_history_latest_idx (migration dashboard_indexes) is read backwards with no sort.
 */
export async function mrrAt(prisma: Pick<PrismaClient, "$queryRaw">, at: Date): Promise<Money> {
  const [row] = await prisma.$queryRaw<{ mrr: string }[]>`
    SELECT COALESCE(sum(mrr), 0)::text AS mrr FROM (
      SELECT DISTINCT ON (subscription_id) mrr FROM subscription_history
       WHERE valid_from <= ${at}
       ORDER BY subscription_id DESC, valid_from DESC, id DESC) latest`;
  return money(row?.mrr ?? 0);
}

export async function revenueMetrics(
  prisma: Pick<PrismaClient, "$queryRaw">,
  count: number = DEFAULT_MONTHS,
  now: Date = new Date(),
): Promise<RevenueMetrics> {
  const { months, boundaries } = monthWindows(now, parseMonths(count));
  const n = months.length;
  const last = boundaries[n]!;
  const rows = await prisma.$queryRaw<Row[]>(Prisma.sql`
    WITH bounds AS (
      SELECT ${boundaries.map((b) => b.toISOString())}::timestamptz[] AS t
    ),
    spans AS (
      SELECT customer_id, mrr, valid_from,
             lead(valid_from) OVER (PARTITION BY subscription_id ORDER BY valid_from, id) AS valid_to
        FROM subscription_history
       WHERE valid_from < ${last}
    ),
    -- Paying spans and the boundaries they cover, i1..i2 (0-based): valid_from < boundary <= valid_to.
    paid AS (
      SELECT s.customer_id, s.mrr, s.valid_from,
             width_bucket(s.valid_from, b.t) AS i1,
             CASE WHEN s.valid_to IS NULL THEN ${n} ELSE width_bucket(s.valid_to, b.t) - 1 END AS i2
        FROM spans s CROSS JOIN bounds b
       WHERE s.mrr > 0
    ),
    -- Month k runs from boundary k to k + 1: a span starting in it or ending in it may move the customer.
    edges AS (
      SELECT DISTINCT customer_id, k FROM (
        SELECT customer_id, i1 - 1 AS k FROM paid WHERE i1 <= i2
        UNION ALL
        SELECT customer_id, i2 AS k FROM paid WHERE i1 <= i2
      ) e
       WHERE k BETWEEN 0 AND ${n - 1}
    ),
    pairs AS (
      SELECT e.customer_id, e.k,
             COALESCE(sum(p.mrr) FILTER (WHERE p.i1 <= e.k AND p.i2 >= e.k), 0) AS a,
             COALESCE(sum(p.mrr) FILTER (WHERE p.i1 <= e.k + 1 AND p.i2 >= e.k + 1), 0) AS b
        FROM edges e
        JOIN paid p ON p.customer_id = e.customer_id AND p.i1 <= e.k + 1 AND p.i2 >= e.k
       GROUP BY e.customer_id, e.k
    ),
    first_paid AS (
      SELECT customer_id, min(valid_from) AS at FROM paid GROUP BY customer_id
    ),
    moved AS (
      SELECT p.k, p.a, p.b, f.at < b.t[p.k + 1] AS had_before
        FROM pairs p
        JOIN first_paid f ON f.customer_id = p.customer_id
        CROSS JOIN bounds b
       WHERE p.a <> p.b
    )
    SELECT 'opening' AS kind, 0 AS idx, COALESCE(sum(mrr), 0)::text AS a, NULL::text AS b,
           count(DISTINCT customer_id)::int AS customers, NULL::boolean AS had_before
      FROM paid
     WHERE i1 <= 0 AND i2 >= 0
    UNION ALL
    SELECT 'movement', k, sum(a)::text, sum(b)::text, count(*)::int, had_before
      FROM moved
     GROUP BY k, a = 0, b = 0, b > a, had_before`);

  const opening = rows.find((r) => r.kind === "opening");
  const groups: MovementGroup[] = rows
    .filter((r) => r.kind === "movement")
    .map((r) => ({
      month: r.idx,
      a: money(r.a),
      b: money(r.b ?? 0),
      customers: r.customers,
      hadMrrBefore: !!r.had_before,
    }));
  const summary = summariseMonths(months, { mrr: money(opening?.a ?? 0), paying: opening?.customers ?? 0 }, groups);
  const current = summary[n - 1]!;
  return {
    generatedAt: now.toISOString(),
    months: summary,
    lastFullMonth: n >= 2 ? summary[n - 2]! : null,
    current: { mrr: current.mrrEnd, arr: current.arr, paying: current.payingEnd, arpa: current.arpa },
  };
}

// ---------------------------------------------------------------------------------------------
// The Revenue page (components/RevenuePage.tsx)
// ---------------------------------------------------------------------------------------------

export interface RevenuePage {
  metrics: RevenueMetrics;
  overdue: OverdueInvoices;
  /** The admin may send reminders (billing.create_invoice). */
  canRemind: boolean;
}

/** The page's data for the acting admin; an error key for an admin without billing.view. */
export async function revenuePage(
  prisma: PrismaClient,
  now: Date = new Date(),
): Promise<RevenuePage | { error: string }> {
  const admin = currentContext()?.admin ?? null;
  if (!admin || !can(admin, "billing", "view")) return { error: "revenueForbidden" };
  const [metrics, overdue] = await Promise.all([
    revenueMetrics(prisma, DEFAULT_MONTHS, now),
    overdueInvoices(prisma, { now, limit: 100 }),
  ]);
  return { metrics, overdue, canRemind: can(admin, "billing", "create_invoice") };
}
