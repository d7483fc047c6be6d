// REST /admin/api/v1/billing (issue 5, items 6 and 8): the revenue metrics, the overdue invoices and
// payment reminders. The same service functions and permission rules as the Revenue page and the
// invoices' "Send reminder" action.
import { Router } from "express";
import { z } from "zod";
import type { ApiOperation } from "../../http/openapi.js";
import { parseBody, parseId } from "../../http/params.js";
import { asyncRoute, requireApiPermission } from "../../http/bearer-auth.js";
import { decodeOverdueCursor, overdueInvoices, sendInvoiceReminder, type DunningDeps } from "./dunning.js";
import { MAX_MONTHS, parseMonths, revenueMetrics } from "./metrics.js";

const ZMetricsQuery = z
  .object({
    months: z
      .string()
      .regex(/^\d{1,2}$/, `an integer from 1 to ${MAX_MONTHS}`)
      .optional(),
  })
  .strict();

const ZOverdueQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export function revenueRoutes(deps: DunningDeps): Router {
  const router = Router();
  const view = requireApiPermission("billing", "view");

  router.get(
    "/billing/metrics",
    view,
    asyncRoute(async (req, res) => {
      const query = parseBody(ZMetricsQuery, req.query);
      res.json(await revenueMetrics(deps.prisma, parseMonths(query.months), new Date()));
    }),
  );

  router.get(
    "/billing/invoices/overdue",
    view,
    asyncRoute(async (req, res) => {
      const query = parseBody(ZOverdueQuery, req.query);
      res.json(
        await overdueInvoices(deps.prisma, {
          now: new Date(),
          limit: query.limit,
          cursor: query.cursor ? decodeOverdueCursor(query.cursor) : undefined,
        }),
      );
    }),
  );

  // billing.create_invoice is checked by the service, as for the admin action.
  router.post(
    "/billing/invoices/:id/reminders",
    asyncRoute(async (req, res) => {
      res.status(201).json(await sendInvoiceReminder(deps, parseId(req.params.id, "invoice")));
    }),
  );
  return router;
}

const ok = (description: string) => ({ description });

const money = z.string().meta({ description: "EUR excluding tax, 2 decimals" });
const ratio = z.string().nullable().meta({ description: "4 decimals; null when the denominator is 0" });
const ZRevenueMonth = z.object({
  month: z.string().meta({ description: "YYYY-MM" }),
  start: z.string(),
  end: z.string(),
  complete: z.boolean().meta({ description: "false for the current month, which ends now" }),
  mrrStart: money,
  mrrEnd: money,
  arr: money,
  payingStart: z.number().int(),
  payingEnd: z.number().int(),
  arpa: money.nullable(),
  movements: z
    .record(z.string(), z.object({}).loose())
    .meta({ description: "By movement kind (new, reactivation, expansion, contraction, churn)" }),
  netNewMrr: money,
  customerChurn: ratio,
  grossRevenueChurn: ratio,
  netRevenueChurn: ratio,
  nrr: ratio,
});
const ZRevenueMetrics = z.object({
  generatedAt: z.iso.datetime(),
  months: z.array(ZRevenueMonth).meta({ description: "Oldest first; the last one is the current month" }),
  lastFullMonth: ZRevenueMonth.nullable(),
  current: z.object({ mrr: money, arr: money, paying: z.number().int(), arpa: money.nullable() }),
});
const ZOverdueInvoices = z.object({
  total: z.number().int(),
  totals: z.array(z.object({ currency: z.string(), amount: money })),
  data: z.array(
    z.object({
      id: z.number().int(),
      invoiceNumber: z.string(),
      status: z.enum(["pending", "failed"]),
      totalAmount: money,
      currency: z.string(),
      issuedAt: z.string(),
      dueAt: z.string(),
      daysOverdue: z.number().int(),
      customer: z.object({ id: z.number().int(), name: z.string(), email: z.string(), language: z.enum(["fr", "en"]) }),
      lastReminderAt: z.string().nullable(),
      nextReminderAt: z.string().nullable().meta({ description: "null: a reminder may be sent now" }),
    }),
  ),
  nextCursor: z.string().nullable(),
});
const ZSentReminder = z.object({
  invoiceId: z.number().int(),
  invoiceNumber: z.string(),
  emailLogId: z.number().int(),
  to: z.string(),
  language: z.enum(["fr", "en"]),
  sentAt: z.iso.datetime(),
  nextReminderAt: z.iso.datetime(),
});

/** These routes in the OpenAPI document (src/http/openapi.ts). */
export const REVENUE_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/billing/metrics",
    tag: "billing",
    summary: "Revenue metrics per calendar month: MRR, ARR, ARPA, movements, churn, NRR",
    description:
      "The last `months` UTC calendar months (default 12), the current one up to now; `lastFullMonth` is the " +
      "month before it. Definitions in the README (Revenue metrics). Money in EUR excluding tax, as strings " +
      "with 2 decimals; ratios as strings with 4 decimals, null when the denominator is 0.",
    permission: "billing.view",
    query: ZMetricsQuery,
    responses: {
      200: { description: "The months' figures", schema: { name: "RevenueMetrics", schema: ZRevenueMetrics } },
    },
  },
  {
    method: "get",
    path: "/billing/invoices/overdue",
    tag: "billing",
    summary: "Overdue invoices (pending or failed, past due), most overdue first; keyset pages via nextCursor",
    permission: "billing.view",
    query: ZOverdueQuery,
    responses: {
      200: {
        description: "The total and totals per currency, a page of invoices with their last reminder, nextCursor",
        schema: { name: "OverdueInvoices", schema: ZOverdueInvoices },
      },
    },
  },
  {
    method: "post",
    path: "/billing/invoices/{id}/reminders",
    tag: "billing",
    summary: "E-mail the customer a payment reminder for an overdue invoice (at most one per 24 hours)",
    permission: "billing.create_invoice",
    idType: "integer",
    responses: {
      201: { description: "The reminder sent", schema: { name: "SentReminder", schema: ZSentReminder } },
      404: ok("No such invoice"),
      409: ok("The invoice is not overdue, or was reminded less than 24 hours ago (Retry-After)"),
    },
  },
];
