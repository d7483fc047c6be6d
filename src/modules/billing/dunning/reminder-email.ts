// The payment reminder e-mail, in French or English, as text and HTML (pure: the send-email-log job
// renders it from the invoice as it is when the e-mail leaves).
import type { InvoiceStatus, Language } from "@prisma/client";
import { formatDate, formatMoney } from "../../../lib/format.js";
import { BRAND, escapeHtml } from "../../../lib/email/layout.js";
import type { SettingValue } from "../../settings/values.js";
import type { Money } from "../money.js";

/** e.g. "Locod-AI – Rappel : facture LCD-2026-000042 en attente de paiement". */
export function reminderSubject(language: Language, invoiceNumber: string): string {
  return language === "fr"
    ? `${BRAND} – Rappel : facture ${invoiceNumber} en attente de paiement`
    : `${BRAND} – Reminder: invoice ${invoiceNumber} is awaiting payment`;
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
  const amount = formatMoney(data.totalAmount, language, { currency: data.currency });
  const due = formatDate(data.dueAt, language, "long");
  const days = fr
    ? `${data.daysOverdue} jour${data.daysOverdue > 1 ? "s" : ""} de retard`
    : `${data.daysOverdue} day${data.daysOverdue === 1 ? "" : "s"} overdue`;
  const subject = reminderSubject(language, data.invoiceNumber);
  const greeting = fr ? `Bonjour ${data.customerName},` : `Hello ${data.customerName},`;
  const lead = fr
    ? `Sauf erreur de notre part, la facture ${data.invoiceNumber} du ${formatDate(data.issuedAt, language, "long")}, d'un montant de ${amount} TTC, arrivée à échéance le ${due}, n'est pas encore réglée.`
    : `As far as we can see, invoice ${data.invoiceNumber} of ${formatDate(data.issuedAt, language, "long")}, for ${amount} including VAT, which was due on ${due}, has not been paid yet.`;
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
