// REST /admin/api/v1/campaigns/segments/preview and /{id}/preview: the builder's live preview. The
// segments themselves are the generic table routes of /campaigns/segments (saved.ts checks criteria).
import { Router } from "express";
import { z } from "zod";
import type { Deps } from "../../../deps.js";
import { asyncRoute } from "../../../http/bearer-auth.js";
import type { ApiOperation } from "../../../http/openapi.js";
import { parseBody, parseId } from "../../../http/params.js";
import { ZSegmentCriteria } from "./rules/criteria.js";
import { previewCriteria, previewSavedSegment } from "./preview.js";

export const SEGMENTS_PATH = "/campaigns/segments";

const ZLimit = z.coerce.number().int().min(1).max(50).optional();
const ZPreviewBody = z.strictObject({ criteria: z.unknown(), limit: z.number().int().min(1).max(50).optional() });
const ZPreviewQuery = z.strictObject({ limit: ZLimit });

const ZSampleRow = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  planType: z.string(),
  status: z.string(),
  language: z.string(),
  createdAt: z.string(),
});
const ZPreview = z.object({ count: z.number().int(), sample: z.array(ZSampleRow) });

export function segmentRoutes(deps: Pick<Deps, "pool" | "prisma">): Router {
  const router = Router();
  router.post(
    `${SEGMENTS_PATH}/preview`,
    asyncRoute(async (req, res) => {
      const body = parseBody(ZPreviewBody, req.body);
      res.json(await previewCriteria(deps, body.criteria, body.limit));
    }),
  );
  router.get(
    `${SEGMENTS_PATH}/:id/preview`,
    asyncRoute(async (req, res) => {
      const query = parseBody(ZPreviewQuery, req.query);
      res.json(await previewSavedSegment(deps, parseId(req.params.id, "segment"), query.limit));
    }),
  );
  return router;
}

export const SEGMENT_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: `${SEGMENTS_PATH}/preview`,
    tag: "campaigns",
    summary: "How many customers criteria match now, with the newest of them",
    description:
      "Criteria are ANDed; a list criterion matches any of its values. An unknown key or value is a 400 naming `criteria.<path>`.",
    permission: "campaigns.view",
    body: {
      name: "SegmentPreviewRequest",
      schema: z.strictObject({ criteria: ZSegmentCriteria, limit: z.number().int().min(1).max(50).optional() }),
    },
    example: { criteria: { plans: ["pro"], aiRequests: { period: { lastDays: 30 }, min: 3 } }, limit: 10 },
    responses: {
      200: {
        description: "The count and a sample (10 unless `limit`)",
        schema: { name: "SegmentPreview", schema: ZPreview },
      },
      400: { description: "Invalid criteria (`errors` names each field)" },
    },
  },
  {
    method: "get",
    path: `${SEGMENTS_PATH}/{id}/preview`,
    tag: "campaigns",
    summary: "How many customers a saved segment matches now, with the newest of them",
    permission: "campaigns.view",
    idType: "integer",
    query: ZPreviewQuery,
    responses: {
      200: {
        description: "The segment's count and sample",
        schema: {
          name: "SavedSegmentPreview",
          schema: ZPreview.extend({ id: z.number().int(), name: z.string() }),
        },
      },
      404: { description: "No such segment" },
    },
  },
];
