// What a module's resource.ts receives to declare its AdminJS resources, and what every resource gets
// from the data model without asking:
// - references point at the table-named resource ids (the adapter would name the Prisma model, which
//   no resource is called, and every list with a foreign key would fail to populate);
// - enum columns offer their values (the "client" engine's runtime DMMF has no enums, so the adapter
//   finds none);
// - the server checks every form before it reaches Prisma: columns the form does not show are never
//   written (ids, created_at, computed timestamps, secrets, whatever a crafted request adds), values
//   are parsed per column type, JSON arrives as text and is parsed here, money is rounded half-up to
//   cents and bounded by its column's precision; errors come back as AdminJS field errors, never as
//   a 500 and never half-written;
// - constraint violations the database still finds (unique, foreign key, CHECK) become field errors too;
// - secret columns are dropped from every record the adapter returns, so they reach no browser, not
//   even as a populated reference of another resource or in an error answer.
import { $Enums, Prisma, type PrismaClient } from "@prisma/client";
import {
  AppError,
  ValidationError,
  buildFeature,
  flat,
  mergeResourceOptions,
  type ActionRequest,
  type ActionResponse,
  type After,
  type Before,
  type FeatureType,
  type IsFunction,
  type PropertyOptions,
  type RecordJSON,
  type ResourceOptions,
  type ResourceWithOptions,
} from "adminjs";
import type { DmmfModel } from "./dmmf.js";
import { LocodPrismaResource } from "./prisma-resource.js";
import { BUILT_IN_ACTIONS, guard, refuseBeforeHooks, type ResourceAccess } from "./access.js";
import type { Components } from "./components.js";
import type { Queues } from "../queues/queues.js";
import type { Config } from "../config.js";
import { AppError as ServiceError, FROZEN_RECORD_SQLSTATE } from "../lib/errors.js";

type DmmfField = DmmfModel["fields"][number];

/** What a JSON column must hold. */
export type JsonShape = "any" | "object" | "array" | "string-array";

/** Checks a property option builder leaves for the server (sent to the browser too, so data only). */
export interface FieldCustom {
  kind?: "text" | "json" | "money";
  min?: number;
  max?: number;
  json?: JsonShape;
  pattern?: string;
  /** JSON string arrays: what each string must look like. */
  itemPattern?: string;
  lowercase?: boolean;
  /** Money: the record param holding the ISO currency code (EUR when absent). */
  currencyPath?: string;
}

export interface KitResourceSettings {
  /** The permission module of the table, and the permission of any action that is not the default. */
  access: ResourceAccess;
  features?: FeatureType[];
  /** Columns that never leave the server (not shown, not accepted from a form, dropped from records). */
  secrets?: string[];
  /** Virtual form fields that are read on submit and never echoed back (a password). */
  writeOnly?: string[];
  /** A created-by reference: set to the admin who creates the record, never written from a form. */
  author?: string;
  /**
   * Table constraints the form cannot check alone (two columns together), by name: the field to blame
   * and the message key. Unique, foreign-key and single-column CHECK constraints are found by name.
   */
  constraints?: Record<string, { path: string; message: string }>;
  /**
   * Writes a module's service makes instead of a plain insert, update or delete (its rules and side
   * effects with the audit row, in one transaction): the AdminJS forms and the REST routes both use them.
   */
  writes?: RecordWrites;
}

/**
 * A table's writes through its service. `data` holds the checked form or body values by Prisma field
 * name (a foreign key by its column field, `customerId`); each returns the row as written. A service
 * refusal (http/errors AppError) reaches AdminJS as field errors or a notice, REST as problem+json.
 */
export interface RecordWrites {
  create?(data: Record<string, unknown>): Promise<Record<string, unknown>>;
  update?(id: string, data: Record<string, unknown>): Promise<Record<string, unknown>>;
  delete?(id: string): Promise<void>;
}

