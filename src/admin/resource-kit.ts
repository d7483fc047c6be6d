// What a module's resource.ts receives to declare its AdminJS resources. A resource is built from the
// module's table spec (src/db/table-spec.ts), which says what may be written, by whom, and how lists
// filter and sort; the module adds only presentation (titles, components, custom actions). From the
// spec and the data model, every resource gets without asking:
// - references pointing at the table-named resource ids, enum columns offering their values, money,
//   JSON and long-text columns shown with their components;
// - the form check before anything reaches Prisma: the same column validator as the REST routes
//   (src/db/columns.ts), fed the form's text; a column the spec does not let a generic write set is
//   refused by name when the form changes it (an unchanged echo of the record is ignored); errors come
//   back as AdminJS field errors, never as a 500 and never half-written;
// - database refusals through the same mapper as REST (src/db/pg-errors.ts), as field errors;
// - secret columns dropped from every record the adapter returns, so they reach no browser.
import { Prisma } from "@prisma/client";
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
import type { DmmfModel } from "../db/dmmf.js";
import { checkFormWrite, type Column, type ColumnError } from "../db/columns.js";
import { tableWriteError, ColumnRefusal } from "../db/pg-errors.js";
import { describeTable, type Table } from "../db/tables.js";
import type { RecordWrites, TableSpec, WriteDeps } from "../db/table-spec.js";
import { LocodPrismaResource } from "./prisma-resource.js";
import { BUILT_IN_ACTIONS, guard, refuseBeforeHooks, type ResourceAccess } from "./access.js";
import type { Components } from "./components.js";
import { AppError as ServiceError } from "../lib/errors.js";
import { checkTitle, titleParts } from "./record-title.js";
import { relatedSections, resolveRelated, type RelatedList } from "./related-records.js";
import { recordLinks } from "./record-links.js";

export type { RecordWrites } from "../db/table-spec.js";

/** Presentation a module may add to a table's resource, beyond AdminJS's options. */
export interface KitResourceSettings {
  features?: FeatureType[];
}

export interface ResourceKit extends WriteDeps {
  components: Components;
  /** A table spec as an AdminJS resource whose id is its table name; `options` is presentation only. */
  table(spec: TableSpec, options?: ResourceOptions, settings?: KitResourceSettings): ResourceWithOptions;
  /** Money in another currency than EUR: the record param holding its ISO code. */
  money(options: { currencyPath: string }): PropertyOptions;
}

export type ResourceFactory = (kit: ResourceKit) => ResourceWithOptions[];

// AdminJS renders field and notice messages with i18next, which resolves $t(key) nesting even in a
// message it has no key for: the server names the field and the problem, the browser's language words them.
const t = (key: string) => `$t(messages.${key})`;

export type FieldErrors = Record<string, { message: string }>;

// i18next reads a colon in a message as a namespace separator, and throws ("namespaces.forEach is not
// a function") on a message that also holds a $t(...) nesting: each colon outside the nestings becomes
// the nesting of messages.colon, which words it in the admin's language (" :" in French).
const NESTING = /\$t\([^)]*\)/g;
function colonSafe(message: string): string {
  let out = "";
  let last = 0;
  for (const match of message.matchAll(NESTING)) {
    out += message.slice(last, match.index).replace(/\s*:/g, t("colon")) + match[0];
    last = match.index + match[0].length;
  }
  return out + message.slice(last).replace(/\s*:/g, t("colon"));
}

/**
 * A ValidationError whose notice names the fields, in the admin's language. A nested path
 * (`generatedContent.pages.2.title`) is named by its property's label.
 */
export function fieldErrors(resourceId: string, errors: FieldErrors): ValidationError {
  const label = (path: string) => `$t(resources.${resourceId}.properties.${path.split(".")[0]})`;
  const paths = Object.keys(errors);
  const safe: FieldErrors = Object.fromEntries(
    paths.map((path) => [path, { ...errors[path]!, message: colonSafe(errors[path]!.message) }]),
  );
  const message =
    paths.length === 1
      ? `${label(paths[0]!)} — ${safe[paths[0]!]!.message}`
      : `${t("fieldsInvalid")} ${[...new Set(paths.map(label))].join(", ")}`;
  return new ValidationError(safe, { message });
}

/** A column refusal in the admin's words: the reason's message, then its detail. */
function reasonMessage(error: ColumnError): string {
  return error.detail ? `${t(error.reason)} ${error.detail}` : t(error.reason);
}

/** The AdminJS property of a column: a foreign key is edited through its relation (`customer`). */
const propertyOf = (column: Column) => column.relation?.field ?? column.name;

