// A line of a manual invoice as its form or body sends it: a description, a whole quantity from 1 and a
// unit price that fit the columns; total = quantity x unit price, to the cent. Plain functions,
// unit-tested in line-values.test.ts.
import type { InvoiceItem } from "@prisma/client";
import type { FieldError } from "../../../lib/errors.js";
import { cents, money, type Money } from "../money.js";
import { amountOf, invalid, positiveInt } from "./invoice-fields.js";

/** invoice_items.unit_price is DECIMAL(8,2), total_price DECIMAL(10,2). */
const UNIT_PRICE_LIMIT = money("1000000");
const TOTAL_PRICE_LIMIT = money("100000000");

export interface LineValues {
  description: string;
  quantity: number;
  unitPrice: Money;
  totalPrice: Money;
}

/** A line's fields from the form or body, over the current ones; total = quantity x unit price. */
export function lineValues(data: Record<string, unknown>, current?: InvoiceItem): LineValues {
  const errors: FieldError[] = [];
  const description = data.description !== undefined ? String(data.description ?? "").trim() : current?.description;
  if (!description) errors.push({ field: "description", message: "is required" });
  const quantity = data.quantity !== undefined ? positiveInt(data.quantity) : (current?.quantity ?? 1);
  if (quantity === null) errors.push({ field: "quantity", message: "must be a whole number from 1" });
  const unitPrice = data.unitPrice !== undefined ? amountOf(data.unitPrice) : (current?.unitPrice ?? null);
  if (!unitPrice || unitPrice.isNegative() || cents(unitPrice).gte(UNIT_PRICE_LIMIT)) {
    errors.push({ field: "unitPrice", message: "must be an amount from 0.00 to 999999.99" });
  }
  if (errors.length) throw invalid(errors);
  const price = cents(unitPrice!);
  const totalPrice = cents(price.mul(quantity!));
  if (totalPrice.gte(TOTAL_PRICE_LIMIT)) throw invalid([{ field: "quantity", message: "makes the line too large" }]);
  return { description: description!, quantity: quantity!, unitPrice: price, totalPrice };
}
