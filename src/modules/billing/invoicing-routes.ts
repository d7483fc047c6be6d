// REST /admin/api/v1/billing (issue 5, items 3 and 8): issue a draft invoice, and run the monthly
// invoicing of a month that has ended. The invoices' and lines' own create/update/delete are the table
// routes, which write through the same service (resource-kit RecordWrites). billing.create_invoice is
// checked here before the body is read, and again by the service.
import { storable } from "../../lib/input-rules.js";
import type { Invoice } from "@prisma/client";
import { Router } from "express";
import { z } from "zod";
import type { ApiOperation } from "../../http/openapi.js";
import { parseBody, parseId } from "../../http/params.js";
import { asyncRoute, requireApiPermission } from "../../http/bearer-auth.js";
import type { InvoicingDeps } from "./invoicing/invoice-transaction.js";
import { PERIOD_PATTERN } from "./invoicing/invoicing-month.js";
import { issueDraft } from "./invoicing/issue-draft.js";
import { runMonthlyInvoicing } from "./invoicing/monthly-run.js";
import { recordPayment } from "./invoicing/record-payment.js";

export const ZInvoicingRun = z
  .object({ period: z.string().regex(PERIOD_PATTERN, "must be a month like 2026-10") })
  .strict();

export const ZPayment = z
  .object({
    paidAt: z.iso
      .datetime({ offset: true, message: "must be a date and time like 2026-10-05T10:00:00Z" })
      .optional()
      .describe("when the money arrived; default now"),
    paymentMethod: z
      .string()
      .trim()
      .min(1, "is required")
      .max(50, "is too long: at most 50 characters")
      .superRefine(storable),
    notes: z.string().max(2000, "is too long: at most 2000 characters").superRefine(storable).nullable().optional(),
  })
  .strict();

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** An invoice as the table routes answer it: exact money as text, ISO dates. */
export function invoiceJson(invoice: Invoice) {
  return {
    ...invoice,
    amount: invoice.amount.toFixed(2),
    taxAmount: invoice.taxAmount.toFixed(2),
    totalAmount: invoice.totalAmount.toFixed(2),
    amountRefunded: invoice.amountRefunded.toFixed(2),
    vatRate: invoice.vatRate?.toFixed(2) ?? null,
    periodStart: day(invoice.periodStart),
    periodEnd: day(invoice.periodEnd),
  };
}

export function invoicingRoutes(deps: InvoicingDeps): Router {
  const router = Router();
  const write = requireApiPermission("billing", "create_invoice");
  router.post(
    "/billing/invoices/:id/issue",
    write,
    asyncRoute(async (req, res) => {
      res.json(invoiceJson(await issueDraft(deps, parseId(req.params.id, "invoice"))));
    }),
  );
  router.post(
    "/billing/invoices/:id/payment",
    write,
    asyncRoute(async (req, res) => {
      const id = parseId(req.params.id, "invoice");
      const body = parseBody(ZPayment, req.body ?? {});
      const paidAt = body.paidAt ? new Date(body.paidAt) : new Date();
      res.json(invoiceJson(await recordPayment(deps, id, { ...body, paidAt })));
    }),
  );
  router.post(
    "/billing/invoicing/runs",
    write,
    asyncRoute(async (req, res) => {
      const body = parseBody(ZInvoicingRun, req.body ?? {});
      res.json(await runMonthlyInvoicing(deps, body.period, new Date()));
    }),
  );
  return router;
}

const ok = (description: string) => ({ description });

const ZInvoicingRunResult = z.object({
  period: z.string().meta({ description: "The month invoiced, YYYY-MM" }),
  issued: z.number().int().meta({ description: "Invoices issued by this run" }),
  skipped: z.number().int().meta({ description: "Customers whose invoice of the month was already issued" }),
  customers: z.number().int().meta({ description: "Customers of the month" }),
  failed: z.number().int().meta({ description: "Customers whose transaction failed (retried by the next run)" }),
  renewed: z.number().int().meta({ description: "Subscriptions renewed to the month's end" }),
  ended: z.number().int().meta({ description: "Subscriptions ended at their period's end" }),
});

/** These routes in the OpenAPI document (src/http/openapi.ts). */
export const INVOICING_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/billing/invoices/{id}/issue",
    tag: "billing",
    summary: "Issue a draft invoice: next legal number of the year, issue and due dates; then frozen",
    description:
      "The totals are recomputed from the lines (VAT of the settings, half-up to the cent). After the issue only " +
      "the payment fields change (status among pending/paid/failed/refunded, paidAt, paymentMethod, Stripe ids, " +
      "amountRefunded, notes).",
    permission: "billing.create_invoice",
    idType: "integer",
    responses: {
      200: { description: "The issued invoice", record: "Invoice" },
      404: ok("No such invoice"),
      409: ok("Already issued, or a draft without lines"),
    },
  },
  {
    method: "post",
    path: "/billing/invoices/{id}/payment",
    tag: "billing",
    summary: "Record a payment received outside Stripe: an issued, unpaid invoice becomes paid (audited)",
    permission: "billing.create_invoice",
    idType: "integer",
    body: { name: "InvoicePayment", schema: ZPayment },
    example: { paidAt: "2026-10-05T10:00:00Z", paymentMethod: "bank_transfer", notes: "Wire received" },
    responses: {
      200: { description: "The paid invoice", record: "Invoice" },
      400: ok("A bad field, named; or a draft (issue it first)"),
      404: ok("No such invoice"),
    },
  },
  {
    method: "post",
    path: "/billing/invoicing/runs",
    tag: "billing",
    summary: "Invoice a calendar month that has ended (what the job of the 1st does)",
    description:
      "Renews the subscriptions to the month's end, then issues each customer's invoice of the month: the fee " +
      "lines of the periods starting in it and the draft's Queue IA and proration lines. Running a month twice " +
      "creates nothing new. Answers the counts: issued, skipped (already invoiced), customers, failed.",
    permission: "billing.create_invoice",
    body: { name: "InvoicingRun", schema: ZInvoicingRun },
    example: { period: "2026-10" },
    responses: {
      200: { description: "The run's counts", schema: { name: "InvoicingRunResult", schema: ZInvoicingRunResult } },
      400: ok("period"),
    },
  },
];
