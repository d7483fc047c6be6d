// The one column validator of generic writes. A table's columns come from the Prisma model and its
// TableSpec; each writable column gets one zod schema that both write paths use: the REST routes parse
// JSON bodies with it, and AdminJS forms, which post text, are first read as JSON values (fromFormText)
// and then parsed by the same schema. Refusals are reasons (a message key of the admin's locale plus a
// detail), worded in English for problem+json and in the admin's language by AdminJS.
import { $Enums, Prisma } from "@prisma/client";
import { z } from "zod";
import type { DmmfModel } from "./dmmf.js";
import {
  MAX_DATE,
  MIN_DATE,
  isHostname,
  isRelativePath,
  isTimeZone,
  jsonProblem,
  jsonTextDepth,
  MAX_JSON_DEPTH,
  textProblem,
} from "../lib/input-rules.js";
import type { ColumnRule, TableSpec } from "./table-spec.js";
import { parseAmount } from "../lib/format.js";

type DmmfField = DmmfModel["fields"][number];

export const INT4 = { min: -2147483648, max: 2147483647 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Why a value was refused: a message key (messages.<key> in the locales) and, for some, a detail. */
export const REASONS = {
  fieldRequired: "is required",
  fieldInvalidChoice: "must be one of the listed values",
  fieldInvalidFormat: "has an invalid format",
  fieldInteger: "must be an integer",
  fieldRange: "is out of range",
  fieldTooLong: "is too long",
  fieldText: "must be text",
  fieldDate: "must be a date",
  fieldBoolean: "must be true or false",
  fieldReference: "must be the id of a record",
  fieldReferenceMissing: "refers to a record that does not exist",
  fieldMoney: "must be a decimal number like 12.50",
  fieldMoneyMax: "must be less than",
  fieldMoneyAmbiguous: 'is ambiguous ("1,234" reads as 1.234 or as 1234): write 1234, 1 234 or 1.23',
  fieldJson: "must be valid JSON",
  fieldJsonObject: "must be a JSON object",
  fieldJsonArray: "must be a JSON array",
  fieldJsonStringArray: "must be a JSON array of strings",
  fieldTaken: "is already taken",
  fieldCheck: "is out of range",
  fieldReadOnly: "is read-only",
  fieldWorkflow: "is set by its workflow, not by an edit",
  fieldCreateOnly: "can only be set when the record is created",
  fieldUnknown: "is not a field of this table",
  fieldUnstorableText: "must not contain a NUL character or a lone surrogate",
  fieldJsonTooDeep: "is nested too deeply",
  fieldJsonTooLarge: "is too large",
  fieldDateRange: "must be between 2000-01-01 and 2100-12-31",
  fieldNegative: "must not be negative",
  fieldHostname: "must be a host name like example.com (no scheme, path or space)",
  fieldTimeZone: "must be an IANA time zone like Europe/Paris",
  fieldRelativePath: "must be a relative path (no .., no leading /, no backslash)",
} as const;

/** Longest text a column takes when its spec names no maximum: short text and long (rule.text) text. */
export const DEFAULT_MAX_LENGTH = { short: 255, text: 20_000 } as const;

export type Reason = keyof typeof REASONS;

/**
 * A refusal of one field: the reason's message key, an optional detail (bounds, allowed values) and,
 * for a module's own reason (a named constraint), its English words.
 */
export interface ColumnError {
  field: string;
  reason: Reason | (string & {});
  detail?: string;
  text?: string;
}

/** English, as problem+json says it: "must be an integer", "is out of range: 1–100". */
export function reasonText(error: Pick<ColumnError, "reason" | "detail" | "text">): string {
  const text = error.text ?? REASONS[error.reason as Reason] ?? error.reason;
  return error.detail ? `${text}: ${error.detail}` : text;
}

/** A scalar or enum column as both write paths see it (Prisma field names). */
export interface Column {
  name: string;
  dbName: string;
  type: "Int" | "String" | "Boolean" | "DateTime" | "Decimal" | "Json" | "enum";
  values?: string[];
  nullable: boolean;
  hasDefault: boolean;
  isId: boolean;
  dateOnly: boolean;
  scale: number;
  /** Text: the most characters it takes (the spec's, else the VarChar length, else the defaults). */
  maxLength?: number;
  /** Decimal: the first amount the column cannot hold (10^(precision - scale)). */
  limit?: Prisma.Decimal;
  secret: boolean;
  workflow: boolean;
  /** "always", "create" (a natural key), or false. */
  write: "always" | "create" | false;
  rule: ColumnRule;
  /** A foreign key: the relation field that owns it (AdminJS edits `customer` for `customerId`). */
  relation?: { field: string; model: string };
}

export function enumValues(name: string): string[] {
  const values = ($Enums as unknown as Record<string, Record<string, string> | undefined>)[name];
  if (!values) throw new Error(`Unknown Prisma enum ${name}`);
  return Object.values(values);
}

/** The columns of a table, from its Prisma model and spec; start-up fails on a spec naming no column. */
export function tableColumns(model: DmmfModel, spec: TableSpec): Column[] {
  const relationOf = new Map<string, DmmfField>();
  for (const field of model.fields) {
    if (field.kind === "object") for (const fk of field.relationFromFields ?? []) relationOf.set(fk, field);
  }
  const scalars = model.fields.filter((f) => (f.kind === "scalar" || f.kind === "enum") && !f.isList);
  const names = new Set(scalars.map((f) => f.name));
  const named = [
    ...Object.keys(spec.writable),
    ...(spec.workflow ?? []),
    ...(spec.secrets ?? []),
    ...(spec.author ? [spec.author] : []),
  ];
  const unknown = named.filter((n) => !names.has(n));
  if (unknown.length) throw new Error(`Table spec ${spec.model}: no column named ${unknown.join(", ")}`);
  const overlap = Object.keys(spec.writable).filter(
    (n) => spec.workflow?.includes(n) || spec.secrets?.includes(n) || n === spec.author,
  );
  if (overlap.length) throw new Error(`Table spec ${spec.model}: ${overlap.join(", ")} cannot be writable`);

  return scalars.map((f) => {
    const [precision = "10", scale = "2"] = (f.nativeType?.[1] as string[] | undefined) ?? [];
    const type = f.kind === "enum" ? "enum" : f.type === "BigInt" ? "Int" : (f.type as Column["type"]);
    if (!["Int", "String", "Boolean", "DateTime", "Decimal", "Json", "enum"].includes(type)) {
      throw new Error(`${model.name}.${f.name} has type ${f.type}, which generic writes cannot carry`);
    }
    const rule = spec.writable[f.name];
    const relation = relationOf.get(f.name);
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
      ...(type === "String" ? { maxLength: maxLengthOf(f, rule) } : {}),
      ...(type === "Decimal" ? { limit: new Prisma.Decimal(10).pow(Number(precision) - Number(scale)) } : {}),
      secret: spec.secrets?.includes(f.name) ?? false,
      workflow: spec.workflow?.includes(f.name) ?? false,
      write: rule ? (rule.createOnly ? "create" : "always") : false,
      rule: rule ?? {},
      ...(relation ? { relation: { field: relation.name, model: relation.type } } : {}),
    } satisfies Column;
  });
}

