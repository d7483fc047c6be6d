// REST /admin/api/v1/campaigns/email_campaigns/{id}/...: send or schedule, pause, resume, cancel, test
// send, preview per language, and the figures. The same use cases as the AdminJS actions.
import { Router } from "express";
import { z } from "zod";
import type { Deps } from "../../../deps.js";
import { asyncRoute } from "../../../http/bearer-auth.js";
import type { ApiOperation } from "../../../http/openapi.js";
import { parseBody, parseId } from "../../../http/params.js";
import { AppError } from "../../../lib/errors.js";
import { previewCampaign, testSendCampaign } from "../content/service.js";
import { cancelCampaign, pauseCampaign, resumeCampaign, sendCampaign } from "./service.js";
import { campaignStats } from "./stats.js";
import type { RecipientSelection } from "./recipients.js";
import { loadSegment } from "../segments/saved.js";

export const CAMPAIGNS_PATH = "/campaigns/email_campaigns";

export const ZSendBody = z
  .object({
    /** Fixed recipients (customer ids) instead of the campaign's segment or every active customer. */
    customer_ids: z.array(z.number().int().positive()).max(100_000).optional(),
    /** A saved segment: its criteria are copied into the campaign and judged when the sending starts. */
    segment_id: z.number().int().positive().optional(),
  })
  .strict()
  .refine((b) => !(b.customer_ids && b.segment_id), {
    message: "give customer_ids or segment_id, not both",
    path: ["segment_id"],
  });
export const ZScheduleBody = z
  .object({ at: z.coerce.date(), segment_id: z.number().int().positive().optional() })
  .strict();

/** The recipients a send or schedule body names. */
async function selectionOf(
  deps: Pick<Deps, "prisma">,
  body: { customer_ids?: number[]; segment_id?: number },
): Promise<RecipientSelection> {
  if (body.customer_ids) return { customerIds: body.customer_ids };
  if (body.segment_id === undefined) return {};
  const segment = await loadSegment(deps, body.segment_id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found")
      throw new AppError("validation", error.message, [{ field: "segment_id", message: "no such segment" }]);
    throw error;
  });
  return { segment: segment.criteria };
}
export const ZLanguageBody = z.object({ language: z.enum(["fr", "en"]).default("fr") }).strict();
export const ZLanguageQuery = z.object({ language: z.enum(["fr", "en"]).default("fr") });

export function campaignSendingRoutes(deps: Pick<Deps, "prisma" | "queues" | "config">): Router {
  const router = Router();
  const id = (raw: string | undefined) => parseId(raw, "campaign");
  router.post(
    `${CAMPAIGNS_PATH}/:id/send`,
    asyncRoute(async (req, res) => {
      const body = parseBody(ZSendBody, req.body ?? {});
      const out = await sendCampaign(deps, id(req.params.id), { recipients: await selectionOf(deps, body) });
      res.json({ ...out.campaign, recipients: out.recipients });
    }),
  );
  router.post(
    `${CAMPAIGNS_PATH}/:id/schedule`,
    asyncRoute(async (req, res) => {
      const body = parseBody(ZScheduleBody, req.body ?? {});
      if (body.at.getTime() <= Date.now()) {
        throw new AppError("validation", "The time must be in the future", [
          { field: "at", message: "must be in the future" },
        ]);
      }
      const recipients = await selectionOf(deps, body);
      res.json((await sendCampaign(deps, id(req.params.id), { at: body.at, recipients })).campaign);
    }),
  );
  router.post(
    `${CAMPAIGNS_PATH}/:id/pause`,
    asyncRoute(async (req, res) => void res.json(await pauseCampaign(deps, id(req.params.id)))),
  );
  router.post(
    `${CAMPAIGNS_PATH}/:id/resume`,
    asyncRoute(async (req, res) => void res.json(await resumeCampaign(deps, id(req.params.id)))),
  );
  router.post(
    `${CAMPAIGNS_PATH}/:id/cancel`,
    asyncRoute(async (req, res) => void res.json(await cancelCampaign(deps, id(req.params.id)))),
  );
  router.post(
    `${CAMPAIGNS_PATH}/:id/test-send`,
    asyncRoute(async (req, res) => {
      const body = parseBody(ZLanguageBody, req.body ?? {});
      res.json(
        await testSendCampaign({ prisma: deps.prisma, mail: deps.config.mail }, id(req.params.id), body.language),
      );
    }),
  );
  router.get(
    `${CAMPAIGNS_PATH}/:id/preview`,
    asyncRoute(async (req, res) => {
      const query = parseBody(ZLanguageQuery, req.query ?? {});
      res.json(await previewCampaign(deps.prisma, id(req.params.id), query.language));
    }),
  );
  router.get(
    `${CAMPAIGNS_PATH}/:id/stats`,
    asyncRoute(async (req, res) => void res.json(await campaignStats(deps.prisma, id(req.params.id)))),
  );
  return router;
}

