// How many AI requests wait and how many are being processed: the one count the Queue IA page, the
// dashboard and the ai_requests list filtered on a status all show. `pending` is what the list shows
// for status = pending (no other condition): a pending request is counted whoever it is assigned to.
import type { PrismaClient } from "@prisma/client";

export interface AiQueueCounts {
  pending: number;
  processing: number;
}

export async function aiQueueCounts(prisma: PrismaClient): Promise<AiQueueCounts> {
  const rows = await prisma.aiRequest.groupBy({
    by: ["status"],
    where: { status: { in: ["pending", "processing"] } },
    _count: { _all: true },
  });
  const of = (status: string) => rows.find((row) => row.status === status)?._count._all ?? 0;
  return { pending: of("pending"), processing: of("processing") };
}
