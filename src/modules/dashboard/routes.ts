// REST /admin/api/v1/dashboard (issue 6, item 4): what the dashboard shows, in one call, for any
// logged-in admin (the answer leaves out what the admin may not see), and the quick action that sends
// the overdue invoices' reminders (billing.create_invoice, checked by the service).
import { Router } from "express";
import { z } from "zod";
import { ALERT_KINDS } from "./types.js";
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

const count = z.number().int().min(0);
const kpi = <T extends z.ZodType>(value: T) =>
  z.object({
    value: value.nullable(),
    previous: value.nullable(),
    change: value.nullable(),
    changeRatio: z.string().nullable().meta({ description: 'change / previous, "0.1234"; null when unknown' }),
  });
const money = z
  .string()
  .meta({ description: 'EUR excluding tax, "1234.56"; only with billing.view or analytics.view' });
const openAlerts = z
  .object({ open: count, latest: z.array(z.object({ id: z.number().int(), kind: z.string() }).loose()) })
  .nullable();
const ZDashboard = z.object({
  generatedAt: z.iso.datetime(),
  days: z.union([z.literal(7), z.literal(30), z.literal(90)]),
  period: z.object({
    from: z.string(),
    to: z.string(),
    previousFrom: z.string(),
    previousTo: z.string(),
    snapshots: count,
  }),
  revenue: z.boolean().meta({ description: "The admin may see revenue figures (billing.view or analytics.view)" }),
  kpis: z.object({
    mrr: kpi(money).optional(),
    churnRate: kpi(z.string()).extend({ churned: z.number().int().nullable(), base: z.number().int().nullable() }),
    newCustomers: kpi(z.number().int()),
    aiRevenue: kpi(money).optional(),
  }),
  trend: z.array(
    z.object({
      date: z.string().meta({ description: "YYYY-MM-DD; the values are null for a day without a snapshot" }),
      mrr: money.nullable().optional(),
      activeCustomers: count.nullable(),
      newCustomers: count.nullable(),
      aiRevenue: money.nullable().optional(),
      aiRequests: count.nullable(),
    }),
  ),
  alerts: z.array(
    z.object({
      kind: z.enum(ALERT_KINDS),
      count,
      threshold: count,
      href: z.string().nullable(),
      amounts: z.array(z.object({ currency: z.string(), amount: z.string() })).optional(),
      overSla: count.optional(),
      byQueue: z.record(z.string(), count).optional(),
    }),
  ),
  quickActions: z.array(
    z.object({
      kind: z.enum(["open_ai_queue", "send_overdue_reminders", "open_support"]),
      href: z.string().nullable(),
      method: z.enum(["GET", "POST"]),
      allowed: z.boolean(),
      reason: z.string().optional(),
    }),
  ),
  aiQueue: z.object({ pending: count, processing: count, overSla: count, oldestPendingAt: z.string().nullable() }),
  customers: z.object({ total: count, active: count }),
  sites: z.object({ down: count }),
  invoices: z.object({ overdue: count }),
  securityAlerts: openAlerts.meta({ description: "Unacknowledged security alerts; null without settings.view" }),
  billingAlerts: openAlerts.meta({ description: "Unacknowledged billing alerts; null without billing.view" }),
});
const ZOverdueReminderRun = z.object({
  overdue: count.meta({ description: "Overdue invoices seen" }),
  sent: count.meta({ description: "Reminders sent now" }),
  sentInvoiceIds: z.array(z.number().int()),
  skipped: count.meta({ description: "Reminded less than 24 hours ago, or refused when their turn came" }),
  remaining: count.meta({ description: "Still due a reminder, beyond this call's 200" }),
});

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
      200: { description: "The dashboard's figures", schema: { name: "Dashboard", schema: ZDashboard } },
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
    responses: {
      200: { description: "What was sent", schema: { name: "OverdueReminderRun", schema: ZOverdueReminderRun } },
    },
  },
];
