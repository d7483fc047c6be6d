// Generic REST routes for every table spec of the modules: /admin/api/v1/<module>/<table> (DESIGN.md 3-6).
//
// Built from the same table specs as the AdminJS resources (src/db/table-spec.ts), never from a screen:
// - who may do what: tablePermission(spec, action), checked with can() per request; an action the
//   spec switches off has no route;
// - what may be written: the spec's writable columns, each checked by its one schema (src/db/columns.ts);
//   read-only, workflow-owned, secret and unknown fields are refused by name;
// - every write in one transaction with its admin_activity_log row, or through the module's service
//   writes; database refusals through the one mapper (src/db/pg-errors.ts);
// - secret columns are never selected for an answer and never serialised.
import { once } from "node:events";
import { Prisma, type PrismaClient } from "@prisma/client";
import { Router, type RequestHandler, type Response } from "express";
import { z } from "zod";
import { loadModels } from "../db/dmmf.js";
import { checkWrite, columnSchema, jsonValue, reasonText, INT4, type Column } from "../db/columns.js";
import { ColumnRefusal, tableWriteError } from "../db/pg-errors.js";
import { describeTable, tablePermission, type Table } from "../db/tables.js";
import type { RecordWrites, TableSpec, WriteDeps } from "../db/table-spec.js";
import { forgetCounts, knownSets, KNOWN_SET_ENTRIES } from "../db/count-cache.js";
import { writeAudit } from "../lib/audit.js";
import { MODULE_PERMISSIONS } from "../modules/auth/permissions.js";
import { asyncRoute, requireApiPermission } from "./bearer-auth.js";
import { AppError, fieldErrorsFromZod, type FieldError } from "../lib/errors.js";
import { columnBounds, type ApiOperation, type NamedSchema } from "./openapi.js";
import { csvField } from "../lib/csv.js";
import { etagOf, ifMatchAllows, sendPreconditionFailed } from "./etag.js";
import {
  encodeListCursor,
  orderByOf,
  parseExportQuery,
  parseListQuery,
  MAX_SORT_KEYS,
  type ListShape,
} from "./list-query.js";

type Row = Record<string, unknown>;
type Db = PrismaClient | Prisma.TransactionClient;

interface Delegate {
  findMany(args: object): Promise<Row[]>;
  findUnique(args: object): Promise<Row | null>;
  create(args: object): Promise<Row>;
  update(args: object): Promise<Row>;
  delete(args: object): Promise<Row>;
}

const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 20;
const EXPORT_BATCH = 500;

function delegateOf(db: Db, table: Table): Delegate {
  const { name } = table.model;
  return (db as unknown as Record<string, Delegate>)[name.charAt(0).toLowerCase() + name.slice(1)]!;
}

const modulePath = (module: string) => module.replace(/_/g, "-");

/** /<module-path>/<table> */
export const tablePath = (table: Pick<Table, "module" | "table">) => `/${modulePath(table.module)}/${table.table}`;

/** The table's shown columns, worked out once per table rather than once per row. */
const shownColumns = new WeakMap<Table, Column[]>();

