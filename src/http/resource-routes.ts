// Generic REST routes for every AdminJS resource: /admin/api/v1/<module>/<table> (DESIGN.md 3-6).
//
// The same rules as the admin screens, taken from the same places:
// - who may do what: permissionFor(access, action) of the resource, checked with can() per request;
//   an action the resource switches off (isAccessible: false, or no permission) has no route;
// - what may be written: the columns the AdminJS form edits (ids, created_at, secrets, read-only and
//   author columns never), typed from the Prisma DMMF with the form's own checks (range, pattern,
//   JSON shape), money rounded half-up to the column's cents;
// - every write in one transaction with its admin_activity_log row, as the AdminJS resource writes it;
// - secret columns are never selected for an answer and never serialised.
import { once } from "node:events";
import { $Enums, Prisma, type PrismaClient } from "@prisma/client";
import { Router, type RequestHandler, type Response } from "express";
import type AdminJS from "adminjs";
import { z } from "zod";
import { loadModels, type DmmfModel } from "../admin/dmmf.js";
import { permissionFor } from "../admin/access.js";
import { LocodPrismaResource } from "../admin/prisma-resource.js";
import { KitPrismaResource, adapterCause, type FieldCustom } from "../admin/resource-kit.js";
import type { Deps } from "../deps.js";
import { writeAudit } from "../lib/audit.js";
import { isKnownPermission, MODULE_PERMISSIONS, type PermissionModule } from "../modules/auth/permissions.js";
import { createAdminUser } from "../modules/auth/service.js";
import { ZNewAdmin } from "../modules/auth/schemas.js";
import { PASSWORD_PROBLEM_TEXT, passwordProblem } from "../modules/settings/password-policy.js";
import { updateAdminUser, type AdminChanges } from "../modules/settings/service.js";
import { asyncRoute, requireApiPermission } from "./bearer-auth.js";
import { AppError, fieldErrorsFromZod, type FieldError } from "../lib/errors.js";
import type { ApiOperation, NamedSchema } from "./openapi.js";
import { csvField } from "../lib/csv.js";

type DmmfField = DmmfModel["fields"][number];
type Row = Record<string, unknown>;
type Db = PrismaClient | Prisma.TransactionClient;

interface Delegate {
  findMany(args: object): Promise<Row[]>;
  findUnique(args: object): Promise<Row | null>;
  create(args: object): Promise<Row>;
  update(args: object): Promise<Row>;
  delete(args: object): Promise<Row>;
}

const INT4 = { min: -2147483648, max: 2147483647 };
const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 20;
const EXPORT_BATCH = 500;

/** A scalar or enum column of a table, as the API reads and writes it (Prisma field names). */
interface Column {
  name: string;
  dbName: string;
  type: "Int" | "String" | "Boolean" | "DateTime" | "Decimal" | "Json" | "enum";
  values?: string[];
  nullable: boolean;
  hasDefault: boolean;
  isId: boolean;
  dateOnly: boolean;
  scale: number;
  /** Decimal: the first amount the column cannot hold (10^(precision - scale)). */
  limit?: Prisma.Decimal;
  secret: boolean;
  writable: boolean;
  custom: FieldCustom;
}

/** Everything one table's routes need, derived once at start-up. */
interface Table {
  resource: KitPrismaResource;
  model: DmmfModel;
  name: string;
  module: PermissionModule;
  /** /<module-path>/<table> */
  path: string;
  columns: Column[];
  idColumn: Column;
  /** Keyset order: newest first, by id (or created_at then id when the id is not a counter). */
  keys: Column[];
  /** The created-by column, set to the acting admin on create (the resources' `author`). */
  authorColumn?: string;
  select: Record<string, true>;
}

function enumValues(name: string): string[] {
  const values = ($Enums as unknown as Record<string, Record<string, string> | undefined>)[name];
  if (!values) throw new Error(`Unknown Prisma enum ${name}`);
  return Object.values(values);
}

