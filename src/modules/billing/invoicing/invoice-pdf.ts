// An invoice as the PDF an admin downloads (AdminJS "Download PDF", GET /billing/invoices/{id}/pdf).
import type { PrismaClient } from "@prisma/client";
import { loadInvoiceDocument } from "./invoice-document.js";
import { pdfFileName } from "./pdf-format.js";
import { renderInvoicePdf } from "./render-invoice-pdf.js";

/** Loads and renders an invoice: the PDF and its file name. */
export async function invoicePdf(
  prisma: PrismaClient,
  invoiceId: number,
): Promise<{ fileName: string; pdf: Buffer; invoiceNumber: string }> {
  const document = await loadInvoiceDocument(prisma, invoiceId);
  return {
    fileName: pdfFileName(document.invoiceNumber),
    pdf: await renderInvoicePdf(document),
    invoiceNumber: document.invoiceNumber,
  };
}
