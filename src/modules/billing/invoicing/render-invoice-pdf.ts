// The invoice as an A4 PDF (issue 5, item 4), drawn with pdfkit and its built-in Helvetica: the seller's
// legal details it was issued with (kept from the settings billing.seller), the customer, number, dates,
// period, lines, amounts excluding VAT, VAT with its rate, total, and where the invoice stands (paid stamp, refunds).
//
// A draft (the open invoice Queue IA lines collect into) is rendered, watermarked DRAFT on every page,
// rather than refused: an admin checks what the month has collected before the monthly run issues it,
// and the watermark, the placeholder number (LCD-DRAFT-...) and the missing due date keep it from
// passing for an invoice.
//
// The built-in fonts speak WinAnsi (Latin-1 plus € and typographic quotes): French renders as is
// ("Pénalités", "1 234,56 €"); other scripts are folded to their Latin letters where Unicode gives
// them, otherwise "?" (a customer name in Cyrillic would need an embedded TTF).
import PDFDocument from "pdfkit";
import { ZERO, type Money } from "../money.js";
import type { InvoiceDocument, Language } from "./invoice-document.js";
import { formatDate, formatMoney, formatRate, winAnsi } from "./pdf-format.js";
import { WORDS } from "./pdf-words.js";

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const FOOTER_HEIGHT = 90;
const RIGHT = A4.width - MARGIN;
const CONTENT_WIDTH = RIGHT - MARGIN;
const GREY = "#555555";
const LINE = "#cccccc";

/** Table columns: description wraps, figures align right. */
const COLUMNS = {
  description: { x: MARGIN, width: 255 },
  quantity: { x: MARGIN + 260, width: 40 },
  unitPrice: { x: MARGIN + 305, width: 90 },
  lineTotal: { x: MARGIN + 400, width: CONTENT_WIDTH - 400 },
};

