// A table spec read against the Prisma model, once at start-up: its columns, id, keyset order and
// the permission of each action. The AdminJS resource and the REST routes are both built from it.
import type { DmmfModel } from "./dmmf.js";
import { tableColumns, type Column } from "./columns.js";
import type { TableErrorContext } from "./pg-errors.js";
import type { TableSpec } from "./table-spec.js";
import { MODULE_PERMISSIONS, type PermissionModule } from "../modules/auth/permissions.js";

export interface Table extends TableErrorContext {
  spec: TableSpec;
  model: DmmfModel;
  /** The table's name: the AdminJS resource id and the last segment of its REST path. */
  table: string;
  module: PermissionModule;
  columns: Column[];
  idColumn: Column;
  /** Keyset order of the REST list: newest first, by id (or created_at then id when the id is not a counter). */
  keys: Column[];
  /** What an answer selects: every column but the secrets. */
  select: Record<string, true>;
}

function has(module: PermissionModule, permission: string): boolean {
  return (MODULE_PERMISSIONS[module] as readonly string[]).includes(permission);
}

/** A built-in action's permission when the spec does not name one. */
export function defaultPermission(module: PermissionModule, action: string): string | null {
  switch (action) {
    case "list":
    case "search":
    case "show":
      return "view";
    case "new":
      return has(module, "create") ? "create" : has(module, "edit") ? "edit" : null;
    case "edit":
      return has(module, "edit") ? "edit" : null;
    case "delete":
    case "bulkDelete":
      return has(module, "delete") ? "delete" : null;
    default:
      return null;
  }
}

/** The permission an action of the table needs, or null when the action does not exist for it. */
export function tablePermission(spec: Pick<TableSpec, "module" | "actions">, action: string): string | null {
  const declared = spec.actions?.[action];
  if (declared !== undefined) return declared;
  return defaultPermission(spec.module, action);
}

/** The table of a spec; start-up fails on a spec that does not fit its model. */
export function describeTable(spec: TableSpec, models: Map<string, DmmfModel>): Table {
  const model = models.get(spec.model);
  if (!model) throw new Error(`Table spec: no Prisma model ${spec.model}`);
  const columns = tableColumns(model, spec);
  const idColumn = columns.find((c) => c.isId);
  if (!idColumn) throw new Error(`Table spec ${spec.model}: no single-column id`);
  const createdAt = columns.find((c) => c.name === "createdAt");
  const table = model.dbName ?? model.name;
  const readable = new Set(columns.filter((c) => !c.secret).map((c) => c.name));
  const named = [
    ...(spec.filters ?? []),
    ...(spec.sorts ?? []),
    ...(spec.list ?? []),
    ...(spec.order ? [spec.order.by] : []),
  ];
  const relations = new Set(columns.filter((c) => c.relation).map((c) => c.relation!.field));
  const unknown = named.filter((n) => !readable.has(n) && !relations.has(n));
  if (unknown.length) throw new Error(`Table spec ${spec.model}: no readable column named ${unknown.join(", ")}`);
  return {
    spec,
    model,
    table,
    module: spec.module,
    columns,
    idColumn,
    keys: idColumn.type === "Int" || !createdAt ? [idColumn] : [createdAt, idColumn],
    select: Object.fromEntries(columns.filter((c) => !c.secret).map((c) => [c.name, true as const])),
    constraints: spec.constraints ?? {},
  };
}
