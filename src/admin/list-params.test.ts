// The admin list allow-lists, read from the real table specs of the module list (admin_users: a secret
// password hash; sites: a reference).
import { beforeAll, describe, expect, it } from "@jest/globals";
import { loadModels } from "../db/dmmf.js";
import { describeTable } from "../db/tables.js";
import {
  checkListQuery,
  dropEmptyFilters,
  flattenQuery,
  listQueryRules,
  recordIdsProblem,
  type ListQueryRules,
} from "../db/list-query.js";
import type { TableSpec } from "../db/table-spec.js";
import { MODULES } from "../modules.js";

const specOf = (model: string): TableSpec => MODULES.flatMap((m) => m.tables ?? []).find((t) => t.model === model)!;

let rules: ListQueryRules;

beforeAll(async () => {
  rules = listQueryRules(describeTable(specOf("AdminUser"), await loadModels()));
});

const fields = (query: unknown, search?: string) => checkListQuery(rules, query, search).map((e) => e.field);

describe("admin list allow-lists", () => {
  it("never filters, sorts or searches by a secret column", () => {
    expect(rules.filters.has("passwordHash")).toBe(false);
    expect(rules.sorts.has("passwordHash")).toBe(false);
    expect(fields({ "filters.passwordHash": "$2b$" })).toEqual(["filters.passwordHash"]);
    expect(fields({ filters: { passwordHash: "$2b$" } })).toEqual(["filters.passwordHash"]);
    expect(fields({ sortBy: "passwordHash" })).toEqual(["sortBy"]);
    expect(fields({ searchProperty: "passwordHash" }, "$2b$")).toEqual(["searchProperty"]);
  });

  it("refuses unknown filters and sorts by name", () => {
    expect(fields({ "filters.nope": "1", sortBy: "nope" })).toEqual(["filters.nope", "sortBy"]);
    expect(fields({ "filters.createdAt~~sideways": "2024-01-01" })).toEqual(["filters.createdAt~~sideways"]);
  });

  it("checks each filter value by its column", () => {
    expect(fields({ "filters.id": "abc" })).toEqual(["filters.id"]);
    expect(fields({ "filters.role": "emperor" })).toEqual(["filters.role"]);
    expect(fields({ "filters.createdAt~~from": "2024-13-45" })).toEqual(["filters.createdAt~~from"]);
    expect(fields({ "filters.createdAt~~from": "not a date" })).toEqual(["filters.createdAt~~from"]);
    expect(fields({ "filters.name": "a\u0000" })).toEqual(["filters.name"]);
    expect(fields({ "filters.name": ["a", "b"] })).toEqual(["filters.name"]);
    expect(
      fields({ "filters.role": "viewer", "filters.createdAt~~from": "2024-01-01", "filters.name": "dupont" }),
    ).toEqual([]);
    expect(fields({ "filters.name": "" })).toEqual([]);
  });

  it("bounds the pager and the direction", () => {
    expect(fields({ page: "0" })).toEqual(["page"]);
    expect(fields({ page: "-1" })).toEqual(["page"]);
    expect(fields({ page: "x" })).toEqual(["page"]);
    expect(fields({ perPage: "501" })).toEqual(["perPage"]);
    expect(fields({ direction: "sideways" })).toEqual(["direction"]);
    expect(fields({ page: "2", perPage: "500", sortBy: "createdAt", direction: "asc" })).toEqual([]);
  });

  it("checks the search text", () => {
    expect(fields({}, "dupont")).toEqual([]);
    expect(fields({}, "a\u0000")).toEqual(["query"]);
    expect(fields({}, "x".repeat(1001))).toEqual(["query"]);
  });

  it("flattens nested query objects as AdminJS reads them", () => {
    expect(flattenQuery({ filters: { name: "a", createdAt: { x: "b" } }, page: "1" })).toEqual({
      "filters.name": "a",
      "filters.createdAt.x": "b",
      page: "1",
    });
  });
});

describe("filter values of ids and references", () => {
  it("takes int4 ids only", async () => {
    const siteRules = listQueryRules(describeTable(specOf("Site"), await loadModels()));
    const check = (q: unknown) => checkListQuery(siteRules, q).map((e) => e.field);
    expect(check({ "filters.customer": "abc" })).toEqual(["filters.customer"]);
    expect(check({ "filters.customer": "99999999999" })).toEqual(["filters.customer"]);
    expect(check({ "filters.customer": "0" })).toEqual(["filters.customer"]);
    expect(check({ "filters.customer": "12" })).toEqual([]);
    expect(check({ "filters.id": "1" })).toEqual(["filters.id"]);
  });
});

describe("bulk record ids, empty filters and search text", () => {
  it("takes a comma list of int4 ids only", async () => {
    const site = describeTable(specOf("Site"), await loadModels());
    expect(recordIdsProblem(site.idColumn, "1,2,3")).toBeNull();
    expect(recordIdsProblem(site.idColumn, "999999,abc")).toMatch(/abc/);
    expect(recordIdsProblem(site.idColumn, "2147483648")).not.toBeNull();
    expect(recordIdsProblem(site.idColumn, "../../../etc/passwd")).not.toBeNull();
    expect(recordIdsProblem(site.idColumn, undefined)).not.toBeNull();
  });

  it("drops empty filters, flat or nested", () => {
    const query: Record<string, unknown> = { "filters.role": "", "filters.name": "a", filters: { status: "", x: "1" } };
    dropEmptyFilters(query);
    expect(query).toEqual({ "filters.name": "a", filters: { x: "1" } });
  });

  it("checks the search text with the searched property's own check", async () => {
    const site = listQueryRules(describeTable(specOf("Site"), await loadModels()));
    const refused = (q: unknown, text: string, title?: string) =>
      checkListQuery(site, q, text, title).map((e) => e.field);
    expect(refused({}, "9999-12-31", "customer")).toEqual(["query"]);
    expect(refused({}, "12", "customer")).toEqual([]);
    expect(refused({ searchProperty: "name" }, "boulangerie", "customer")).toEqual([]);
  });
});