/** Renders the invoice; `compress: false` leaves the content streams readable (debugging). */
export function renderInvoicePdf(invoice: InvoiceDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  const w = WORDS[invoice.customer.language];
  const isDraft = invoice.status === "draft";
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_HEIGHT, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: options.compress ?? true,
    lang: invoice.customer.language === "en" ? "en-GB" : "fr-FR",
    info: {
      Title: `${isDraft ? w.draftInvoice : w.invoice} ${invoice.invoiceNumber}`,
      Author: invoice.seller.name,
      Subject: `${invoice.customer.name} (${w.customerNo} ${invoice.customer.id})`,
      // The issue date, not the rendering time: the same invoice gives the same document.
      CreationDate: invoice.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const t = (text: string) => winAnsi(text);
  const money = (value: Money) => formatMoney(value, invoice.currency);

  if (isDraft) {
    drawWatermark(doc);
    doc.on("pageAdded", () => drawWatermark(doc));
  }

  // Seller (left) and the invoice's identity (right).
  const { seller } = invoice;
  doc.font("Helvetica-Bold").fontSize(16).fillColor("black").text(t(seller.name), MARGIN, MARGIN, { width: 260 });
  doc.font("Helvetica").fontSize(9).fillColor(GREY);
  for (const line of seller.address) doc.text(t(line), { width: 260 });
  doc.text(t(`${w.siret} : ${seller.siret}`), { width: 260 });
  doc.text(t(`${w.vatNumber} : ${seller.vatNumber}`), { width: 260 });
  doc.text(t(seller.email), { width: 260 });
  const sellerBottom = doc.y;

  const boxX = MARGIN + 280;
  const boxWidth = RIGHT - boxX;
  doc
    .font("Helvetica-Bold")
    .fontSize(18)
    .fillColor("black")
    .text(isDraft ? w.draftInvoice : w.invoice, boxX, MARGIN, { width: boxWidth, align: "right" });
  doc.font("Helvetica").fontSize(10);
  const facts: [string, string][] = [
    [w.number, invoice.invoiceNumber],
    [w.issued, formatDate(invoice.issuedAt)],
  ];
  if (invoice.dueAt && !isDraft) facts.push([w.due, formatDate(invoice.dueAt)]);
  if (invoice.periodStart && invoice.periodEnd) {
    // period_end is exclusive: the last day billed is the day before.
    const lastDay = new Date(invoice.periodEnd.getTime() - 86_400_000);
    facts.push([w.period, w.periodRange(formatDate(invoice.periodStart), formatDate(lastDay))]);
  }
  doc.moveDown(0.3);
  for (const [label, value] of facts) {
    doc.text(t(`${label} : ${value}`), boxX, doc.y, { width: boxWidth, align: "right" });
  }
  const headerBottom = Math.max(sellerBottom, doc.y) + 20;

  // Customer.
  doc.font("Helvetica-Bold").fontSize(10).fillColor("black").text(w.billedTo, boxX, headerBottom, { width: boxWidth });
  doc.font("Helvetica").fontSize(10);
  doc.text(t(invoice.customer.name), boxX, doc.y, { width: boxWidth });
  doc.fillColor(GREY).text(t(invoice.customer.email), { width: boxWidth });
  doc.text(`${w.customerNo} ${invoice.customer.id}`, { width: boxWidth });
  doc.fillColor("black");

  // Lines.
  let y = doc.y + 25;
  const pageBottom = () => A4.height - doc.page.margins.bottom;
  const drawHeader = () => {
    doc.font("Helvetica-Bold").fontSize(9).fillColor("black");
    doc.text(w.description, COLUMNS.description.x, y, { width: COLUMNS.description.width, lineBreak: false });
    doc.text(w.quantity, COLUMNS.quantity.x, y, { width: COLUMNS.quantity.width, align: "right", lineBreak: false });
    doc.text(w.unitPrice, COLUMNS.unitPrice.x, y, { width: COLUMNS.unitPrice.width, align: "right", lineBreak: false });
    doc.text(w.lineTotal, COLUMNS.lineTotal.x, y, { width: COLUMNS.lineTotal.width, align: "right", lineBreak: false });
    y += 14;
    doc.moveTo(MARGIN, y).lineTo(RIGHT, y).strokeColor("black").lineWidth(0.8).stroke();
    y += 6;
    doc.font("Helvetica").fontSize(9);
  };
  drawHeader();
  if (invoice.items.length === 0) {
    doc.fillColor(GREY).text(w.noLines, MARGIN, y, { width: CONTENT_WIDTH }).fillColor("black");
    y = doc.y + 6;
  }
  for (const item of invoice.items) {
    const description = t(item.description);
    const height = Math.max(doc.heightOfString(description, { width: COLUMNS.description.width }), 11);
    if (y + height > pageBottom()) {
      doc.addPage();
      y = MARGIN;
      drawHeader();
    }
    doc.text(description, COLUMNS.description.x, y, { width: COLUMNS.description.width });
    doc.text(String(item.quantity), COLUMNS.quantity.x, y, { width: COLUMNS.quantity.width, align: "right" });
    doc.text(money(item.unitPrice), COLUMNS.unitPrice.x, y, { width: COLUMNS.unitPrice.width, align: "right" });
    doc.text(money(item.totalPrice), COLUMNS.lineTotal.x, y, { width: COLUMNS.lineTotal.width, align: "right" });
    y += height + 5;
    doc
      .moveTo(MARGIN, y - 2)
      .lineTo(RIGHT, y - 2)
      .strokeColor(LINE)
      .lineWidth(0.5)
      .stroke();
  }

  // Totals, then refunds, kept together on one page.
  const totals: { label: string; value: string; bold?: boolean }[] = [
    { label: w.amount, value: money(invoice.amount) },
    { label: w.vat(formatRate(invoice.vatRate)), value: money(invoice.taxAmount) },
    { label: w.total, value: money(invoice.totalAmount), bold: true },
  ];
  const refunded = invoice.amountRefunded.gt(ZERO);
  if (refunded) {
    for (const refund of invoice.refunds) {
      totals.push({ label: w.refundOn(formatDate(refund.createdAt)), value: money(refund.amount.neg()) });
    }
    totals.push({ label: w.refunded, value: money(invoice.amountRefunded.neg()) });
    totals.push({ label: w.netPaid, value: money(invoice.totalAmount.sub(invoice.amountRefunded)), bold: true });
  }
  const totalsHeight = totals.length * 16 + 70;
  y += 10;
  if (y + totalsHeight > pageBottom()) {
    doc.addPage();
    y = MARGIN;
  }
  const labelX = MARGIN + 250;
  const labelWidth = 150;
  const valueX = labelX + labelWidth;
  const valueWidth = RIGHT - valueX;
  const totalsTop = y;
  for (const line of totals) {
    doc.font(line.bold ? "Helvetica-Bold" : "Helvetica").fontSize(line.bold ? 11 : 10);
    doc.text(t(line.label), labelX, y, { width: labelWidth, lineBreak: false });
    doc.text(line.value, valueX, y, { width: valueWidth, align: "right", lineBreak: false });
    y += 16;
  }
  const stamp = w.stamp[invoice.status];
  if (stamp) drawStamp(doc, stamp, invoice.status === "paid" ? "#1a7f37" : "#c62828", MARGIN + 20, totalsTop + 5);

  // Where the invoice stands.
  y += 12;
  doc.font("Helvetica-Bold").fontSize(10).text(`${w.status} : `, MARGIN, y, { continued: true });
  let statusLine: string = w.statusText[invoice.status];
  if (invoice.status === "paid" && invoice.paidAt)
    statusLine = w.paidOn(formatDate(invoice.paidAt), invoice.paymentMethod);
  if (invoice.status === "pending" && invoice.dueAt)
    statusLine = `${statusLine} — ${w.payBefore(formatDate(invoice.dueAt))}`;
  doc.font("Helvetica").text(t(statusLine), { width: CONTENT_WIDTH });
  if (invoice.notes?.trim()) {
    doc.moveDown(0.5).font("Helvetica-Bold").text(`${w.notes} : `, { continued: true });
    doc.font("Helvetica").text(t(invoice.notes.trim()), { width: CONTENT_WIDTH });
  }

  // Footer of every page: legal mentions, bank details, seller identity, page number.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    drawFooter(doc, invoice, w, i - range.start + 1, range.count);
  }
  doc.end();
  return done;
}

