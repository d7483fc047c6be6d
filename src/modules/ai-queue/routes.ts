// REST /admin/api/v1/ai-queue (issue 4, item 7): list with filters and keyset pagination (priority,
// then age), get, take, release, complete, reject. Same service and permission rules as the admin UI.
import type { ApiOperation } from "../../http/openapi.js";
import { Router } from "express";
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import type { QueueDeps } from "./service.js";
import { completeRequest, rejectRequest, releaseRequest, takeRequest } from "./service.js";
import { AppError } from "../../lib/errors.js";
import { parseBody, parseId } from "../../http/params.js";
import { afterCursor, decodeCursor, encodeCursor } from "../../lib/keyset.js";
import { asyncRoute, requireApiPermission } from "../../http/bearer-auth.js";
import { REQUEST_TYPES } from "./schemas.js";

const STATUSES = ["pending", "processing", "completed", "rejected", "cancelled"] as const;
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const ZListQuery = z
  .object({
    status: z.enum(STATUSES).optional(),
    type: z.enum(REQUEST_TYPES).optional(),
    priority: int(1, 10).optional(),
    customer_id: int(1, 2 ** 31 - 1).optional(),
    admin_id: int(1, 2 ** 31 - 1).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    limit: int(1, 200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

const ORDER = ["priority", "createdAt", "id"] as const;

export function encodeRequestCursor(row: { priority: number; createdAt: Date; id: number }): string {
  return encodeCursor([row.priority, row.createdAt, row.id]);
}

/** The requests after a cursor, in the list's order (priority, then age); 400 naming `cursor` for a bad one. */
function afterRequest(cursor: string): Prisma.AiRequestWhereInput {
  return afterCursor(ORDER, decodeCursor(cursor, ["int", "date", "int"])) as Prisma.AiRequestWhereInput;
}

const ZComplete = z
  .object({
    generated_content: z.unknown(),
    actual_cost: z.union([z.string(), z.number()]).nullish(),
    admin_notes: z.string().max(5000).nullish(),
  })
  .strict();
const ZReject = z.object({ admin_notes: z.string().max(5000) }).strict();

export function aiQueueRoutes(deps: QueueDeps): Router {
  const router = Router();
  const view = requireApiPermission("ai_queue", "view");

  router.get(
    "/ai-queue/requests",
    view,
    asyncRoute(async (req, res) => {
      const q = parseBody(ZListQuery, req.query);
      const where: Prisma.AiRequestWhereInput = {
        ...(q.status ? { status: q.status } : {}),
        ...(q.type ? { requestType: q.type } : {}),
        ...(q.priority ? { priority: q.priority } : {}),
        ...(q.customer_id ? { customerId: q.customer_id } : {}),
        ...(q.admin_id ? { adminId: q.admin_id } : {}),
        ...(q.from || q.to
          ? { createdAt: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lte: q.to } : {}) } }
          : {}),
      };
      const rows = await deps.prisma.aiRequest.findMany({
        where: q.cursor ? { AND: [where, afterRequest(q.cursor)] } : where,
        orderBy: [{ priority: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        take: q.limit + 1,
      });
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      res.json({ data: page, nextCursor: rows.length > q.limit && last ? encodeRequestCursor(last) : null });
    }),
  );

  router.get(
    "/ai-queue/requests/:id",
    view,
    asyncRoute(async (req, res) => {
      const row = await deps.prisma.aiRequest.findUnique({ where: { id: parseId(req.params.id, "AI request") } });
      if (!row) throw new AppError("not_found", `AI request #${req.params.id} does not exist`);
      res.json(row);
    }),
  );

  router.post(
    "/ai-queue/requests/:id/take",
    asyncRoute(async (req, res) => {
      res.json(await takeRequest(deps, parseId(req.params.id, "AI request")));
    }),
  );
  router.post(
    "/ai-queue/requests/:id/release",
    asyncRoute(async (req, res) => {
      res.json(await releaseRequest(deps, parseId(req.params.id, "AI request")));
    }),
  );
  router.post(
    "/ai-queue/requests/:id/complete",
    asyncRoute(async (req, res) => {
      const body = parseBody(ZComplete, req.body ?? {});
      const cost = body.actual_cost == null ? null : String(body.actual_cost);
      res.json(
        await completeRequest(deps, parseId(req.params.id, "AI request"), {
          generatedContent: body.generated_content,
          actualCost: cost,
          adminNotes: body.admin_notes ?? null,
        }),
      );
    }),
  );
  router.post(
    "/ai-queue/requests/:id/reject",
    asyncRoute(async (req, res) => {
      const body = parseBody(ZReject, req.body ?? {});
      res.json(await rejectRequest(deps, parseId(req.params.id, "AI request"), body.admin_notes));
    }),
  );
  return router;
}

const ok = (description: string) => ({ description });

/** These routes in the OpenAPI document (src/http/openapi.ts). */
export const AI_QUEUE_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/ai-queue/requests",
    tag: "ai-queue",
    summary: "The queue, by priority then age; keyset pages via nextCursor",
    permission: "ai_queue.view",
    query: ZListQuery,
    responses: { 200: ok("{ data: AI requests, nextCursor }") },
  },
  {
    method: "get",
    path: "/ai-queue/requests/{id}",
    tag: "ai-queue",
    summary: "One AI request",
    permission: "ai_queue.view",
    idType: "integer",
    responses: { 200: ok("The AI request"), 404: ok("No such request") },
  },
  ...(["take", "release"] as const).map((name): ApiOperation => ({
    method: "post",
    path: `/ai-queue/requests/{id}/${name}`,
    tag: "ai-queue",
    summary:
      name === "take"
        ? "pending -> processing, assigned to the caller"
        : "processing -> pending (the assignee, or an admin)",
    permission: "ai_queue.process",
    idType: "integer",
    responses: { 200: ok("The request after the transition"), 409: ok("The request is not in a state that allows it") },
  })),
  {
    method: "post",
    path: "/ai-queue/requests/{id}/complete",
    tag: "ai-queue",
    summary: "processing -> completed with content of the request type's schema; bills the customer",
    permission: "ai_queue.process",
    idType: "integer",
    body: { name: "AiRequestComplete", schema: ZComplete },
    responses: { 200: ok("Completed and billed"), 409: ok("The request is not processing") },
  },
  {
    method: "post",
    path: "/ai-queue/requests/{id}/reject",
    tag: "ai-queue",
    summary: "pending|processing -> rejected, with the reason the customer is told",
    permission: "ai_queue.reject",
    idType: "integer",
    body: { name: "AiRequestReject", schema: ZReject },
    responses: { 200: ok("Rejected"), 409: ok("The request is already decided") },
  },
  {
    method: "get",
    path: "/ai-queue/stats",
    tag: "ai-queue",
    summary: "Queue metrics over 7, 30 or 90 days",
    permission: "ai_queue.stats",
    query: z.object({ days: z.enum(["7", "30", "90"]).optional() }),
    responses: { 200: ok("Times, rates, backlog, revenue, requests per admin") },
  },
];
