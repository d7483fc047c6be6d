// REST /admin/api/v1/billing (issue 5, items 5 and 8): refunds of an invoice, and the billing alerts
// (failed payments, disputes). The services check the permissions again (refund: billing.refund;
// acknowledge: billing's write permission).
import { storable } from "../../lib/input-rules.js";
import { Router } from "express";
import { z } from "zod";
import type { PrismaClient } from "@prisma/client";
import type { ApiOperation } from "../../http/openapi.js";
import { parseBody, parseId } from "../../http/params.js";
import { asyncRoute, requireApiPermission } from "../../http/bearer-auth.js";
import { format2 } from "./money.js";
import type { StripeClient } from "./stripe/client.js";
import { listInvoiceRefunds, refundInvoice, REASON_MAX } from "./stripe/refunds.js";
import { ACKNOWLEDGE_PERMISSION, acknowledgeBillingAlert } from "./stripe/alerts.js";

export interface RefundAndAlertRouteDeps {
  prisma: PrismaClient;
  stripe?: StripeClient | null;
}

// Shape only; the amount's rules (positive, two decimals, within what is left) are the service's.
const ZRefund = z
  .object({
    amount: z.union([z.string(), z.number()]).meta({
      exclusiveMinimum: 0,
      description: 'Euros, more than 0 and at most what is left to refund, e.g. "12.50"',
    }),
    reason: z.string().max(REASON_MAX).superRefine(storable),
  })
  .strict();

/** The alerts' table path: the list and record are its generic routes; acknowledge is an action of a row. */
export const BILLING_ALERTS_PATH = "/billing/billing_alerts";
const FORMER_ALERTS_PATH = "/billing/alerts";

export function refundAndAlertRoutes(deps: RefundAndAlertRouteDeps): Router {
  const router = Router();
  const view = requireApiPermission("billing", "view");

  router.get(
    "/billing/invoices/:id/refunds",
    view,
    asyncRoute(async (req, res) => {
      const { invoice, refunds } = await listInvoiceRefunds(deps.prisma, parseId(req.params.id, "invoice"));
      res.json({
        invoice: {
          ...invoice,
          totalAmount: format2(invoice.totalAmount),
          amountRefunded: format2(invoice.amountRefunded),
          refundable: format2(invoice.totalAmount.sub(invoice.amountRefunded)),
        },
        data: refunds.map((r) => ({ ...r, amount: format2(r.amount) })),
      });
    }),
  );

  router.post(
    "/billing/invoices/:id/refunds",
    // Checked before the body is read; the service checks it again for every other path.
    requireApiPermission("billing", "refund"),
    asyncRoute(async (req, res) => {
      const id = parseId(req.params.id, "invoice");
      const body = parseBody(ZRefund, req.body ?? {});
      const { refund, invoice } = await refundInvoice(deps, id, body);
      res
        .status(201)
        .location(`${req.baseUrl}/billing/refunds/${refund.id}`)
        .json({
          refund: { ...refund, amount: format2(refund.amount) },
          invoice: {
            id: invoice.id,
            invoiceNumber: invoice.invoiceNumber,
            status: invoice.status,
            totalAmount: format2(invoice.totalAmount),
            amountRefunded: format2(invoice.amountRefunded),
          },
        });
    }),
  );

  // One resource per concept: the former alert paths answer 308 to the table's (a list's former
  // `status=open|acknowledged|all`, open by default, becomes `acknowledgedAt[null]=true|false` or nothing).
  router.all([FORMER_ALERTS_PATH, `${FORMER_ALERTS_PATH}/*`], (req, res) => {
    const rest = req.path.slice(FORMER_ALERTS_PATH.length);
    const params = new URLSearchParams(req.originalUrl.includes("?") ? req.originalUrl.split("?")[1] : "");
    if (!rest) {
      // The former list showed the open alerts unless asked otherwise.
      const status = params.get("status") ?? "open";
      params.delete("status");
      if (status === "open" || status === "acknowledged") params.set("acknowledgedAt[null]", String(status === "open"));
      else if (status !== "all") params.set("status", status);
    }
    const query = params.size ? `?${params.toString()}` : "";
    res.redirect(308, `${req.baseUrl}${BILLING_ALERTS_PATH}${rest}${query}`);
  });

  router.post(
    `${BILLING_ALERTS_PATH}/:id/acknowledge`,
    requireApiPermission("billing", ACKNOWLEDGE_PERMISSION),
    asyncRoute(async (req, res) => {
      res.json(await acknowledgeBillingAlert(deps.prisma, parseId(req.params.id, "billing alert")));
    }),
  );
  return router;
}

const ok = (description: string) => ({ description });

const money = z.string().meta({ description: 'EUR, 2 decimals ("12.50")' });
const ZRefundRow = z
  .object({ id: z.number().int(), invoiceId: z.number().int(), amount: money, reason: z.string() })
  .loose()
  .meta({ description: "A refund, as /billing/refunds answers it" });
const ZInvoiceRefunds = z.object({
  invoice: z
    .object({ id: z.number().int(), totalAmount: money, amountRefunded: money, refundable: money })
    .loose()
    .meta({ description: "The invoice, with what is left to refund" }),
  data: z.array(ZRefundRow).meta({ description: "Newest first" }),
});
const ZRefundMade = z.object({
  refund: ZRefundRow,
  invoice: z.object({
    id: z.number().int(),
    invoiceNumber: z.string().nullable(),
    status: z.enum(["draft", "pending", "paid", "failed", "refunded"]),
    totalAmount: money,
    amountRefunded: money,
  }),
});

/** These routes in the OpenAPI document (src/http/openapi.ts). */
export const REFUND_AND_ALERT_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/billing/invoices/{id}/refunds",
    tag: "billing",
    summary: "The refunds of an invoice, newest first, with what is left to refund",
    permission: "billing.view",
    idType: "integer",
    responses: {
      200: { description: "The invoice and its refunds", schema: { name: "InvoiceRefunds", schema: ZInvoiceRefunds } },
      404: ok("No such invoice"),
    },
  },
  {
    method: "post",
    path: "/billing/invoices/{id}/refunds",
    tag: "billing",
    summary:
      "Refunds part or all of a paid invoice: through Stripe's Refunds API when Stripe took the payment, recorded as succeeded otherwise",
    permission: "billing.refund",
    idType: "integer",
    body: { name: "InvoiceRefund", schema: ZRefund },
    example: { amount: "12.50", reason: "Duplicate charge" },
    responses: {
      201: {
        description: "The refund and its invoice: the invoice is refunded once its whole total is",
        schema: { name: "RefundMade", schema: ZRefundMade },
        headers: { Location: "URL of the refund" },
      },
      400: ok("amount above what is left of the payment, or no reason"),
      409: ok("The invoice is not paid"),
      502: ok("Stripe refused the refund: nothing was recorded"),
    },
  },
  {
    method: "post",
    path: `${BILLING_ALERTS_PATH}/{id}/acknowledge`,
    tag: "billing",
    summary: "Marks a billing alert as seen (it leaves the dashboard)",
    permission: `billing.${ACKNOWLEDGE_PERMISSION}`,
    idType: "integer",
    responses: { 200: { description: "The alert", record: "BillingAlert" }, 409: ok("Already acknowledged") },
  },
];
