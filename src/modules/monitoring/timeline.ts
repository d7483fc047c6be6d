// Monitoring's part of a customer's story (the customer 360 timeline): its sites' incidents, opened
// and resolved. A customer has few sites: each is read through incidents (site_id, opened_at), newest
// first, at most range.limit (resolutions through the same index: an incident resolves after it opens).
import type { CustomerTimelineEvent, TimelineRange } from "../../module.js";
import type { Deps } from "../../deps.js";

export async function monitoringTimeline(
  deps: Pick<Deps, "prisma">,
  customerId: number,
  range: TimelineRange,
): Promise<CustomerTimelineEvent[]> {
  const { prisma } = deps;
  const lt = range.before ? { lt: range.before } : undefined;
  const select = {
    id: true,
    cause: true,
    openedAt: true,
    resolvedAt: true,
    site: { select: { name: true, domain: true } },
  } as const;
  const [opened, resolved] = await Promise.all([
    prisma.incident.findMany({
      where: { site: { customerId }, openedAt: lt },
      orderBy: [{ openedAt: "desc" }, { id: "desc" }],
      take: range.limit,
      select,
    }),
    prisma.incident.findMany({
      where: { site: { customerId }, resolvedAt: { not: null, ...lt } },
      orderBy: [{ resolvedAt: "desc" }, { id: "desc" }],
      take: range.limit,
      select,
    }),
  ]);
  const label = (row: (typeof opened)[number]) => `${row.site.domain ?? row.site.name}: ${row.cause}`;
  return [
    ...opened.map((row) => ({
      at: row.openedAt.toISOString(),
      module: "monitoring",
      kind: "incident_opened",
      label: label(row),
      record: { resource: "incidents", id: row.id },
    })),
    ...resolved.map((row) => ({
      at: row.resolvedAt!.toISOString(),
      module: "monitoring",
      kind: "incident_resolved",
      label: label(row),
      record: { resource: "incidents", id: row.id },
    })),
  ];
}