/** A text column's maximum: the spec's, else its VarChar length, else 20,000 for long text, 255 for short. */
function maxLengthOf(field: DmmfField, rule: ColumnRule | undefined): number {
  const varchar = field.nativeType?.[0] === "VarChar" ? Number((field.nativeType[1] as string[])[0]) : NaN;
  const fallback = rule?.text ? DEFAULT_MAX_LENGTH.text : DEFAULT_MAX_LENGTH.short;
  const max = rule?.maxLength ?? fallback;
  return Number.isFinite(varchar) ? Math.min(max, varchar) : max;
}

/** Why a JSON value cannot be stored, as a reason. */
function jsonReason(value: unknown): Reason | null {
  const problem = jsonProblem(value);
  if (!problem) return null;
  if (problem.includes("deep")) return "fieldJsonTooDeep";
  if (problem.includes("large")) return "fieldJsonTooLarge";
  return "fieldUnstorableText";
}

// ---------------------------------------------------------------------------------------------
// One schema per column
// ---------------------------------------------------------------------------------------------

// A zod message is a reason key, optionally "key|detail"; issues without one get the column's default.
const says = (reason: Reason, detail?: string) => ({ message: detail ? `${reason}|${detail}` : reason });

function rangeDetail(min?: number, max?: number): string {
  if (min === undefined) return `≤ ${max}`;
  if (max === undefined) return `≥ ${min}`;
  return `${min}–${max}`;
}

