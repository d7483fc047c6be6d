// What the invoice PDF shows, read once from the database: the invoice, its customer, lines and refunds
// that went through, the seller's legal details and the VAT rate it was issued with (kept on the invoice
// when it was issued; a draft, not issued yet, shows the current settings billing.seller and
// billing.vat_rate).
import { Prisma, type PrismaClient } from "@prisma/client";
import { AppError } from "../../../lib/errors.js";
import { readSetting, SETTINGS, type SettingValue } from "../../settings/values.js";
import type { Money } from "../money.js";
import { impliedVatRate } from "./pdf-format.js";

export type Seller = SettingValue<"billing.seller">;
export type Language = "fr" | "en";

/** Everything the PDF shows, read once from the database. */
export interface InvoiceDocument {
  invoiceNumber: string;
  status: "draft" | "pending" | "paid" | "failed" | "refunded";
  currency: string;
  issuedAt: Date;
  dueAt: Date | null;
  paidAt: Date | null;
  paymentMethod: string | null;
  /** [start, end) of the period billed, DATE columns (UTC midnight). */
  periodStart: Date | null;
  periodEnd: Date | null;
  amount: Money;
  taxAmount: Money;
  totalAmount: Money;
  amountRefunded: Money;
  notes: string | null;
  customer: { id: number; name: string; email: string; language: Language };
  items: { description: string; quantity: number; unitPrice: Money; totalPrice: Money }[];
  /** Refunds that went through, oldest first. */
  refunds: { createdAt: Date; amount: Money }[];
  seller: Seller;
  /** VAT rate in percent ("20.00"). */
  vatRate: Money;
}

/** The invoice with what its PDF shows; 404 when it does not exist. */
export async function loadInvoiceDocument(prisma: PrismaClient, invoiceId: number): Promise<InvoiceDocument> {
  const invoice = await prisma.invoice.findUnique({
    where: { id: invoiceId },
    include: {
      customer: { select: { id: true, name: true, email: true, language: true } },
      items: {
        orderBy: { id: "asc" },
        select: { description: true, quantity: true, unitPrice: true, totalPrice: true },
      },
      refunds: {
        where: { status: "succeeded" },
        orderBy: { createdAt: "asc" },
        select: { createdAt: true, amount: true },
      },
    },
  });
  if (!invoice) throw new AppError("not_found", `Invoice ${invoiceId} does not exist`);
  const { seller, rate } = await sellerAndRate(prisma, invoice);
  return {
    ...invoice,
    customer: { ...invoice.customer, language: invoice.customer.language === "en" ? "en" : "fr" },
    seller,
    vatRate: impliedVatRate(invoice.amount, invoice.taxAmount, new Prisma.Decimal(rate)),
  };
}

/**
 * The seller and VAT rate the invoice shows: those kept when it was issued. Only a draft, or a row made
 * issued outside the issuing workflow (which keeps them), reads the current settings.
 */
async function sellerAndRate(
  prisma: PrismaClient,
  invoice: { status: string; seller: Prisma.JsonValue; vatRate: Prisma.Decimal | null },
): Promise<{ seller: Seller; rate: string }> {
  const kept = invoice.status === "draft" ? null : SETTINGS["billing.seller"].schema.safeParse(invoice.seller);
  const [seller, rate] = await Promise.all([
    kept?.success ? kept.data : readSetting(prisma, "billing.seller"),
    invoice.status !== "draft" && invoice.vatRate !== null
      ? invoice.vatRate.toFixed(2)
      : readSetting(prisma, "billing.vat_rate"),
  ]);
  return { seller, rate };
}
