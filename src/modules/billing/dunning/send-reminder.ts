// Sending a payment reminder (issue 5, item 6). A reminder is recorded like the Queue IA e-mails: an
// email_log row (template "invoice.reminder") written in the reminding transaction, handed to the mail
// queue after the commit, rendered and sent by the `send-email-log` job with retries. The email_log row
// names its invoice (invoice_id): the 24-hour rule counts from the invoice's last reminder row, and the
// renderer reads the invoice as it is when the e-mail leaves. Each reminder is audited on the invoice
// ("invoice.send_reminder", with the email_log id). The invoice row is locked while a reminder is
// decided, so two admins reminding at once send one e-mail and get one 409.
import type { Language, PrismaClient } from "@prisma/client";
import { AppError } from "../../../lib/errors.js";
import { writeAudit } from "../../../lib/audit.js";
import type { Queues } from "../../../queues/queues.js";
import { dispatchNotifications } from "../../../lib/email/outbox.js";
import type { EmailLogRenderer } from "../../../lib/email/renderers.js";
import { requirePermission } from "../../auth/current-admin.js";
import { readSetting } from "../../settings/values.js";
import { daysBetween } from "../periods.js";
import { lastReminders } from "./overdue-invoices.js";
import { reminderSubject, renderReminder } from "./reminder-email.js";
import {
  isOverdue,
  nextReminderAt,
  REMINDER_ACTION,
  REMINDER_INTERVAL_MS,
  REMINDER_TEMPLATE,
  UNPAID_STATUSES,
} from "./rules.js";

export interface DunningDeps {
  prisma: PrismaClient;
  queues: Pick<Queues, "byName">;
}

export interface SentReminder {
  invoiceId: number;
  invoiceNumber: string;
  emailLogId: number;
  to: string;
  language: Language;
  /** When this reminder was recorded, and when the next one may go. */
  sentAt: string;
  nextReminderAt: string;
}

/**
 * E-mails the customer a payment reminder for an overdue invoice (billing.create_invoice). 409 when the
 * invoice is not overdue (paid, refunded, a draft, not yet due) or was reminded less than 24 hours ago
 * (with the time the next one is allowed, and Retry-After).
 */
export async function sendInvoiceReminder(
  deps: DunningDeps,
  invoiceId: number,
  now: Date = new Date(),
): Promise<SentReminder> {
  requirePermission("billing", "create_invoice");
  const sent = await deps.prisma.$transaction(async (tx) => {
    // Serialises reminders of one invoice; NO KEY: rows that reference the invoice can still be added.
    const locked = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM invoices WHERE id = ${invoiceId} FOR NO KEY UPDATE`;
    if (!locked.length) throw new AppError("not_found", `Invoice #${invoiceId} does not exist`);
    const invoice = await tx.invoice.findUniqueOrThrow({
      where: { id: invoiceId },
      select: {
        id: true,
        invoiceNumber: true,
        status: true,
        dueAt: true,
        customer: { select: { id: true, email: true, language: true } },
      },
    });
    if (!isOverdue(invoice, now)) {
      const why = !UNPAID_STATUSES.includes(invoice.status)
        ? `is ${invoice.status}`
        : invoice.dueAt
          ? `is not due before ${invoice.dueAt.toISOString()}`
          : "has no due date";
      throw new AppError("conflict", `Invoice ${invoice.invoiceNumber} ${why}: only an overdue invoice is reminded`);
    }
    const next = nextReminderAt((await lastReminders(tx, [invoice.id])).get(invoice.id) ?? null, now);
    if (next) {
      throw new AppError(
        "conflict",
        `Invoice ${invoice.invoiceNumber} was reminded less than 24 hours ago: the next reminder is allowed from ${next.toISOString()}`,
        undefined,
        { "Retry-After": String(Math.ceil((next.getTime() - now.getTime()) / 1000)) },
      );
    }
    const { customer } = invoice;
    const log = await tx.emailLog.create({
      data: {
        template: REMINDER_TEMPLATE,
        language: customer.language,
        toAddress: customer.email,
        subject: reminderSubject(customer.language, invoice.invoiceNumber),
        customerId: customer.id,
        invoiceId: invoice.id,
      },
      select: { id: true, createdAt: true },
    });
    await writeAudit(tx, {
      action: REMINDER_ACTION,
      resourceType: "invoices",
      resourceId: invoice.id,
      after: {
        emailLogId: log.id,
        template: REMINDER_TEMPLATE,
        toAddress: customer.email,
        language: customer.language,
      },
    });
    return {
      invoiceId: invoice.id,
      invoiceNumber: invoice.invoiceNumber,
      emailLogId: log.id,
      to: customer.email,
      language: customer.language,
      sentAt: now.toISOString(),
      nextReminderAt: new Date(now.getTime() + REMINDER_INTERVAL_MS).toISOString(),
    };
  });
  await dispatchNotifications(deps.queues, [sent.emailLogId]);
  return sent;
}

/**
 * Renders a recorded reminder for the `send-email-log` job, from the invoice as it is when the e-mail
 * leaves: an invoice paid (or refunded) since is not reminded.
 */
export const renderReminderEmail: EmailLogRenderer = async (prisma, row) => {
  const log = await prisma.emailLog.findUnique({
    where: { id: row.id },
    select: {
      invoice: {
        select: {
          invoiceNumber: true,
          status: true,
          totalAmount: true,
          currency: true,
          issuedAt: true,
          dueAt: true,
          customer: { select: { name: true } },
        },
      },
    },
  });
  const invoice = log?.invoice ?? null;
  if (!invoice || !invoice.dueAt) return { reason: "the reminded invoice no longer exists" };
  if (!UNPAID_STATUSES.includes(invoice.status)) {
    return { reason: `not sent: invoice ${invoice.invoiceNumber} is ${invoice.status} now` };
  }
  const seller = await readSetting(prisma, "billing.seller");
  return renderReminder(row.language, {
    customerName: invoice.customer.name,
    invoiceNumber: invoice.invoiceNumber,
    status: invoice.status,
    totalAmount: invoice.totalAmount,
    currency: invoice.currency,
    issuedAt: invoice.issuedAt,
    dueAt: invoice.dueAt,
    daysOverdue: Math.max(0, daysBetween(invoice.dueAt, new Date())),
    seller,
  });
};