function dropKeys(payload: Record<string, unknown>, path: string): void {
  for (const key of Object.keys(payload)) if (key === path || key.startsWith(`${path}.`)) delete payload[key];
}

// ---------------------------------------------------------------------------------------------
// The form check
// ---------------------------------------------------------------------------------------------

/** Whether a posted form value is the record's stored value, echoed back by the form. */
function isEcho(column: Column, posted: unknown, params: Record<string, unknown> | undefined): boolean {
  if (!params) return false;
  const path = propertyOf(column);
  const stored: unknown =
    column.type === "Json" ? flat.get(params as Parameters<typeof flat.get>[0], path) : params[path];
  const blank = (v: unknown) => v === undefined || v === null || v === "";
  if (blank(posted) || blank(stored)) return blank(posted) && blank(stored);
  const text = String(posted);
  switch (column.type) {
    case "DateTime":
      return new Date(text).getTime() === new Date(stored as string).getTime();
    case "Decimal":
      try {
        return new Prisma.Decimal(text).eq(new Prisma.Decimal(stored as string));
      } catch {
        return false;
      }
    case "Json":
      try {
        return JSON.stringify(JSON.parse(text)) === JSON.stringify(stored);
      } catch {
        return false;
      }
    default:
      return text === String(stored);
  }
}

/** A checked value as the adapter takes it back in the payload. */
function formValue(column: Column, value: unknown): unknown {
  if (value instanceof Prisma.Decimal) return value.toFixed(column.scale);
  if (value instanceof Date) return value.toISOString();
  if (column.relation && value !== null) return String(value);
  return value;
}

/**
 * Checks a submitted new/edit form, as REST checks a body: the form's values by column, the echo of
 * columns it does not write dropped, everything else through checkFormWrite. Returns the payload the
 * adapter writes, or the field errors.
 */
export function checkForm(
  table: Table,
  payload: Record<string, unknown>,
  mode: "create" | "update",
  stored: Record<string, unknown> | undefined,
): { payload: Record<string, unknown> } | { errors: FieldErrors } {
  const inputs = new Set(Object.keys(table.spec.createInputs ?? {}));
  const byProperty = new Map(table.columns.map((c) => [propertyOf(c), c]));
  const values: Record<string, unknown> = {};
  const kept: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const [key, raw] of Object.entries(payload)) {
    // A create input (a password) is the module's to check, with its own words: an update that
    // carries one is refused by the module's feature, as REST refuses it.
    if (inputs.has(key)) {
      if (mode === "create" || (raw !== "" && raw !== null && raw !== undefined)) kept[key] = raw;
      continue;
    }
    const dot = key.indexOf(".");
    const column = byProperty.get(dot > 0 ? key.slice(0, dot) : key);
    // The flattened keys of a JSON value (or of a populated reference) are the record's echo: a JSON
    // column is written only from its text.
    if (dot > 0 && column) continue;
    if (column?.type === "Json" && typeof raw !== "string" && raw !== null) continue;
    const settable = column && !column.secret && column.write && !(column.write === "create" && mode === "update");
    if (column && !settable) {
      const nothing = raw === undefined || raw === null || raw === "";
      if (mode === "create" ? nothing : isEcho(column, raw, stored)) continue;
    }
    values[column?.name ?? key] = raw;
  }
  // A create input the create cannot do without (a password) is missing as REST reports it.
  if (mode === "create") {
    for (const [key, schema] of Object.entries(table.spec.createInputs ?? {})) {
      const raw = payload[key];
      if ((raw === undefined || raw === "") && !schema.safeParse(undefined).success) {
        errors[key] = { message: t("fieldRequired") };
      }
    }
  }
  const checked = checkFormWrite(table.columns, values, mode);
  for (const error of checked.errors) {
    const column = table.columns.find((c) => c.name === error.field);
    errors[column ? propertyOf(column) : error.field] = { message: reasonMessage(error) };
  }
  if (Object.keys(errors).length) return { errors };
  for (const [name, value] of Object.entries(checked.data)) {
    const column = table.columns.find((c) => c.name === name)!;
    kept[propertyOf(column)] = formValue(column, value);
  }
  return { payload: kept };
}

