import type { Column } from "../db/columns.js";
import { keepsOneLine } from "./resource-kit.js";

const column = (overrides: Partial<Column>): Column => ({
  name: "x",
  dbName: "x",
  type: "String",
  nullable: false,
  hasDefault: false,
  isId: false,
  dateOnly: false,
  scale: 0,
  secret: false,
  workflow: false,
  write: false,
  rule: {},
  ...overrides,
});

describe("list cells kept on one line", () => {
  it("keeps ids, numbers, money, dates, booleans and enum values whole", () => {
    for (const type of ["Int", "Decimal", "DateTime", "Boolean", "enum"] as const) {
      expect([type, keepsOneLine(column({ type }))]).toEqual([type, true]);
    }
    expect(keepsOneLine(column({ type: "String", isId: true }))).toBe(true);
  });

  it("keeps machine-made text whole: codes, host names, paths", () => {
    expect(keepsOneLine(column({ rule: { pattern: "^[A-Z0-9-]+$" } }))).toBe(true);
    expect(keepsOneLine(column({ rule: { hostname: true } }))).toBe(true);
    expect(keepsOneLine(column({ rule: { relativePath: true } }))).toBe(true);
  });

  it("lets names, long text, e-mails and references wrap between words", () => {
    expect(keepsOneLine(column({}))).toBe(false);
    expect(keepsOneLine(column({ rule: { text: true } }))).toBe(false);
    expect(keepsOneLine(column({ rule: { email: true } }))).toBe(false);
    expect(keepsOneLine(column({ type: "Int", relation: { field: "customer", model: "Customer" } }))).toBe(false);
  });
});