function delegateOf(db: Db, model: DmmfModel): Delegate {
  return (db as unknown as Record<string, Delegate>)[model.name.charAt(0).toLowerCase() + model.name.slice(1)]!;
}

const modulePath = (module: string) => module.replace(/_/g, "-");

// ---------------------------------------------------------------------------------------------
// The table as the API sees it
// ---------------------------------------------------------------------------------------------

function describeTable(resource: KitPrismaResource, model: DmmfModel): Table {
  const decorator = resource.decorate();
  const editable = new Set(decorator.getProperties({ where: "edit" }).map((p) => p.propertyPath));
  // A foreign key column is edited through its relation property (`customer` for customerId).
  const relationOf = new Map<string, DmmfField>();
  for (const field of model.fields) {
    if (field.kind === "object") for (const fk of field.relationFromFields ?? []) relationOf.set(fk, field);
  }
  const secrets = resource.secretFields;
  const columns: Column[] = model.fields
    .filter((f) => (f.kind === "scalar" || f.kind === "enum") && !f.isList)
    .map((f) => {
      const property = relationOf.get(f.name)?.name ?? f.name;
      const systemSet = (f.isId && f.hasDefaultValue) || f.name === "createdAt" || f.isUpdatedAt;
      const secret = secrets.includes(f.name);
      const [precision = "10", scale = "2"] = (f.nativeType?.[1] as string[] | undefined) ?? [];
      const type = f.kind === "enum" ? "enum" : f.type === "BigInt" ? "Int" : (f.type as Column["type"]);
      if (!["Int", "String", "Boolean", "DateTime", "Decimal", "Json", "enum"].includes(type)) {
        throw new Error(`REST API: ${model.name}.${f.name} has type ${f.type}, which the API cannot carry`);
      }
      return {
        name: f.name,
        dbName: f.dbName ?? f.name,
        type,
        ...(f.kind === "enum" ? { values: enumValues(f.type) } : {}),
        nullable: !f.isRequired,
        hasDefault: f.hasDefaultValue,
        isId: f.isId,
        dateOnly: f.nativeType?.[0] === "Date",
        scale: Number(scale),
        ...(type === "Decimal" ? { limit: new Prisma.Decimal(10).pow(Number(precision) - Number(scale)) } : {}),
        secret,
        writable: !systemSet && !secret && editable.has(property),
        custom: (decorator.getPropertyByKey(property)?.options.custom ?? {}) as FieldCustom,
      };
    });
  const idColumn = columns.find((c) => c.isId)!;
  const createdAt = columns.find((c) => c.name === "createdAt");
  const author = model.fields.find((f) => f.kind === "object" && f.name === "author" && f.type === "AdminUser");
  return {
    resource,
    model,
    name: resource.tableName,
    module: resource.access.module,
    path: `/${modulePath(resource.access.module)}/${resource.tableName}`,
    columns,
    idColumn,
    keys: idColumn.type === "Int" || !createdAt ? [idColumn] : [createdAt, idColumn],
    ...(author?.relationFromFields?.[0] ? { authorColumn: author.relationFromFields[0] } : {}),
    select: Object.fromEntries(columns.filter((c) => !c.secret).map((c) => [c.name, true as const])),
  };
}

/** The value of a column as the API answers it: exact money, ISO dates, never a secret. */
function jsonValue(column: Column, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.type === "Decimal") return new Prisma.Decimal(value as Prisma.Decimal.Value).toFixed(column.scale);
  if (value instanceof Date) return column.dateOnly ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}

