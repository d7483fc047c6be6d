// The dunning rules (pure): which invoices are overdue, and when the next reminder of one may go.
import type { InvoiceStatus } from "@prisma/client";

export const REMINDER_TEMPLATE = "invoice.reminder";
/** The audit action of a reminder, on the invoice. */
export const REMINDER_ACTION = "invoice.send_reminder";
/** At most one reminder per invoice in this long. */
export const REMINDER_INTERVAL_MS = 24 * 3_600_000;

/** Statuses of an issued invoice still waiting for its money. */
export const UNPAID_STATUSES: readonly InvoiceStatus[] = ["pending", "failed"];

/** Pending or failed, and past its due date. */
export function isOverdue(invoice: { status: InvoiceStatus; dueAt: Date | null }, now: Date): boolean {
  return UNPAID_STATUSES.includes(invoice.status) && invoice.dueAt !== null && invoice.dueAt < now;
}

/** When the next reminder may go, after one sent at `last`; null when one may go now. */
export function nextReminderAt(last: Date | null, now: Date): Date | null {
  if (!last) return null;
  const next = new Date(last.getTime() + REMINDER_INTERVAL_MS);
  return next > now ? next : null;
}
