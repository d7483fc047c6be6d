// What a list or search of the admin interface may ask, from the table spec: which columns it may filter
// (with each value's check), which it may sort by, and the bounds of its pager. Checked before AdminJS
// builds a query, so a secret column is never a filter or a sort (a filter on a password hash would
// reveal it a character at a time) and a bad value is a 400 naming its parameter, never a 500.
import type { FieldError } from "../lib/errors.js";
import { queryDateProblem, textProblem } from "../lib/input-rules.js";
import { INT4, type Column } from "./columns.js";
import type { Table } from "./tables.js";

/** The most rows one page of an admin list may hold. */
export const MAX_PER_PAGE = 500;
/** The furthest page a list may ask for (its offset stays far below int4 limits). */
export const MAX_PAGE = 1_000_000;
/** The longest text a filter or search may hold. */
export const MAX_FILTER_LENGTH = 1000;

/** Why one filter value is refused, or null. */
type ValueCheck = (value: string) => string | null;

export interface ListQueryRules {
  /** Filterable properties (a foreign key by its relation: `customer`) and their value checks. */
  filters: Map<string, { column: Column; check: ValueCheck }>;
  /** Properties a list may be sorted by. */
  sorts: Set<string>;
}

/** The AdminJS property of a column: a foreign key is shown through its relation. */
const propertyOf = (column: Column) => column.relation?.field ?? column.name;

const INTEGER = /^-?\d{1,10}$/;
const DECIMAL = /^-?\d{1,20}(\.\d{1,10})?$/;

function integerCheck(min: number): ValueCheck {
  return (value) => {
    const n = INTEGER.test(value.trim()) ? Number(value.trim()) : NaN;
    if (!Number.isInteger(n)) return "must be an integer";
    return n < min || n > INT4.max ? `must be between ${min} and ${INT4.max}` : null;
  };
}

function textCheck(value: string): string | null {
  if (value.length > MAX_FILTER_LENGTH) return `must be at most ${MAX_FILTER_LENGTH} characters`;
  return textProblem(value);
}

/** A date a filter may hold: a real date, years 1 to 9999. */
function dateCheck(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value.trim())) return "must be a date";
  return queryDateProblem(new Date(value.trim()));
}

/** The check of a filter value for a column. */
export function filterValueCheck(column: Column): ValueCheck {
  switch (column.type) {
    case "Int":
      return integerCheck(column.relation || column.isId ? 1 : INT4.min);
    case "Boolean":
      return (value) => (value === "true" || value === "false" ? null : "must be true or false");
    case "enum":
      return (value) => (column.values!.includes(value) ? null : `must be one of ${column.values!.join(", ")}`);
    case "DateTime":
      return dateCheck;
    case "Decimal":
      return (value) => (DECIMAL.test(value.trim()) ? null : "must be a number");
    default:
      return textCheck;
  }
}

/** Filterable and sortable properties of a table, as its spec and the AdminJS resource declare them. */
export function listQueryRules(table: Pick<Table, "columns" | "spec">): ListQueryRules {
  const { spec } = table;
  const readable = table.columns.filter((c) => !c.secret);
  const long = (c: Column) => c.type === "Json" || Boolean(c.rule.text);
  const filters = new Map<string, { column: Column; check: ValueCheck }>();
  for (const column of readable) {
    const property = propertyOf(column);
    const allowed = spec.filters ? spec.filters.includes(property) : !long(column);
    if (allowed && column.type !== "Json") filters.set(property, { column, check: filterValueCheck(column) });
  }
  const sorts = new Set<string>();
  for (const column of readable) {
    const property = propertyOf(column);
    const allowed = spec.sorts ? spec.sorts.includes(property) || spec.sorts.includes(column.name) : !long(column);
    if (allowed && column.type !== "Json") {
      sorts.add(property);
      sorts.add(column.name);
    }
  }
  if (spec.order) sorts.add(spec.order.by);
  return { filters, sorts };
}

/** The most records one bulk action may name. */
export const MAX_BULK_IDS = 500;