function serialize(table: Table, row: Row): Row {
  const out: Row = {};
  for (const column of table.columns) if (!column.secret) out[column.name] = jsonValue(column, row[column.name]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------------------------

/** What a client sends for a column (before null handling). */
function inputSchema(column: Column): z.ZodType {
  const { custom } = column;
  switch (column.type) {
    case "Int":
      return z
        .number()
        .int("must be an integer")
        .min(Math.max(INT4.min, custom.min ?? INT4.min))
        .max(Math.min(INT4.max, custom.max ?? INT4.max));
    case "Boolean":
      return z.boolean();
    case "enum":
      return z.enum(column.values as [string, ...string[]]);
    case "DateTime":
      return (column.dateOnly ? z.iso.date() : z.union([z.iso.datetime({ offset: true }), z.iso.date()])).transform(
        (s) => new Date(s),
      );
    case "Decimal": {
      const limit = column.limit!;
      return z
        .union([
          z.number(),
          z
            .string()
            .trim()
            .regex(/^-?\d+(\.\d+)?$/, "must be a decimal number like 12.50"),
        ])
        .describe(`decimal, as text or number; rounded half-up to ${column.scale} places`)
        .refine((v) => Number.isFinite(Number(v)), "must be a decimal number")
        .transform((v) => new Prisma.Decimal(v).toDecimalPlaces(column.scale, Prisma.Decimal.ROUND_HALF_UP))
        .refine((d) => d.abs().lt(limit), `must be less than ${limit.toString()}`);
    }
    case "Json": {
      const item = custom.itemPattern ? z.string().regex(new RegExp(custom.itemPattern)) : z.string();
      if (custom.json === "object") return z.record(z.string(), z.unknown());
      if (custom.json === "array") return z.array(z.unknown());
      if (custom.json === "string-array") return z.array(item);
      return z.unknown().refine((v) => v !== null && v !== undefined, "is required");
    }
    case "String": {
      if (custom.kind === "text") return z.string().transform((s) => s.replace(/\r\n/g, "\n"));
      let s = z.string().trim();
      if (custom.lowercase) s = s.toLowerCase();
      if (custom.pattern) s = s.regex(new RegExp(custom.pattern), "has an invalid format");
      // An empty text box means "nothing" on the forms: a required column refuses it.
      return column.nullable ? s : s.min(1, "is required");
    }
  }
}

/** The column as a write accepts it: null where the column allows it (SQL NULL for JSON). */
function writeSchema(column: Column): z.ZodType {
  const value = inputSchema(column);
  if (!column.nullable) return value;
  if (column.type === "Json") return z.union([z.null().transform(() => Prisma.DbNull), value]);
  if (column.type === "String" && column.custom.kind !== "text") {
    return value.nullable().transform((v) => (v === "" ? null : v));
  }
  return value.nullable();
}

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
  create: z.ZodObject;
  update: z.ZodObject;
  record: z.ZodObject;
  page: z.ZodObject;
  query: z.ZodObject;
  exportQuery: z.ZodObject;
}

function tableSchemas(table: Table): TableSchemas {
  const writable = table.columns.filter((c) => c.writable);
  const filterable = table.columns.filter((c) => !c.secret && c.type !== "Json");
  const filters = Object.fromEntries(filterable.map((c) => [c.name, filterSchema(c).optional()]));
  const record = z.object(
    Object.fromEntries(table.columns.filter((c) => !c.secret).map((c) => [c.name, outputSchema(c)])),
  );
  return {
    create: z.strictObject(
      Object.fromEntries(
        writable.map((c) => [c.name, c.nullable || c.hasDefault ? writeSchema(c).optional() : writeSchema(c)]),
      ),
    ),
    update: z.strictObject(Object.fromEntries(writable.map((c) => [c.name, writeSchema(c).optional()]))),
    record,
    page: z.object({
      data: z.array(record),
      nextCursor: z.string().nullable().describe("pass as `cursor` for the next page; null on the last page"),
    }),
    query: z.strictObject({
      limit: z
        .string()
        .regex(/^\d+$/, "must be a whole number")
        .transform(Number)
        .refine((n) => n >= 1 && n <= MAX_LIMIT, `must be between 1 and ${MAX_LIMIT}`)
        .optional()
        .describe(`rows per page, at most ${MAX_LIMIT} (default ${DEFAULT_LIMIT})`),
      cursor: z.string().max(500).optional().describe("the nextCursor of the previous page"),
      ...filters,
    }),
    exportQuery: z.strictObject(filters),
  };
}

/** Checks a body or query against a schema, naming each refused field; nothing is written on failure. */
function parseInput<T extends z.ZodObject>(
  schema: T,
  input: unknown,
  columns: Column[],
  where: "body" | "query",
): z.output<T> {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new AppError("validation", "The body must be a JSON object", [
      { field: "(body)", message: "must be an object" },
    ]);
  }
  const errors: FieldError[] = [];
  // Fields the schema does not take, each named with its reason (zod would name none of them).
  for (const key of Object.keys(input)) {
    if (key in schema.shape) continue;
    const column = columns.find((c) => c.name === key);
    const message =
      where === "query"
        ? column && !column.secret
          ? "cannot be filtered on"
          : "is not a filter of this table"
        : column && !column.secret
          ? "is read-only"
          : "is not a field of this table";
    errors.push({ field: key, message });
  }
  const known = Object.fromEntries(Object.entries(input).filter(([key]) => key in schema.shape));
  const parsed = schema.safeParse(known);
  if (!parsed.success) errors.push(...fieldErrorsFromZod(parsed.error));
  if (errors.length) {
    throw new AppError("validation", errors.map((e) => `${e.field}: ${e.message}`).join("; "), errors);
  }
  return parsed.data!;
}

