// What the customer list, its CSV export and the 360 page show of each customer beyond its own row:
// MRR, sites (all and live), open tickets, last activity, and the health score's inputs. One query for
// a page of customers; every subquery reads one customer's rows through an index on customer_id.
import { Prisma, type PrismaClient } from "@prisma/client";
import { healthScore, type HealthInputs, type HealthScore } from "./rules/health.js";

export interface CustomerFacts {
  customerId: number;
  /** Monthly recurring revenue now, euros ("49.00"). */
  mrr: string;
  sites: number;
  liveSites: number;
  openTickets: number;
  /** The latest of: signup, AI request, note, invoice paid, ticket; ISO 8601. */
  lastActivityAt: string;
  health: HealthScore;
  inputs: HealthInputs;
}

interface FactsRow {
  customer_id: number;
  mrr: string;
  sites: number;
  live_sites: number;
  open_tickets: number;
  last_activity_at: Date;
  ai_requests_30d: number;
  overdue_invoices: number;
  up_checks: number | null;
  down_checks: number | null;
}

const DAY = 86_400_000;

/** Facts of the given customers, in the order given (an unknown id is left out). */
export async function customerFacts(
  prisma: Pick<PrismaClient, "$queryRaw">,
  ids: readonly number[],
  now = new Date(),
): Promise<CustomerFacts[]> {
  if (ids.length === 0) return [];
  const since = new Date(now.getTime() - 30 * DAY);
  const sinceDay = since.toISOString().slice(0, 10);
  const rows = await prisma.$queryRaw<FactsRow[]>`
    SELECT c.id AS customer_id,
      (SELECT COALESCE(sum(latest.mrr), 0)::text FROM (
         SELECT DISTINCT ON (h.subscription_id) h.mrr FROM subscription_history h
          WHERE h.customer_id = c.id AND h.valid_from <= ${now}
          ORDER BY h.subscription_id, h.valid_from DESC, h.id DESC) latest) AS mrr,
      (SELECT count(*)::int FROM sites s WHERE s.customer_id = c.id) AS sites,
      (SELECT count(*)::int FROM sites s WHERE s.customer_id = c.id AND s.status = 'active') AS live_sites,
      (SELECT count(*)::int FROM support_tickets t
        WHERE t.customer_id = c.id AND t.status IN ('open', 'pending')) AS open_tickets,
      GREATEST(c.created_at,
        (SELECT max(r.created_at) FROM ai_requests r WHERE r.customer_id = c.id),
        (SELECT max(n.created_at) FROM customer_notes n WHERE n.customer_id = c.id),
        (SELECT max(i.paid_at) FROM invoices i WHERE i.customer_id = c.id),
        (SELECT max(t.updated_at) FROM support_tickets t WHERE t.customer_id = c.id)) AS last_activity_at,
      (SELECT count(*)::int FROM ai_requests r WHERE r.customer_id = c.id AND r.created_at >= ${since}) AS ai_requests_30d,
      (SELECT count(*)::int FROM invoices i
        WHERE i.customer_id = c.id AND i.status IN ('pending', 'failed') AND i.due_at < ${now}) AS overdue_invoices,
      d.up_checks, d.down_checks
    FROM customers c
    LEFT JOIN LATERAL (
      SELECT sum(m.up_count)::int AS up_checks, sum(m.down_count)::int AS down_checks
        FROM site_monitoring_daily m JOIN sites s ON s.id = m.site_id
       WHERE s.customer_id = c.id AND m.check_type = 'http' AND m.day >= ${sinceDay}::date) d ON true
    WHERE c.id IN (${Prisma.join(ids)})`;
  const byId = new Map(rows.map((row) => [row.customer_id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const checked = (row.up_checks ?? 0) + (row.down_checks ?? 0);
    const inputs: HealthInputs = {
      aiRequests30d: row.ai_requests_30d,
      liveSites: row.live_sites,
      overdueInvoices: row.overdue_invoices,
      openTickets: row.open_tickets,
      uptime: checked > 0 ? (row.up_checks ?? 0) / checked : null,
    };
    return [
      {
        customerId: id,
        mrr: new Prisma.Decimal(row.mrr).toFixed(2),
        sites: row.sites,
        liveSites: row.live_sites,
        openTickets: row.open_tickets,
        lastActivityAt: row.last_activity_at.toISOString(),
        health: healthScore(inputs),
        inputs,
      },
    ];
  });
}
