// The query string of a REST list (`GET /<module>/<table>`), parsed into what Prisma runs:
// - `limit`, `cursor`: keyset pages; the cursor holds the ordering values of the page's last row;
// - `sort=-createdAt,name`: up to MAX_SORT_KEYS columns of the table's sortable ones, `-` for
//   descending; the table's keyset columns (newest first) end every order, so that it is total;
// - `col=value` equality on any readable column; `col[op]=value` (Stripe style) on the spec's filter
//   columns: eq, in (comma list), gt/gte/lt/lte on numbers and dates, contains on text, null=true|false;
// - `q`: a case-insensitive search over the table's text columns (% and _ match themselves);
// - `total=true`: ask for the size of the filtered set (never counted otherwise).
// Every refusal is a 400 naming the parameter as the client wrote it (`amount[gt]`, `sort`).
import { Prisma } from "@prisma/client";
import { INT4, type Column } from "../db/columns.js";
import { AppError, type FieldError } from "../lib/errors.js";
import { invalidCursor } from "../lib/keyset.js";
import { queryDateProblem, textProblem } from "../lib/input-rules.js";

export const MAX_SORT_KEYS = 3;
export const MAX_IN_VALUES = 100;
export const MAX_SEARCH_LENGTH = 200;

export type FilterOp = "eq" | "in" | "gt" | "gte" | "lt" | "lte" | "contains" | "null";
export const FILTER_OPS: readonly FilterOp[] = ["eq", "in", "gt", "gte", "lt", "lte", "contains", "null"];

/** What a list may be asked: its readable columns and which of them filter, sort and search. */
export interface ListShape {
  /** Readable columns (no secret ones). */
  columns: readonly Column[];
  /** Columns that take the operators; every readable non-JSON column takes equality. */
  filterable: ReadonlySet<string>;
  sortable: ReadonlySet<string>;
  /** Text columns `q` searches. */
  searchable: readonly string[];
  /** The keyset order's columns (unique together), newest first. */
  keys: readonly Column[];
  defaultLimit: number;
  maxLimit: number;
}

export interface SortKey {
  column: Column;
  direction: "asc" | "desc";
}

export interface ListQuery {
  limit: number;
  /** The order: the requested keys, then the keyset columns not among them. */
  order: SortKey[];
  /** `sort` as given, normalised ("" when absent); a cursor belongs to one sort. */
  sort: string;
  /** Filters and search, without the cursor. */
  where: Record<string, unknown>;
  /** The cursor's "after these values" condition, when a cursor was given. */
  after: Record<string, unknown> | null;
  total: boolean;
}

const RESERVED = new Set(["limit", "cursor", "sort", "q", "total"]);

class Refusals {
  readonly errors: FieldError[] = [];
  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }
  throwIfAny(): void {
    if (this.errors.length) {
      throw new AppError("validation", this.errors.map((e) => `${e.field}: ${e.message}`).join("; "), this.errors);
    }
  }
}

/** Operators a column's type allows. */
export function opsFor(column: Column): FilterOp[] {
  const ops: FilterOp[] = ["eq"];
  switch (column.type) {
    case "Int":
    case "Decimal":
      ops.push("in", "gt", "gte", "lt", "lte");
      break;
    case "DateTime":
      ops.push("gt", "gte", "lt", "lte");
      break;
    case "String":
      ops.push("in", "contains");
      break;
    case "enum":
      ops.push("in");
      break;
    default:
      break;
  }
  if (column.nullable) ops.push("null");
  return ops;
}

