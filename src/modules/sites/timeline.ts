// The sites module's part of a customer's story (the customer 360 timeline): each site's creation.
// Through the index on sites.customer_id, newest first, at most range.limit.
import type { CustomerTimelineEvent, TimelineRange } from "../../module.js";
import type { Deps } from "../../deps.js";

export async function sitesTimeline(
  deps: Pick<Deps, "prisma">,
  customerId: number,
  range: TimelineRange,
): Promise<CustomerTimelineEvent[]> {
  const sites = await deps.prisma.site.findMany({
    where: { customerId, createdAt: range.before ? { lt: range.before } : undefined },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: range.limit,
    select: { id: true, name: true, domain: true, createdAt: true },
  });
  return sites.map((site) => ({
    at: site.createdAt.toISOString(),
    module: "sites",
    kind: "site_created",
    label: site.domain ?? site.name,
    record: { resource: "sites", id: site.id },
  }));
}
