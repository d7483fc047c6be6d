import { Prisma } from "@prisma/client";
import type { Column } from "../db/columns.js";
import { AppError } from "../lib/errors.js";
import {
  afterValues,
  encodeListCursor,
  orderByOf,
  parseExportQuery,
  parseListQuery,
  type ListShape,
} from "./list-query.js";

const column = (name: string, type: Column["type"], extra: Partial<Column> = {}): Column => ({
  name,
  dbName: name,
  type,
  nullable: false,
  hasDefault: false,
  isId: false,
  dateOnly: false,
  scale: 0,
  secret: false,
  workflow: false,
  write: false,
  rule: {},
  ...extra,
});

const id = column("id", "Int", { isId: true });
const name = column("name", "String");
const amount = column("amount", "Decimal", { nullable: true, scale: 2 });
const createdAt = column("createdAt", "DateTime");
const status = column("status", "enum", { values: ["active", "paused"] });
const notes = column("notes", "String", { nullable: true });
const meta = column("meta", "Json");

const shape: ListShape = {
  columns: [id, name, amount, createdAt, status, notes, meta],
  filterable: new Set(["name", "amount", "createdAt", "status", "notes"]),
  sortable: new Set(["id", "name", "amount", "createdAt"]),
  searchable: ["name", "notes"],
  keys: [id],
  defaultLimit: 20,
  maxLimit: 100,
};

function refusedFields(query: Record<string, unknown>): string[] {
  try {
    parseListQuery(query, shape);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    return (error as AppError).errors!.map((e) => e.field);
  }
  throw new Error("accepted");
}

