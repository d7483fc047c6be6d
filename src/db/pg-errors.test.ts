// PostgreSQL refusals as field errors: data exceptions, expression indexes, named CHECK constraints.
import { describe, expect, it } from "@jest/globals";
import { AppError } from "../lib/errors.js";
import type { Column } from "./columns.js";
import { indexedColumn, tableWriteError, type TableErrorContext } from "./pg-errors.js";

const column = (name: string, dbName: string): Column =>
  ({ name, dbName, type: "String", nullable: true, rule: {} }) as unknown as Column;

const context: TableErrorContext = {
  table: "customers",
  columns: [column("email", "email"), column("name", "name"), column("startedAt", "started_at")],
};

const pgError = (originalCode: string, originalMessage = "", constraint?: object) => ({
  meta: { driverAdapterError: { cause: { originalCode, originalMessage, ...(constraint ? { constraint } : {}) } } },
});

function refusal(error: unknown) {
  const mapped = tableWriteError(context, error, "write");
  expect(mapped).toBeInstanceOf(AppError);
  const app = mapped as AppError;
  return { status: app.status, fields: app.errors?.map((e) => e.field), text: app.message };
}

describe("tableWriteError", () => {
  it("answers 400 for values PostgreSQL cannot take, naming the column where the message does", () => {
    expect(refusal(pgError("22021", 'invalid byte sequence for encoding "UTF8": 0x00'))).toMatchObject({
      status: 400,
      fields: ["(body)"],
    });
    expect(refusal(pgError("22001", "value too long for type character varying(255)"))).toMatchObject({
      status: 400,
      fields: ["(body)"],
    });
    expect(refusal(pgError("22003", 'value out of range for column "name"'))).toMatchObject({ fields: ["name"] });
    expect(refusal(pgError("22008", "date/time field value out of range"))).toMatchObject({ status: 400 });
    expect(refusal(pgError("54000", "index row size 3000 exceeds btree version 4 maximum"))).toMatchObject({
      status: 400,
    });
  });

  it("names the column of a case-insensitive unique index and of a named CHECK, never the constraint", () => {
    expect(refusal(pgError("23505", "", { fields: ["lower(email::text)"] }))).toMatchObject({
      status: 409,
      fields: ["email"],
    });
    const check = refusal(
      pgError(
        "23514",
        'new row for relation "customers" violates check constraint "customers_started_at_range_check"',
        { index: "customers_started_at_range_check" },
      ),
    );
    expect(check).toMatchObject({ status: 400, fields: ["startedAt"] });
    expect(check.text).not.toContain("range_check");
  });

  it("reads a column out of an index expression", () => {
    expect(indexedColumn("lower(email::text)")).toBe("email");
    expect(indexedColumn('lower("email")')).toBe("email");
    expect(indexedColumn("lower(email::text")).toBe("email");
    expect(indexedColumn("email")).toBe("email");
  });
});
