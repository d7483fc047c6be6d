// Money in the demo data is Prisma.Decimal end to end (DESIGN.md 6): no JS float ever holds an amount.
import { Prisma } from "@prisma/client";

export type Money = Prisma.Decimal;

export const VAT_RATE = new Prisma.Decimal("0.20");

export function eur(amount: string): Money {
  return new Prisma.Decimal(amount);
}

export const ZERO: Money = eur("0");

/** Rounded half-up to the cent. */
export function toCents(amount: Money): Money {
  return amount.toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP);
}

/** `amount` scaled by `percent`/100 (an integer percentage), rounded half-up to the cent. */
export function percentOf(amount: Money, percent: number): Money {
  return toCents(amount.mul(percent).div(100));
}

export function sum(amounts: readonly Money[]): Money {
  return amounts.reduce((total, a) => total.plus(a), ZERO);
}

/** French VAT (20 %) on an amount before tax, rounded half-up to the cent. */
export function vatOn(amount: Money): Money {
  return toCents(amount.mul(VAT_RATE));
}
