// Billing documents (issue 5, items 4 and 7): the invoice PDF (pdf.ts) and the accounting export
// (export.ts), reached three ways with the same permission rules:
// - REST, bearer token: GET /admin/api/v1/billing/invoices/:id/pdf (billing.view) and
//   GET /admin/api/v1/billing/export/invoices.csv|items.csv?from=&to= (billing.export);
// - the admin's session, for the AdminJS screens' download links: the same paths under /admin
//   without /api/v1 (a browser link cannot send a bearer token);
// - AdminJS actions on Invoice: "Download PDF" (record) and "Accounting export" (resource), whose
//   components link to the session routes. Reading only: neither action changes anything.
import { Router, type Request, type RequestHandler, type Response } from "express";
import type { PrismaClient } from "@prisma/client";
import type pg from "pg";
import { AppError as AdminNotice, type Action, type ActionResponse } from "adminjs";
import type { ResourceKit } from "../../admin/resource-kit.js";
import { asyncRoute, requireApiPermission } from "../../http/bearer-auth.js";
import { AppError } from "../../lib/errors.js";
import { parseId } from "../../http/params.js";
import type { ApiOperation } from "../../http/openapi.js";
import { can, type Permission } from "../auth/permissions.js";
import { parseExportRange, streamAccountingExport, ZExportQuery, type ExportKind } from "./export.js";
import { invoicePdf } from "./invoicing/invoice-pdf.js";
import { rangeExportAction } from "../../admin/range-export.js";

export interface DocumentDeps {
  prisma: PrismaClient;
  pool: pg.Pool;
}

const INVOICE_PDF = "/billing/invoices/:id/pdf";
const EXPORT_KINDS: readonly ExportKind[] = ["invoices", "items"];
const exportPath = (kind: ExportKind) => `/billing/export/${kind}.csv`;

async function sendInvoicePdf(deps: DocumentDeps, req: Request, res: Response): Promise<void> {
  const { fileName, pdf } = await invoicePdf(deps.prisma, parseId(req.params.id, "invoice"));
  res
    .status(200)
    .type("application/pdf")
    .set("Content-Disposition", `attachment; filename="${fileName}"`)
    .set("Cache-Control", "no-store")
    .send(pdf);
}

async function sendExport(deps: DocumentDeps, kind: ExportKind, req: Request, res: Response): Promise<void> {
  const range = parseExportRange(req.query);
  await streamAccountingExport(deps, kind, range, res);
}

/** REST routes (mounted behind the bearer-token guard of /admin/api/v1). */
export function billingDocumentRoutes(deps: DocumentDeps): Router {
  const router = Router();
  router.get(
    INVOICE_PDF,
    requireApiPermission("billing", "view"),
    asyncRoute((req, res) => sendInvoicePdf(deps, req, res)),
  );
  for (const kind of EXPORT_KINDS) {
    router.get(
      exportPath(kind),
      requireApiPermission("billing", "export"),
      asyncRoute((req, res) => sendExport(deps, kind, req, res)),
    );
  }
  return router;
}

/** The session admin's right, checked on the server whatever the screen showed. */
function sessionPermission(permission: Permission<"billing">): RequestHandler {
  return (req, res, next) => {
    if (!req.admin) return res.redirect(302, "/admin/login");
    if (!can(req.admin, "billing", permission)) {
      return next(new AppError("forbidden", `This download needs the billing.${permission} permission`));
    }
    next();
  };
}

/** Session routes under /admin for the AdminJS download links (mounted after the session middleware). */
export function billingDownloadRoutes(deps: DocumentDeps): Router {
  const router = Router();
  router.get(
    INVOICE_PDF,
    sessionPermission("view"),
    asyncRoute((req, res) => sendInvoicePdf(deps, req, res)),
  );
  for (const kind of EXPORT_KINDS) {
    router.get(
      exportPath(kind),
      sessionPermission("export"),
      asyncRoute((req, res) => sendExport(deps, kind, req, res)),
    );
  }
  return router;
}

// ---------------------------------------------------------------------------------------------
// AdminJS actions of Invoice
// ---------------------------------------------------------------------------------------------

/** The permission of each action, for the resource's access.actions. */
export const INVOICE_DOCUMENT_ACCESS = { downloadPdf: "view", accountingExport: "export" } as const;

export function invoiceDocumentActions(
  kit: ResourceKit,
): Record<keyof typeof INVOICE_DOCUMENT_ACCESS, Partial<Action<ActionResponse>>> {
  return {
    // The component links to GET /admin/billing/invoices/:id/pdf.
    downloadPdf: {
      actionType: "record",
      icon: "FileText",
      component: kit.components.InvoicePdf,
      handler: (_request, _response, context) => {
        const { record, currentAdmin } = context;
        if (!record) throw new AdminNotice("No such invoice");
        return { record: record.toJSON(currentAdmin) };
      },
    },
    // The form links to GET /admin/billing/export/invoices.csv and items.csv.
    accountingExport: rangeExportAction({
      component: kit.components.RangeExport,
      messages: "accountingExport",
      initial: "previousMonth",
      downloads: [
        {
          href: "/admin/billing/export/invoices.csv",
          label: "accountingExportInvoices",
          testId: "billing-export-invoices",
        },
        { href: "/admin/billing/export/items.csv", label: "accountingExportItems", testId: "billing-export-items" },
      ],
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// OpenAPI
// ---------------------------------------------------------------------------------------------

const csvResponse = (what: string) => ({
  description: `${what}: CSV (RFC 4180, UTF-8 with BOM, CRLF), streamed; figures with a dot and two decimals`,
  contentType: "text/csv",
  headers: { "Content-Disposition": "attachment; filename=locod-ai-<invoices|items>-<from>_<to>.csv" },
});

export const BILLING_DOCUMENT_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/billing/invoices/{id}/pdf",
    tag: "billing",
    summary: "An invoice as an A4 PDF (drafts watermarked DRAFT)",
    permission: "billing.view",
    idType: "integer",
    responses: {
      200: {
        description: "The PDF, as an attachment named after the invoice number",
        contentType: "application/pdf",
        headers: { "Content-Disposition": "attachment; filename=<invoice number>.pdf (LCD-2026-000042.pdf)" },
      },
      404: { description: "No such invoice" },
    },
  },
  ...EXPORT_KINDS.map((kind): ApiOperation => ({
    method: "get",
    path: exportPath(kind),
    tag: "billing",
    summary:
      kind === "invoices"
        ? "Accounting export: the invoices issued in a date range (drafts excluded)"
        : "Accounting export: the lines of the invoices issued in a date range (drafts excluded)",
    description: "`from` and `to` are issue dates (UTC), both inclusive. One audit row per export.",
    permission: "billing.export",
    query: ZExportQuery,
    responses: {
      200: csvResponse(kind === "invoices" ? "One row per invoice" : "One row per invoice line"),
      400: { description: "`from` or `to` is not a date, or `from` is after `to`" },
    },
  })),
];