function serialize(table: Table, row: Row): Row {
  let columns = shownColumns.get(table);
  if (!columns) shownColumns.set(table, (columns = table.columns.filter((column) => !column.secret)));
  const out: Row = {};
  for (const column of columns) out[column.name] = jsonValue(column, row[column.name]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------------------------

/** The column as an answer carries it (documentation only). */
function outputSchema(column: Column): z.ZodType {
  let schema: z.ZodType;
  switch (column.type) {
    case "Int":
      schema = z.number().int();
      break;
    case "Boolean":
      schema = z.boolean();
      break;
    case "enum":
      schema = z.enum(column.values as [string, ...string[]]);
      break;
    case "DateTime":
      schema = column.dateOnly ? z.iso.date() : z.iso.datetime();
      break;
    case "Decimal":
      schema = z
        .string()
        .regex(/^-?\d+\.\d+$/)
        .describe("exact decimal, as text");
      break;
    case "Json":
      schema = z.unknown();
      break;
    default:
      schema = z.string();
  }
  return column.nullable ? schema.nullable() : schema;
}

/** A query-string filter value for a column: equality, parsed per type. */
function filterSchema(column: Column): z.ZodType {
  const text = z.string("must be given once");
  switch (column.type) {
    case "Int":
      return text
        .regex(/^-?\d{1,10}$/, "must be an integer")
        .transform(Number)
        .refine((n) => n >= INT4.min && n <= INT4.max, "is out of range");
    case "Boolean":
      return z.enum(["true", "false"], "must be true or false").transform((v) => v === "true");
    case "enum":
      return z.enum(column.values as [string, ...string[]], `must be one of ${column.values!.join(", ")}`);
    case "DateTime":
      return (column.dateOnly ? z.iso.date() : z.union([z.iso.datetime({ offset: true }), z.iso.date()])).transform(
        (s) => new Date(s),
      );
    case "Decimal":
      return text.regex(/^-?\d+(\.\d+)?$/, "must be a decimal number").transform((v) => new Prisma.Decimal(v));
    default:
      return text;
  }
}

interface TableSchemas {
  /** Documentation of the bodies; what is accepted is decided by checkWrite (src/db/columns.ts). */
  create: z.ZodObject;
  update: z.ZodObject;
  record: z.ZodObject;
  page: z.ZodObject;
  query: z.ZodObject;
  exportQuery: z.ZodObject;
}

/** A column's write schema, with the bounds its refinements check shown in the document. */
const documentedSchema = (column: Column) => columnSchema(column).meta(columnBounds(column));

function tableSchemas(table: Table): TableSchemas {
  const writable = table.columns.filter((c) => c.write);
  const filterable = table.columns.filter((c) => !c.secret && c.type !== "Json");
  const filters = Object.fromEntries(filterable.map((c) => [c.name, filterSchema(c).optional()]));
  const record = z.object(
    Object.fromEntries(table.columns.filter((c) => !c.secret).map((c) => [c.name, outputSchema(c)])),
  );
  const inputs = Object.entries(table.spec.createInputs ?? {});
  return {
    create: z.strictObject({
      ...Object.fromEntries(
        writable.map((c) => [
          c.name,
          c.nullable || c.hasDefault ? documentedSchema(c).optional() : documentedSchema(c),
        ]),
      ),
      ...Object.fromEntries(inputs),
    }),
    update: z.strictObject(
      Object.fromEntries(
        writable.filter((c) => c.write === "always").map((c) => [c.name, documentedSchema(c).optional()]),
      ),
    ),
    record,
    page: z.object({
      data: z.array(record),
      nextCursor: z.string().nullable().describe("pass as `cursor` for the next page; null on the last page"),
      hasMore: z.boolean().describe("whether rows follow this page"),
      total: z.number().int().min(0).optional().describe("with `total=true`: the size of the filtered set"),
      totalEstimated: z
        .boolean()
        .optional()
        .describe(
          "with `total=true`: true when the set is larger than the exact-count limit and `total` is a lower bound",
        ),
    }),
    query: z.strictObject({
      limit: z
        .string()
        .regex(/^\d+$/, "must be a whole number")
        .transform(Number)
        .refine((n) => n >= 1 && n <= MAX_LIMIT, `must be between 1 and ${MAX_LIMIT}`)
        .optional()
        .describe(`rows per page, at most ${MAX_LIMIT} (default ${DEFAULT_LIMIT})`),
      cursor: z.string().max(2000).optional().describe("the nextCursor of the previous page (same sort and filters)"),
      sort: z
        .string()
        .optional()
        .describe(
          `up to ${MAX_SORT_KEYS} sortable columns, comma separated, \`-\` for descending: \`sort=-createdAt,name\``,
        ),
      q: z.string().max(200).optional().describe("case-insensitive search in the text columns"),
      total: z.enum(["true", "false"]).optional().describe("`true` adds `total` (and `totalEstimated`) to the page"),
      ...filters,
    }),
    exportQuery: z.strictObject(filters),
  };
}

/**
 * A JSON body of a generic create or update, checked column by column (src/db/columns.ts) and, on
 * create, the spec's create inputs by their schemas; nothing is written on a refusal.
 */
export function parseWrite(table: Table, body: unknown, mode: "create" | "update"): { data: Row; inputs: Row } {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new AppError("validation", "The body must be a JSON object", [
      { field: "(body)", message: "must be an object" },
    ]);
  }
  const specInputs = table.spec.createInputs ?? {};
  const columnsPart: Row = {};
  const inputs: Row = {};
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(body as Row)) {
    if (!(key in specInputs)) columnsPart[key] = value;
    else if (mode === "update") errors.push({ field: key, message: reasonText({ reason: "fieldCreateOnly" }) });
    else inputs[key] = value;
  }
  if (mode === "create") {
    for (const [key, schema] of Object.entries(specInputs)) {
      const parsed = schema.safeParse(inputs[key]);
      if (parsed.success) inputs[key] = parsed.data;
      else errors.push(...fieldErrorsFromZod(parsed.error).map((e) => ({ ...e, field: key })));
    }
  }
  const checked = checkWrite(table.columns, columnsPart, mode);
  if (checked.errors.length || errors.length) {
    const refusal = new ColumnRefusal("validation", checked.errors);
    if (!errors.length) throw refusal;
    const all = [...(refusal.errors ?? []), ...errors];
    throw new AppError("validation", all.map((e) => `${e.field}: ${e.message}`).join("; "), all);
  }
  return { data: checked.data, inputs };
}

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

