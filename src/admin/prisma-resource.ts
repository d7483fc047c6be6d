// The @adminjs/prisma resource, with list pages that stay cheap on big tables (`npm run bench`,
// test/bench/, measures them against hand-written SQL; test/integration/list-counts.test.ts checks them).
//
// Counts. AdminJS counts the whole filtered set on every list request to draw its pager; on a table of
// a million rows an exact count(*) costs more than the page itself (50 ms against 2 ms here). So:
// - a page shorter than the page size tells the total without any count (offset + rows);
// - otherwise the planner estimates the filtered set (EXPLAIN of the same WHERE, under a millisecond);
//   at or below `exactCountLimit` rows the list gets an exact count, above it the estimate. A planner
//   estimate can be wrong (correlated filters), so before a set is shown as an estimate, a count
//   capped at limit + 1 rows proves it really is larger. Per table and filter, the estimate is
//   remembered for ten seconds and the proof for a minute (see countMemory);
// - the count starts beside the page query, not after it and the reference lookups as AdminJS's list
//   action would run it.
//
// Columns. A list page selects every column but the JSON documents the list does not show (AdminJS
// would flatten each into dozens of params per record and send them all to the browser). The
// references the list shows load with the page (a Prisma relation select: one query, id and title);
// the references it does not show are not looked up at all.
import { Resource, convertFilter } from "@adminjs/prisma";
import { Prisma } from "@prisma/client";
import { writeAudit } from "../lib/audit.js";
import { jsonProblem } from "../lib/input-rules.js";
import { forgetCounts, knownSets, KNOWN_SET_ENTRIES } from "../db/count-cache.js";
import {
  BaseRecord,
  type ActionContext,
  type AdminJS,
  type CurrentAdmin,
  type Filter,
  type RecordJSON,
  type ResourceOptions,
} from "adminjs";
import { titleColumns, titleRelations, titleText } from "./record-title.js";

export interface ListCountOptions {
  /** Above this many rows a list shows the planner's estimate instead of an exact count. */
  exactCountLimit: number;
}

type PrismaWhere = Record<string, unknown>;
type Row = Record<string, unknown> & { id: number | string };
interface ModelDelegate {
  create(args: { data: Record<string, unknown> }): Promise<Row>;
  update(args: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<Row>;
  delete(args: { where: Record<string, unknown> }): Promise<Row>;
  findUniqueOrThrow(args: { where: Record<string, unknown> }): Promise<Row>;
}
type FindOptions = Parameters<Resource["find"]>[1];

interface ListPage {
  offset: number;
  limit: number;
  returned: number;
  /** The total, started beside the page query; count() takes it unless the page itself tells. */
  total: Promise<number>;
}

/** What the list action's find() saw, for its count() on the same Filter object right after. */
const pages = new WeakMap<Filter, ListPage>();

/** A reference column of a list, loaded with the page through its Prisma relation. */
interface ListReference {
  relation: string;
  target: LocodPrismaResource;
}

/** Per list request: the referenced rows its page query loaded, by resource and id. */
const loadedReferences = new WeakMap<ActionContext, Map<LocodPrismaResource, Map<string, Record<string, unknown>>>>();

/** What is known of one table and filter: the planner's estimate and, for a large set, its proof. */
export class LocodPrismaResource extends Resource {
  static countOptions: ListCountOptions = { exactCountLimit: 100_000 };
  /**
   * How long an estimate is reused, and how long the proof that a set is above the limit holds.
   * The estimate only picks the way to count a small set (exactly either way, so a stale one costs
   * time, not truth) and is the total shown for a large one, where seconds move it by a fraction of a
   * percent. A set of more than exactCountLimit rows does not drop below it within a minute short of
   * a mass deletion, and a deletion through the admin forgets what is known of its table.
   */
  static countMemory = { estimateMs: 10_000, proofMs: 60_000 };

  /** Forgets every remembered estimate and proof (tests; a mass deletion outside the admin). */
  static forgetCounts(): void {
    forgetCounts();
  }

  private listColumns: Record<string, true> | undefined;
  private listReferences: ListReference[] | undefined;
  /** What names a row (the table spec's `title`); AdminJS's title property where unset. */
  title: readonly string[] | undefined;

