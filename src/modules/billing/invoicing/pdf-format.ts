// The invoice PDF's formats, one for every figure on it (French style), and the text its built-in fonts
// can draw. Plain functions, unit-tested in pdf-format.test.ts.
import { Prisma } from "@prisma/client";
import { cents, withVat, type Money } from "../money.js";

const NBSP = "\u00a0";

/** French style, one format everywhere on the invoice: "1 234,56 €" (no-break spaces), "-12,00 €". */
export function formatMoney(value: Money, currency = "EUR"): string {
  const fixed = cents(value).toFixed(2);
  const negative = fixed.startsWith("-");
  const [whole, fraction] = (negative ? fixed.slice(1) : fixed).split(".") as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const symbol = currency === "EUR" ? "€" : currency;
  return `${negative ? "-" : ""}${grouped},${fraction}${NBSP}${symbol}`;
}

/** "20,00" for a rate of 20 percent. */
export const formatRate = (rate: Money): string => rate.toFixed(2).replace(".", ",");

/** dd/mm/yyyy of the UTC calendar day, as the billing module counts days (periods.ts). */
export function formatDate(at: Date): string {
  const dd = String(at.getUTCDate()).padStart(2, "0");
  const mm = String(at.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${at.getUTCFullYear()}`;
}

// What the built-in fonts can show: Latin-1 and the WinAnsi additions in 0x80-0x9F.
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/** Text the built-in Helvetica can draw: NFC, letters folded to Latin where possible, else "?". */
export function winAnsi(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const code = ch.codePointAt(0)!;
    if (ch === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) {
      out += ch;
    } else if (code === 0x202f || code === 0x2007 || code === 0x2009) {
      out += NBSP;
    } else if (ch === "\t" || ch === "\r") {
      out += " ";
    } else {
      const folded = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      out += /^[\x20-\x7e]+$/.test(folded) ? folded : "?";
    }
  }
  return out;
}

/**
 * The VAT rate the invoice was issued with. The row keeps the figures, not the rate, and the setting
 * may have changed since: the setting's rate when it gives the stored VAT, otherwise the rate the
 * figures imply (VAT / amount, to 2 decimals).
 */
export function impliedVatRate(amount: Money, tax: Money, settingRate: Money): Money {
  if (amount.isZero() || withVat(amount, settingRate).tax.equals(tax)) return settingRate;
  return tax.mul(100).div(amount).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP);
}

/** "LCD-2026-000042.pdf": the invoice number, which is all [A-Z0-9-], as the download's name. */
export const pdfFileName = (invoiceNumber: string): string => `${invoiceNumber.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf`;