function idWhere(table: Table, raw: string): Record<string, string | number> {
  const { idColumn } = table;
  if (idColumn.type === "Int") {
    const id = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
    if (!(id >= 1 && id <= INT4.max)) throw new AppError("not_found", `No ${table.table} row with id ${raw}`);
    return { [idColumn.name]: id };
  }
  return { [idColumn.name]: raw };
}

function encodeCursor(table: Table, row: Row): string {
  return Buffer.from(JSON.stringify(table.keys.map((k) => jsonValue(k, row[k.name])))).toString("base64url");
}

/** The rows after a cursor, newest first: (k1 < v1) OR (k1 = v1 AND k2 < v2). */
function cursorWhere(table: Table, cursor: string): Record<string, unknown> {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    values = null;
  }
  const bad = () =>
    new AppError("validation", "cursor: invalid", [{ field: "cursor", message: "is not a cursor of this list" }]);
  if (!Array.isArray(values) || values.length !== table.keys.length) throw bad();
  const typed = table.keys.map((key, i) => {
    const value = values[i];
    if (key.type === "Int" && Number.isSafeInteger(value)) return value as number;
    if (key.type === "DateTime" && typeof value === "string" && !Number.isNaN(Date.parse(value)))
      return new Date(value);
    if (key.type === "String" && typeof value === "string") return value;
    throw bad();
  });
  const or = table.keys.map((key, i) => ({
    ...Object.fromEntries(table.keys.slice(0, i).map((k, j) => [k.name, typed[j]])),
    [key.name]: { lt: typed[i] },
  }));
  return or.length === 1 ? or[0]! : { OR: or };
}

function orderBy(table: Table): Record<string, "desc">[] {
  return table.keys.map((k) => ({ [k.name]: "desc" as const }));
}

/** One CSV cell. Text that a spreadsheet would run as a formula is prefixed with ' (CSV injection). */
function csvCell(column: Column, value: unknown): string {
  const plain = jsonValue(column, value);
  if (plain === null) return "";
  const text = typeof plain === "string" ? plain : JSON.stringify(plain);
  return csvField(text, column.type === "String" || column.type === "Json" ? "text" : "figure");
}

async function streamCsv(prisma: PrismaClient, table: Table, where: Record<string, unknown>, res: Response) {
  const columns = table.columns.filter((c) => !c.secret);
  const stamp = new Date().toISOString().slice(0, 10);
  res.status(200);
  res.set({
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${table.table}-${stamp}.csv"`,
    "Cache-Control": "no-store",
  });
  let closed = false;
  res.on("close", () => (closed = true));
  const write = async (text: string) => {
    if (!res.write(text)) await once(res, "drain");
  };
  await write(`${columns.map((c) => c.name).join(",")}\r\n`);
  let after: Record<string, unknown> | null = null;
  // Keyset batches: constant memory whatever the table's size, and the client's pace (drain) sets ours.
  while (!closed) {
    const rows = await delegateOf(prisma, table).findMany({
      where: after ? { AND: [where, after] } : where,
      select: table.select,
      orderBy: orderBy(table),
      take: EXPORT_BATCH,
    });
    if (rows.length) {
      await write(rows.map((row) => `${columns.map((c) => csvCell(c, row[c.name])).join(",")}\r\n`).join(""));
    }
    if (rows.length < EXPORT_BATCH) break;
    after = cursorWhere(table, encodeCursor(table, rows[rows.length - 1]!));
  }
  res.end();
}

