// A manual invoice's start: a draft of a customer (AdminJS forms and REST, through resource-kit
// RecordWrites).
import type { Invoice } from "@prisma/client";
import { writeAudit } from "../../../lib/audit.js";
import { invalid, newDraftOf, type NewInvoiceInput } from "./invoice-fields.js";
import { requireInvoicing, transaction, type InvoicingDeps } from "./invoice-transaction.js";

/**
 * A manual invoice starts as a draft of a customer (with one of its subscriptions, optionally): numbered
 * LCD-DRAFT-M<id> until issued, amounts at zero until lines are added. Payment fields wait for the issue.
 */
export async function createDraftInvoice(deps: InvoicingDeps, input: NewInvoiceInput): Promise<Invoice> {
  requireInvoicing();
  const { customerId, subscriptionId, notes } = newDraftOf(input);
  return transaction(deps.prisma, async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { id: true } });
    if (!customer) throw invalid([{ field: "customerId", message: `customer #${customerId} does not exist` }]);
    if (subscriptionId !== null) {
      const sub = await tx.customerSubscription.findUnique({
        where: { id: subscriptionId },
        select: { customerId: true },
      });
      if (sub?.customerId !== customerId) {
        throw invalid([{ field: "subscriptionId", message: "is not a subscription of this customer" }]);
      }
    }
    // The id first, so that the placeholder number can carry it.
    const [next] = await tx.$queryRaw<{ id: number }[]>`
      SELECT nextval(pg_get_serial_sequence('invoices', 'id'))::int AS id`;
    const id = next!.id;
    const created = await tx.invoice.create({
      data: {
        id,
        customerId,
        subscriptionId,
        invoiceNumber: `LCD-DRAFT-M${id}`,
        amount: 0,
        taxAmount: 0,
        totalAmount: 0,
        currency: "EUR",
        status: "draft",
        issuedAt: new Date(),
        notes,
      },
    });
    await writeAudit(tx, { action: "invoice.create", resourceType: "invoices", resourceId: id, after: created });
    return created;
  });
}