/** The column's value as a write accepts it (before null handling), as JSON carries it. */
function valueSchema(column: Column): z.ZodType {
  const { rule } = column;
  switch (column.type) {
    case "Int": {
      const min = Math.max(INT4.min, rule.min ?? INT4.min);
      const max = Math.min(INT4.max, rule.max ?? INT4.max);
      const range = says("fieldRange", rangeDetail(rule.min, rule.max));
      if (column.relation)
        return z
          .number(says("fieldReference"))
          .int(says("fieldReference"))
          .min(1, says("fieldReference"))
          .max(INT4.max, says("fieldReference"));
      return z.number(says("fieldInteger")).int(says("fieldInteger")).min(min, range).max(max, range);
    }
    case "Boolean":
      return z.boolean(says("fieldBoolean"));
    case "enum":
      return z.enum(column.values as [string, ...string[]], says("fieldInvalidChoice", column.values!.join(", ")));
    case "DateTime":
      return (
        column.dateOnly
          ? z.iso.date(says("fieldDate"))
          : z.union([z.iso.datetime({ offset: true }), z.iso.date()], says("fieldDate"))
      )
        .transform((s) => new Date(s))
        .refine((d) => !Number.isNaN(d.getTime()), says("fieldDate"))
        .refine((d) => d >= MIN_DATE && d <= MAX_DATE, says("fieldDateRange"));
    case "Decimal": {
      const limit = column.limit!;
      const max = limit.minus(new Prisma.Decimal(10).pow(-column.scale)).toFixed(column.scale);
      return z
        .union(
          [
            z.number(),
            z
              .string()
              .trim()
              .regex(/^-?\d+(\.\d+)?$/),
          ],
          says("fieldMoney"),
        )
        .describe(`decimal, as text or number; rounded half-up to ${column.scale} places`)
        .refine((v) => Number.isFinite(Number(v)), says("fieldMoney"))
        .transform((v) => new Prisma.Decimal(v).toDecimalPlaces(column.scale, Prisma.Decimal.ROUND_HALF_UP))
        .refine((d) => d.abs().lt(limit), says("fieldMoneyMax", max))
        .refine((d) => rule.negative || !d.isNegative() || d.isZero(), says("fieldNegative"));
    }
    case "Json":
      return jsonShapeSchema(column).superRefine((value, ctx) => {
        const reason = jsonReason(value);
        if (reason) ctx.addIssue({ code: "custom", ...says(reason) });
      });
    case "String": {
      const max = column.maxLength ?? DEFAULT_MAX_LENGTH.short;
      const tooLong = says("fieldTooLong", `≤ ${max}`);
      const storable = (v: string) => textProblem(v) === null;
      if (rule.text) {
        return z
          .string(says("fieldText"))
          .max(max, tooLong)
          .refine(storable, says("fieldUnstorableText"))
          .transform((v) => v.replace(/\r\n/g, "\n"));
      }
      let s = z.string(says("fieldText")).trim();
      if (rule.lowercase || rule.hostname) s = s.toLowerCase();
      s = s.max(max, tooLong);
      if (rule.email) s = s.regex(EMAIL, says("fieldInvalidFormat"));
      if (rule.pattern) s = s.regex(new RegExp(rule.pattern), says("fieldInvalidFormat"));
      const checked = s
        .refine(storable, says("fieldUnstorableText"))
        .refine((v) => !rule.hostname || v === "" || isHostname(v), says("fieldHostname"))
        .refine((v) => !rule.relativePath || v === "" || isRelativePath(v), says("fieldRelativePath"))
        .refine((v) => !rule.timeZone || v === "" || isTimeZone(v), says("fieldTimeZone"));
      // An empty text box means "nothing": a required column refuses it.
      return column.nullable ? checked : checked.refine((v) => v.length > 0, says("fieldRequired"));
    }
  }
}