/** What a REST list of the table may be asked (src/http/list-query.ts), from its spec. */
export function listShape(table: Table): ListShape {
  const readable = table.columns.filter((c) => !c.secret);
  // A spec names a reference by its relation (`customer`); the list filters its key column.
  const columnNamed = (name: string) => readable.find((c) => c.name === name || c.relation?.field === name)?.name;
  const names = (list: readonly string[]) => new Set(list.map(columnNamed).filter((n): n is string => n !== undefined));
  return {
    columns: readable,
    filterable: names(table.spec.filters ?? []),
    sortable: table.spec.sorts
      ? names(table.spec.sorts)
      : new Set(readable.filter((c) => c.type !== "Json" && !c.rule.text).map((c) => c.name)),
    searchable: readable.filter((c) => c.type === "String" && !c.relation).map((c) => c.name),
    keys: table.keys,
    defaultLimit: DEFAULT_LIMIT,
    maxLimit: MAX_LIMIT,
  };
}

/**
 * The size of a filtered set: exact up to `limit` rows (a count that stops at limit + 1), above it
 * `limit + 1` marked as estimated; the proof that a set is that large is remembered for a minute in
 * the lists' count cache, so that paging a big set does not count it again.
 */
async function countRows(
  prisma: PrismaClient,
  table: Table,
  where: Record<string, unknown>,
  limit: number,
): Promise<{ total: number; totalEstimated: boolean }> {
  const key = `${table.table}:rest:${limit}:${JSON.stringify(where)}`;
  const now = Date.now();
  const known = knownSets.get(key);
  if (known && known.provenUntil > now) return { total: Math.max(known.estimate, limit + 1), totalEstimated: true };
  const counter = (prisma as unknown as Record<string, { count(args: object): Promise<number> }>)[
    table.model.name.charAt(0).toLowerCase() + table.model.name.slice(1)
  ]!;
  const counted = await counter.count({ where, take: limit + 1 });
  if (counted <= limit) return { total: counted, totalEstimated: false };
  if (knownSets.size >= KNOWN_SET_ENTRIES) knownSets.delete(knownSets.keys().next().value!);
  knownSets.set(key, { estimate: counted, estimatedUntil: now + 60_000, provenUntil: now + 60_000 });
  return { total: counted, totalEstimated: true };
}

// ---------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------

export interface CrudApi {
  router: Router;
  operations: ApiOperation[];
}

function methodNotAllowed(allow: string[]): RequestHandler {
  return (req, res) => {
    res
      .status(405)
      .set("Allow", allow.join(", "))
      .type("application/problem+json")
      .send(
        JSON.stringify({
          type: "https://locod-ai.dev/problems/method_not_allowed",
          title: "Method not allowed",
          status: 405,
          detail: `${req.method} is not allowed here; allowed: ${allow.join(", ")}`,
        }),
      );
  };
}

/** The plain writes of a table without service writes: the row and its audit row, in one transaction. */
function plainWrites(prisma: PrismaClient, table: Table): Required<RecordWrites> {
  const idOf = (id: string) => idWhere(table, id);
  return {
    create: (data) =>
      prisma.$transaction(async (tx) => {
        const row = await delegateOf(tx, table).create({ data });
        await writeAudit(tx, { action: "create", resourceType: table.table, resourceId: row.id as number, after: row });
        return row;
      }),
    update: (id, data) =>
      prisma.$transaction(async (tx) => {
        const where = idOf(id);
        const before = await delegateOf(tx, table).findUnique({ where });
        if (!before) throw new AppError("not_found", `No ${table.table} row with id ${id}`);
        const after = await delegateOf(tx, table).update({ where, data });
        await writeAudit(tx, {
          action: "update",
          resourceType: table.table,
          resourceId: after.id as number | string,
          before,
          after,
        });
        return after;
      }),
    delete: (id) =>
      prisma.$transaction(async (tx) => {
        const where = idOf(id);
        const before = await delegateOf(tx, table).findUnique({ where });
        if (!before) throw new AppError("not_found", `No ${table.table} row with id ${id}`);
        await delegateOf(tx, table).delete({ where });
        await writeAudit(tx, {
          action: "delete",
          resourceType: table.table,
          resourceId: before.id as number | string,
          before,
        });
      }),
  };
}

