// Dunning (issue 5, item 6): the overdue invoices (pending or failed, due_at < now) and the payment
// reminder e-mailed to the customer, in French or English, HTML and text.
//
// A reminder is recorded like the Queue IA e-mails: an email_log row (template "invoice.reminder")
// written in the reminding transaction, handed to the mail queue after the commit, rendered and sent by
// the `send-email-log` job with retries. The email_log row names its invoice (invoice_id): the 24-hour rule
// counts from the invoice's last reminder row, and the renderer reads the invoice as it is when the e-mail
// leaves. Each reminder is audited on the invoice ("invoice.send_reminder", with the email_log id). The
// invoice row is locked while a reminder is decided, so two admins reminding at once send one e-mail and
// get one 409.
import type { InvoiceStatus, Language, Prisma, PrismaClient } from "@prisma/client";
import { AppError } from "../../lib/errors.js";
import { writeAudit } from "../../lib/audit.js";
import type { Queues } from "../../queues/queues.js";
import { BRAND, escapeHtml } from "../../lib/email/layout.js";
import { dispatchNotifications } from "../../lib/email/outbox.js";
import type { EmailLogRenderer } from "../../lib/email/renderers.js";
import { readSetting, type SettingValue } from "../settings/values.js";
import { cents, money, type Money } from "./money.js";
import { daysBetween } from "./periods.js";
import { requirePermission } from "../../modules/auth/current-admin.js";

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

// ---------------------------------------------------------------------------------------------
// Overdue invoices
// ---------------------------------------------------------------------------------------------

export interface OverdueInvoice {
  id: number;
  invoiceNumber: string;
  status: InvoiceStatus;
  totalAmount: string;
  currency: string;
  issuedAt: string;
  dueAt: string;
  daysOverdue: number;
  customer: { id: number; name: string; email: string; language: Language };
  lastReminderAt: string | null;
  /** null: a reminder may be sent now. */
  nextReminderAt: string | null;
}

export interface OverdueInvoices {
  /** All overdue invoices, and what they add up to (in each currency). */
  total: number;
  totals: { currency: string; amount: string }[];
  /** The most overdue first. */
  data: OverdueInvoice[];
  nextCursor: string | null;
}

type Cursor = { dueAt: Date; id: number };

export function encodeOverdueCursor(row: Cursor): string {
  return Buffer.from(JSON.stringify([row.dueAt.toISOString(), row.id])).toString("base64url");
}