/** A JSON column's shape, before the storable-JSON rule. */
function jsonShapeSchema(column: Column): z.ZodType {
  const { rule } = column;
  let item = z.string(says("fieldJsonStringArray"));
  if (rule.itemPattern) item = item.regex(new RegExp(rule.itemPattern), says("fieldInvalidFormat"));
  const values = rule.itemValues;
  const known = values ? item.refine((v) => values.includes(v), says("fieldInvalidChoice")) : item;
  if (rule.json === "object") return z.record(z.string(), z.unknown(), says("fieldJsonObject"));
  if (rule.json === "array") return z.array(z.unknown(), says("fieldJsonArray"));
  if (rule.json === "string-array") return z.array(known, says("fieldJsonStringArray"));
  return z.unknown().refine((v) => v !== null && v !== undefined, says("fieldRequired"));
}

/** The column as a write accepts it, null included where the column allows it (OpenAPI documents this). */
export function columnSchema(column: Column): z.ZodType {
  const value = valueSchema(column);
  return column.nullable ? value.nullable() : value;
}

const SCHEMAS = new WeakMap<Column, z.ZodType>();

function schemaOf(column: Column): z.ZodType {
  let schema = SCHEMAS.get(column);
  if (!schema) SCHEMAS.set(column, (schema = valueSchema(column)));
  return schema;
}

/** One value for a column: null (or an empty short text) where the column allows it, else its schema. */
function checkValue(column: Column, value: unknown): { value: unknown } | { error: ColumnError } {
  const empty = value === null || (column.type === "String" && !column.rule.text && value === "");
  if (empty && column.nullable) return { value: column.type === "Json" ? Prisma.DbNull : null };
  if (value === null) return { error: { field: column.name, reason: "fieldRequired" } };
  const parsed = schemaOf(column).safeParse(value);
  if (parsed.success) return { value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const error = issueError(column, issue);
  // An item of a JSON array is named by its value: `"everything"` has an invalid format.
  if (column.type === "Json" && Array.isArray(value) && typeof issue.path[0] === "number" && !error.detail) {
    error.detail = JSON.stringify(value[issue.path[0]]);
  }
  return { error };
}

function issueError(column: Column, issue: z.core.$ZodIssue): ColumnError {
  const [key, detail] = issue.message.split("|", 2) as [string, string | undefined];
  if (key in REASONS) return { field: column.name, reason: key as Reason, ...(detail ? { detail } : {}) };
  return { field: column.name, reason: defaultReason(column) };
}

function defaultReason(column: Column): Reason {
  switch (column.type) {
    case "Int":
      return column.relation ? "fieldReference" : "fieldInteger";
    case "Boolean":
      return "fieldBoolean";
    case "enum":
      return "fieldInvalidChoice";
    case "DateTime":
      return "fieldDate";
    case "Decimal":
      return "fieldMoney";
    case "Json":
      return "fieldJson";
    default:
      return "fieldInvalidFormat";
  }
}

export interface CheckedWrite {
  data: Record<string, unknown>;
  errors: ColumnError[];
}

/**
 * Checks a generic create or update: every key must be a column this write may set (unknown, secret,
 * read-only, workflow-owned and, on update, create-only columns are refused by name), each value must
 * pass its column's schema, and a create must hold every required column without a default.
 */
export function checkWrite(
  columns: readonly Column[],
  input: Record<string, unknown>,
  mode: "create" | "update",
): CheckedWrite {
  const errors: ColumnError[] = [];
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const column = columns.find((c) => c.name === key);
    const refusal = refusalOf(column, mode);
    if (refusal) {
      errors.push({ field: key, reason: refusal });
      continue;
    }
    const checked = checkValue(column!, value);
    if ("error" in checked) errors.push(checked.error);
    else data[key] = checked.value;
  }
  if (mode === "create") {
    for (const column of columns) {
      if (column.write && !column.nullable && !column.hasDefault && !(column.name in input)) {
        errors.push({ field: column.name, reason: "fieldRequired" });
      }
    }
  }
  return { data, errors };
}