function tableRoutes(deps: WriteDeps, table: Table, router: Router, operations: ApiOperation[]): void {
  const { prisma } = deps;
  const { spec, module, model } = table;
  const path = tablePath(table);
  const schemas = tableSchemas(table);
  const shape = listShape(table);
  const countSet = (t: Table, where: Record<string, unknown>) =>
    countRows(prisma, t, where, deps.config.listExactCountLimit);
  const named = (suffix: string, schema: z.ZodType): NamedSchema => ({ name: `${model.name}${suffix}`, schema });
  const recordSchema = named("", schemas.record);
  const guard = (permission: string) => requireApiPermission(module, permission);
  const qualified = (permission: string) => `${module}.${permission}`;
  const idType = table.idColumn.type === "Int" ? ("integer" as const) : ("string" as const);
  const collection: string[] = [];
  const member: string[] = [];
  const service = spec.writes?.(deps) ?? {};
  const writes = { ...plainWrites(prisma, table), ...service };
  const reread = async (id: unknown) =>
    (await delegateOf(prisma, table).findUnique({ where: idWhere(table, String(id)), select: table.select }))!;

  const list = tablePermission(spec, "list");
  const show = tablePermission(spec, "show");
  const create = tablePermission(spec, "new");
  const update = tablePermission(spec, "edit");
  const remove = tablePermission(spec, "delete");
  const exportable = (MODULE_PERMISSIONS[module] as readonly string[]).includes("export");

  // Before /:id, which would take "export.csv" for an id.
  if (list && exportable) {
    router.get(
      `${path}/export.csv`,
      guard(list),
      guard("export"),
      asyncRoute(async (req, res) => {
        const where = parseExportQuery(req.query, shape);
        await writeAudit(prisma, { action: "export", resourceType: table.table, after: { filters: req.query } });
        await streamCsv(prisma, table, where, res);
      }),
    );
    operations.push({
      method: "get",
      path: `${path}/export.csv`,
      tag: modulePath(module),
      summary: `Export ${table.table} as CSV (streamed, newest first)`,
      permission: list === "export" ? qualified(list) : `${qualified(list)} + ${qualified("export")}`,
      query: schemas.exportQuery,
      responses: { 200: { description: "CSV, one row per record", contentType: "text/csv" } },
    });
  }

  if (list) {
    collection.push("GET");
    router.get(
      path,
      guard(list),
      asyncRoute(async (req, res) => {
        const query = parseListQuery(req.query, shape);
        const delegate = delegateOf(prisma, table);
        const where = query.after ? { AND: [query.where, query.after] } : query.where;
        const [rows, total] = await Promise.all([
          delegate.findMany({ where, select: table.select, orderBy: orderByOf(query.order), take: query.limit + 1 }),
          query.total ? countSet(table, query.where) : null,
        ]);
        const page = rows.slice(0, query.limit);
        const hasMore = rows.length > query.limit;
        res.json({
          data: page.map((row) => serialize(table, row)),
          nextCursor: hasMore ? encodeListCursor(query.sort, query.order, page[page.length - 1]!) : null,
          hasMore,
          ...(total ?? {}),
        });
      }),
    );
    operations.push({
      method: "get",
      path,
      tag: modulePath(module),
      summary: `List ${table.table}, newest first unless sorted (keyset pages)`,
      description:
        "Other query parameters filter: `col=value` by equality on any column; on the filter columns " +
        `(${[...shape.filterable].join(", ") || "none"}) also \`col[op]=value\` with op one of eq, in (comma list), ` +
        "gt, gte, lt, lte (numbers and dates), contains (text), null (true/false). " +
        `Sortable: ${[...shape.sortable].join(", ")}.`,
      permission: qualified(list),
      query: schemas.query,
      responses: { 200: { description: "A page of records", schema: named("Page", schemas.page) } },
    });
  }

  if (show) {
    member.push("GET");
    router.get(
      `${path}/:id`,
      guard(show),
      asyncRoute(async (req, res) => {
        const row = await delegateOf(prisma, table).findUnique({
          where: idWhere(table, req.params.id!),
          select: table.select,
        });
        if (!row) throw new AppError("not_found", `No ${table.table} row with id ${req.params.id}`);
        const record = serialize(table, row);
        res.set("ETag", etagOf(record)).json(record);
      }),
    );
    operations.push({
      method: "get",
      path: `${path}/{id}`,
      tag: modulePath(module),
      summary: `One ${table.table} record`,
      permission: qualified(show),
      idType,
      responses: {
        200: {
          description: "The record",
          schema: recordSchema,
          headers: { ETag: "the record's version, for If-Match" },
        },
      },
    });
  }

  if (create) {
    collection.push("POST");
    const unfilled = table.columns.filter(
      (c) => !c.nullable && !c.hasDefault && !c.write && !c.isId && c.name !== spec.author,
    );
    if (!service.create && unfilled.length) {
      // Start-up, not a request, finds a table whose API create could never succeed.
      throw new Error(
        `REST API: ${table.table} allows create, but ${unfilled.map((c) => c.name).join(", ")} is required and not writable`,
      );
    }
    router.post(
      path,
      guard(create),
      asyncRoute(async (req, res) => {
        const { data, inputs } = parseWrite(table, req.body ?? {}, "create");
        if (spec.author && req.admin) data[spec.author] = req.admin.id;
        const written = await writes.create({ ...data, ...inputs }).catch((error: unknown) => {
          throw tableWriteError(table, error, "write");
        });
        const created = await reread(written[table.idColumn.name]);
        res
          .status(201)
          .location(`${req.baseUrl}${path}/${encodeURIComponent(String(created[table.idColumn.name]))}`)
          .json(serialize(table, created));
      }),
    );
    operations.push({
      method: "post",
      path,
      tag: modulePath(module),
      summary: `Create a ${table.table} record`,
      description: "Unknown, read-only and workflow-owned fields are refused by name.",
      permission: qualified(create),
      body: named("Create", schemas.create),
      responses: {
        201: { description: "Created", schema: recordSchema, headers: { Location: "URL of the new record" } },
      },
    });
  }

  if (update) {
    member.push("PATCH");
    router.patch(
      `${path}/:id`,
      guard(update),
      asyncRoute(async (req, res) => {
        const where = idWhere(table, req.params.id!);
        const { data } = parseWrite(table, req.body ?? {}, "update");
        if (!Object.keys(data).length) {
          throw new AppError("validation", "Nothing to change", [
            { field: "(body)", message: "names no field to change" },
          ]);
        }
        const id = String(where[table.idColumn.name]);
        const ifMatch = req.get("if-match");
        if (ifMatch !== undefined) {
          const current = await delegateOf(prisma, table).findUnique({ where, select: table.select });
          if (!current) throw new AppError("not_found", `No ${table.table} row with id ${id}`);
          const tag = etagOf(serialize(table, current));
          if (!ifMatchAllows(ifMatch, tag)) return sendPreconditionFailed(res, tag);
        }
        await writes.update(id, data).catch((error: unknown) => {
          throw tableWriteError(table, error, "write");
        });
        const record = serialize(table, await reread(id));
        res.set("ETag", etagOf(record)).json(record);
      }),
    );
    operations.push({
      method: "patch",
      path: `${path}/{id}`,
      tag: modulePath(module),
      summary: `Change fields of a ${table.table} record`,
      description:
        "Only the fields sent change. Unknown, read-only and workflow-owned fields are refused by name. " +
        "With If-Match (the ETag of a GET), a record changed since is refused with 412.",
      permission: qualified(update),
      idType,
      body: named("Update", schemas.update),
      responses: {
        200: { description: "The record after the change", schema: recordSchema, headers: { ETag: "the new version" } },
        412: { description: "If-Match names an older version of the record" },
      },
    });
  }

  if (remove) {
    member.push("DELETE");
    router.delete(
      `${path}/:id`,
      guard(remove),
      asyncRoute(async (req, res) => {
        const where = idWhere(table, req.params.id!);
        await writes.delete(String(where[table.idColumn.name])).catch((error: unknown) => {
          throw tableWriteError(table, error, "delete");
        });
        // The admin lists' remembered row counts may now be too high (as after an AdminJS delete).
        forgetCounts();
        res.status(204).end();
      }),
    );
    operations.push({
      method: "delete",
      path: `${path}/{id}`,
      tag: modulePath(module),
      summary: `Delete a ${table.table} record`,
      permission: qualified(remove),
      idType,
      responses: { 204: { description: "Deleted" } },
    });
  }

  if (collection.length) router.all(path, methodNotAllowed(collection));
  if (member.length) router.all(`${path}/:id`, methodNotAllowed(member));
}

/** Routes for every table spec, in the order given; mounted after the bearer check. */
export async function crudRoutes(deps: WriteDeps, specs: readonly TableSpec[]): Promise<CrudApi> {
  const models = await loadModels();
  const router = Router();
  const operations: ApiOperation[] = [];
  for (const spec of specs) tableRoutes(deps, describeTable(spec, models), router, operations);
  return { router, operations };
}