// ---------------------------------------------------------------------------------------------
// Database errors as answers
// ---------------------------------------------------------------------------------------------

/** Unique, foreign-key and CHECK violations as 409/400 naming the field; anything else stays a 500. */
function constraintError(table: Table, error: unknown, operation: "write" | "delete"): unknown {
  // The row went between the read and the write (a concurrent delete).
  if ((error as { code?: string })?.code === "P2025") return new AppError("not_found", `No such ${table.name} row`);
  const cause = adapterCause(error);
  const code = cause?.originalCode;
  if (code !== "23505" && code !== "23503" && code !== "23514") return error;
  if (code === "23503" && operation === "delete") {
    return new AppError("conflict", `This ${table.name} row is still referenced by other records`);
  }
  const constraint = cause?.constraint?.index ?? /constraint "([^"]+)"/.exec(cause?.originalMessage ?? "")?.[1] ?? "";
  const dbColumns =
    code === "23505" && cause?.constraint?.fields?.length
      ? cause.constraint.fields
      : [constraint.replace(`${table.name}_`, "").replace(/_(key|fkey|check)$/, "")];
  const fields = dbColumns
    .map((name) => table.columns.find((c) => c.dbName === name || c.name === name)?.name)
    .filter((f): f is string => Boolean(f));
  const named = fields.length ? fields : ["(body)"];
  if (code === "23505") {
    return new AppError(
      "conflict",
      `${named.join(", ")}: already taken`,
      named.map((field) => ({ field, message: "is already taken" })),
    );
  }
  // A trigger's refusal (it names its constraint at the end of its message) says why in its own words.
  const raised =
    code === "23514" && !/^new row for relation/.test(cause?.originalMessage ?? "")
      ? cause?.originalMessage?.replace(/ \(constraint "[^"]+"\)$/, "")
      : undefined;
  const message =
    code === "23503" ? "refers to a record that does not exist" : (raised ?? `is out of range (${constraint})`);
  return new AppError(
    "validation",
    named.map((f) => `${f}: ${message}`).join("; "),
    named.map((field) => ({ field, message })),
  );
}

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