/** Why a generic write may not set this column, or null when it may. */
export function refusalOf(column: Column | undefined, mode: "create" | "update"): Reason | null {
  if (!column || column.secret) return "fieldUnknown";
  if (column.workflow) return "fieldWorkflow";
  if (!column.write) return "fieldReadOnly";
  if (column.write === "create" && mode === "update") return "fieldCreateOnly";
  return null;
}

// ---------------------------------------------------------------------------------------------
// Form text as JSON values
// ---------------------------------------------------------------------------------------------

/** Marks form text that cannot be read as the column's JSON value (the schema then refuses it). */
const UNREADABLE = Symbol("unreadable");
/** Marks form JSON text nested too deeply to be read. */
const TOO_DEEP = Symbol("too deep");
/** Marks an amount that reads two ways ("1,234": 1.234 or 1234). */
const AMBIGUOUS = Symbol("ambiguous amount");

/**
 * An AdminJS form value (text) as the JSON value REST would send for the column: "12" -> 12,
 * "true" -> true, "12,50" -> "12.50", JSON text -> its value, "" -> null. What cannot be read stays
 * text, which the column's schema then refuses with its reason.
 */
export function fromFormText(column: Column, raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== "string") return raw;
  const text = raw;
  if (column.type !== "String" || !column.rule.text) {
    if (text.trim() === "") return column.type === "String" && !column.nullable ? "" : null;
  }
  switch (column.type) {
    case "Int":
      return /^\s*-?\d+\s*$/.test(text) ? Number(text.trim()) : text;
    case "Boolean":
      return text === "true" ? true : text === "false" ? false : text;
    case "Decimal": {
      // Typed by people, in French or English: "12,50", "1 200.5", "1.234,50" (lib/format parseAmount).
      const amount = parseAmount(text);
      if (amount.ok) return amount.value;
      return amount.reason === "fieldMoneyAmbiguous" ? AMBIGUOUS : text;
    }
    case "Json":
      // Refused unread when nested too deeply for JSON.parse to be safe.
      if (jsonTextDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) return TOO_DEEP;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return UNREADABLE;
      }
    default:
      return text;
  }
}

/** checkWrite for form text: JSON text that does not parse is refused as such. */
export function checkFormWrite(
  columns: readonly Column[],
  input: Record<string, unknown>,
  mode: "create" | "update",
): CheckedWrite {
  const unreadable: ColumnError[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(input)) {
    const column = columns.find((c) => c.name === key);
    const value = column ? fromFormText(column, raw) : raw;
    // An empty box on a new record leaves a column with a default to its default.
    const empty = value === null || value === "";
    if (column && empty && mode === "create" && !column.nullable && column.hasDefault) continue;
    if (value === UNREADABLE) unreadable.push({ field: key, reason: "fieldJson" });
    else if (value === TOO_DEEP) unreadable.push({ field: key, reason: "fieldJsonTooDeep" });
    else if (value === AMBIGUOUS) unreadable.push({ field: key, reason: "fieldMoneyAmbiguous" });
    else values[key] = value;
  }
  const checked = checkWrite(columns, values, mode);
  // A required column whose JSON did not parse is reported once, as unreadable JSON.
  const errors = [...unreadable, ...checked.errors.filter((e) => !unreadable.some((u) => u.field === e.field))];
  return { data: checked.data, errors };
}

/** The value of a column as an answer carries it: exact decimals, ISO dates. */
export function jsonValue(column: Column, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.type === "Decimal") {
    const decimal = value instanceof Prisma.Decimal ? value : new Prisma.Decimal(value as Prisma.Decimal.Value);
    return decimal.toFixed(column.scale);
  }
  if (value instanceof Date) return column.dateOnly ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}