describe("parseListQuery", () => {
  it("defaults to the keyset order, newest first, without a count", () => {
    const q = parseListQuery({}, shape);
    expect(q).toMatchObject({ limit: 20, sort: "", where: {}, after: null, total: false });
    expect(q.order.map((k) => [k.column.name, k.direction])).toEqual([["id", "desc"]]);
  });

  it("sorts by up to three allowed columns and ends with the key", () => {
    const q = parseListQuery({ sort: "-createdAt,name" }, shape);
    expect(q.order.map((k) => [k.column.name, k.direction])).toEqual([
      ["createdAt", "desc"],
      ["name", "asc"],
      ["id", "desc"],
    ]);
    expect(q.sort).toBe("-createdAt,name");
    expect(orderByOf(q.order)).toEqual([{ createdAt: "desc" }, { name: "asc" }, { id: "desc" }]);
    expect(orderByOf(parseListQuery({ sort: "amount" }, shape).order)[0]).toEqual({
      amount: { sort: "asc", nulls: "last" },
    });
  });

  it("refuses unknown, unsortable, repeated and too many sort keys, naming sort", () => {
    expect(refusedFields({ sort: "meta" })).toEqual(["sort"]);
    expect(refusedFields({ sort: "status" })).toEqual(["sort"]);
    expect(refusedFields({ sort: "name,-name" })).toEqual(["sort"]);
    expect(refusedFields({ sort: "id,name,amount,createdAt" })).toEqual(["sort"]);
    expect(refusedFields({ sort: ["id", "name"] })).toEqual(["sort"]);
  });

  it("builds Stripe-style operator filters per column type", () => {
    const q = parseListQuery(
      {
        "amount[gte]": "10.5",
        createdAt: { lt: "2026-01-01" },
        "status[in]": "active,paused",
        "name[contains]": "Acme",
        "notes[null]": "true",
        id: "7",
      },
      shape,
    );
    expect(q.where).toEqual({
      AND: [
        { amount: { gte: new Prisma.Decimal("10.5") } },
        { createdAt: { lt: new Date("2026-01-01T00:00:00.000Z") } },
        { status: { in: ["active", "paused"] } },
        { name: { contains: "Acme", mode: "insensitive" } },
        { notes: null },
        { id: 7 },
      ],
    });
    expect(parseListQuery({ "amount[null]": "false" }, shape).where).toEqual({ AND: [{ amount: { not: null } }] });
  });

  it("refuses bad operators and values, naming the parameter as written", () => {
    expect(refusedFields({ "amount[gt]": "ten" })).toEqual(["amount[gt]"]);
    expect(refusedFields({ "name[gt]": "a" })).toEqual(["name[gt]"]);
    expect(refusedFields({ "status[contains]": "act" })).toEqual(["status[contains]"]);
    expect(refusedFields({ "id[like]": "1" })).toEqual(["id[like]"]);
    expect(refusedFields({ "id[gt]": "1" })).toEqual(["id[gt]"]);
    expect(refusedFields({ "name[null]": "true" })).toEqual(["name[null]"]);
    expect(refusedFields({ "notes[null]": "maybe" })).toEqual(["notes[null]"]);
    expect(refusedFields({ meta: "x" })).toEqual(["meta"]);
    expect(refusedFields({ passwordHash: "x" })).toEqual(["passwordHash"]);
    expect(refusedFields({ createdAt: { gt: "yesterday" } })).toEqual(["createdAt[gt]"]);
    expect(refusedFields({ limit: "0", total: "yes", q: ["a", "b"] })).toEqual(["limit", "total", "q"]);
  });

  it("refuses text PostgreSQL cannot store, years beyond 1-9999 and cursors beyond int4, naming the parameter", () => {
    expect(refusedFields({ name: "a\u0000b" })).toEqual(["name"]);
    expect(refusedFields({ "notes[contains]": "x\uD800" })).toEqual(["notes[contains]"]);
    expect(refusedFields({ q: "a\u0000" })).toEqual(["q"]);
    expect(refusedFields({ createdAt: "0000-01-01" })).toEqual(["createdAt"]);
    expect(() => parseListQuery({ "createdAt[lt]": "1999-01-01" }, shape)).not.toThrow();
    const overflow = Buffer.from(JSON.stringify([2147483648])).toString("base64url");
    expect(refusedFields({ cursor: overflow })).toEqual(["cursor"]);
    const nulText = Buffer.from(JSON.stringify(["name", "a\u0000", 1])).toString("base64url");
    expect(refusedFields({ sort: "name", cursor: nulText })).toEqual(["cursor"]);
  });

  it("gives an export the list's filters and refuses paging by name", () => {
    expect(parseExportQuery({ status: "active" }, shape)).toEqual({ AND: [{ status: "active" }] });
    expect(() => parseExportQuery({ name: "a\u0000" }, shape)).toThrow(/name/);
    expect(() => parseExportQuery({ limit: "10", cursor: "x" }, shape)).toThrow(/limit: .*; cursor: /);
  });

  it("searches the text columns with q", () => {
    expect(parseListQuery({ q: " 50%_off ", total: "true" }, shape)).toMatchObject({
      total: true,
      where: {
        AND: [
          {
            OR: [
              { name: { contains: "50\\%\\_off", mode: "insensitive" } },
              { notes: { contains: "50\\%\\_off", mode: "insensitive" } },
            ],
          },
        ],
      },
    });
  });

  it("round-trips a cursor of its sort and refuses one of another sort", () => {
    const q = parseListQuery({ sort: "-amount,name" }, shape);
    const cursor = encodeListCursor(q.sort, q.order, { amount: new Prisma.Decimal("12.50"), name: "b", id: 4 });
    const next = parseListQuery({ sort: "-amount,name", cursor }, shape);
    expect(next.after).toEqual({
      OR: [
        { OR: [{ amount: { lt: new Prisma.Decimal("12.5") } }, { amount: null }] },
        { AND: [{ amount: new Prisma.Decimal("12.5") }, { name: { gt: "b" } }] },
        { AND: [{ amount: new Prisma.Decimal("12.5") }, { name: "b" }, { id: { lt: 4 } }] },
      ],
    });
    expect(refusedFields({ sort: "name", cursor })).toEqual(["cursor"]);
    expect(refusedFields({ cursor })).toEqual(["cursor"]);
    expect(refusedFields({ cursor: "garbage" })).toEqual(["cursor"]);
  });

  it("after a null of a nullable key only the rows with that null and a later key follow", () => {
    const q = parseListQuery({ sort: "amount" }, shape);
    expect(afterValues(q.order, [null, 9])).toEqual({ AND: [{ amount: null }, { id: { lt: 9 } }] });
  });
});
