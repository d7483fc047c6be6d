// Money is Prisma.Decimal end to end (never a float), rounded half-up to cents where a figure is stored.
import { Prisma } from "@prisma/client";

export type Money = Prisma.Decimal;
export const ZERO: Money = new Prisma.Decimal(0);

export const money = (value: Prisma.Decimal.Value): Money => new Prisma.Decimal(value);

/** Half-up to cents: 0.125 -> 0.13, -0.125 -> -0.13. */
export const cents = (value: Money): Money => value.toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP);

export const sum = (values: Iterable<Money>): Money => {
  let total = ZERO;
  for (const v of values) total = total.add(v);
  return total;
};

/** VAT on an amount at `ratePercent` ("20.00"), half-up to cents, and the total. */
export function withVat(amount: Money, ratePercent: Prisma.Decimal.Value): { tax: Money; total: Money } {
  const base = cents(amount);
  const tax = cents(base.mul(ratePercent).div(100));
  return { tax, total: base.add(tax) };
}

/** "12.50" */
export const format2 = (value: Money): string => cents(value).toFixed(2);