function idWhere(table: Table, raw: string): Record<string, string | number> {
  const { idColumn } = table;
  if (idColumn.type === "Int") {
    const id = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
    if (!(id >= 1 && id <= INT4.max)) throw new AppError("not_found", `No ${table.name} row with id ${raw}`);
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

function filterWhere(query: Record<string, unknown>): Record<string, unknown> {
  const { limit: _limit, cursor: _cursor, ...filters } = query;
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
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
    "Content-Disposition": `attachment; filename="${table.name}-${stamp}.csv"`,
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
    const rows = await delegateOf(prisma, table.model).findMany({
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

// ---------------------------------------------------------------------------------------------
// admin_users: through the services, as the AdminJS actions do (password policy and bcrypt on
// creation; roster rules, session ending and unique e-mail on every change)
// ---------------------------------------------------------------------------------------------

// The password is write-only and exists only on creation: admins never choose another user's
// password afterwards (issue 3, item 2), so no update accepts it.
const ZApiNewAdmin = z
  .strictObject({
    email: ZNewAdmin.shape.email,
    name: ZNewAdmin.shape.name,
    role: ZNewAdmin.shape.role,
    password: ZNewAdmin.shape.password,
    permissions: z
      .array(
        z
          .string()
          .regex(/^[a-z_]+\.[a-z_]+$/, "must look like module.permission")
          .refine((p) => isKnownPermission(p.split(".")[0]!, p.split(".")[1]!), "is not a permission of the matrix"),
      )
      .nullable()
      .optional(),
  })
  .superRefine((admin, ctx) => {
    const problem = passwordProblem(admin.password, admin);
    if (problem === "containsEmail" || problem === "containsName") {
      ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_PROBLEM_TEXT[problem] });
    }
  });

function adminChanges(data: Row): AdminChanges {
  const { permissions, ...rest } = data as AdminChanges & { permissions?: unknown };
  return {
    ...rest,
    ...(permissions !== undefined ? { permissions: Array.isArray(permissions) ? permissions.map(String) : null } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------

export interface ResourceApi {
  router: Router;
  operations: ApiOperation[];
}

/** The permission an action of the resource needs, or null when the action does not exist for it. */
function actionPermission(resource: KitPrismaResource, action: string): string | null {
  // The resource's own options after its features, the access guard last: false where the module
  // switched the action off, whatever permission the module's matrix names.
  const options = resource.decorate().options.actions?.[action as "list"];
  if (!resource.decorate().actions[action] || options?.isAccessible === false) return null;
  return permissionFor(resource.access, action);
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

function tableRoutes(deps: Deps, table: Table, router: Router, operations: ApiOperation[]): void {
  const { prisma } = deps;
  const { resource, module, path, model } = table;
  const schemas = tableSchemas(table);
  const named = (suffix: string, schema: z.ZodType): NamedSchema => ({ name: `${model.name}${suffix}`, schema });
  const recordSchema = named("", schemas.record);
  const guard = (permission: string) => requireApiPermission(module, permission);
  const qualified = (permission: string) => `${module}.${permission}`;
  const idType = table.idColumn.type === "Int" ? ("integer" as const) : ("string" as const);
  const collection: string[] = [];
  const member: string[] = [];

  const list = actionPermission(resource, "list");
  const show = actionPermission(resource, "show");
  const create = actionPermission(resource, "new");
  const update = actionPermission(resource, "edit");
  const remove = actionPermission(resource, "delete");
  const exportable = (MODULE_PERMISSIONS[module] as readonly string[]).includes("export");
  // Admin users change only through their services (settings/service.ts, auth/service.ts).
  const custom = table.name === "admin_users";

  // Before /:id, which would take "export.csv" for an id.
  if (list && exportable) {
    router.get(
      `${path}/export.csv`,
      guard(list),
      guard("export"),
      asyncRoute(async (req, res) => {
        const query = parseInput(schemas.exportQuery, req.query, table.columns, "query");
        const where = filterWhere(query);
        await writeAudit(prisma, { action: "export", resourceType: table.name, after: { filters: query } });
        await streamCsv(prisma, table, where, res);
      }),
    );
    operations.push({
      method: "get",
      path: `${path}/export.csv`,
      tag: modulePath(module),
      summary: `Export ${table.name} as CSV (streamed, newest first)`,
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
        const query = parseInput(schemas.query, req.query, table.columns, "query");
        const limit = (query.limit as number | undefined) ?? DEFAULT_LIMIT;
        const filters = filterWhere(query);
        const cursor = query.cursor as string | undefined;
        const where = cursor ? { AND: [filters, cursorWhere(table, cursor)] } : filters;
        const rows = await delegateOf(prisma, model).findMany({
          where,
          select: table.select,
          orderBy: orderBy(table),
          take: limit + 1,
        });
        const page = rows.slice(0, limit);
        res.json({
          data: page.map((row) => serialize(table, row)),
          nextCursor: rows.length > limit ? encodeCursor(table, page[page.length - 1]!) : null,
        });
      }),
    );
    operations.push({
      method: "get",
      path,
      tag: modulePath(module),
      summary: `List ${table.name}, newest first (keyset pages)`,
      description: "Query parameters other than limit and cursor filter by equality on that column.",
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
        const row = await delegateOf(prisma, model).findUnique({
          where: idWhere(table, req.params.id!),
          select: table.select,
        });
        if (!row) throw new AppError("not_found", `No ${table.name} row with id ${req.params.id}`);
        res.json(serialize(table, row));
      }),
    );
    operations.push({
      method: "get",
      path: `${path}/{id}`,
      tag: modulePath(module),
      summary: `One ${table.name} record`,
      permission: qualified(show),
      idType,
      responses: { 200: { description: "The record", schema: recordSchema } },
    });
  }

  if (create) {
    collection.push("POST");
    const bodySchema = custom ? ZApiNewAdmin : schemas.create;
    const required = table.columns.filter((c) => !c.nullable && !c.hasDefault && !c.writable && !c.isId);
    const unfilled = required.filter((c) => c.name !== table.authorColumn);
    if (!custom && !resource.writes.create && unfilled.length) {
      // Start-up, not a request, finds a table whose API create could never succeed.
      throw new Error(
        `REST API: ${table.name} allows create, but ${unfilled.map((c) => c.name).join(", ")} is required and not writable`,
      );
    }
    router.post(
      path,
      guard(create),
      asyncRoute(async (req, res) => {
        let created: Row;
        if (custom) {
          const input = parseInput(ZApiNewAdmin, req.body ?? {}, table.columns, "body");
          const user = await createAdminUser(
            prisma,
            { ...input, permissions: input.permissions ?? undefined },
            deps.config.bcryptCost,
          );
          created = (await delegateOf(prisma, model).findUnique({ where: { id: user.id }, select: table.select }))!;
        } else {
          const data: Row = parseInput(schemas.create, req.body ?? {}, table.columns, "body");
          if (table.authorColumn && req.admin) data[table.authorColumn] = req.admin.id;
          // A table with service writes (resource-kit RecordWrites) creates through its service.
          const { create: serviceCreate } = resource.writes;
          const write = serviceCreate
            ? serviceCreate(data)
            : prisma.$transaction(async (tx) => {
                const row = await delegateOf(tx, model).create({ data });
                await writeAudit(tx, {
                  action: "create",
                  resourceType: table.name,
                  resourceId: row.id as number,
                  after: row,
                });
                return row;
              });
          created = await write.catch((error: unknown) => {
            throw constraintError(table, error, "write");
          });
        }
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
      summary: `Create a ${table.name} record`,
      description: custom
        ? "The password (12 to 64 characters) is hashed with bcrypt and never returned; it cannot be set by an update."
        : "Unknown and read-only fields are refused by name.",
      permission: qualified(create),
      body: named("Create", bodySchema),
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
        const data: Row = parseInput(schemas.update, req.body ?? {}, table.columns, "body");
        if (!Object.keys(data).length) {
          throw new AppError("validation", "Nothing to change", [
            { field: "(body)", message: "names no field to change" },
          ]);
        }
        if (custom) {
          await updateAdminUser(prisma, req.admin?.id ?? null, where.id as number, adminChanges(data));
          const row = await delegateOf(prisma, model).findUnique({ where, select: table.select });
          return res.json(serialize(table, row!));
        }
        const { update: serviceUpdate } = resource.writes;
        const write = serviceUpdate
          ? serviceUpdate(String(where[table.idColumn.name]), data)
          : prisma.$transaction(async (tx) => {
              const before = await delegateOf(tx, model).findUnique({ where });
              if (!before) throw new AppError("not_found", `No ${table.name} row with id ${req.params.id}`);
              const after = await delegateOf(tx, model).update({ where, data });
              await writeAudit(tx, {
                action: "update",
                resourceType: table.name,
                resourceId: after.id as number | string,
                before,
                after,
              });
              return after;
            });
        const row = await write.catch((error: unknown) => {
          throw constraintError(table, error, "write");
        });
        res.json(serialize(table, row));
      }),
    );
    operations.push({
      method: "patch",
      path: `${path}/{id}`,
      tag: modulePath(module),
      summary: `Change fields of a ${table.name} record`,
      description: custom
        ? "Only the fields sent change. The last active super admin keeps settings.system; disabling ends the user's logins and tokens. The password is not among the fields (password reset)."
        : "Only the fields sent change. Unknown and read-only fields are refused by name.",
      permission: qualified(update),
      idType,
      body: named("Update", schemas.update),
      responses: { 200: { description: "The record after the change", schema: recordSchema } },
    });
  }

  if (remove) {
    member.push("DELETE");
    router.delete(
      `${path}/:id`,
      guard(remove),
      asyncRoute(async (req, res) => {
        const where = idWhere(table, req.params.id!);
        const { delete: serviceDelete } = resource.writes;
        const write = serviceDelete
          ? serviceDelete(String(where[table.idColumn.name]))
          : prisma.$transaction(async (tx) => {
              const before = await delegateOf(tx, model).findUnique({ where });
              if (!before) throw new AppError("not_found", `No ${table.name} row with id ${req.params.id}`);
              await delegateOf(tx, model).delete({ where });
              await writeAudit(tx, {
                action: "delete",
                resourceType: table.name,
                resourceId: before.id as number | string,
                before,
              });
            });
        await write.catch((error: unknown) => {
          throw constraintError(table, error, "delete");
        });
        // The admin lists' remembered row counts may now be too high (as after an AdminJS delete).
        LocodPrismaResource.forgetCounts();
        res.status(204).end();
      }),
    );
    operations.push({
      method: "delete",
      path: `${path}/{id}`,
      tag: modulePath(module),
      summary: `Delete a ${table.name} record`,
      permission: qualified(remove),
      idType,
      responses: { 204: { description: "Deleted" } },
    });
  }

  if (collection.length) router.all(path, methodNotAllowed(collection));
  if (member.length) router.all(`${path}/:id`, methodNotAllowed(member));
}

/** Routes for every resource of the admin; mounted after the bearer check. */
export async function resourceRoutes(deps: Deps, admin: AdminJS): Promise<ResourceApi> {
  const models = await loadModels();
  const byTable = new Map([...models.values()].map((m) => [m.dbName ?? m.name, m]));
  const router = Router();
  const operations: ApiOperation[] = [];
  for (const resource of admin.resources) {
    if (!(resource instanceof KitPrismaResource)) continue;
    const model = byTable.get(resource.tableName);
    if (!model) throw new Error(`REST API: no Prisma model for table ${resource.tableName}`);
    tableRoutes(deps, describeTable(resource, model), router, operations);
  }
  return { router, operations };
}