export interface ResourceKit {
  prisma: PrismaClient;
  components: Components;
  /** bcrypt cost for passwords set through the admin (config BCRYPT_COST). */
  bcryptCost: number;
  /** The app's queues, for actions that hand work to a job (e-mails). */
  queues: Pick<Queues, "byName">;
  /** The configuration, for actions whose module reads its own settings from it (Claude, Stripe). */
  config: Config;
  /** A Prisma model as an AdminJS resource whose id is its table name. */
  resource(modelName: string, options: ResourceOptions, settings: KitResourceSettings): ResourceWithOptions;
  /** A Decimal amount: shown as money in lists and pages, typed as a number with cents. */
  money(options?: { currencyPath?: string }): PropertyOptions;
  /** A JSON column: shown indented, edited as JSON text that the server parses and checks. */
  json(shape?: JsonShape, options?: { itemPattern?: string }): PropertyOptions;
  /** Long free text: a textarea, not in lists or filters. */
  text(): PropertyOptions;
  /** Shown and filterable, never written from a form (the server drops it from the payload). */
  readOnly(): PropertyOptions;
  /** An integer within bounds (the column's CHECK constraint, or common sense). */
  int(bounds: { min?: number; max?: number }): PropertyOptions;
  /** A DATE column (no time of day). */
  date(): PropertyOptions;
  /** An e-mail address, trimmed and checked; lowercased where logins compare it that way. */
  email(options?: { lowercase?: boolean }): PropertyOptions;
}

export type ResourceFactory = (kit: ResourceKit) => ResourceWithOptions[];

export interface ResourceKitSettings {
  bcryptCost: number;
  queues: Pick<Queues, "byName">;
  config: Config;
}

// AdminJS renders field and notice messages with i18next, which resolves $t(key) nesting even in a
// message it has no key for: the server names the field and the problem, the browser's language words them.
const t = (key: string) => `$t(messages.${key})`;
const ERR = {
  required: t("fieldRequired"),
  invalidChoice: t("fieldInvalidChoice"),
  invalidFormat: t("fieldInvalidFormat"),
  integer: t("fieldInteger"),
  date: t("fieldDate"),
  boolean: t("fieldBoolean"),
  reference: t("fieldReference"),
  referenceMissing: t("fieldReferenceMissing"),
  money: t("fieldMoney"),
  json: t("fieldJson"),
  jsonObject: t("fieldJsonObject"),
  jsonArray: t("fieldJsonArray"),
  jsonStringArray: t("fieldJsonStringArray"),
  taken: t("fieldTaken"),
  check: t("fieldCheck"),
  range: (min?: number, max?: number) =>
    `${t("fieldRange")} ${min === undefined ? `≤ ${max}` : max === undefined ? `≥ ${min}` : `${min}–${max}`}`,
  moneyMax: (max: string) => `${t("fieldMoneyMax")} ${max}`,
} as const;

const INT4 = { min: -2147483648, max: 2147483647 };
const EMAIL = "^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$";

export type FieldErrors = Record<string, { message: string }>;

/** A ValidationError whose notice names the fields, in the admin's language. */
export function fieldErrors(resourceId: string, errors: FieldErrors): ValidationError {
  const label = (path: string) => `$t(resources.${resourceId}.properties.${path})`;
  const paths = Object.keys(errors);
  const message =
    paths.length === 1
      ? `${label(paths[0]!)} — ${errors[paths[0]!]!.message}`
      : `${t("fieldsInvalid")} ${paths.map(label).join(", ")}`;
  return new ValidationError(errors, { message });
}

// ---------------------------------------------------------------------------------------------
// Form rules derived from the data model
// ---------------------------------------------------------------------------------------------

type FieldKind = "string" | "text" | "int" | "money" | "json" | "enum" | "datetime" | "boolean" | "reference";

interface FieldRule {
  path: string;
  kind: FieldKind;
  writable: boolean;
  nullable: boolean;
  hasDefault: boolean;
  custom: FieldCustom;
  values?: string[];
  /** Money: digits after the point, and the first amount the column cannot hold. */
  scale?: number;
  limit?: Prisma.Decimal;
}

/** The properties @adminjs/prisma makes of a model: scalars, enums and the owning side of relations. */
function propertyFields(model: DmmfModel): DmmfField[] {
  return model.fields.filter((f) =>
    f.kind === "object" ? (f.relationFromFields?.length ?? 0) > 0 : !f.isReadOnly && f.kind !== "unsupported",
  );
}

function visibleInEdit(options: ResourceOptions, path: string): boolean {
  if (options.editProperties?.length) return options.editProperties.includes(path);
  const visible = options.properties?.[path]?.isVisible;
  if (typeof visible === "boolean") return visible;
  if (visible && typeof visible === "object") return visible.edit !== false;
  return true;
}

