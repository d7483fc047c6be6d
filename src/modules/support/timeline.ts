// The tickets in a customer's story (the customer 360 timeline): opened, resolved.
import type { CustomerTimelineEvent, TimelineRange } from "../../module.js";
import type { Deps } from "../../deps.js";
import { can } from "../auth/index.js";
import { currentContext } from "../../lib/request-context.js";

export async function supportTimeline(
  deps: Pick<Deps, "prisma">,
  customerId: number,
  range: TimelineRange,
): Promise<CustomerTimelineEvent[]> {
  // Tickets are shown only to whoever may read them.
  const admin = currentContext()?.admin ?? null;
  if (admin && !can(admin, "support", "view")) return [];
  const { before } = range;
  const earlier = (at: Date) => before === undefined || at < before;
  const tickets = await deps.prisma.supportTicket.findMany({
    where: before
      ? { customerId, OR: [{ createdAt: { lt: before } }, { resolvedAt: { lt: before } }] }
      : { customerId },
    orderBy: { createdAt: "desc" },
    take: range.limit,
    select: { id: true, subject: true, createdAt: true, resolvedAt: true },
  });
  const events: CustomerTimelineEvent[] = [];
  for (const t of tickets) {
    const record = { resource: "support_tickets", id: t.id };
    if (earlier(t.createdAt))
      events.push({
        at: t.createdAt.toISOString(),
        module: "support",
        kind: "ticket_opened",
        label: t.subject,
        record,
      });
    if (t.resolvedAt && earlier(t.resolvedAt)) {
      events.push({
        at: t.resolvedAt.toISOString(),
        module: "support",
        kind: "ticket_resolved",
        label: t.subject,
        record,
      });
    }
  }
  return events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, range.limit);
}