  // Every record the resource answers with carries its title text (TitledRecord), read from the row
  // and the relations the title names, which load in the same query.
  override assignDecorator(admin: AdminJS, options: ResourceOptions = {}): void {
    super.assignDecorator(admin, options);
    const decorator = this.decorate();
    const titleOf = decorator.titleOf.bind(decorator);
    decorator.titleOf = (record) => (record instanceof TitledRecord && record.titleText) || titleOf(record);
  }

  /** A record of one of this table's rows, as Prisma returned it (the title's relations nested). */
  protected record(row: Record<string, unknown>): TitledRecord {
    return new TitledRecord(this.prepareReturnValues(row), this, titleText(row, this.title));
  }

  /** The relations a title reads, as a Prisma include; undefined when it reads none. */
  private titleInclude(): Record<string, { select: Record<string, true> }> | undefined {
    const relations = titleRelations(this.title);
    return Object.keys(relations).length ? relations : undefined;
  }

  override async findOne(id: string | number): Promise<BaseRecord | null> {
    const include = this.titleInclude();
    const row: Record<string, unknown> | null = await this.manager.findUnique({
      where: this.idWhere(id),
      ...(include ? { include } : {}),
    });
    return row ? this.record(row) : null;
  }

  override async find(filter: Filter, options: FindOptions = {}, context?: ActionContext): Promise<BaseRecord[]> {
    const where = listWhere(this.model.fields, filter);
    if (context?.action?.name !== "list") {
      // The stock find, with our WHERE (search boxes and reference pickers). Text searched in a number or
      // date title (a table without a text column) matches nothing rather than reaching Prisma unread.
      // A search text AdminJS read as JSON nested past what Prisma accepts (130 levels of {"a": ...}) can
      // match nothing either.
      if (unreadable(this.model.fields, where) || jsonProblem(where) !== null) return [];
      const { limit = 10, offset = 0, sort = {} } = options;
      const include = this.titleInclude();
      const found: Record<string, unknown>[] = await this.manager
        .findMany({
          where,
          skip: offset,
          take: limit,
          orderBy: this.buildSortBy(sort),
          ...(include ? { include } : {}),
        })
        .catch((error: unknown) => {
          // Text searched in an enum title (support_sla_policies' priority) that is none of its values:
          // Prisma refuses the query before it runs, and nothing can match.
          if (error instanceof Prisma.PrismaClientValidationError) return [];
          throw error;
        });
      return found.map((row) => this.record(row));
    }
    const total = this.total(where);
    // Awaited by count(); if the list fails before it counts, nobody awaits it.
    total.catch(() => undefined);
    const { limit = 10, offset = 0, sort = {} } = options;
    const references = this.referencesShown(context);
    const select: Record<string, unknown> = { ...this.listSelect() };
    for (const [relation, { select: fields }] of Object.entries(titleRelations(this.title))) {
      select[relation] = { select: fields };
    }
    for (const { relation, target } of references) {
      const title = (select[relation] as { select: Record<string, unknown> } | undefined)?.select;
      select[relation] = { select: { ...title, ...target.referenceSelect() } };
    }
    const rows: Record<string, unknown>[] = await this.manager.findMany({
      where,
      skip: offset,
      take: limit,
      orderBy: this.buildSortBy(sort),
      select,
    });
    const records = rows.map((row) => this.record(row));
    pages.set(filter, { offset, limit, returned: rows.length, total });
    // The populator asks each referenced resource for these rows next (findMany): they are loaded.
    const loaded =
      loadedReferences.get(context) ?? new Map<LocodPrismaResource, Map<string, Record<string, unknown>>>();
    loadedReferences.set(context, loaded);
    for (const { relation, target } of references) {
      const byId = loaded.get(target) ?? new Map<string, Record<string, unknown>>();
      loaded.set(target, byId);
      for (const row of rows) {
        const related = row[relation] as Record<string, unknown> | null;
        if (related) byId.set(String(related[target.idProperty.path()]), related);
      }
    }
    return records;
  }