export function decodeOverdueCursor(cursor: string): Cursor {
  try {
    const [dueAt, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    const at = new Date(String(dueAt));
    if (typeof dueAt !== "string" || Number.isNaN(at.getTime()) || !Number.isSafeInteger(id)) throw new Error();
    return { dueAt: at, id: id as number };
  } catch {
    throw new AppError("validation", "Invalid cursor", [{ field: "cursor", message: "invalid cursor" }]);
  }
}

/** When each invoice was last reminded (its newest reminder e-mail). */
async function lastReminders(
  db: Pick<PrismaClient, "emailLog"> | Prisma.TransactionClient,
  invoiceIds: number[],
): Promise<Map<number, Date>> {
  if (!invoiceIds.length) return new Map();
  const rows = await db.emailLog.groupBy({
    by: ["invoiceId"],
    where: { invoiceId: { in: invoiceIds }, template: REMINDER_TEMPLATE },
    _max: { createdAt: true },
  });
  return new Map(rows.map((r) => [r.invoiceId!, r._max.createdAt!]));
}

/** Overdue invoices, most overdue first, `limit` per page (keyset on due_at, id). */
export async function overdueInvoices(
  prisma: Pick<PrismaClient, "invoice" | "emailLog">,
  { now = new Date(), limit = 50, cursor }: { now?: Date; limit?: number; cursor?: Cursor },
): Promise<OverdueInvoices> {
  const overdue: Prisma.InvoiceWhereInput = { status: { in: [...UNPAID_STATUSES] }, dueAt: { lt: now } };
  const after: Prisma.InvoiceWhereInput | undefined = cursor && {
    OR: [{ dueAt: { gt: cursor.dueAt } }, { dueAt: cursor.dueAt, id: { gt: cursor.id } }],
  };
  const [rows, sums] = await Promise.all([
    prisma.invoice.findMany({
      where: after ? { AND: [overdue, after] } : overdue,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: limit + 1,
      select: {
        id: true,
        invoiceNumber: true,
        status: true,
        totalAmount: true,
        currency: true,
        issuedAt: true,
        dueAt: true,
        customer: { select: { id: true, name: true, email: true, language: true } },
      },
    }),
    prisma.invoice.groupBy({ by: ["currency"], where: overdue, _sum: { totalAmount: true }, _count: true }),
  ]);
  const page = rows.slice(0, limit);
  const reminded = await lastReminders(
    prisma,
    page.map((r) => r.id),
  );
  const last = page[page.length - 1];
  return {
    total: sums.reduce((n, s) => n + s._count, 0),
    totals: sums
      .map((s) => ({ currency: s.currency, amount: cents(s._sum.totalAmount ?? money(0)).toFixed(2) }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    data: page.map((r) => {
      const lastAt = reminded.get(r.id) ?? null;
      return {
        id: r.id,
        invoiceNumber: r.invoiceNumber,
        status: r.status,
        totalAmount: r.totalAmount.toFixed(2),
        currency: r.currency,
        issuedAt: r.issuedAt.toISOString(),
        dueAt: r.dueAt!.toISOString(),
        daysOverdue: daysBetween(r.dueAt!, now),
        customer: r.customer,
        lastReminderAt: lastAt?.toISOString() ?? null,
        nextReminderAt: nextReminderAt(lastAt, now)?.toISOString() ?? null,
      };
    }),
    nextCursor: rows.length > limit && last ? encodeOverdueCursor({ dueAt: last.dueAt!, id: last.id }) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Sending a reminder
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// The e-mail
// ---------------------------------------------------------------------------------------------

/** e.g. "Locod-AI – Rappel : facture LCD-2026-000042 en attente de paiement". */
export function reminderSubject(language: Language, invoiceNumber: string): string {
  return language === "fr"
    ? `${BRAND} – Rappel : facture ${invoiceNumber} en attente de paiement`
    : `${BRAND} – Reminder: invoice ${invoiceNumber} is awaiting payment`;
}

/** "1 234,56 €" in French, "€1,234.56" in English; other currencies by their code. From the Decimal's digits. */
export function formatAmount(amount: Money, currency: string, language: Language): string {
  const [units = "0", decimals = "00"] = cents(amount).abs().toFixed(2).split(".");
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, language === "fr" ? "\u202f" : ",");
  const sign = amount.isNegative() ? "-" : "";
  if (language === "fr") return `${sign}${grouped},${decimals} ${currency === "EUR" ? "€" : currency}`;
  return currency === "EUR" ? `${sign}€${grouped}.${decimals}` : `${sign}${grouped}.${decimals} ${currency}`;
}

export function formatDate(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

export interface ReminderData {
  customerName: string;
  invoiceNumber: string;
  status: InvoiceStatus;
  totalAmount: Money;
  currency: string;
  issuedAt: Date;
  dueAt: Date;
  daysOverdue: number;
  seller: Pick<SettingValue<"billing.seller">, "name" | "email" | "iban" | "legalMentions">;
}

/** The reminder's text and HTML (pure); every value is escaped in the HTML. */
export function renderReminder(
  language: Language,
  data: ReminderData,
): { subject: string; text: string; html: string } {
  const fr = language === "fr";
  const amount = formatAmount(data.totalAmount, data.currency, language);
  const due = formatDate(data.dueAt, language);
  const days = fr
    ? `${data.daysOverdue} jour${data.daysOverdue > 1 ? "s" : ""} de retard`
    : `${data.daysOverdue} day${data.daysOverdue === 1 ? "" : "s"} overdue`;
  const subject = reminderSubject(language, data.invoiceNumber);
  const greeting = fr ? `Bonjour ${data.customerName},` : `Hello ${data.customerName},`;
  const lead = fr
    ? `Sauf erreur de notre part, la facture ${data.invoiceNumber} du ${formatDate(data.issuedAt, language)}, d'un montant de ${amount} TTC, arrivée à échéance le ${due}, n'est pas encore réglée.`
    : `As far as we can see, invoice ${data.invoiceNumber} of ${formatDate(data.issuedAt, language)}, for ${amount} including VAT, which was due on ${due}, has not been paid yet.`;
  const failed =
    data.status === "failed"
      ? [
          fr
            ? "Le dernier prélèvement de cette facture a été refusé par votre banque."
            : "The last attempt to collect this payment was declined by your bank.",
        ]
      : [];
  const facts = {
    title: fr ? "Récapitulatif :" : "Summary:",
    items: [
      fr ? `Facture : ${data.invoiceNumber}` : `Invoice: ${data.invoiceNumber}`,
      fr ? `Montant dû : ${amount} TTC` : `Amount due: ${amount} incl. VAT`,
      fr ? `Échéance : ${due} (${days})` : `Due date: ${due} (${days})`,
    ],
  };
  const ways: string[] = [];
  if (data.seller.iban) {
    ways.push(
      fr
        ? `par virement sur le compte ${data.seller.iban} (${data.seller.name}), en indiquant la référence ${data.invoiceNumber} ;`
        : `by bank transfer to ${data.seller.iban} (${data.seller.name}), quoting the reference ${data.invoiceNumber};`,
    );
  }
  ways.push(
    fr
      ? "par carte bancaire ou prélèvement SEPA depuis votre espace client Locod-AI, rubrique Facturation ;"
      : "by card or SEPA direct debit from your Locod-AI customer area, under Billing;",
    fr
      ? `pour toute question, écrivez-nous à ${data.seller.email}.`
      : `for any question, write to us at ${data.seller.email}.`,
  );
  const how = { title: fr ? "Pour régler :" : "How to pay:", items: ways };
  const closing = fr
    ? "Si vous avez réglé cette facture entre-temps, merci de ne pas tenir compte de ce message."
    : "If you have paid this invoice in the meantime, please disregard this message.";
  const blocks: (string | { title: string; items: string[] })[] = [
    lead,
    ...failed,
    facts,
    how,
    closing,
    ...(data.seller.legalMentions ? [data.seller.legalMentions] : []),
  ];
  const signature = fr ? `L'équipe ${BRAND}` : `The ${BRAND} team`;

  const text =
    [
      greeting,
      ...blocks.map((b) => (typeof b === "string" ? b : [b.title, ...b.items.map((i) => `- ${i}`)].join("\n"))),
      signature,
    ].join("\n\n") + "\n";
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const html = [
    "<!DOCTYPE html>",
    `<html lang="${language}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;color:#1f2937;line-height:1.5">',
    `<h1 style="font-size:20px;color:#4f46e5">${escapeHtml(BRAND)}</h1>`,
    p(greeting),
    ...blocks.map((b) =>
      typeof b === "string"
        ? p(b)
        : `<p style="margin:0 0 8px"><strong>${escapeHtml(b.title)}</strong></p>\n<ul style="margin:0 0 16px">${b.items
            .map((i) => `<li>${escapeHtml(i)}</li>`)
            .join("")}</ul>`,
    ),
    p(signature),
    "</body>",
    "</html>",
    "",
  ].join("\n");
  return { subject, text, html };
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
