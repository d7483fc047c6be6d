// What a new invoice and an edit of one may set (invoice-fields.ts), without a database.
import type { Invoice } from "@prisma/client";
import { money } from "../money.js";
import { amountOf, invoiceUpdate, newDraftOf, positiveInt, sameValue } from "./invoice-fields.js";

function invoice(overrides: Partial<Invoice> = {}): Invoice {
  return {
    id: 9,
    customerId: 3,
    subscriptionId: null,
    invoiceNumber: "LCD-2026-000009",
    amount: money("100.00"),
    taxAmount: money("20.00"),
    totalAmount: money("120.00"),
    currency: "EUR",
    status: "pending",
    issuedAt: new Date("2026-10-01T00:00:00Z"),
    dueAt: new Date("2026-10-31T00:00:00Z"),
    paidAt: null,
    stripeInvoiceId: null,
    paymentMethod: null,
    notes: null,
    periodStart: null,
    periodEnd: null,
    stripePaymentIntentId: null,
    amountRefunded: money("0.00"),
    seller: null,
    vatRate: null,
    ...overrides,
  };
}

/** The fields a call refuses, or [] when it passes. */
function refused(fn: () => unknown): string[] {
  try {
    fn();
    return [];
  } catch (error) {
    return (error as { errors: { field: string }[] }).errors.map((e) => e.field);
  }
}

describe("positiveInt and amountOf", () => {
  it("should read ids as numbers or digits within INT4, and nothing else", () => {
    expect([positiveInt(7), positiveInt("42"), positiveInt(2 ** 31 - 1)]).toEqual([7, 42, 2 ** 31 - 1]);
    expect([positiveInt(0), positiveInt("-1"), positiveInt("1.5"), positiveInt(2 ** 31), positiveInt(null)]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("should read amounts from decimals, numbers and decimal strings", () => {
    expect(amountOf(" 12.50 ")!.toFixed(2)).toBe("12.50");
    expect(amountOf(money("3.1"))!.toFixed(2)).toBe("3.10");
    expect(amountOf(-4)!.toFixed(2)).toBe("-4.00");
    expect([amountOf(""), amountOf("12,50"), amountOf("abc"), amountOf(undefined)]).toEqual([null, null, null, null]);
  });
});

describe("sameValue", () => {
  it("should compare money to the cent, instants to the millisecond, and blanks as null", () => {
    expect(sameValue("amountRefunded", "10", money("10.00"))).toBe(true);
    expect(sameValue("amountRefunded", "10.01", money("10.00"))).toBe(false);
    expect(sameValue("paidAt", "2026-10-05T00:00:00.000Z", new Date("2026-10-05T00:00:00Z"))).toBe(true);
    expect(sameValue("notes", "", null)).toBe(true);
    expect(sameValue("notes", "a", null)).toBe(false);
  });
});

describe("newDraftOf", () => {
  it("should take a customer, an optional subscription and notes", () => {
    expect(newDraftOf({ customerId: "3", subscriptionId: "", notes: "hi" })).toEqual({
      customerId: 3,
      subscriptionId: null,
      notes: "hi",
    });
    expect(newDraftOf({ customerId: 3, subscriptionId: 8, status: "draft", amountRefunded: "0" })).toEqual({
      customerId: 3,
      subscriptionId: 8,
      notes: null,
    });
  });

  it("should refuse a missing customer, a bad subscription, another status and payment fields, naming each", () => {
    expect(
      refused(() =>
        newDraftOf({ subscriptionId: "x", status: "paid", paidAt: "2026-10-01", amountRefunded: "5", notes: "n" }),
      ),
    ).toEqual(["customerId", "subscriptionId", "status", "paidAt", "amountRefunded"]);
  });
});

describe("invoiceUpdate", () => {
  it("should let a draft change its notes only", () => {
    const draft = invoice({ status: "draft", invoiceNumber: "LCD-DRAFT-M9" });
    expect(invoiceUpdate(draft, { notes: "to check" })).toEqual({ notes: "to check" });
    expect(refused(() => invoiceUpdate(draft, { status: "pending", paidAt: "2026-10-02", amount: "5" }))).toEqual([
      "status",
      "paidAt",
      "amount",
    ]);
  });

  it("should let an issued invoice change its payment fields, never its figures, customer or way back to draft", () => {
    expect(
      invoiceUpdate(invoice(), { status: "paid", paidAt: "2026-10-05T00:00:00Z", paymentMethod: "card", notes: "" }),
    ).toEqual({ status: "paid", paidAt: new Date("2026-10-05T00:00:00Z"), paymentMethod: "card" });
    expect(
      refused(() => invoiceUpdate(invoice(), { status: "draft", amount: "1", customerId: 4, paidAt: "someday" })),
    ).toEqual(["status", "amount", "customerId", "paidAt"]);
  });

  it("should take a refunded amount from 0 to the total, to the cent", () => {
    expect(invoiceUpdate(invoice(), { amountRefunded: "60.005" })).toEqual({ amountRefunded: money("60.01") });
    expect(refused(() => invoiceUpdate(invoice(), { amountRefunded: "120.01" }))).toEqual(["amountRefunded"]);
    expect(refused(() => invoiceUpdate(invoice(), { amountRefunded: "-1" }))).toEqual(["amountRefunded"]);
  });

  it("should ignore fields sent unchanged", () => {
    expect(invoiceUpdate(invoice(), { customerId: 3, totalAmount: "120.00", status: "pending", notes: null })).toEqual(
      {},
    );
  });
});