function fieldRule(field: DmmfField, options: ResourceOptions, secrets: string[]): FieldRule {
  const custom = (options.properties?.[field.name]?.custom ?? {}) as FieldCustom;
  // A generated id is never typed; a natural key without a default (a setting's key) is, on create.
  const systemSet = (field.isId && field.hasDefaultValue) || field.name === "createdAt" || field.isUpdatedAt;
  const rule: FieldRule = {
    path: field.name,
    kind: "string",
    writable: !systemSet && !secrets.includes(field.name) && visibleInEdit(options, field.name),
    nullable: !field.isRequired,
    hasDefault: field.hasDefaultValue,
    custom,
  };
  if (field.kind === "object") return { ...rule, kind: "reference" };
  if (field.kind === "enum") return { ...rule, kind: "enum", values: enumValues(field.type) };
  switch (field.type) {
    case "Json":
      return { ...rule, kind: "json" };
    case "Int":
    case "BigInt":
      return { ...rule, kind: "int" };
    case "Boolean":
      return { ...rule, kind: "boolean" };
    case "DateTime":
      return { ...rule, kind: "datetime" };
    case "Decimal": {
      const [precision = "10", scale = "2"] = (field.nativeType?.[1] as string[] | undefined) ?? [];
      return {
        ...rule,
        kind: "money",
        scale: Number(scale),
        limit: new Prisma.Decimal(10).pow(Number(precision) - Number(scale)),
      };
    }
    default:
      return { ...rule, kind: custom.kind === "text" ? "text" : "string" };
  }
}

function enumValues(enumName: string): string[] {
  const values = ($Enums as unknown as Record<string, Record<string, string> | undefined>)[enumName];
  if (!values) throw new Error(`Unknown Prisma enum ${enumName}`);
  return Object.values(values);
}

function dropKeys(payload: Record<string, unknown>, path: string): void {
  for (const key of Object.keys(payload)) if (key === path || key.startsWith(`${path}.`)) delete payload[key];
}

type Parsed = { value: unknown } | { error: string };

function parseJson(text: string, shape: JsonShape, itemPattern?: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: ERR.json };
  }
  if (shape === "object" && (value === null || typeof value !== "object" || Array.isArray(value)))
    return { error: ERR.jsonObject };
  if (shape === "array" && !Array.isArray(value)) return { error: ERR.jsonArray };
  if (shape === "string-array" && !(Array.isArray(value) && value.every((v) => typeof v === "string")))
    return { error: ERR.jsonStringArray };
  if (itemPattern && Array.isArray(value)) {
    const odd = value.find((item) => typeof item !== "string" || !new RegExp(itemPattern).test(item));
    if (odd !== undefined) return { error: `${ERR.invalidFormat} ${JSON.stringify(odd)}` };
  }
  return { value };
}

/** One submitted, non-empty value, parsed for its column. */
function parseValue(rule: FieldRule, raw: unknown): Parsed {
  const text = typeof raw === "string" ? raw : String(raw);
  const { custom } = rule;
  switch (rule.kind) {
    case "string": {
      let value = text.trim();
      if (custom.lowercase) value = value.toLowerCase();
      if (custom.pattern && !new RegExp(custom.pattern).test(value)) return { error: ERR.invalidFormat };
      return { value };
    }
    case "text":
      return { value: text.replace(/\r\n/g, "\n") };
    case "enum":
      return rule.values!.includes(text) ? { value: text } : { error: ERR.invalidChoice };
    case "int": {
      if (!/^-?\d+$/.test(text.trim())) return { error: ERR.integer };
      const value = Number(text.trim());
      const min = Math.max(custom.min ?? INT4.min, INT4.min);
      const max = Math.min(custom.max ?? INT4.max, INT4.max);
      if (value < min || value > max) return { error: ERR.range(custom.min, custom.max) };
      return { value };
    }
    case "money": {
      // Typed by people: "12,50", "1 200.5". Never a float on the way to the database.
      const normalized = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
      if (!/^\d+(\.\d+)?$/.test(normalized)) return { error: ERR.money };
      const amount = new Prisma.Decimal(normalized).toDecimalPlaces(rule.scale!, Prisma.Decimal.ROUND_HALF_UP);
      if (amount.gte(rule.limit!)) {
        const max = rule.limit!.minus(new Prisma.Decimal(10).pow(-rule.scale!)).toFixed(rule.scale!);
        return { error: ERR.moneyMax(max) };
      }
      return { value: amount.toFixed(rule.scale!) };
    }
    case "datetime":
      return Number.isNaN(new Date(text).getTime()) ? { error: ERR.date } : { value: text };
    case "boolean":
      if (raw === true || raw === "true") return { value: true };
      if (raw === false || raw === "false") return { value: false };
      return { error: ERR.boolean };
    case "reference":
      return /^\d+$/.test(text.trim()) ? { value: text.trim() } : { error: ERR.reference };
    case "json":
      return parseJson(text, custom.json ?? "any", custom.itemPattern);
  }
}

