// REST /admin/api/v1/ai-queue/ai_requests/{id}/take|release|complete|reject: the queue's transitions,
// with the same service and permission rules as the admin UI. The list and the record are the table's
// generic routes (/ai-queue/ai_requests, sortable: `sort=priority,createdAt`); the former
// /ai-queue/requests paths answer 308 to them.
import { storable } from "../../lib/input-rules.js";
import type { ApiOperation } from "../../http/openapi.js";
import { Router } from "express";
import { z } from "zod";
import type { AiRequest } from "@prisma/client";
import type { QueueDeps } from "./service.js";
import { completeRequest, rejectRequest, releaseRequest, takeRequest } from "./service.js";
import { AppError } from "../../lib/errors.js";
import { parseBody, parseId } from "../../http/params.js";
import { asyncRoute } from "../../http/bearer-auth.js";

const ZComplete = z
  .object({
    generatedContent: z.unknown().describe("the content, of the request type's schema"),
    actualCost: z.union([z.string(), z.number()]).nullish().meta({
      minimum: 0,
      maximum: 999.99,
      description: 'what the work cost, EUR, 0 to 999.99 ("2.50", "2,50" or 2.5); null: the request type\'s price',
    }),
    adminNotes: z.string().max(5000).superRefine(storable).nullish(),
  })
  .strict();
const ZReject = z
  .object({ adminNotes: z.string().max(5000).superRefine(storable).describe("the reason the customer is told") })
  .strict();

/** The service names the columns; the API's bodies are camelCase. */
const BODY_FIELDS: Record<string, string> = {
  generated_content: "generatedContent",
  actual_cost: "actualCost",
  admin_notes: "adminNotes",
};

function inBodyNames(error: unknown): never {
  if (error instanceof AppError && error.errors) {
    const rename = (field: string) => {
      const [head, ...rest] = field.split(".");
      return [BODY_FIELDS[head!] ?? head, ...rest].join(".");
    };
    const errors = error.errors.map((e) => ({ ...e, field: rename(e.field) }));
    let message = error.message;
    for (const [from, to] of Object.entries(BODY_FIELDS)) message = message.replaceAll(from, to);
    throw new AppError(error.code, message, errors, error.headers);
  }
  throw error;
}

/** A request as the table's routes answer it (the AiRequest schema): money as text with its 2 decimals. */
function asRecord(row: AiRequest) {
  return {
    ...row,
    estimatedCost: row.estimatedCost?.toFixed(2) ?? null,
    actualCost: row.actualCost?.toFixed(2) ?? null,
  };
}

/** The table's REST path: the actions are sub-resources of its rows. */
export const AI_REQUESTS_PATH = "/ai-queue/ai_requests";
/** The former path of the queue routes: answered with 308 to the table's. */
const FORMER_PATH = "/ai-queue/requests";

export function aiQueueRoutes(deps: QueueDeps): Router {
  const router = Router();

  // One resource per concept: the former queue path moved under the table's, method and body kept.
  router.all([FORMER_PATH, `${FORMER_PATH}/*`], (req, res) => {
    const rest = req.path.slice(FORMER_PATH.length);
    const query = req.originalUrl.includes("?") ? req.originalUrl.slice(req.originalUrl.indexOf("?")) : "";
    res.redirect(308, `${req.baseUrl}${AI_REQUESTS_PATH}${rest}${query}`);
  });

  router.post(
    `${AI_REQUESTS_PATH}/:id/take`,
    asyncRoute(async (req, res) => {
      res.json(asRecord(await takeRequest(deps, parseId(req.params.id, "AI request"))));
    }),
  );
  router.post(
    `${AI_REQUESTS_PATH}/:id/release`,
    asyncRoute(async (req, res) => {
      res.json(asRecord(await releaseRequest(deps, parseId(req.params.id, "AI request"))));
    }),
  );
  router.post(
    `${AI_REQUESTS_PATH}/:id/complete`,
    asyncRoute(async (req, res) => {
      const body = parseBody(ZComplete, req.body ?? {});
      const completed = await completeRequest(deps, parseId(req.params.id, "AI request"), {
        generatedContent: body.generatedContent,
        actualCost: body.actualCost,
        adminNotes: body.adminNotes ?? null,
      }).catch(inBodyNames);
      res.json(asRecord(completed));
    }),
  );
  router.post(
    `${AI_REQUESTS_PATH}/:id/reject`,
    asyncRoute(async (req, res) => {
      const body = parseBody(ZReject, req.body ?? {});
      const rejected = await rejectRequest(deps, parseId(req.params.id, "AI request"), body.adminNotes).catch(
        inBodyNames,
      );
      res.json(asRecord(rejected));
    }),
  );
  return router;
}

