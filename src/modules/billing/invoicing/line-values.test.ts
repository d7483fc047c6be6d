// A manual invoice line's values (line-values.ts), without a database.
import type { InvoiceItem } from "@prisma/client";
import { money } from "../money.js";
import { lineValues } from "./line-values.js";

const current: InvoiceItem = {
  id: 5,
  createdAt: new Date("2026-10-01T00:00:00Z"),
  invoiceId: 9,
  aiRequestId: null,
  description: "Setup",
  quantity: 2,
  unitPrice: money("10.00"),
  totalPrice: money("20.00"),
};

const fieldsOf = (fn: () => unknown): string[] => {
  try {
    fn();
    return [];
  } catch (error) {
    return (error as { errors: { field: string }[] }).errors.map((e) => e.field);
  }
};

const shown = (v: ReturnType<typeof lineValues>) => [
  v.description,
  v.quantity,
  v.unitPrice.toFixed(2),
  v.totalPrice.toFixed(2),
];

describe("lineValues", () => {
  it("should total quantity x unit price to the cent, the quantity 1 by default", () => {
    expect(shown(lineValues({ description: " Hosting ", unitPrice: "9.995" }))).toEqual([
      "Hosting",
      1,
      "10.00",
      "10.00",
    ]);
    expect(shown(lineValues({ description: "Pages", quantity: "3", unitPrice: 12.5 }))).toEqual([
      "Pages",
      3,
      "12.50",
      "37.50",
    ]);
  });

  it("should keep the current values of the fields not sent", () => {
    expect(shown(lineValues({ quantity: 5 }, current))).toEqual(["Setup", 5, "10.00", "50.00"]);
  });

  it("should refuse a blank description, a quantity below 1 and a price out of the column, naming each", () => {
    expect(fieldsOf(() => lineValues({ description: " ", quantity: 0, unitPrice: "-1" }))).toEqual([
      "description",
      "quantity",
      "unitPrice",
    ]);
    expect(fieldsOf(() => lineValues({ description: "x", unitPrice: "1000000.00" }))).toEqual(["unitPrice"]);
    expect(fieldsOf(() => lineValues({ description: "x", unitPrice: "999999.99" }))).toEqual([]);
  });

  it("should refuse a line whose total does not fit its column", () => {
    expect(fieldsOf(() => lineValues({ description: "x", quantity: 101, unitPrice: "999999.99" }))).toEqual([
      "quantity",
    ]);
  });
});
