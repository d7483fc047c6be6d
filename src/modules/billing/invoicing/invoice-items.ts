// The lines of a manual draft invoice (AdminJS forms and REST, through resource-kit RecordWrites): added,
// changed and removed while the invoice is a draft; its amount, tax and total follow. A line's values
// are lineValues's rule (line-values.ts).
import type { Invoice, InvoiceItem } from "@prisma/client";
import { writeAudit } from "../../../lib/audit.js";
import { AppError } from "../../../lib/errors.js";
import { invalid, isBlank, positiveInt } from "./invoice-fields.js";
import { recomputeInvoiceTotals } from "./invoice-totals.js";
import { lockInvoice, requireInvoicing, transaction, type InvoicingDeps, type Tx } from "./invoice-transaction.js";
import { lineValues } from "./line-values.js";

type Data = Record<string, unknown>;

/** The invoice of a line, locked, and still a draft (409 otherwise). */
async function lockDraft(tx: Tx, invoiceId: number, field?: string): Promise<Invoice> {
  const invoice = await lockInvoice(tx, invoiceId);
  if (!invoice) {
    if (field) throw invalid([{ field, message: `invoice #${invoiceId} does not exist` }]);
    throw new AppError("not_found", `Invoice #${invoiceId} does not exist`);
  }
  if (invoice.status !== "draft") {
    throw new AppError("conflict", `Invoice ${invoice.invoiceNumber} is issued: its lines cannot change`);
  }
  return invoice;
}

/** Adds a line to a draft invoice; the invoice's amount, tax and total follow. */
export async function addInvoiceItem(deps: InvoicingDeps, data: Data): Promise<InvoiceItem> {
  requireInvoicing();
  const invoiceId = positiveInt(data.invoiceId);
  if (invoiceId === null) throw invalid([{ field: "invoiceId", message: "is required" }]);
  if (!isBlank(data.aiRequestId)) {
    throw invalid([{ field: "aiRequestId", message: "is set when the AI request is billed" }]);
  }
  const values = lineValues(data);
  return transaction(deps.prisma, async (tx) => {
    await lockDraft(tx, invoiceId, "invoiceId");
    const item = await tx.invoiceItem.create({ data: { invoiceId, ...values } });
    await recomputeInvoiceTotals(tx, invoiceId);
    await writeAudit(tx, {
      action: "invoice_item.create",
      resourceType: "invoice_items",
      resourceId: item.id,
      after: item,
    });
    return item;
  });
}

/** The line and its invoice, locked in that order's reverse (invoice first, as every writer does). */
async function lockItem(tx: Tx, id: number): Promise<InvoiceItem> {
  const found = await tx.invoiceItem.findUnique({ where: { id }, select: { invoiceId: true } });
  if (!found) throw new AppError("not_found", `Invoice item #${id} does not exist`);
  await lockDraft(tx, found.invoiceId);
  const item = await tx.invoiceItem.findUnique({ where: { id } });
  if (!item) throw new AppError("not_found", `Invoice item #${id} does not exist`);
  return item;
}

/** Changes a line of a draft invoice (description, quantity, unit price); the totals follow. */
export async function updateInvoiceItem(deps: InvoicingDeps, id: number, data: Data): Promise<InvoiceItem> {
  requireInvoicing();
  return transaction(deps.prisma, async (tx) => {
    const before = await lockItem(tx, id);
    if (data.invoiceId !== undefined && positiveInt(data.invoiceId) !== before.invoiceId) {
      throw invalid([{ field: "invoiceId", message: "a line stays on its invoice" }]);
    }
    if (data.aiRequestId !== undefined && (positiveInt(data.aiRequestId) ?? null) !== before.aiRequestId) {
      throw invalid([{ field: "aiRequestId", message: "is set when the AI request is billed" }]);
    }
    const values = lineValues(data, before);
    const after = await tx.invoiceItem.update({ where: { id }, data: values });
    await recomputeInvoiceTotals(tx, before.invoiceId);
    await writeAudit(tx, {
      action: "invoice_item.update",
      resourceType: "invoice_items",
      resourceId: id,
      before,
      after,
    });
    return after;
  });
}

/**
 * Removes a line of a draft invoice; the totals follow. A Queue IA line stays (its request is billed
 * exactly once): its price can be set to 0.00 instead.
 */
export async function deleteInvoiceItem(deps: InvoicingDeps, id: number): Promise<void> {
  requireInvoicing();
  await transaction(deps.prisma, async (tx) => {
    const before = await lockItem(tx, id);
    if (before.aiRequestId !== null) {
      throw new AppError(
        "conflict",
        `The line of AI request #${before.aiRequestId} is billed once and stays: set its unit price to 0.00 instead`,
      );
    }
    await tx.invoiceItem.delete({ where: { id } });
    await recomputeInvoiceTotals(tx, before.invoiceId);
    await writeAudit(tx, { action: "invoice_item.delete", resourceType: "invoice_items", resourceId: id, before });
  });
}
