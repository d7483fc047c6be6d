// Billing's part of a customer's story (the customer 360 timeline): subscription changes, invoices
// issued and paid, refunds. Each query reads one customer's rows through an index on customer_id
// (refunds through their invoice), newest first, at most range.limit.
import type { Prisma } from "@prisma/client";
import type { CustomerTimelineEvent, TimelineRange } from "../../module.js";
import type { Deps } from "../../deps.js";

const MODULE = "billing";

function before(range: TimelineRange): { lt: Date } | undefined {
  return range.before ? { lt: range.before } : undefined;
}

const amount = (value: Prisma.Decimal) => value.toFixed(2);

export async function billingTimeline(
  deps: Pick<Deps, "prisma">,
  customerId: number,
  range: TimelineRange,
): Promise<CustomerTimelineEvent[]> {
  const { prisma } = deps;
  const take = range.limit;
  const [changes, issued, paid, refunds] = await Promise.all([
    prisma.subscriptionHistory.findMany({
      where: { customerId, validFrom: before(range) },
      orderBy: [{ validFrom: "desc" }, { id: "desc" }],
      take,
      select: { id: true, validFrom: true, reason: true, mrr: true, subscriptionId: true },
    }),
    prisma.invoice.findMany({
      where: { customerId, status: { not: "draft" }, issuedAt: before(range) },
      orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, invoiceNumber: true, issuedAt: true, totalAmount: true },
    }),
    prisma.invoice.findMany({
      where: { customerId, paidAt: { not: null, ...before(range) } },
      orderBy: [{ paidAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, invoiceNumber: true, paidAt: true, totalAmount: true },
    }),
    prisma.refund.findMany({
      where: { invoice: { customerId }, createdAt: before(range) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, createdAt: true, amount: true, status: true, invoice: { select: { invoiceNumber: true } } },
    }),
  ]);
  return [
    ...changes.map((row) => ({
      at: row.validFrom.toISOString(),
      module: MODULE,
      kind: "subscription_changed",
      label: row.reason,
      record: { resource: "customer_subscriptions", id: row.subscriptionId },
      amount: amount(row.mrr),
    })),
    ...issued.map((row) => ({
      at: row.issuedAt.toISOString(),
      module: MODULE,
      kind: "invoice_issued",
      label: row.invoiceNumber,
      record: { resource: "invoices", id: row.id },
      amount: amount(row.totalAmount),
    })),
    ...paid.map((row) => ({
      at: row.paidAt!.toISOString(),
      module: MODULE,
      kind: "invoice_paid",
      label: row.invoiceNumber,
      record: { resource: "invoices", id: row.id },
      amount: amount(row.totalAmount),
    })),
    ...refunds.map((row) => ({
      at: row.createdAt.toISOString(),
      module: MODULE,
      kind: row.status === "succeeded" ? "refund" : `refund_${row.status}`,
      label: row.invoice.invoiceNumber,
      record: { resource: "refunds", id: row.id },
      amount: amount(row.amount),
    })),
  ];
}