function drawWatermark(doc: PDFKit.PDFDocument): void {
  const { x, y } = doc;
  doc.save();
  doc.rotate(-35, { origin: [A4.width / 2, A4.height / 2] });
  doc
    .font("Helvetica-Bold")
    .fontSize(150)
    .fillColor("#999999")
    .fillOpacity(0.18)
    .text("DRAFT", 0, A4.height / 2 - 75, { width: A4.width, align: "center", lineBreak: false });
  doc.restore();
  doc.fillColor("black").fillOpacity(1);
  doc.x = x;
  doc.y = y;
}

function drawStamp(doc: PDFKit.PDFDocument, text: string, color: string, x: number, y: number): void {
  const { x: keepX, y: keepY } = doc;
  doc.save();
  doc.rotate(-12, { origin: [x + 80, y + 20] });
  doc.font("Helvetica-Bold").fontSize(24);
  const width = doc.widthOfString(winAnsi(text)) + 24;
  doc.roundedRect(x, y, width, 38, 4).lineWidth(2.5).strokeColor(color).stroke();
  doc.fillColor(color).text(winAnsi(text), x, y + 9, { width, align: "center", lineBreak: false });
  doc.restore();
  doc.fillColor("black");
  doc.x = keepX;
  doc.y = keepY;
}

function drawFooter(
  doc: PDFKit.PDFDocument,
  invoice: InvoiceDocument,
  w: (typeof WORDS)[Language],
  page: number,
  pages: number,
): void {
  const { seller } = invoice;
  // Below the bottom margin: without lifting it, pdfkit would open a new page for the footer.
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  const top = A4.height - MARGIN - FOOTER_HEIGHT + 15;
  doc.moveTo(MARGIN, top).lineTo(RIGHT, top).strokeColor(LINE).lineWidth(0.5).stroke();
  doc.font("Helvetica").fontSize(7.5).fillColor(GREY);
  const lines = [
    seller.legalMentions ?? "",
    seller.iban ? `${w.iban} : ${seller.iban}` : "",
    [seller.name, `${w.siret} ${seller.siret}`, `${w.vatNumber} ${seller.vatNumber}`, seller.address.join(", ")].join(
      " — ",
    ),
  ].filter(Boolean);
  doc.text(winAnsi(lines.join("\n")), MARGIN, top + 6, { width: CONTENT_WIDTH - 60, lineGap: 1 });
  doc.text(w.page(page, pages), RIGHT - 55, top + 6, { width: 55, align: "right", lineBreak: false });
  doc.fillColor("black");
  doc.page.margins.bottom = bottom;
}
