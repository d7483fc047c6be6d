// Analytics routes (issue 6, item 3):
// - REST, bearer token: GET /admin/api/v1/analytics/alert-thresholds (analytics.view) and PUT (the
//   service checks analytics.configure). The business_metrics rows and their CSV export are the generic
//   table routes (/analytics/business_metrics, .../export.csv with analytics.view + analytics.export);
// - the admin's session, for the Analytics screen's download link (a browser link cannot send a bearer
//   token): GET /admin/analytics/business_metrics/export.csv?from=&to=, with the same two permissions.
import { Router } from "express";
import type { PrismaClient } from "@prisma/client";
import type pg from "pg";
import { z } from "zod";
import { asyncRoute, requireApiPermission } from "../../http/bearer-auth.js";
import { requirePermission } from "../../http/auth-guards.js";
import type { ApiOperation } from "../../http/openapi.js";
import { parseExportRange } from "../billing/export.js";
import { streamMetricsCsv } from "./export.js";
import { readAlertThresholds, updateAlertThresholds, ZAlertThresholds } from "./thresholds.js";

export interface AnalyticsDeps {
  prisma: PrismaClient;
  pool: pg.Pool;
}

const THRESHOLDS_PATH = "/analytics/alert-thresholds";
const EXPORT_PATH = "/analytics/business_metrics/export.csv";

/** REST routes (mounted behind the bearer-token guard of /admin/api/v1, before the table routes). */
export function analyticsRoutes(deps: AnalyticsDeps): Router {
  const router = Router();
  router.get(
    THRESHOLDS_PATH,
    requireApiPermission("analytics", "view"),
    asyncRoute(async (_req, res) => {
      res.json(await readAlertThresholds(deps.prisma));
    }),
  );
  // analytics.configure is checked by the service, as for the AdminJS form.
  router.put(
    THRESHOLDS_PATH,
    asyncRoute(async (req, res) => {
      res.json(await updateAlertThresholds(deps.prisma, req.body));
    }),
  );
  return router;
}

/** Session routes under /admin for the AdminJS download link (mounted after the session middleware). */
export function analyticsDownloadRoutes(deps: AnalyticsDeps): Router {
  const router = Router();
  router.get(
    EXPORT_PATH,
    requirePermission("analytics", "view"),
    requirePermission("analytics", "export"),
    asyncRoute(async (req, res) => {
      await streamMetricsCsv(deps, parseExportRange(req.query), res);
    }),
  );
  return router;
}

// ---------------------------------------------------------------------------------------------
// OpenAPI
// ---------------------------------------------------------------------------------------------

const ZThresholds = ZAlertThresholds.meta({
  description:
    "The dashboard raises an alert above each figure: pending AI requests (besides any pending beyond its " +
    "SLA), overdue unpaid invoices, sites down, failed jobs. Integers from 0 to 100000.",
});
const thresholdsSchema = { name: "AlertThresholds", schema: ZThresholds as z.ZodType };

export const ANALYTICS_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: THRESHOLDS_PATH,
    tag: "analytics",
    summary: "The dashboard's alert thresholds (the defaults until changed)",
    permission: "analytics.view",
    responses: { 200: { description: "The thresholds", schema: thresholdsSchema } },
  },
  {
    method: "put",
    path: THRESHOLDS_PATH,
    tag: "analytics",
    summary: "Replace the dashboard's alert thresholds (every field required); audited",
    permission: "analytics.configure",
    body: thresholdsSchema,
    responses: {
      200: { description: "The thresholds now in force", schema: thresholdsSchema },
      400: { description: "A field is missing, not an integer from 0 to 100000, or unknown: `errors` names it" },
    },
  },
];
