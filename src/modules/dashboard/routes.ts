// REST /admin/api/v1/dashboard (issue 6, item 4): what the dashboard shows, in one call, for any
// logged-in admin (the answer leaves out what the admin may not see), and the quick action that sends
// the overdue invoices' reminders (billing.create_invoice, checked by the service).
import { Router } from "express";
import { z } from "zod";
import type { ApiOperation } from "../../http/openapi.js";
import { asyncRoute } from "../../http/bearer-auth.js";
import { parseBody } from "../../http/params.js";
import { dashboard, type DashboardDeps } from "./service.js";
import { remindOverdueInvoices } from "./overdue-reminders.js";

const ZDashboardQuery = z
  .object({
    days: z.enum(["7", "30", "90"]).optional().describe("The period in days, ending yesterday (UTC); 30 by default"),
  })
  .strict();

export function dashboardRoutes(deps: DashboardDeps): Router {
  const router = Router();
  router.get(
    "/dashboard",
    asyncRoute(async (req, res) => {
      const query = parseBody(ZDashboardQuery, req.query);
      res.json(await dashboard(deps, { days: query.days }));
    }),
  );
  router.post(
    "/dashboard/overdue-reminders",
    asyncRoute(async (_req, res) => {
      res.json(await remindOverdueInvoices(deps));
    }),
  );
  return router;
}

const ok = (description: string) => ({ description });

/** These routes in the OpenAPI document (src/http/openapi.ts). */
export const DASHBOARD_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/dashboard",
    tag: "dashboard",
    summary: "Everything the dashboard shows: KPIs with their change, daily trends, alerts and quick actions",
    description:
      "KPIs (MRR now, churn rate, new customers, AI revenue) over the last `days` whole UTC days ending " +
      "yesterday, each against the previous period of the same length; the daily trend from the " +
      "business_metrics snapshots; the alerts above their thresholds (analytics.alert_thresholds), each " +
      "with its count and where to act. Revenue figures (mrr, aiRevenue, the overdue amounts) are left " +
      "out for an admin without billing.view or analytics.view; security alerts and failed jobs need " +
      "settings.view, billing alerts billing.view. Definitions in the README (Dashboard).",
    permission: "",
    query: ZDashboardQuery,
    responses: {
      200: ok(
        "{ generatedAt, days, period, revenue, kpis, trend, alerts, quickActions, aiQueue, customers, sites, " +
          "invoices, securityAlerts, billingAlerts }",
      ),
    },
  },
  {
    method: "post",
    path: "/dashboard/overdue-reminders",
    tag: "dashboard",
    summary: "E-mail a payment reminder for every overdue invoice not reminded in the last 24 hours",
    description:
      "At most 200 per call (`remaining` counts the others). Each reminder is the one of " +
      "POST /billing/invoices/{id}/reminders; an invoice paid or reminded meanwhile is skipped.",
    permission: "billing.create_invoice",
    responses: { 200: ok("{ overdue, sent, sentInvoiceIds, skipped, remaining }") },
  },
];