  /** References of another resource's list page: those its columns show, as id and title. */
  override async findMany(ids: Array<string | number>, context?: ActionContext): Promise<BaseRecord[]> {
    const list = context?.action?.name === "list" ? context.resource : undefined;
    if (!context || !list || list === this) return this.findByIds(ids);
    const loaded = loadedReferences.get(context)?.get(this);
    if (!loaded) {
      // A reference the list does not show: its cell is not drawn, so nothing to look up.
      const shown = list
        .decorate()
        .getListProperties()
        .some((p) => p.referenceName() === this.decorate().id());
      if (!shown) return [];
      return this.findByIds(ids);
    }
    return ids.flatMap((id) => {
      const row = loaded.get(String(id));
      return row ? [new ReferenceRecord(this.prepareReturnValues(row), this, titleText(row, this.title))] : [];
    });
  }

  /** The stock findMany, with the title's relations. */
  private async findByIds(ids: Array<string | number>): Promise<BaseRecord[]> {
    const idField = this.model.fields.find((f) => f.isId);
    if (!idField) return [];
    const include = this.titleInclude();
    const rows: Record<string, unknown>[] = await this.manager.findMany({
      where: { [idField.name]: { in: ids.map((id) => (idField.type === "Int" ? Number(id) : String(id))) } },
      ...(include ? { include } : {}),
    });
    return rows.map((row) => this.record(row));
  }

  /** What a list of another resource loads of this one's rows: id and title (its relations' columns too). */
  private referenceSelect(): Record<string, unknown> | null {
    if (!this.idProperty) return null;
    if (this.title) {
      const select: Record<string, unknown> = { [this.idProperty.path()]: true };
      for (const column of titleColumns(this.title)) select[column] = true;
      for (const [relation, fields] of Object.entries(titleRelations(this.title))) select[relation] = fields;
      return select;
    }
    const title = this.model.fields.find((f) => f.name === this.decorate().titleProperty().name());
    if (!title || title.kind === "object") return null;
    return { [this.idProperty.path()]: true, [title.name]: true };
  }

  /** The list's reference columns whose rows load with the page (a relation select, one query). */
  private referencesShown(context: ActionContext): ListReference[] {
    if (!this.listReferences) {
      this.listReferences = [];
      for (const property of this.decorate().getListProperties()) {
        const name = property.referenceName();
        const field = this.model.fields.find((f) => f.name === property.propertyPath && f.kind === "object");
        if (!name || !field?.relationFromFields?.length) continue;
        const target = context._admin.findResource(name);
        if (target instanceof LocodPrismaResource && target.referenceSelect()) {
          this.listReferences.push({ relation: field.name, target });
        }
      }
    }
    return this.listReferences;
  }

  override async count(filter: Filter): Promise<number> {
    const page = pages.get(filter);
    if (page) {
      pages.delete(filter);
      // A short page ends the set: its rows and the ones before it are all there is.
      if (page.returned < page.limit && (page.returned > 0 || page.offset === 0)) return page.offset + page.returned;
      return Math.max(await page.total, page.offset + page.returned);
    }
    return this.total(listWhere(this.model.fields, filter));
  }

  // Writes, each in one transaction with its admin_activity_log row (DESIGN.md 6): the acting admin,
  // IP and user agent come from the request context; old and new values are the changed fields.

  override async create(params: Record<string, unknown>): Promise<Record<string, unknown>> {
    const data = this.prepareParams(params);
    const row = await this.client.$transaction(async (tx) => {
      const created = await this.delegate(tx).create({ data });
      await writeAudit(tx, { action: "create", resourceType: this.table(), resourceId: created.id, after: created });
      return created;
    });
    return this.prepareReturnValues(row);
  }

  override async update(pk: string | number, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const data = this.prepareParams(params);
    const where = this.idWhere(pk);
    const row = await this.client.$transaction(async (tx) => {
      const before = await this.delegate(tx).findUniqueOrThrow({ where });
      const after = await this.delegate(tx).update({ where, data });
      await writeAudit(tx, { action: "update", resourceType: this.table(), resourceId: after.id, before, after });
      return after;
    });
    return this.prepareReturnValues(row);
  }

  override async delete(id: string | number): Promise<void> {
    const where = this.idWhere(id);
    await this.client.$transaction(async (tx) => {
      const before = await this.delegate(tx).delete({ where });
      await writeAudit(tx, { action: "delete", resourceType: this.table(), resourceId: before.id, before });
    });
    const prefix = `${this.table()}:`;
    for (const key of knownSets.keys()) if (key.startsWith(prefix)) knownSets.delete(key);
  }

