// REST GET /admin/api/v1/ai-queue/stats?days=7|30|90 (issue 4, item 7): the Queue IA metrics, for
// admins with ai_queue.stats. The same figures as the "Queue IA" page (metrics.ts).
import { Router } from "express";
import type { PrismaClient } from "@prisma/client";
import { asyncRoute, requireApiPermission } from "../../http/bearer-auth.js";
import { parsePeriod, queueMetrics } from "./metrics.js";

export function aiQueueStatsRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router();
  router.get(
    "/ai-queue/stats",
    requireApiPermission("ai_queue", "stats"),
    asyncRoute(async (req, res) => {
      const days = parsePeriod(req.query.days, 30);
      res.json(await queueMetrics(deps.prisma, days, new Date()));
    }),
  );
  return router;
}