/**
 * Checks and normalizes a submitted new/edit form in place. JSON columns are only written from their
 * text (`path` as a string); the flattened `path.*` keys AdminJS echoes back from the record are dropped,
 * so an untouched JSON column is left as it is.
 */
function checkForm(rules: FieldRule[], payload: Record<string, unknown>, isNew: boolean): FieldErrors {
  const errors: FieldErrors = {};
  for (const rule of rules) {
    const { path } = rule;
    if (!rule.writable) {
      dropKeys(payload, path);
      continue;
    }
    let raw: unknown = payload[path];
    if (rule.kind === "json") {
      dropKeys(payload, path);
      if (typeof raw !== "string") raw = undefined;
    }
    if (raw === undefined) {
      if (isNew && !rule.nullable && !rule.hasDefault) errors[path] = { message: ERR.required };
      continue;
    }
    const empty = raw === null || (typeof raw === "string" && raw.trim() === "");
    if (empty) {
      if (rule.nullable) payload[path] = rule.kind === "json" ? Prisma.DbNull : null;
      else if (isNew && rule.hasDefault) dropKeys(payload, path);
      else errors[path] = { message: ERR.required };
      continue;
    }
    const parsed = parseValue(rule, raw);
    if ("error" in parsed) errors[path] = { message: parsed.error };
    else payload[path] = parsed.value;
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// The Prisma resource with secrets dropped and constraint errors as field errors
// ---------------------------------------------------------------------------------------------

interface ConstraintMap {
  resourceId: string;
  table: string;
  secrets: string[];
  /** Column name (and field name) -> property path; a foreign key column maps to its relation. */
  propertyByColumn: Map<string, string>;
  named: NonNullable<KitResourceSettings["constraints"]>;
}

export interface AdapterErrorCause {
  kind?: string;
  originalCode?: string;
  originalMessage?: string;
  constraint?: { fields?: string[]; index?: string };
}

/** What PostgreSQL said under a Prisma error (wrapped or raw driver adapter error). */
export function adapterCause(error: unknown): AdapterErrorCause | undefined {
  const e = error as { meta?: { driverAdapterError?: { cause?: AdapterErrorCause } }; cause?: AdapterErrorCause };
  return e?.meta?.driverAdapterError?.cause ?? (error instanceof Error && e.cause ? e.cause : undefined);
}

export class KitPrismaResource extends LocodPrismaResource {
  constructor(
    args: ConstructorParameters<typeof LocodPrismaResource>[0],
    private readonly constraints: ConstraintMap,
    /** Who may do what with this table: the same rules for the REST API as for AdminJS. */
    readonly access: ResourceAccess,
    /** The module's service writes, where it has them (the REST routes use them too). */
    readonly writes: RecordWrites = {},
  ) {
    super(args);
  }

  /** The table name, which is also the resource id. */
  get tableName(): string {
    return this.constraints.table;
  }

  /** Columns (Prisma field names) that never leave the server. */
  get secretFields(): readonly string[] {
    return this.constraints.secrets;
  }

  protected override prepareReturnValues(params: Record<string, unknown>): Record<string, unknown> {
    const values = super.prepareReturnValues(params);
    for (const secret of this.constraints.secrets) delete values[secret];
    return values;
  }

  override async create(params: Record<string, unknown>): Promise<Record<string, unknown>> {
    try {
      const { create } = this.writes;
      if (create) {
        const data = this.prepareParams(params);
        // The adapter leaves the id out; a natural key (a setting's key) is typed on create.
        const id = this.properties()
          .find((p) => p.isId())
          ?.path();
        if (id && !(id in data) && typeof params[id] === "string") data[id] = params[id];
        return this.prepareReturnValues(await create(data));
      }
      return await super.create(params);
    } catch (error) {
      throw this.asValidationError(error, "write");
    }
  }

  override async update(pk: string | number, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    try {
      const { update } = this.writes;
      if (update) return this.prepareReturnValues(await update(String(pk), this.prepareParams(params)));
      return await super.update(pk, params);
    } catch (error) {
      throw this.asValidationError(error, "write");
    }
  }

  override async delete(id: string | number): Promise<void> {
    try {
      if (this.writes.delete) await this.writes.delete(String(id));
      else await super.delete(id);
    } catch (error) {
      throw this.asValidationError(error, "delete");
    }
  }

  /**
   * The field to blame for a constraint the database refused, as AdminJS answers a form. A ValidationError
   * without a field error would read as a success to the new and edit actions, so a refusal no field
   * explains is an AppError (an error notice, nothing written).
   */
  private asValidationError(error: unknown, operation: "write" | "delete"): unknown {
    const { resourceId, table, propertyByColumn, named } = this.constraints;
    if (error instanceof ServiceError) {
      // A service write refused: its named fields become the form's field errors.
      const fields = (error.errors ?? []).filter((e) => e.field !== "(body)");
      if (!fields.length) return new AppError(error.message);
      return fieldErrors(
        resourceId,
        Object.fromEntries(fields.map((e) => [propertyByColumn.get(e.field) ?? e.field, { message: e.message }])),
      );
    }
    const cause = adapterCause(error);
    const code = cause?.originalCode;
    // A rule the database enforces with a trigger (an issued invoice is frozen): its message says why.
    if (code === FROZEN_RECORD_SQLSTATE) return new AppError(cause?.originalMessage ?? "This record cannot change");
    if (code !== "23505" && code !== "23503" && code !== "23514") return error;
    if (code === "23503" && operation === "delete") return new AppError(t("recordStillReferenced"));

    const constraint = cause?.constraint?.index ?? /constraint "([^"]+)"/.exec(cause?.originalMessage ?? "")?.[1] ?? "";
    const known = named[constraint];
    if (known) return fieldErrors(resourceId, { [known.path]: { message: t(known.message) } });
    const message = code === "23505" ? ERR.taken : code === "23503" ? ERR.referenceMissing : ERR.check;
    const columns =
      code === "23505"
        ? (cause?.constraint?.fields ?? [])
        : [constraint.replace(`${table}_`, "").replace(/_(fkey|check)$/, "")];
    const path = columns.map((c) => propertyByColumn.get(c)).find(Boolean);
    return path ? fieldErrors(resourceId, { [path]: { message } }) : new AppError(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Features
// ---------------------------------------------------------------------------------------------

const RECORD_ACTIONS = ["list", "show", "edit", "new", "search", "delete", "bulkDelete"] as const;

/** Removes params from every record an action answers with (after hooks run only on success). */
export function hideParams(paths: string[]): FeatureType {
  const strip = (record: RecordJSON | undefined) => {
    if (!record?.params) return;
    for (const path of paths) dropKeys(record.params, path);
  };
  const after: After<ActionResponse> = (response) => {
    strip(response.record as RecordJSON | undefined);
    for (const record of (response.records ?? []) as RecordJSON[]) strip(record);
    return response;
  };
  return buildFeature({ actions: Object.fromEntries(RECORD_ACTIONS.map((name) => [name, { after }])) });
}

function formFeature(resourceId: string, rules: FieldRule[]): ResourceOptions {
  const check =
    (isNew: boolean): Before =>
    (request: ActionRequest, context) => {
      if (request.method !== "post") return request;
      const payload: Record<string, unknown> = { ...(request.payload ?? {}) };
      // An edit never changes the record's id (AdminJS would take a posted one for the record to write).
      const idPath = context.resource
        .properties()
        .find((p) => p.isId())
        ?.path();
      if (!isNew && idPath) delete payload[idPath];
      // A refused edit answers with context.record (this hook's error, or a later hook's): it carries
      // what the admin typed, so the form keeps it instead of falling back to the stored values.
      // Writable columns only: never a secret or a write-only field such as a password.
      const typed = rules.filter((r) => r.writable && r.path in payload).map((r) => [r.path, payload[r.path]]);
      context.record?.storeParams(Object.fromEntries(typed));
      const errors = checkForm(rules, payload, isNew);
      if (Object.keys(errors).length) throw fieldErrors(resourceId, errors);
      return { ...request, payload };
    };
  const jsonPaths = rules.filter((r) => r.kind === "json" && r.writable).map((r) => r.path);
  // The edit form receives each JSON column as the text it will send back.
  const jsonAsText: After<ActionResponse> = (response, request) => {
    const record = response.record as RecordJSON | undefined;
    if (request.method !== "get" || !record?.params || !jsonPaths.length) return response;
    const params = { ...record.params };
    for (const path of jsonPaths) {
      const value: unknown = flat.get(params, path);
      dropKeys(params, path);
      params[path] = value === undefined || value === null ? "" : JSON.stringify(value, null, 2);
    }
    return { ...response, record: { ...record, params } };
  };
  return {
    actions: {
      new: { before: [check(true)] },
      edit: { before: [check(false)], after: [jsonAsText] },
    },
  };
}

/** Runs after the form check, which has already dropped whatever the form said about the author. */
function authorFeature(path: string): ResourceOptions {
  const setAuthor: Before = (request, context) => {
    const adminId = context.currentAdmin?.id;
    if (request.method !== "post" || !adminId) return request;
    return { ...request, payload: { ...(request.payload ?? {}), [path]: String(adminId) } };
  };
  return { actions: { new: { before: [setAuthor] } } };
}

/**
 * Guards every action of the resource with can(): the built-in ones (bulk included) and every custom
 * action, which must name its permission in `access.actions` (start-up fails otherwise).
 */
function accessFeature(
  resourceId: string,
  access: ResourceAccess,
  actions: Record<string, unknown>,
  part: "before hooks" | "isAccessible",
): FeatureType {
  const custom = Object.keys(actions).filter((name) => !(BUILT_IN_ACTIONS as readonly string[]).includes(name));
  const undeclared = custom.filter((name) => access.actions?.[name] === undefined);
  if (undeclared.length) {
    throw new Error(`Resource ${resourceId}: action(s) ${undeclared.join(", ")} need a permission in access.actions`);
  }
  const guarded = Object.fromEntries(
    [...BUILT_IN_ACTIONS, ...custom].map((name) => {
      const own = (actions[name] as { isAccessible?: boolean | IsFunction } | undefined)?.isAccessible;
      return [
        name,
        part === "isAccessible"
          ? { isAccessible: guard(access, name, own) }
          : { before: [refuseBeforeHooks(access, name, own)] },
      ];
    }),
  );
  return buildFeature({ actions: guarded });
}

// ---------------------------------------------------------------------------------------------
// The kit
// ---------------------------------------------------------------------------------------------

export function createResourceKit(
  prisma: PrismaClient,
  models: Map<string, DmmfModel>,
  components: Components,
  settings: ResourceKitSettings,
): ResourceKit {
  const tableOf = (modelName: string) => {
    const model = models.get(modelName);
    if (!model) throw new Error(`Unknown Prisma model ${modelName}`);
    return model.dbName ?? model.name;
  };

  function resource(modelName: string, options: ResourceOptions, extra: KitResourceSettings) {
    const model = models.get(modelName);
    if (!model) throw new Error(`Unknown Prisma model ${modelName}`);
    const resourceId = tableOf(modelName);
    const secrets = extra.secrets ?? [];
    const fields = propertyFields(model);

    // What the data model says about each property; the module's options override it.
    const derived: Record<string, PropertyOptions> = {};
    for (const field of fields) {
      const auto: PropertyOptions = {};
      if (field.kind === "object") auto.reference = tableOf(field.type);
      if (field.kind === "enum") auto.availableValues = enumValues(field.type).map((v) => ({ value: v, label: v }));
      if ((field.isId && field.hasDefaultValue) || field.name === "createdAt")
        auto.isVisible = { list: true, show: true, filter: true, edit: false };
      if (field.name === extra.author) auto.isVisible = { list: true, show: true, edit: false, filter: true };
      if (secrets.includes(field.name)) auto.isVisible = false;
      derived[field.name] = auto;
    }
    const merged = mergeResourceOptions({ id: resourceId, properties: derived }, options);
    // Forms follow the table's column order, a relation where its foreign key column is (the adapter
    // would put every relation last); the title stays first.
    for (const field of fields) {
      const property = (merged.properties ??= {})[field.name] ?? {};
      const column = field.kind === "object" ? field.relationFromFields![0] : field.name;
      if (!property.isTitle && property.position === undefined) {
        merged.properties[field.name] = {
          ...property,
          position: 100 + model.fields.findIndex((f) => f.name === column),
        };
      }
    }
    checkOptionNames(resourceId, merged, new Set(fields.map((f) => f.name)));

    const rules = fields.map((f) => fieldRule(f, merged, secrets));
    let withForms = mergeResourceOptions(formFeature(resourceId, rules), merged);
    if (extra.author) withForms = mergeResourceOptions(withForms, authorFeature(extra.author));
    const hidden = [...secrets, ...(extra.writeOnly ?? [])];

    const propertyByColumn = new Map<string, string>();
    for (const field of model.fields) {
      if (field.kind === "object") {
        for (const fk of field.relationFromFields ?? []) {
          const fkField = model.fields.find((f) => f.name === fk);
          propertyByColumn.set(fkField?.dbName ?? fk, field.name).set(fk, field.name);
        }
      } else if (!propertyByColumn.has(field.name)) {
        propertyByColumn.set(field.dbName ?? field.name, field.name).set(field.name, field.name);
      }
    }
    const adapterModel = model as unknown as ConstructorParameters<typeof LocodPrismaResource>[0]["model"];
    return {
      resource: new KitPrismaResource(
        { model: adapterModel, client: prisma },
        { resourceId, table: resourceId, secrets, propertyByColumn, named: extra.constraints ?? {} },
        extra.access,
        extra.writes,
      ),
      // AdminJS applies features before options, so the options go in as the first feature: the form
      // check runs before a module's own hooks (which may set what the check drops, like a password hash).
      options: { id: resourceId },
      features: [
        accessFeature(resourceId, extra.access, withForms.actions ?? {}, "before hooks"),
        buildFeature(withForms),
        ...(extra.features ?? []),
        ...(hidden.length ? [hideParams(hidden)] : []),
        // Last, so that no feature's action options can replace the permission check.
        accessFeature(resourceId, extra.access, withForms.actions ?? {}, "isAccessible"),
      ],
    } as ResourceWithOptions;
  }

  return {
    prisma,
    components,
    bcryptCost: settings.bcryptCost,
    queues: settings.queues,
    config: settings.config,
    resource,
    money: ({ currencyPath } = {}) => ({
      components: { list: components.Money, show: components.Money },
      props: { type: "number", step: "0.01", min: 0 },
      custom: { kind: "money", ...(currencyPath ? { currencyPath } : {}) } satisfies FieldCustom,
      isVisible: { list: true, show: true, edit: true, filter: false },
    }),
    json: (shape = "any", { itemPattern } = {}) => ({
      components: { list: components.Json, show: components.Json, edit: components.JsonEdit },
      custom: { kind: "json", json: shape, ...(itemPattern ? { itemPattern } : {}) } satisfies FieldCustom,
      isSortable: false,
      isVisible: { list: true, show: true, edit: true, filter: false },
    }),
    text: () => ({
      type: "textarea",
      props: { rows: 5 },
      custom: { kind: "text" } satisfies FieldCustom,
      isSortable: false,
      isVisible: { list: false, show: true, edit: true, filter: false },
    }),
    readOnly: () => ({ isVisible: { list: true, show: true, edit: false, filter: true } }),
    int: ({ min, max }) => ({
      props: { type: "number", step: 1, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) },
      custom: { min, max } satisfies FieldCustom,
    }),
    date: () => ({ type: "date" }),
    email: ({ lowercase = false } = {}) => ({
      props: { type: "email" },
      custom: { pattern: EMAIL, lowercase } satisfies FieldCustom,
    }),
  };
}

/** A list, filter or sort naming a property that does not exist fails at start-up, not in a browser. */
function checkOptionNames(resourceId: string, options: ResourceOptions, fieldNames: Set<string>): void {
  const known = new Set([...fieldNames, ...Object.keys(options.properties ?? {})]);
  const named = [
    ...(options.listProperties ?? []),
    ...(options.showProperties ?? []),
    ...(options.editProperties ?? []),
    ...(options.filterProperties ?? []),
    ...(options.sort?.sortBy ? [options.sort.sortBy] : []),
  ];
  const unknown = named.filter((name) => !known.has(name));
  if (unknown.length) throw new Error(`Resource ${resourceId}: no property named ${unknown.join(", ")}`);
}