  /** This model's Prisma delegate, on the client or inside a transaction. */
  private delegate(tx: Prisma.TransactionClient): ModelDelegate {
    const key = this.model.name.charAt(0).toLowerCase() + this.model.name.slice(1);
    return (tx as unknown as Record<string, ModelDelegate>)[key]!;
  }

  private idWhere(id: string | number): Record<string, string | number> {
    const idField = this.model.fields.find((f) => f.isId)!;
    return { [idField.name]: idField.type === "Int" ? Number(id) : String(id) };
  }

  /** Exact at or below the limit; above it the planner's estimate, once proven to be above it. */
  private async total(where: PrismaWhere): Promise<number> {
    const limit = LocodPrismaResource.countOptions.exactCountLimit;
    const memory = LocodPrismaResource.countMemory;
    const key = `${this.table()}:${limit}:${JSON.stringify(where)}`;
    const now = Date.now();
    let known = knownSets.get(key);
    if (!known || known.estimatedUntil <= now) {
      const estimate = await this.estimateRows(where);
      if (estimate === null) return this.manager.count({ where });
      known = { estimate, estimatedUntil: now + memory.estimateMs, provenUntil: known?.provenUntil ?? 0 };
      knownSets.delete(key);
      if (knownSets.size >= KNOWN_SET_ENTRIES) knownSets.delete(knownSets.keys().next().value!);
      knownSets.set(key, known);
    }
    if (known.estimate <= limit) return this.manager.count({ where });
    // A count that stops at limit + 1 rows: bounded cost, and the set's exact size if the estimate erred.
    if (known.provenUntil <= now) {
      const capped: number = await this.manager.count({ where, take: limit + 1 });
      if (capped <= limit) {
        knownSets.delete(key);
        return capped;
      }
      known.provenUntil = now + memory.proofMs;
    }
    return Math.max(known.estimate, limit + 1);
  }

  /** PostgreSQL's estimate of the rows matching `where`, or null when it cannot be asked. */
  private async estimateRows(where: PrismaWhere): Promise<number | null> {
    const condition = whereSql(this.model.fields, where);
    if (!condition) return null;
    const sql = `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${quoteIdent(this.table())}${condition.sql ? ` WHERE ${condition.sql}` : ""}`;
    try {
      const rows = await this.client.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>(
        sql,
        ...condition.params,
      );
      const estimate = rows[0]?.["QUERY PLAN"][0]?.Plan["Plan Rows"];
      return typeof estimate === "number" ? Math.round(estimate) : null;
    } catch {
      // A value PostgreSQL cannot read for its column: the exact count reports it as Prisma words it.
      return null;
    }
  }

  private listSelect(): Record<string, true> {
    if (!this.listColumns) {
      const shown = new Set(
        this.decorate()
          .getListProperties()
          .map((p) => p.propertyPath.split(".")[0]),
      );
      const columns = this.model.fields.filter((f) => f.kind !== "object" && (f.type !== "Json" || shown.has(f.name)));
      this.listColumns = Object.fromEntries(columns.map((f) => [f.name, true as const]));
    }
    return this.listColumns;
  }

