// Legal invoice numbers: LCD-<year>-<6 digits>, gapless and unique per year. The counter row is
// incremented in the issuing transaction: concurrent issuers queue on its row lock, and a transaction
// that rolls back gives its number back, so no number is skipped.
import type { Prisma } from "@prisma/client";

export const INVOICE_PREFIX = "LCD";

export const formatInvoiceNumber = (year: number, value: number): string =>
  `${INVOICE_PREFIX}-${year}-${String(value).padStart(6, "0")}`;

/** A draft (not yet issued) invoice's placeholder number, outside the legal sequence. */
export const isDraftNumber = (invoiceNumber: string): boolean => invoiceNumber.startsWith(`${INVOICE_PREFIX}-DRAFT-`);

/** Allocates the next number of `issuedAt`'s year (UTC). Must run inside the issuing transaction. */
export async function allocateInvoiceNumber(tx: Prisma.TransactionClient, issuedAt: Date): Promise<string> {
  const year = issuedAt.getUTCFullYear();
  const rows = await tx.$queryRaw<{ last_value: number }[]>`
    INSERT INTO invoice_number_sequences (year, last_value) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last_value = invoice_number_sequences.last_value + 1
    RETURNING last_value`;
  return formatInvoiceNumber(year, rows[0]!.last_value);
}