/** Why a bulk action's `recordIds` (a comma list of ids) is refused, or null. */
export function recordIdsProblem(idColumn: Column, value: unknown): string | null {
  if (typeof value !== "string" || value === "") return "must be a comma-separated list of record ids";
  const ids = value.split(",");
  if (ids.length > MAX_BULK_IDS) return `must name at most ${MAX_BULK_IDS} records`;
  const check = idColumn.type === "Int" ? integerCheck(1) : textCheck;
  for (const id of ids) {
    const problem = check(id);
    if (problem)
      return `holds ${JSON.stringify(id.slice(0, 40))}, which ${problem.replace(/^must/, "is not valid: must")}`;
  }
  return null;
}

/** Drops the empty filters of a query (`filters.status=`: "any status"), in flat or nested form. */
export function dropEmptyFilters(query: Record<string, unknown>): void {
  for (const key of Object.keys(query)) {
    if (key.startsWith("filters.") && query[key] === "") delete query[key];
  }
  const nested = query.filters;
  if (nested && typeof nested === "object" && !Array.isArray(nested)) {
    const filters = nested as Record<string, unknown>;
    for (const key of Object.keys(filters)) if (filters[key] === "") delete filters[key];
  }
}

/** A query as flat "a.b" keys (the way AdminJS reads it), whatever nesting the query parser made. */
export function flattenQuery(query: unknown, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  if (query === null || typeof query !== "object" || Array.isArray(query)) {
    if (prefix) out[prefix] = query;
    return out;
  }
  for (const [key, value] of Object.entries(query)) flattenQuery(value, prefix ? `${prefix}.${key}` : key, out);
  return out;
}

function pagerError(name: string, value: unknown, max: number): FieldError | null {
  if (typeof value !== "string" || !/^\d{1,7}$/.test(value) || Number(value) < 1 || Number(value) > max) {
    return { field: name, message: `must be an integer between 1 and ${max}` };
  }
  return null;
}

/**
 * The refusals of an admin list or search query (empty when it may run): unknown or secret filters,
 * sorts and search properties by name, and bad values (a non-numeric id, an unreadable date, page < 1,
 * perPage > 500...) naming their parameter. `search` is the search action's text, when there is one.
 */
export function checkListQuery(
  rules: ListQueryRules,
  query: unknown,
  search?: string,
  titleProperty?: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const flat = flattenQuery(query ?? {});
  for (const [key, value] of Object.entries(flat)) {
    if (key === "page") {
      const error = pagerError(key, value, MAX_PAGE);
      if (error) errors.push(error);
    } else if (key === "perPage") {
      const error = pagerError(key, value, MAX_PER_PAGE);
      if (error) errors.push(error);
    } else if (key === "sortBy") {
      if (typeof value !== "string" || !rules.sorts.has(value)) {
        errors.push({ field: key, message: "is not a column this list can be sorted by" });
      }
    } else if (key === "direction") {
      if (value !== "asc" && value !== "desc") errors.push({ field: key, message: "must be asc or desc" });
    } else if (key === "searchProperty") {
      const filter = typeof value === "string" ? rules.filters.get(value) : undefined;
      if (!filter || filter.column.type !== "String") {
        errors.push({ field: key, message: "is not a column this list can be searched by" });
      }
    } else if (key.startsWith("filters.")) {
      const [property, bound] = key.slice("filters.".length).split("~~", 2) as [string, string | undefined];
      const filter = rules.filters.get(property);
      if (!filter || (bound !== undefined && !["from", "to"].includes(bound))) {
        errors.push({ field: key, message: "is not a filter of this list" });
        continue;
      }
      if (typeof value !== "string") {
        errors.push({ field: key, message: "must be a single value" });
        continue;
      }
      if (value === "") continue;
      const problem = filter.check(value);
      if (problem) errors.push({ field: key, message: problem });
    } else if (key === "filters") {
      errors.push({ field: key, message: "must name a column: filters.<column>" });
    }
  }
  if (search !== undefined) {
    // The search looks the text up in the searched property (searchProperty, else the title): a text
    // that property cannot hold (a word for a number or a date) is refused like a filter value.
    const property = typeof flat.searchProperty === "string" ? flat.searchProperty : titleProperty;
    const filter = property === undefined ? undefined : rules.filters.get(property);
    const problem = textCheck(search) ?? (search !== "" && filter ? filter.check(search) : null);
    if (problem) errors.push({ field: "query", message: problem });
  }
  return errors;
}