  private table(): string {
    return this.model.dbName ?? this.model.name;
  }
}

/** A record with its title's text, read from its row (see LocodPrismaResource.assignDecorator). */
export class TitledRecord extends BaseRecord {
  constructor(
    params: Record<string, unknown>,
    resource: LocodPrismaResource,
    /** Null when the title's columns are all empty: AdminJS's title property then names the record. */
    readonly titleText: string | null,
  ) {
    super(params, resource);
  }
}

/**
 * A populated reference in a list: AdminJS's list cell shows its title and links it when the record's
 * actions include `show` (that is how it knows the admin may open it); the other actions of each
 * referenced row were a kilobyte per row for nothing.
 */
class ReferenceRecord extends TitledRecord {
  override toJSON(currentAdmin?: CurrentAdmin): RecordJSON {
    const json = super.toJSON(currentAdmin);
    return { ...json, recordActions: json.recordActions.filter((a) => a.name === "show"), bulkActions: [] };
  }
}

type ModelField = Resource["model"]["fields"][number];

/**
 * @adminjs/prisma's filter, with text filters matching case-insensitively ("dupont" finds "Dupont"):
 * PostgreSQL ILIKE, served by the trigram indexes of the filter_indexes migration.
 */
export function listWhere(fields: Parameters<typeof convertFilter>[0], filter: Filter): PrismaWhere {
  const where = convertFilter(fields, filter) as PrismaWhere;
  for (const [name, condition] of Object.entries(where)) {
    if (condition && typeof condition === "object" && !(condition instanceof Date) && "contains" in condition) {
      where[name] = { ...(condition as object), mode: "insensitive" };
    }
  }
  return where;
}

/**
 * A condition holding a number or date its text could not be read as: NaN, an Invalid Date, null for a
 * required column, text left as it came for a number column (a search for "abc" in an id), or a number
 * beyond an int4 column.
 */
function unreadable(
  fields: readonly { name: string; type: string; kind?: string; isRequired?: boolean }[],
  where: PrismaWhere,
): boolean {
  // An Int column holds int4: a number beyond it is no row, and the driver would refuse the query.
  const beyondInt4 = (n: number) => n > 2_147_483_647 || n < -2_147_483_648;
  const bad = (value: unknown, type: string): boolean => {
    const numeric = ["Int", "BigInt", "Float", "Decimal"].includes(type);
    if (typeof value === "number") return !Number.isFinite(value) || (type === "Int" && beyondInt4(value));
    if (typeof value === "string")
      return numeric && (!/^-?\d+(\.\d+)?$/.test(value.trim()) || (type === "Int" && beyondInt4(Number(value))));
    if (typeof value === "bigint") return type === "Int" && beyondInt4(Number(value));
    if (value instanceof Date) return Number.isNaN(value.getTime());
    if (value && typeof value === "object") return Object.values(value).some((v) => bad(v, type));
    return false;
  };
  return Object.entries(where).some(([name, condition]) => {
    const field = fields.find((f) => f.name === name);
    // null on a required column: what convertFilter makes of text it could not read as a number.
    if (condition === null) return field?.isRequired === true;
    // An enum's values are identifiers: other text searched in an enum title can be none of them.
    if (field?.kind === "enum" && typeof condition === "string") return !/^[A-Za-z_][A-Za-z0-9_]*$/.test(condition);
    return bad(condition, field?.type ?? "");
  });
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const isScalarValue = (v: unknown) =>
  typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));

/**
 * The WHERE of a Prisma filter as @adminjs/prisma's convertFilter builds it (equality, `equals`,
 * `contains`, date ranges, IS NULL), for the planner's estimate only: the rows and exact counts
 * always come from Prisma. Anything else answers null, and the list counts exactly. Parameters carry
 * no type, so PostgreSQL reads each as its column's type, enums included, and estimates from that
 * column's statistics.
 */
export function whereSql(fields: readonly ModelField[], where: PrismaWhere): { sql: string; params: unknown[] } | null {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  for (const [name, condition] of Object.entries(where)) {
    const field = fields.find((f) => f.name === name);
    if (!field || (field.kind !== "scalar" && field.kind !== "enum") || field.isList) return null;
    const column = quoteIdent(field.dbName ?? field.name);
    if (condition === null) {
      clauses.push(`${column} IS NULL`);
    } else if (isScalarValue(condition)) {
      clauses.push(`${column} = ${param(condition)}`);
    } else if (typeof condition === "object") {
      const ops = condition as Record<string, unknown>;
      const keys = Object.keys(ops);
      if (keys.length === 1 && keys[0] === "equals" && isScalarValue(ops.equals)) {
        clauses.push(`${column} = ${param(ops.equals)}`);
      } else if (keys.length === 2 && ops.mode === "insensitive" && typeof ops.contains === "string") {
        clauses.push(`${column} ILIKE ${param(`%${ops.contains.replace(/[\\%_]/g, "\\$&")}%`)}`);
      } else if (
        keys.length > 0 &&
        keys.every((k) => (k === "gte" || k === "lte") && ops[k] instanceof Date && !Number.isNaN(+ops[k]))
      ) {
        if (ops.gte) clauses.push(`${column} >= ${param(ops.gte)}`);
        if (ops.lte) clauses.push(`${column} <= ${param(ops.lte)}`);
      } else {
        return null;
      }
    } else {
      return null;
    }
  }
  return { sql: clauses.join(" AND "), params };
}
