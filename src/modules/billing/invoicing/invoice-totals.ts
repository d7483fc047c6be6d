// An invoice's figures follow from its lines: amount = sum of the lines, tax = amount x the VAT rate of
// the settings (half-up to cents), total = amount + tax.
import type { Prisma } from "@prisma/client";
import { readSetting } from "../../settings/values.js";
import { cents, withVat, ZERO } from "../money.js";

export async function recomputeInvoiceTotals(tx: Prisma.TransactionClient, invoiceId: number): Promise<void> {
  const [agg, rate] = await Promise.all([
    tx.invoiceItem.aggregate({ where: { invoiceId }, _sum: { totalPrice: true } }),
    readSetting(tx, "billing.vat_rate"),
  ]);
  const amount = cents(agg._sum.totalPrice ?? ZERO);
  const { tax, total } = withVat(amount, rate);
  await tx.invoice.update({ where: { id: invoiceId }, data: { amount, taxAmount: tax, totalAmount: total } });
}
