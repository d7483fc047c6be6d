// An invoice's fields as forms and REST bodies send them, and which of them may change when: a new
// invoice is a draft of a customer; a draft takes notes only (its lines change through the items, its
// status through the issue); an issued invoice is a legal record whose payment fields alone change
// (INVOICE_PAYMENT_FIELDS; the triggers of migration invoice_immutability agree). Plain functions,
// unit-tested in invoice-fields.test.ts.
import { Prisma, type Invoice, type InvoiceStatus } from "@prisma/client";
import { AppError, type FieldError } from "../../../lib/errors.js";
import { cents, money, type Money } from "../money.js";

type Data = Record<string, unknown>;

/** What may still change once an invoice is issued (the triggers of migration invoice_immutability agree). */
export const INVOICE_PAYMENT_FIELDS = [
  "status",
  "paidAt",
  "paymentMethod",
  "stripeInvoiceId",
  "stripePaymentIntentId",
  "amountRefunded",
  "notes",
] as const;

/** The statuses of an issued invoice. */
export const ISSUED_STATUSES: readonly InvoiceStatus[] = ["pending", "paid", "failed", "refunded"];

const INT4_MAX = 2 ** 31 - 1;

/** A 400 naming each field. */
export const invalid = (errors: FieldError[]) =>
  new AppError("validation", errors.map((e) => `${e.field}: ${e.message}`).join("; "), errors);

export const isBlank = (value: unknown) => value === undefined || value === null || value === "";

/** An id as a form or body sends it (a number or digits), within INT4; null otherwise. */
export function positiveInt(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 && n <= INT4_MAX ? n : null;
}

/** An amount as a form or body sends it (a Decimal, a number or a decimal string); null otherwise. */
export function amountOf(value: unknown): Money | null {
  if (isBlank(value)) return null;
  const text = Prisma.Decimal.isDecimal(value) ? (value as Prisma.Decimal).toFixed() : String(value).trim();
  return /^-?\d+(\.\d+)?$/.test(text) ? money(text) : null;
}

/** A value as compared for "did it change": money to the cent, instants to the millisecond. */
function comparable(value: unknown): string | null {
  if (isBlank(value)) return null;
  if (value instanceof Date) return value.toISOString();
  if (Prisma.Decimal.isDecimal(value)) return (value as Prisma.Decimal).toFixed(2);
  return String(value);
}

/** Whether a field sent with `a` leaves its current value `b` as it is. */
export function sameValue(field: string, a: unknown, b: unknown): boolean {
  if (field === "amountRefunded") return comparable(amountOf(a)) === comparable(amountOf(b));
  if (field === "paidAt") {
    const time = (v: unknown) => (isBlank(v) ? null : new Date(v as string | Date).getTime());
    return time(a) === time(b);
  }
  return comparable(a) === comparable(b);
}

export interface NewInvoiceInput {
  customerId?: unknown;
  subscriptionId?: unknown;
  notes?: unknown;
  [field: string]: unknown;
}

export interface NewDraft {
  customerId: number;
  subscriptionId: number | null;
  notes: string | null;
}

/**
 * The draft a new-invoice form or body asks for: a customer, optionally one of its subscriptions, and
 * notes. Its status is draft and its payment fields wait for the issue (400 naming each field otherwise).
 */
export function newDraftOf(input: NewInvoiceInput): NewDraft {
  const errors: FieldError[] = [];
  const customerId = positiveInt(input.customerId);
  if (customerId === null) errors.push({ field: "customerId", message: "is required" });
  const subscriptionId = isBlank(input.subscriptionId) ? null : positiveInt(input.subscriptionId);
  if (!isBlank(input.subscriptionId) && subscriptionId === null) {
    errors.push({ field: "subscriptionId", message: "must be a subscription id" });
  }
  if (!isBlank(input.status) && input.status !== "draft") {
    errors.push({ field: "status", message: "a new invoice is a draft; issue it once its lines are in" });
  }
  for (const field of INVOICE_PAYMENT_FIELDS) {
    if (field === "status" || field === "notes") continue;
    if (!isBlank(input[field]) && !(field === "amountRefunded" && amountOf(input[field])?.isZero())) {
      errors.push({ field, message: "is set once the invoice is issued" });
    }
  }
  if (errors.length) throw invalid(errors);
  return { customerId: customerId!, subscriptionId, notes: isBlank(input.notes) ? null : String(input.notes) };
}

/**
 * The update an edit of `before` asks for. A draft takes notes only; an issued invoice takes its payment
 * fields, its status among the issued ones, a refunded amount up to its total. The customer and
 * subscription are set when the invoice is created. Fields sent unchanged are ignored; 400 naming each
 * refused field.
 */
export function invoiceUpdate(before: Invoice, data: Data): Prisma.InvoiceUncheckedUpdateInput {
  const current = before as unknown as Data;
  const changed = Object.keys(data).filter((field) => !sameValue(field, data[field], current[field]));
  const errors: FieldError[] = [];
  const update: Prisma.InvoiceUncheckedUpdateInput = {};
  const issued = before.status !== "draft";
  for (const field of changed) {
    const value = data[field];
    if (field === "customerId" || field === "subscriptionId") {
      errors.push({ field, message: "is set when the invoice is created" });
    } else if (field === "notes") {
      update.notes = isBlank(value) ? null : String(value);
    } else if (!(INVOICE_PAYMENT_FIELDS as readonly string[]).includes(field)) {
      errors.push({
        field,
        message: issued ? "cannot change on an issued invoice" : "is set when the draft is issued",
      });
    } else if (!issued) {
      errors.push({
        field,
        message:
          field === "status"
            ? "a draft is issued with the Issue action (POST /billing/invoices/{id}/issue)"
            : "is set once the invoice is issued",
      });
    } else if (field === "status") {
      if (!ISSUED_STATUSES.includes(value as InvoiceStatus)) {
        errors.push({
          field,
          message: "an issued invoice is pending, paid, failed or refunded; never a draft again",
        });
      } else update.status = value as InvoiceStatus;
    } else if (field === "paidAt") {
      const at = isBlank(value) ? null : new Date(value as string | Date);
      if (at && Number.isNaN(at.getTime())) errors.push({ field, message: "must be a date" });
      else update.paidAt = at;
    } else if (field === "amountRefunded") {
      const amount = amountOf(value);
      if (!amount || amount.isNegative() || amount.gt(before.totalAmount)) {
        errors.push({ field, message: `must be an amount from 0 to ${before.totalAmount.toFixed(2)}` });
      } else update.amountRefunded = cents(amount);
    } else {
      (update as Data)[field] = isBlank(value) ? null : String(value);
    }
  }
  if (errors.length) throw invalid(errors);
  return update;
}
