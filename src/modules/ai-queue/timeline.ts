// The AI queue's part of a customer's story (the customer 360 timeline): each AI request submitted.
// Through ai_requests (customer_id, created_at), newest first, at most range.limit: a customer with
// thousands of requests costs one short index scan.
import type { CustomerTimelineEvent, TimelineRange } from "../../module.js";
import type { Deps } from "../../deps.js";

export async function aiQueueTimeline(
  deps: Pick<Deps, "prisma">,
  customerId: number,
  range: TimelineRange,
): Promise<CustomerTimelineEvent[]> {
  const rows = await deps.prisma.aiRequest.findMany({
    where: { customerId, createdAt: range.before ? { lt: range.before } : undefined },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: range.limit,
    select: { id: true, createdAt: true, requestType: true, businessType: true, status: true },
  });
  return rows.map((row) => ({
    at: row.createdAt.toISOString(),
    module: "ai-queue",
    kind: "ai_request",
    label: `${row.requestType} · ${row.businessType} · ${row.status}`,
    record: { resource: "ai_requests", id: row.id },
  }));
}