/** One value for a column, from its text; an Error's message says why it is refused. */
export function parseValue(column: Column, text: string): unknown {
  switch (column.type) {
    case "Int": {
      if (!/^-?\d{1,10}$/.test(text)) throw new Error("must be an integer");
      const n = Number(text);
      if (n < INT4.min || n > INT4.max) throw new Error("is out of range");
      return n;
    }
    case "Decimal":
      if (!/^-?\d{1,20}(\.\d{1,10})?$/.test(text)) throw new Error("must be a decimal number");
      return new Prisma.Decimal(text);
    case "Boolean":
      if (text !== "true" && text !== "false") throw new Error("must be true or false");
      return text === "true";
    case "enum":
      if (!column.values!.includes(text)) throw new Error(`must be one of ${column.values!.join(", ")}`);
      return text;
    case "DateTime": {
      const date = /^\d{4}-\d{2}-\d{2}$/.test(text)
        ? new Date(`${text}T00:00:00.000Z`)
        : !column.dateOnly && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)
          ? new Date(text)
          : null;
      if (!date || Number.isNaN(date.getTime())) {
        throw new Error(column.dateOnly ? "must be a date (YYYY-MM-DD)" : "must be an ISO 8601 date or date-time");
      }
      const problem = queryDateProblem(date);
      if (problem) throw new Error(problem);
      return date;
    }
    case "String": {
      if (text.length > 1000) throw new Error("is too long");
      const problem = textProblem(text);
      if (problem) throw new Error(problem);
      return text;
    }
    default:
      throw new Error("cannot be filtered on");
  }
}

/** The operators of one filter parameter: `col=v` (eq) or `col[op]=v`, however the query parser gave it. */
function filterEntries(key: string, raw: unknown, refusals: Refusals): [string, FilterOp | string, unknown][] {
  const bracket = /^([A-Za-z_][A-Za-z0-9_]*)\[([A-Za-z]+)\]$/.exec(key);
  if (bracket) return [[bracket[1]!, bracket[2]!, raw]];
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    return Object.entries(raw as Record<string, unknown>).map(([op, value]) => [key, op, value]);
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
    refusals.add(key, "is not a filter of this table");
    return [];
  }
  return [[key, "eq", raw]];
}

function sortOf(raw: unknown, shape: ListShape, refusals: Refusals): SortKey[] {
  if (raw === undefined) return [];
  if (typeof raw !== "string" || raw === "") {
    refusals.add("sort", "must be given once, as a comma list of columns");
    return [];
  }
  const parts = raw.split(",");
  if (parts.length > MAX_SORT_KEYS) {
    refusals.add("sort", `takes at most ${MAX_SORT_KEYS} columns`);
    return [];
  }
  const keys: SortKey[] = [];
  for (const part of parts) {
    const descending = part.startsWith("-");
    const name = descending ? part.slice(1) : part;
    const column = shape.columns.find((c) => c.name === name);
    if (!column || !shape.sortable.has(name)) {
      refusals.add("sort", `cannot sort by ${JSON.stringify(name.slice(0, 64))}`);
      continue;
    }
    if (keys.some((k) => k.column.name === name)) {
      refusals.add("sort", `names ${name} twice`);
      continue;
    }
    keys.push({ column, direction: descending ? "desc" : "asc" });
  }
  return keys;
}

/** `contains` of a text, matched case-insensitively, with LIKE's wildcards taken literally. */
export function containsText(text: string): { contains: string; mode: "insensitive" } {
  return { contains: text.replace(/[\\%_]/g, (c) => `\\${c}`), mode: "insensitive" };
}

