// Editing an invoice (AdminJS forms and REST, through resource-kit RecordWrites): what may change is
// invoiceUpdate's rule (invoice-fields.ts).
import type { Invoice } from "@prisma/client";
import { writeAudit } from "../../../lib/audit.js";
import { AppError } from "../../../lib/errors.js";
import { invoiceUpdate } from "./invoice-fields.js";
import { lockInvoice, requireInvoicing, transaction, type InvoicingDeps } from "./invoice-transaction.js";

/**
 * Changes an invoice's editable fields. A draft takes notes only (its lines change through the items, its
 * status through the issue); an issued invoice takes its payment fields, its status among the issued ones.
 * The customer and subscription are set when the invoice is created. Fields sent unchanged are ignored.
 */
export async function updateInvoice(deps: InvoicingDeps, id: number, data: Record<string, unknown>): Promise<Invoice> {
  requireInvoicing();
  return transaction(deps.prisma, async (tx) => {
    const before = await lockInvoice(tx, id);
    if (!before) throw new AppError("not_found", `Invoice #${id} does not exist`);
    const update = invoiceUpdate(before, data);
    if (!Object.keys(update).length) return before;
    const after = await tx.invoice.update({ where: { id }, data: update });
    await writeAudit(tx, { action: "invoice.update", resourceType: "invoices", resourceId: id, before, after });
    return after;
  });
}
