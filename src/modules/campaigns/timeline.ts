// The campaigns module's part of a customer's story (the customer 360 timeline): the campaign e-mails
// sent to them, and their opens and clicks (email_sends). Through email_sends.customer_id, newest
// first, at most range.limit per kind.
import type { CustomerTimelineEvent, TimelineRange } from "../../module.js";
import type { Deps } from "../../deps.js";

const KINDS = [
  { field: "sentAt", kind: "email_sent" },
  { field: "openedAt", kind: "email_opened" },
  { field: "clickedAt", kind: "email_clicked" },
] as const;

export async function campaignsTimeline(
  deps: Pick<Deps, "prisma">,
  customerId: number,
  range: TimelineRange,
): Promise<CustomerTimelineEvent[]> {
  const lists = await Promise.all(
    KINDS.map(async ({ field, kind }) => {
      const rows = await deps.prisma.emailSend.findMany({
        where: { customerId, [field]: { not: null, ...(range.before ? { lt: range.before } : {}) } },
        orderBy: [{ [field]: "desc" }, { id: "desc" }],
        take: range.limit,
        select: { id: true, sentAt: true, openedAt: true, clickedAt: true, campaign: { select: { name: true } } },
      });
      return rows.map((row) => ({
        at: row[field]!.toISOString(),
        module: "campaigns",
        kind,
        label: row.campaign.name,
        record: { resource: "email_sends", id: row.id },
      }));
    }),
  );
  return lists.flat();
}