/** The parsed list query; 400 naming each refused parameter. */
export function parseListQuery(input: unknown, shape: ListShape): ListQuery {
  const query = (input ?? {}) as Record<string, unknown>;
  const refusals = new Refusals();

  let limit = shape.defaultLimit;
  if (query.limit !== undefined) {
    const text = query.limit;
    if (typeof text !== "string" || !/^\d{1,4}$/.test(text)) refusals.add("limit", "must be a whole number");
    else if (Number(text) < 1 || Number(text) > shape.maxLimit) {
      refusals.add("limit", `must be between 1 and ${shape.maxLimit}`);
    } else limit = Number(text);
  }

  let total = false;
  if (query.total !== undefined) {
    if (query.total !== "true" && query.total !== "false") refusals.add("total", "must be true or false");
    else total = query.total === "true";
  }

  const requested = sortOf(query.sort, shape, refusals);
  const order = [...requested];
  // The keyset columns end the order (unless already in it), newest first: the order is total.
  if (!requested.some((k) => k.column.isId)) {
    for (const key of shape.keys) {
      if (!order.some((k) => k.column.name === key.name)) order.push({ column: key, direction: "desc" });
    }
  }
  const sort = requested.map((k) => `${k.direction === "desc" ? "-" : ""}${k.column.name}`).join(",");

  const conditions: Record<string, unknown>[] = [];
  if (query.q !== undefined) {
    if (typeof query.q !== "string") refusals.add("q", "must be given once");
    else if (query.q.length > MAX_SEARCH_LENGTH) refusals.add("q", `must be at most ${MAX_SEARCH_LENGTH} characters`);
    else if (textProblem(query.q)) refusals.add("q", textProblem(query.q)!);
    else if (!shape.searchable.length) refusals.add("q", "this list has no text column to search");
    else if (query.q.trim() !== "") {
      const needle = containsText(query.q.trim());
      conditions.push({ OR: shape.searchable.map((name) => ({ [name]: needle })) });
    }
  }

  for (const [key, raw] of Object.entries(query)) {
    if (RESERVED.has(key)) continue;
    for (const [name, op, value] of filterEntries(key, raw, refusals)) {
      const param = op === "eq" && !key.includes("[") && typeof raw !== "object" ? name : `${name}[${op}]`;
      const column = shape.columns.find((c) => c.name === name);
      if (!column || column.type === "Json") {
        refusals.add(param, "is not a filter of this table");
        continue;
      }
      if (!(FILTER_OPS as readonly string[]).includes(op)) {
        refusals.add(param, `is not an operator; use one of ${FILTER_OPS.join(", ")}`);
        continue;
      }
      if (op !== "eq" && !shape.filterable.has(name)) {
        refusals.add(param, "cannot be filtered on with an operator (equality only)");
        continue;
      }
      if (!opsFor(column).includes(op as FilterOp)) {
        refusals.add(param, `does not apply to this column; use one of ${opsFor(column).join(", ")}`);
        continue;
      }
      if (typeof value !== "string") {
        refusals.add(param, "must be given once");
        continue;
      }
      try {
        conditions.push({ [name]: condition(column, op as FilterOp, value) });
      } catch (error) {
        refusals.add(param, (error as Error).message);
      }
    }
  }

  let after: Record<string, unknown> | null = null;
  if (query.cursor !== undefined) {
    if (typeof query.cursor !== "string" || query.cursor.length > 2000)
      refusals.add("cursor", "is not a cursor of this list");
    else {
      try {
        after = afterValues(order, decodeListCursor(query.cursor, sort, order));
      } catch (error) {
        if (error instanceof AppError) refusals.add("cursor", "is not a cursor of this list");
        else throw error;
      }
    }
  }
  refusals.throwIfAny();
  return { limit, order, sort, where: conditions.length ? { AND: conditions } : {}, after, total };
}

/** Parameters of a list that an export (all rows, newest first) does not take. */
const PAGING = ["limit", "cursor", "sort", "total"] as const;

/** The filters of an export: the list's filters and `q`; paging and sort parameters are refused by name. */
export function parseExportQuery(input: unknown, shape: ListShape): Record<string, unknown> {
  const query = (input ?? {}) as Record<string, unknown>;
  const paging = PAGING.filter((name) => query[name] !== undefined);
  if (paging.length) {
    const errors = paging.map((field) => ({ field, message: "does not apply to an export (all rows, newest first)" }));
    throw new AppError("validation", errors.map((e) => `${e.field}: ${e.message}`).join("; "), errors);
  }
  return parseListQuery(query, shape).where;
}