const ok = (description: string) => ({ description });

const count = z.number().int().min(0);
const hours = z.number().nullable().meta({ description: "Hours; null without a completed request" });
const rate = z.number().min(0).max(1).nullable().meta({ description: "Share of the decided; null without any" });
const ZQueueMetrics = z.object({
  days: z.union([z.literal(7), z.literal(30), z.literal(90)]),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  avgHoursCreatedToCompleted: hours,
  avgHoursStartedToCompleted: hours,
  decided: count,
  completed: count,
  rejected: count,
  completionRate: rate,
  rejectionRate: rate,
  backlog: z.object({
    total: count,
    byPriority: z.array(z.object({ priority: z.number().int(), count })),
    byType: z.array(z.object({ requestType: z.string(), count })),
  }),
  revenue: z.string().meta({ description: 'actual_cost of the completed requests, EUR ("12.50")' }),
  perAdmin: z.array(z.object({ adminId: z.number().int(), name: z.string(), count })),
});

/** These routes in the OpenAPI document (src/http/openapi.ts). */
export const AI_QUEUE_OPERATIONS: ApiOperation[] = [
  ...(["take", "release"] as const).map((name): ApiOperation => ({
    method: "post",
    path: `${AI_REQUESTS_PATH}/{id}/${name}`,
    tag: "ai-queue",
    summary:
      name === "take"
        ? "pending -> processing, assigned to the caller"
        : "processing -> pending (the assignee, or an admin)",
    permission: "ai_queue.process",
    idType: "integer",
    responses: {
      200: { description: "The request after the transition", record: "AiRequest" },
      409: ok("The request is not in a state that allows it"),
    },
  })),
  {
    method: "post",
    path: `${AI_REQUESTS_PATH}/{id}/complete`,
    tag: "ai-queue",
    summary: "processing -> completed with content of the request type's schema; bills the customer",
    permission: "ai_queue.process",
    idType: "integer",
    body: { name: "AiRequestComplete", schema: ZComplete },
    example: { generatedContent: { title: "Spring offers", body: "..." }, actualCost: "2.50", adminNotes: null },
    responses: {
      200: { description: "Completed and billed", record: "AiRequest" },
      409: ok("The request is not processing"),
    },
  },
  {
    method: "post",
    path: `${AI_REQUESTS_PATH}/{id}/reject`,
    tag: "ai-queue",
    summary: "pending|processing -> rejected, with the reason the customer is told",
    permission: "ai_queue.reject",
    idType: "integer",
    body: { name: "AiRequestReject", schema: ZReject },
    example: { adminNotes: "The site has no products to describe yet" },
    responses: { 200: { description: "Rejected", record: "AiRequest" }, 409: ok("The request is already decided") },
  },
  {
    method: "get",
    path: "/ai-queue/stats",
    tag: "ai-queue",
    summary: "Queue metrics over 7, 30 or 90 days",
    permission: "ai_queue.stats",
    query: z.object({ days: z.enum(["7", "30", "90"]).optional() }),
    responses: {
      200: {
        description: "Times, rates, backlog, revenue, requests per admin",
        schema: { name: "QueueMetrics", schema: ZQueueMetrics },
      },
    },
  },
];
