// What a run of the monthly invoicing has to do, read at its start: every customer with something to
// bill for the month (fee lines by the fee rule of fee-lines.ts, or a non-empty draft of the month), and
// the customers whose invoice of the month is already issued.
import { Prisma, type BillingInterval, type PrismaClient, type SubscriptionStatus } from "@prisma/client";
import { subscriptionFeeLines, type FeeLine, type SubscriptionState } from "./fee-lines.js";

interface LiveSubscriptionRow {
  id: number;
  customer_id: number;
  plan_id: number;
  status: SubscriptionStatus;
  billing_interval: BillingInterval;
  started_at: Date;
}

interface HistoryRow {
  subscription_id: number;
  plan_id: number;
  status: SubscriptionStatus;
  valid_from: Date;
  reason: string;
}

/**
 * Local subscriptions live (active or past_due per subscription_history) at some time in the month: in
 * such a state at its start, or entering one during it; a subscription without history by its own status.
 */
const LIVE_IN_MONTH = (start: Date, end: Date) => Prisma.sql`
  SELECT s.id, s.customer_id, s.plan_id, s.status::text AS status, s.billing_interval::text AS billing_interval,
         s.started_at
    FROM customer_subscriptions s
   WHERE s.stripe_subscription_id IS NULL AND s.started_at < ${end}
     AND (EXISTS (SELECT 1 FROM subscription_history h
                   WHERE h.subscription_id = s.id AND h.valid_from >= ${start} AND h.valid_from < ${end}
                     AND h.status IN ('active', 'past_due'))
          OR (SELECT h.status FROM subscription_history h
               WHERE h.subscription_id = s.id AND h.valid_from < ${start}
               ORDER BY h.valid_from DESC, h.id DESC LIMIT 1) IN ('active', 'past_due')
          OR (s.status IN ('active', 'past_due')
              AND NOT EXISTS (SELECT 1 FROM subscription_history h WHERE h.subscription_id = s.id)))`;

export interface CustomerWork {
  customerId: number;
  subscriptionId: number | null;
  lines: FeeLine[];
}

/** Every customer with something to bill for the month, with its fee lines; and those already invoiced. */
export async function plannedWork(
  prisma: PrismaClient,
  month: { start: Date; end: Date },
): Promise<{ work: CustomerWork[]; invoiced: Set<number> }> {
  const [subs, history, plans, drafts, issued] = await Promise.all([
    prisma.$queryRaw<LiveSubscriptionRow[]>(LIVE_IN_MONTH(month.start, month.end)),
    prisma.$queryRaw<HistoryRow[]>`
      WITH live AS (${LIVE_IN_MONTH(month.start, month.end)})
      SELECT h.subscription_id, h.plan_id, h.status::text AS status, h.valid_from, h.reason
        FROM subscription_history h JOIN live ON live.id = h.subscription_id
       WHERE h.valid_from < ${month.end}
       ORDER BY h.subscription_id, h.valid_from, h.id`,
    prisma.billingPlan.findMany({ select: { id: true, name: true, priceMonthly: true, priceYearly: true } }),
    prisma.$queryRaw<{ customer_id: number }[]>`
      SELECT DISTINCT i.customer_id FROM invoices i
       WHERE i.status = 'draft' AND i.period_start = ${month.start}::date
         AND EXISTS (SELECT 1 FROM invoice_items it WHERE it.invoice_id = i.id)`,
    prisma.$queryRaw<{ customer_id: number }[]>`
      SELECT customer_id FROM invoices WHERE period_start = ${month.start}::date AND status <> 'draft'`,
  ]);
  const planById = new Map(plans.map((p) => [p.id, p]));
  const statesOf = new Map<number, SubscriptionState[]>();
  for (const h of history) {
    const states = statesOf.get(h.subscription_id) ?? [];
    states.push({ planId: h.plan_id, status: h.status, validFrom: h.valid_from, reason: h.reason });
    statesOf.set(h.subscription_id, states);
  }
  const byCustomer = new Map<number, CustomerWork>();
  const workOf = (customerId: number) => {
    let work = byCustomer.get(customerId);
    if (!work) byCustomer.set(customerId, (work = { customerId, subscriptionId: null, lines: [] }));
    return work;
  };
  for (const s of subs) {
    const lines = subscriptionFeeLines(
      {
        id: s.id,
        planId: s.plan_id,
        status: s.status,
        billingInterval: s.billing_interval,
        startedAt: s.started_at,
        stripeSubscriptionId: null,
      },
      statesOf.get(s.id) ?? [],
      planById,
      month,
    );
    if (!lines.length) continue;
    const work = workOf(s.customer_id);
    work.lines.push(...lines);
    work.subscriptionId = s.id;
  }
  for (const { customer_id } of drafts) workOf(customer_id);
  return {
    work: [...byCustomer.values()].sort((a, b) => a.customerId - b.customerId),
    invoiced: new Set(issued.map((r) => r.customer_id)),
  };
}
