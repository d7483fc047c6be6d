// REST GET /admin/api/v1/monitoring/sites/{id}/analytics?from&to: a site's Audience (monitoring.view),
// the figures of the Audience action on the site's page.
import { Router } from "express";
import { z } from "zod";
import type { PrismaClient } from "@prisma/client";
import type { ApiOperation } from "../../../http/openapi.js";
import { asyncRoute, requireApiPermission } from "../../../http/bearer-auth.js";
import { parseId } from "../../../http/params.js";
import { AppError } from "../../../lib/errors.js";
import { parseRange } from "./rules/period.js";
import { siteAudience } from "./audience.js";
import { WEB_VITALS } from "./rules/vitals.js";

export const SITE_ANALYTICS_PATH = "/monitoring/sites/{id}/analytics";

export function siteAnalyticsRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router();
  router.get(
    "/monitoring/sites/:id/analytics",
    requireApiPermission("monitoring", "view"),
    asyncRoute(async (req, res) => {
      const id = parseId(req.params.id, "site");
      const now = new Date();
      const parsed = parseRange({ from: req.query.from, to: req.query.to }, now);
      if ("error" in parsed)
        throw new AppError("validation", `${parsed.error.field}: ${parsed.error.message}`, [parsed.error]);
      res.json(await siteAudience(deps.prisma, id, parsed.range, now));
    }),
  );
  return router;
}

const day = z.iso.date();
const count = z.number().int().min(0);
const ZSiteAudience = z
  .object({
    site: z.object({ id: z.number().int(), name: z.string(), domain: z.string().nullable() }),
    range: z.object({ from: day, to: day }),
    totals: z.object({ pageViews: count, visitors: count, conversions: count }),
    series: z.array(z.object({ day, pageViews: count, visitors: count })),
    topPages: z.array(z.object({ path: z.string(), views: count })),
    referrers: z.array(z.object({ host: z.string(), visitors: count })),
    goals: z.array(z.object({ name: z.string(), count, visitors: count })),
    vitals: z.array(
      z.object({
        metric: z.enum(WEB_VITALS),
        p75: z.number().meta({ description: "75th percentile: LCP and INP in ms, CLS a score" }),
        count,
        rating: z.enum(["good", "needs-improvement", "poor"]),
      }),
    ),
  })
  .meta({
    description:
      "Unique visitors are counted per UTC day (a visitor of two days counts twice); days before today come from the daily rollup, today from the events so far",
  });

export const SITE_ANALYTICS_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: SITE_ANALYTICS_PATH,
    tag: "monitoring",
    summary:
      "A site's audience over a period: visitors and page views per day, top pages, referrers, goals, Web Vitals p75",
    permission: "monitoring.view",
    idType: "integer",
    query: z.object({
      from: day.optional().describe("first day, included (UTC); default 29 days before `to`"),
      to: day.optional().describe("last day, included (UTC); default today; at most 366 days after `from`"),
    }),
    responses: {
      200: { description: "The site's audience", schema: { name: "SiteAudience", schema: ZSiteAudience } },
      400: { description: "`from` or `to` is not a date, `from` is after `to`, or the period is over 366 days" },
    },
  },
];
