// Freezing a campaign's recipients into email_sends, in SQL: one row per customer (unique on the
// campaign and the address), minus the suppression list, each in the customer's language; with a
// subject A/B test, a shuffled sample split between subjects A and B, the rest held for the winner.
import { Prisma } from "@prisma/client";
import { compileValidCriteria } from "../segments/rules/compile.js";
import type { SegmentCriteria } from "../segments/rules/criteria.js";
import { splitSample } from "./rules/ab-test.js";

/**
 * Who a send run reaches before the suppression list: fixed customers, the customers of a segment's
 * criteria (judged when the sending starts), or every active customer.
 */
export interface RecipientSelection {
  customerIds?: readonly number[];
  segment?: SegmentCriteria;
}

type Tx = Prisma.TransactionClient;

async function selectionSql(tx: Tx, selection: RecipientSelection, now: Date): Promise<Prisma.Sql> {
  if (selection.customerIds) return Prisma.sql`c.id = ANY(${[...selection.customerIds]}::int[])`;
  if (selection.segment) {
    // The segment's SQL carries its own numbered parameters: its customers are read first, in this
    // transaction, and reach the insert as one array parameter.
    const compiled = compileValidCriteria(selection.segment, { now });
    const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
      `SELECT c.id FROM customers c WHERE ${compiled.where}`,
      ...compiled.params,
    );
    return Prisma.sql`c.id = ANY(${rows.map((r) => r.id)}::int[])`;
  }
  return Prisma.sql`c.status = 'active'`;
}

/**
 * Inserts the sends of campaign `campaignId`; returns how many. Customers whose address is on the
 * suppression list are left out; an address already frozen for this campaign is not frozen twice.
 */
export async function freezeRecipients(
  tx: Tx,
  campaignId: number,
  selection: RecipientSelection,
  ab: { percent: number } | null,
  now = new Date(),
): Promise<number> {
  const where = await selectionSql(tx, selection, now);
  const eligible = Prisma.sql`
    SELECT c.id, lower(c.email) AS email, c.language
      FROM customers c
     WHERE ${where}
       AND NOT EXISTS (SELECT 1 FROM email_suppressions s WHERE s.email = lower(c.email))`;
  if (!ab) {
    return tx.$executeRaw`
      INSERT INTO email_sends (campaign_id, customer_id, email, language, status)
      SELECT ${campaignId}, e.id, e.email, e.language, 'pending' FROM (${eligible}) e
      ON CONFLICT (campaign_id, email) DO NOTHING`;
  }
  const [row] = await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM (${eligible}) e`;
  const split = splitSample(Number(row?.n ?? 0), ab.percent);
  // A stable shuffle (md5 of the campaign and the customer): the same customer, the same group.
  return tx.$executeRaw`
    INSERT INTO email_sends (campaign_id, customer_id, email, language, status, variant)
    SELECT ${campaignId}, r.id, r.email, r.language, 'pending',
           CASE WHEN r.rn <= ${split.a} THEN 'a' WHEN r.rn <= ${split.a + split.b} THEN 'b' END
      FROM (SELECT e.*, row_number() OVER (ORDER BY md5(${campaignId}::text || ':' || e.id::text)) AS rn
              FROM (${eligible}) e) r
    ON CONFLICT (campaign_id, email) DO NOTHING`;
}