function formFeature(table: Table): ResourceOptions {
  const check =
    (mode: "create" | "update"): Before =>
    (request: ActionRequest, context) => {
      if (request.method !== "post") return request;
      const payload: Record<string, unknown> = { ...(request.payload ?? {}) };
      // A refused edit answers with context.record (this hook's error, or a later hook's): it carries
      // what the admin typed, so the form keeps it instead of falling back to the stored values.
      // Writable columns only: never a secret or a write-only field such as a password.
      const writable = new Set(table.columns.filter((c) => c.write).map(propertyOf));
      const stored = context.record?.params ? { ...context.record.params } : undefined;
      const typed = Object.entries(payload).filter(([key]) => writable.has(key));
      context.record?.storeParams(Object.fromEntries(typed));
      const checked = checkForm(table, payload, mode, stored);
      if ("errors" in checked) throw fieldErrors(table.table, checked.errors);
      return { ...request, payload: checked.payload };
    };
  const jsonPaths = table.columns.filter((c) => c.type === "Json" && c.write).map((c) => c.name);
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
      new: { before: [check("create")] },
      edit: { before: [check("update")], after: [jsonAsText] },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The Prisma resource with secrets dropped and refusals as field errors
// ---------------------------------------------------------------------------------------------

export class KitPrismaResource extends LocodPrismaResource {
  constructor(
    args: ConstructorParameters<typeof LocodPrismaResource>[0],
    /** The table as its spec declares it. */
    readonly described: Table,
    /** Who may do what with this table. */
    readonly access: ResourceAccess,
    /** The module's service writes, where it has them (the REST routes use the same). */
    readonly writes: RecordWrites = {},
  ) {
    super(args);
  }

  /** The table name, which is also the resource id. */
  get tableName(): string {
    return this.described.table;
  }

  /** Columns (Prisma field names) that never leave the server. */
  get secretFields(): readonly string[] {
    return this.described.spec.secrets ?? [];
  }

  protected override prepareReturnValues(params: Record<string, unknown>): Record<string, unknown> {
    const values = super.prepareReturnValues(params);
    for (const secret of this.secretFields) delete values[secret];
    return values;
  }

  /** The checked payload as the service writes take it: column names, typed values. */
  private serviceData(params: Record<string, unknown>): Record<string, unknown> {
    const data = this.prepareParams(params);
    for (const key of Object.keys(this.described.spec.createInputs ?? {})) if (key in params) data[key] = params[key];
    // The adapter leaves the id out; a natural key (a setting's key) is typed on create.
    const id = this.described.idColumn.name;
    if (!(id in data) && typeof params[id] === "string") data[id] = params[id];
    return data;
  }

  override async create(params: Record<string, unknown>): Promise<Record<string, unknown>> {
    try {
      const { create } = this.writes;
      if (create) return this.prepareReturnValues(await create(this.serviceData(params)));
      return await super.create(params);
    } catch (error) {
      throw this.asFormError(error, "write");
    }
  }

  override async update(pk: string | number, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    try {
      const { update } = this.writes;
      if (update) return this.prepareReturnValues(await update(String(pk), this.prepareParams(params)));
      return await super.update(pk, params);
    } catch (error) {
      throw this.asFormError(error, "write");
    }
  }

  override async delete(id: string | number): Promise<void> {
    try {
      if (this.writes.delete) await this.writes.delete(String(id));
      else await super.delete(id);
    } catch (error) {
      throw this.asFormError(error, "delete");
    }
  }

  /**
   * A refusal as AdminJS answers a form. A ValidationError without a field error would read as a
   * success to the new and edit actions, so a refusal no field explains is an AppError (an error
   * notice, nothing written).
   */
  private asFormError(error: unknown, operation: "write" | "delete"): unknown {
    const mapped = tableWriteError(this.described, error, operation);
    if (!(mapped instanceof ServiceError)) return mapped;
    const property = (field: string) => {
      const column = this.described.columns.find((c) => c.name === field || c.dbName === field);
      return column ? propertyOf(column) : field;
    };
    if (mapped instanceof ColumnRefusal) {
      return fieldErrors(
        this.described.table,
        Object.fromEntries(mapped.columnErrors.map((e) => [property(e.field), { message: reasonMessage(e) }])),
      );
    }
    if (mapped.code === "conflict" && operation === "delete" && !mapped.errors?.length) {
      return new AppError(error instanceof ServiceError ? mapped.message : t("recordStillReferenced"));
    }
    // A service write refused: its named fields become the form's field errors.
    const fields = (mapped.errors ?? []).filter((e) => e.field !== "(body)");
    if (!fields.length) return new AppError(mapped.message);
    return fieldErrors(
      this.described.table,
      Object.fromEntries(fields.map((e) => [property(e.field), { message: e.message }])),
    );
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

/** Runs after the form check, which has already refused whatever the form said about the author. */
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
 * action, which must name its permission in the spec's `actions` (start-up fails otherwise).
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
    throw new Error(
      `Resource ${resourceId}: action(s) ${undeclared.join(", ")} need a permission in the table spec's actions`,
    );
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

/** The AdminJS property options the data model and the spec imply for one column. */
function derivedProperty(column: Column, table: Table, components: Components, tableOf: (model: string) => string) {
  const { spec } = table;
  const options: PropertyOptions = {};
  if (column.relation) options.reference = tableOf(column.relation.model);
  const copied = spec.references?.[column.name];
  if (copied) options.reference = tableOf(copied);
  if (column.values) options.availableValues = column.values.map((v) => ({ value: v, label: v }));
  const filterable = spec.filters ? spec.filters.includes(propertyOf(column)) : undefined;
  const listed = spec.list ? spec.list.includes(propertyOf(column)) : undefined;
  const edit = Boolean(column.write);
  switch (column.type) {
    case "Decimal":
      // A rate (vat_rate) is a percentage, not money.
      Object.assign(
        options,
        /Rate$/.test(column.name)
          ? { components: { list: components.NumberValue, show: components.NumberValue }, custom: { percent: true } }
          : { components: { list: components.Money, show: components.Money, edit: components.MoneyEdit } },
      );
      break;
    case "Json":
      Object.assign(options, {
        components: { list: components.Json, show: components.Json, edit: components.JsonEdit },
        isSortable: false,
      });
      break;
    case "Int": {
      const { min, max } = column.rule;
      // A count or an amount of units; an id naming another row (a relation or `references`) shows its title.
      if (!column.relation && !copied && column !== table.idColumn) {
        options.components = { list: components.NumberValue, show: components.NumberValue };
      }
      if (!column.relation && (min !== undefined || max !== undefined)) {
        options.props = {
          type: "number",
          step: 1,
          ...(min !== undefined ? { min } : {}),
          ...(max !== undefined ? { max } : {}),
        };
      }
      break;
    }
    case "DateTime":
      if (column.dateOnly) options.type = "date";
      break;
    case "String":
      if (column.rule.text) Object.assign(options, { type: "textarea", props: { rows: 5 }, isSortable: false });
      else if (column.rule.email) options.props = { type: "email" };
      break;
  }
  if (spec.sorts && !spec.sorts.includes(propertyOf(column))) options.isSortable = false;
  const inList = listed ?? !(column.rule.text || column.type === "Json");
  options.isVisible = {
    list: inList,
    show: !column.secret,
    edit: edit && !column.secret,
    filter: filterable ?? (column.type !== "Json" && !column.rule.text),
  };
  if (column.secret) options.isVisible = false;
  return options;
}

/**
 * Whether a list cell keeps its value on one line: ids, numbers, money, dates, enum values and
 * machine-made text (slugs, host names, codes) are unreadable once broken ("20/0" for 200).
 */
export function keepsOneLine(column: Column): boolean {
  if (column.relation) return false;
  if (["Int", "Decimal", "DateTime", "Boolean", "enum"].includes(column.type)) return true;
  if (column.values) return true;
  if (column.type !== "String" || column.rule.text || column.rule.email) return false;
  return Boolean(column.rule.pattern || column.rule.hostname || column.rule.relativePath || column.isId);
}

/** The show action of a table with related lists: the lists ride on the record it answers with. */
function relatedFeature(lists: RelatedList[], components: Components): ResourceOptions {
  const after: After<ActionResponse> = async (response, request, context) => {
    const record = response.record as (RecordJSON & { related?: unknown }) | undefined;
    if (request.method !== "get" || !record?.id) return response;
    record.related = await relatedSections(lists, record.id, context, (resource) =>
      resource instanceof KitPrismaResource ? resource.described.spec.order : undefined,
    );
    return response;
  };
  return { actions: { show: { component: components.RecordShow, after: [after] } } };
}

export function createResourceKit(
  deps: WriteDeps,
  models: Map<string, DmmfModel>,
  components: Components,
): ResourceKit {
  const tableOf = (modelName: string) => {
    const model = models.get(modelName);
    if (!model) throw new Error(`Unknown Prisma model ${modelName}`);
    return model.dbName ?? model.name;
  };

  function table(spec: TableSpec, options: ResourceOptions = {}, settings: KitResourceSettings = {}) {
    const described = describeTable(spec, models);
    const { model, table: resourceId } = described;

    const derived: Record<string, PropertyOptions> = {};
    for (const column of described.columns) {
      derived[propertyOf(column)] = derivedProperty(column, described, components, tableOf);
    }
    for (const field of Object.keys(spec.references ?? {})) {
      const column = described.columns.find((c) => c.name === field);
      if (!column || column.relation || !["Int", "String"].includes(column.type)) {
        throw new Error(`${resourceId}: references.${field} is not a plain id column`);
      }
    }
    if (spec.title) checkTitle(model, spec.title, models);
    // The first text column of the title is AdminJS's title property: the list's link and what a search
    // looks in. A title without one (a subscription: its customer and plan) keeps the module's or AdminJS's.
    const titleProperty = spec.title
      ? titleParts(spec.title).find(
          (p) => !p.relation && described.columns.find((c) => c.name === p.field)?.type === "String",
        )?.field
      : undefined;
    if (titleProperty) derived[titleProperty] = { ...derived[titleProperty], isTitle: true };
    const related = resolveRelated(model, spec.related ?? [], models);
    for (const [key] of Object.entries(spec.createInputs ?? {})) {
      derived[key] = { isVisible: { list: false, show: false, filter: false, edit: true } };
    }
    const fromSpec: ResourceOptions = {
      id: resourceId,
      properties: derived,
      ...(spec.list ? { listProperties: spec.list } : {}),
      ...(spec.filters ? { filterProperties: spec.filters } : {}),
      ...(spec.order ? { sort: { sortBy: spec.order.by, direction: spec.order.direction } } : {}),
    };
    let merged = mergeResourceOptions(fromSpec, options);
    if (titleProperty) {
      for (const [path, property] of Object.entries(merged.properties ?? {})) {
        if (path !== titleProperty && property.isTitle) merged.properties![path] = { ...property, isTitle: false };
      }
    }
    if (related.length) merged = mergeResourceOptions(relatedFeature(related, components), merged);
    if (spec.recordLink) {
      const { recordLink } = spec;
      const link = recordLinks(recordLink);
      const shown: PropertyOptions = {
        components: { list: components.RecordLink, show: components.RecordLink },
        custom: { recordLink },
      };
      const paths = [recordLink.table, recordLink.id, ...(recordLink.action ? [recordLink.action] : [])];
      merged = mergeResourceOptions(
        {
          properties: Object.fromEntries(paths.map((path) => [path, shown])),
          actions: { list: { after: [link] }, show: { after: [link] } },
        },
        merged,
      );
    }
    // What may be edited is the spec's, whatever the presentation says.
    for (const column of described.columns) {
      const property = (merged.properties ??= {})[propertyOf(column)] ?? {};
      const visible = property.isVisible;
      const edit = Boolean(column.write) && !column.secret;
      merged.properties[propertyOf(column)] = {
        ...property,
        ...(keepsOneLine(column) ? { custom: { ...property.custom, oneLine: true } } : {}),
        isVisible:
          visible === false || visible === true
            ? { list: visible, show: visible, filter: visible, edit: edit && visible }
            : { ...(visible ?? {}), edit },
      };
    }
    // Forms follow the table's column order, a relation where its foreign key column is; the title stays first.
    for (const column of described.columns) {
      const path = propertyOf(column);
      const property = merged.properties![path]!;
      if (!property.isTitle && property.position === undefined) {
        merged.properties![path] = {
          ...property,
          position: 100 + model.fields.findIndex((f) => f.name === column.name),
        };
      }
    }
    const access: ResourceAccess = { module: spec.module, ...(spec.actions ? { actions: spec.actions } : {}) };
    let withForms = mergeResourceOptions(formFeature(described), merged);
    if (spec.author) {
      const authorRelation = described.columns.find((c) => c.name === spec.author)?.relation?.field ?? spec.author;
      withForms = mergeResourceOptions(withForms, authorFeature(authorRelation));
    }
    const hidden = [...(spec.secrets ?? []), ...Object.keys(spec.createInputs ?? {})];
    const adapterModel = model as unknown as ConstructorParameters<typeof LocodPrismaResource>[0]["model"];
    const resource = new KitPrismaResource(
      { model: adapterModel, client: deps.prisma },
      described,
      access,
      spec.writes?.(deps),
    );
    resource.title = spec.title;
    return {
      resource,
      // AdminJS applies features before options, so the options go in as the first feature: the form
      // check runs before a module's own hooks.
      options: { id: resourceId },
      features: [
        accessFeature(resourceId, access, withForms.actions ?? {}, "before hooks"),
        buildFeature(withForms),
        ...(settings.features ?? []),
        ...(hidden.length ? [hideParams(hidden)] : []),
        // Last, so that no feature's action options can replace the permission check.
        accessFeature(resourceId, access, withForms.actions ?? {}, "isAccessible"),
      ],
    } as ResourceWithOptions;
  }

  return {
    ...deps,
    components,
    table,
    money: ({ currencyPath }) => ({
      components: { list: components.Money, show: components.Money, edit: components.MoneyEdit },
      custom: { currencyPath },
    }),
  };
}