function condition(column: Column, op: FilterOp, text: string): unknown {
  switch (op) {
    case "eq":
      return parseValue(column, text);
    case "in": {
      const items = text.split(",");
      if (items.length > MAX_IN_VALUES) throw new Error(`takes at most ${MAX_IN_VALUES} values`);
      return { in: items.map((item) => parseValue(column, item)) };
    }
    case "contains":
      if (text === "") throw new Error("must not be empty");
      return containsText(String(parseValue(column, text)));
    case "null":
      if (text !== "true" && text !== "false") throw new Error("must be true or false");
      return text === "true" ? null : { not: null };
    default:
      return { [op]: parseValue(column, text) };
  }
}

/** Prisma's orderBy for the order; nulls come last whatever the direction (the cursor relies on it). */
export function orderByOf(order: readonly SortKey[]): Record<string, unknown>[] {
  return order.map(({ column, direction }) => ({
    [column.name]: column.nullable ? { sort: direction, nulls: "last" } : direction,
  }));
}

type CursorValue = string | number | boolean | null;

function cursorValue(column: Column, value: unknown): CursorValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (column.type === "Decimal") return String(value);
  return value as CursorValue;
}

/** The cursor after a row: the sort it belongs to, then its ordering values. */
export function encodeListCursor(sort: string, order: readonly SortKey[], row: Record<string, unknown>): string {
  const values = order.map((k) => cursorValue(k.column, row[k.column.name]));
  // The default order keeps the plain form: its values only.
  return Buffer.from(JSON.stringify(sort ? [sort, ...values] : values)).toString("base64url");
}

function decodeListCursor(cursor: string, sort: string, order: readonly SortKey[]): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed)) throw invalidCursor();
  const values = sort ? (parsed[0] === sort ? parsed.slice(1) : null) : parsed;
  if (!values || values.length !== order.length) throw invalidCursor();
  return order.map(({ column }, i) => {
    const value: unknown = values[i];
    if (value === null) {
      if (column.nullable) return null;
      throw invalidCursor();
    }
    switch (column.type) {
      case "Int":
        if (Number.isInteger(value) && (value as number) >= INT4.min && (value as number) <= INT4.max) return value;
        break;
      case "DateTime":
        if (typeof value === "string" && !queryDateProblem(new Date(value))) return new Date(value);
        break;
      case "Decimal":
        if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) return new Prisma.Decimal(value);
        break;
      case "Boolean":
        if (typeof value === "boolean") return value;
        break;
      case "String":
      case "enum":
        if (typeof value === "string" && !textProblem(value)) return value;
        break;
      default:
        break;
    }
    throw invalidCursor();
  });
}

/**
 * "After these values" in the order, each key with its own direction, nulls last:
 * (k1 after v1) OR (k1 = v1 AND k2 after v2) OR ...; after a null nothing follows in that key but
 * other nulls, and after a value come the greater (or smaller) values and then the nulls.
 */
export function afterValues(order: readonly SortKey[], values: readonly unknown[]): Record<string, unknown> {
  const or: Record<string, unknown>[] = [];
  for (let i = 0; i < order.length; i++) {
    const { column, direction } = order[i]!;
    const value = values[i];
    const equal = order.slice(0, i).map((k, j) => ({ [k.column.name]: values[j] ?? null }));
    if (value === null || value === undefined) continue;
    const beyond = { [column.name]: { [direction === "asc" ? "gt" : "lt"]: value } };
    const next = column.nullable ? { OR: [beyond, { [column.name]: null }] } : beyond;
    or.push(equal.length ? { AND: [...equal, next] } : next);
  }
  // Past the last row of a total order nothing remains (a list of only nulls ends at the key).
  return or.length === 0 ? { AND: [{ [order[0]!.column.name]: { in: [] } }] } : or.length === 1 ? or[0]! : { OR: or };
}