const ZCampaignStats = z.object({
  campaignId: z.number().int(),
  status: z.string(),
  recipients: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  progress: z.number(),
  sent: z.number().int(),
  uniqueOpens: z.number().int(),
  uniqueClicks: z.number().int(),
  openRate: z.number(),
  clickRate: z.number(),
  links: z.array(z.object({ url: z.string(), uniqueClicks: z.number().int(), totalClicks: z.number().int() })),
  variants: z.array(
    z.object({
      variant: z.string(),
      sent: z.number().int(),
      uniqueOpens: z.number().int(),
      uniqueClicks: z.number().int(),
    }),
  ),
  abWinner: z.string().nullable(),
});
const ZPreview = z.object({ subject: z.string(), html: z.string(), text: z.string(), language: z.enum(["fr", "en"]) });

const conflict = { 409: { description: "The campaign is not in a status this move starts from" } };

export const CAMPAIGN_SENDING_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: `${CAMPAIGNS_PATH}/{id}/send`,
    tag: "campaigns",
    summary: "Sends a draft campaign now: its recipients are frozen (minus the suppression list) and queued",
    permission: "campaigns.send",
    idType: "integer",
    body: { name: "CampaignSend", schema: ZSendBody },
    example: { customer_ids: [12, 57] },
    responses: { 200: { description: "The campaign, sending", record: "EmailCampaign" }, ...conflict },
  },
  {
    method: "post",
    path: `${CAMPAIGNS_PATH}/{id}/schedule`,
    tag: "campaigns",
    summary: "Schedules a draft campaign; its recipients are frozen when it starts",
    permission: "campaigns.send",
    idType: "integer",
    body: { name: "CampaignSchedule", schema: ZScheduleBody },
    example: { at: "2027-01-15T09:00:00.000Z" },
    responses: { 200: { description: "The campaign, scheduled", record: "EmailCampaign" }, ...conflict },
  },
  ...(["pause", "resume", "cancel"] as const).map((move): ApiOperation => ({
    method: "post",
    path: `${CAMPAIGNS_PATH}/{id}/${move}`,
    tag: "campaigns",
    summary:
      move === "pause"
        ? "Pauses a sending campaign"
        : move === "resume"
          ? "Resumes a paused campaign"
          : "Cancels a scheduled, sending or paused campaign: nothing more is sent",
    permission: "campaigns.send",
    idType: "integer",
    responses: { 200: { description: "The campaign", record: "EmailCampaign" }, ...conflict },
  })),
  {
    method: "post",
    path: `${CAMPAIGNS_PATH}/{id}/test-send`,
    tag: "campaigns",
    summary: "Sends the campaign in one language to the calling admin's address (not tracked)",
    permission: "campaigns.send",
    idType: "integer",
    body: { name: "CampaignTestSend", schema: ZLanguageBody },
    example: { language: "en" },
    responses: {
      200: {
        description: "Sent",
        schema: { name: "CampaignTestSent", schema: z.object({ to: z.string(), messageId: z.string() }) },
      },
    },
  },
  {
    method: "get",
    path: `${CAMPAIGNS_PATH}/{id}/preview`,
    tag: "campaigns",
    summary: "The campaign as a customer of a language sees it, with sample variables",
    permission: "campaigns.view",
    idType: "integer",
    query: ZLanguageQuery,
    responses: { 200: { description: "The rendered message", schema: { name: "CampaignPreview", schema: ZPreview } } },
  },
  {
    method: "get",
    path: `${CAMPAIGNS_PATH}/{id}/stats`,
    tag: "campaigns",
    summary: "Progress, deliveries, unique opens and clicks, per-link and per-subject figures",
    permission: "campaigns.view",
    idType: "integer",
    responses: { 200: { description: "The figures", schema: { name: "CampaignStats", schema: ZCampaignStats } } },
  },
];
