// A record's page lists what belongs to it (the table spec's `related`): for each related table the
// admin may list, the newest rows pointing at the record, and how many there are in all. The lists
// ride on the show action's answer (record.related), so the page makes no request of its own.
import { Filter, populator, type ActionContext, type BaseResource, type RecordJSON } from "adminjs";
import type { DmmfModel } from "../db/dmmf.js";
import type { RelatedTable } from "../db/table-spec.js";

const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 50;

/** A related table as the show page queries it. */
export interface RelatedList {
  /** The related table's resource id. */
  table: string;
  /** Its column (Prisma field) holding the record's id. */
  via: string;
  /** Its AdminJS property filtered on: the relation over `via` where there is one ("customer"), else `via`. */
  property: string;
  limit: number;
}

/** One related table on a record's page. */
export interface RelatedSection {
  resourceId: string;
  property: string;
  total: number;
  /** The newest rows, as the related table's list shows them (references populated). */
  records: RecordJSON[];
}

/**
 * Checks a table's related lists against the data model: each names a table and a column of it holding
 * this table's id (a foreign key to it, or a plain column of the id's type). Start-up fails otherwise.
 */
export function resolveRelated(
  parent: DmmfModel,
  related: readonly RelatedTable[],
  models: Map<string, DmmfModel>,
): RelatedList[] {
  const parentTable = parent.dbName ?? parent.name;
  const id = parent.fields.find((f) => f.isId);
  if (related.length && !id) throw new Error(`${parentTable}: related lists need a table with one id column`);
  const byTable = new Map([...models.values()].map((m) => [m.dbName ?? m.name, m]));
  const seen = new Set<string>();
  return related.map((entry) => {
    const where = `${parentTable}: related ${entry.table}.${entry.via}`;
    const child = byTable.get(entry.table);
    if (!child) throw new Error(`${where}: no such table`);
    const key = `${entry.table}.${entry.via}`;
    if (seen.has(key)) throw new Error(`${where}: listed twice`);
    seen.add(key);
    const column = child.fields.find((f) => f.name === entry.via);
    if (!column || column.kind !== "scalar" || column.type !== id!.type || column.isList) {
      throw new Error(`${where}: not a column holding a ${parentTable} id (${id!.type})`);
    }
    const relation = child.fields.find((f) => f.kind === "object" && f.relationFromFields?.includes(entry.via));
    if (relation && relation.type !== parent.name) {
      throw new Error(`${where}: the column refers to ${relation.type}, not ${parent.name}`);
    }
    const limit = entry.limit ?? DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new Error(`${where}: limit must be an integer from 1 to ${MAX_LIMIT}`);
    }
    return { table: entry.table, via: entry.via, property: relation?.name ?? entry.via, limit };
  });
}

/** The sort of a related table's list: its spec's default order where it has one, else the newest ids. */
export type OrderOf = (resource: BaseResource) => { by: string; direction: "asc" | "desc" } | undefined;

/**
 * The related sections of one record for the acting admin: a table the admin may not list is left
 * out (no title, no count of its rows).
 */
export async function relatedSections(
  lists: readonly RelatedList[],
  recordId: string | number,
  context: ActionContext,
  orderOf: OrderOf,
): Promise<RelatedSection[]> {
  const { currentAdmin } = context;
  const sections = await Promise.all(
    lists.map(async (list): Promise<RelatedSection | null> => {
      const resource = context._admin.findResource(list.table);
      const decorator = resource.decorate();
      if (!decorator.resourceActions(currentAdmin).some((a) => a.name === "list")) return null;
      const filter = new Filter({ [list.property]: String(recordId) }, resource);
      const idName =
        resource
          .properties()
          .find((p) => p.isId())
          ?.name() ?? "id";
      const order = orderOf(resource) ?? { by: idName, direction: "desc" as const };
      const [found, total] = await Promise.all([
        resource.find(filter, { limit: list.limit, offset: 0, sort: { sortBy: order.by, direction: order.direction } }),
        resource.count(filter),
      ]);
      const records = await populator(found, context);
      return {
        resourceId: list.table,
        property: list.property,
        total,
        records: records.map((r) => r.toJSON(currentAdmin)),
      };
    }),
  );
  return sections.filter((s): s is RelatedSection => s !== null);
}
