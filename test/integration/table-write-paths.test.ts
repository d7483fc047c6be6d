// Both generic write paths of every table spec accept and refuse the same fields for the same reasons:
// the REST CRUD routes (JSON bodies) and the AdminJS forms (text). For each table and each of its
// columns (and a field that is no column), each path is sent one change; the fields each path refuses
// must be the same, with the same reason, and a refused write changes nothing. Writable columns are
// sent a value of the wrong kind; columns no generic write may set (read-only, workflow-owned, secret)
// are sent a different value. Permissions: a viewer is refused both writes with 403 on both paths.
import request from "supertest";
import { MODULES } from "../../src/modules.js";
import { loadModels } from "../../src/db/dmmf.js";
import { describeTable, tablePermission, type Table } from "../../src/db/tables.js";
import { jsonValue, reasonText, REASONS, type Column } from "../../src/db/columns.js";
import { tablePath } from "../../src/http/crud-routes.js";
import { API, makeApiLogin, type ApiLogin } from "../factories/api.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { seedEveryTable, SEED_SETUP_MS } from "../helpers/access-matrix.js";
import { makeAdmin } from "../factories/index.js";

type Agent = Awaited<ReturnType<typeof loginAgent>>;
type Row = Record<string, unknown>;

let t: TestApp;
let root: ApiLogin;
let viewer: ApiLogin;
let agent: Agent;
let viewerAgent: Agent;
let tables: Table[];

beforeAll(async () => {
  t = await makeTestApp();
  await seedEveryTable(t.deps.prisma);
  root = await makeApiLogin(t.app, t.deps.prisma, { role: "super_admin" });
  viewer = await makeApiLogin(t.app, t.deps.prisma, { role: "viewer" });
  agent = await loginAgent(t.app, root.admin.email, root.admin.password);
  const viewerAdmin = await makeAdmin(t.deps.prisma, { role: "viewer" });
  viewerAgent = await loginAgent(t.app, viewerAdmin.email, viewerAdmin.password);
  const models = await loadModels();
  tables = MODULES.flatMap((m) => m.tables ?? []).map((spec) => describeTable(spec, models));
}, SEED_SETUP_MS);

afterAll(() => t.close());

const propertyOf = (column: Column) => column.relation?.field ?? column.name;

/** A value of the wrong kind for a writable column, as JSON and as form text; null when none exists. */
function wrongKind(column: Column): { json: unknown; text: string } | null {
  switch (column.type) {
    case "Int":
      return { json: "twelve", text: "twelve" };
    case "Boolean":
      return { json: "maybe", text: "maybe" };
    case "enum":
      return { json: "no_such_value", text: "no_such_value" };
    case "DateTime":
      return { json: "not a date", text: "not a date" };
    case "Decimal":
      return { json: "abc", text: "abc" };
    case "Json":
      if (column.rule.json === "object") return { json: [1, 2], text: "[1, 2]" };
      if (column.rule.json === "array" || column.rule.json === "string-array")
        return { json: { a: 1 }, text: '{"a": 1}' };
      return null;
    case "String":
      if (column.rule.email || column.rule.pattern) return { json: "not valid here", text: "not valid here" };
      if (column.rule.maxLength) {
        const long = "x".repeat(column.rule.maxLength + 1);
        return { json: long, text: long };
      }
      return null;
  }
}

/** A value different from the stored one, as JSON and as form text. */
function different(column: Column, stored: unknown): { json: unknown; text: string } {
  const current = jsonValue(column, stored);
  switch (column.type) {
    case "Int": {
      const value = typeof current === "number" ? current + 1 : 7;
      return { json: value, text: String(value) };
    }
    case "Boolean":
      return { json: !current, text: String(!current) };
    case "enum": {
      const value = column.values!.find((v) => v !== current)!;
      return { json: value, text: value };
    }
    case "DateTime": {
      const value = column.dateOnly ? "2001-02-03" : "2001-02-03T04:05:06.000Z";
      return { json: value, text: value };
    }
    case "Decimal": {
      const value = current === "12.34" ? "56.78" : "12.34";
      return { json: value, text: value };
    }
    case "Json":
      return { json: { changed: true }, text: '{"changed": true}' };
    case "String":
      return { json: "changed by the test", text: "changed by the test" };
  }
}

/** The refused fields of a REST answer, with their messages. */
function restRefusals(res: request.Response): Record<string, string> {
  expect({ status: res.status, type: res.type }).toEqual({ status: 400, type: "application/problem+json" });
  return Object.fromEntries((res.body.errors as { field: string; message: string }[]).map((e) => [e.field, e.message]));
}

/** The refused fields of an AdminJS answer (by column name), with their messages. */
function adminRefusals(table: Table, res: request.Response): Record<string, string> {
  expect(res.status).toBe(200);
  const errors = (res.body.record?.errors ?? {}) as Record<string, { message: string }>;
  expect(Object.keys(errors).length).toBeGreaterThan(0);
  return Object.fromEntries(
    Object.entries(errors).map(([path, e]) => [
      table.columns.find((c) => propertyOf(c) === path)?.name ?? path,
      e.message,
    ]),
  );
}

/** The same fields on both paths, each with the same reason (English for REST, its key for AdminJS). */
function expectSameRefusals(rest: Record<string, string>, admin: Record<string, string>, probe: string) {
  expect({ probe, fields: Object.keys(admin).sort() }).toEqual({ probe, fields: Object.keys(rest).sort() });
  for (const [field, message] of Object.entries(rest)) {
    // The longest reason the message starts with ("must be a JSON array of strings", not "... array").
    const reason = Object.entries(REASONS)
      .filter(([, text]) => message.startsWith(text))
      .sort(([, a], [, b]) => b.length - a.length)[0]?.[0];
    if (reason)
      expect({ probe, field, admin: admin[field] }).toEqual({ probe, field, admin: expect.stringContaining(reason) });
  }
}

async function firstRow(table: Table): Promise<Row> {
  const delegate = (t.deps.prisma as unknown as Record<string, { findFirst(a: object): Promise<Row | null> }>)[
    table.model.name.charAt(0).toLowerCase() + table.model.name.slice(1)
  ]!;
  const row = await delegate.findFirst({ orderBy: { [table.idColumn.name]: "asc" } });
  if (!row) throw new Error(`no ${table.table} row seeded`);
  return row;
}

describe("generic writes of every table spec", () => {
  it("has a spec for every table the modules show", () => {
    expect(tables.length).toBeGreaterThanOrEqual(27);
    expect(new Set(tables.map((table) => table.table)).size).toBe(tables.length);
  });

  it("refuses, on both paths, the same fields of a new record for the same reasons", async () => {
    let probes = 0;
    for (const table of tables.filter((tb) => tablePermission(tb.spec, "new"))) {
      const url = `${API}${tablePath(table)}`;
      const form = `/admin/api/resources/${table.table}/actions/new`;
      const candidates = [...table.columns, null];
      for (const column of candidates) {
        let json: unknown;
        let text: string;
        if (!column) [json, text] = ["x", "x"];
        else if (column.write) {
          const wrong = wrongKind(column);
          if (!wrong) continue;
          [json, text] = [wrong.json, wrong.text];
        } else {
          const value = different(column, null);
          [json, text] = [value.json, value.text];
        }
        const field = column?.name ?? "noSuchField";
        const path = column ? propertyOf(column) : "noSuchField";
        const before = await t.deps.prisma.$queryRawUnsafe<{ n: bigint }[]>(
          `SELECT count(*) AS n FROM "${table.table}"`,
        );
        const rest = await request(t.app)
          .post(url)
          .set("Authorization", root.auth)
          .send({ [field]: json });
        const admin = await agent
          .post(form)
          .type("form")
          .send({ [path]: text });
        const probe = `${table.table}.${field} (new)`;
        const refusedRest = restRefusals(rest);
        expect({ probe, named: field in refusedRest }).toEqual({ probe, named: true });
        expectSameRefusals(refusedRest, adminRefusals(table, admin), probe);
        const after = await t.deps.prisma.$queryRawUnsafe<{ n: bigint }[]>(
          `SELECT count(*) AS n FROM "${table.table}"`,
        );
        expect({ probe, rows: after[0]!.n }).toEqual({ probe, rows: before[0]!.n });
        probes++;
      }
    }
    expect(probes).toBeGreaterThan(50);
  });

  it("refuses, on both paths, the same changes of a record for the same reasons, changing nothing", async () => {
    let probes = 0;
    for (const table of tables.filter((tb) => tablePermission(tb.spec, "edit"))) {
      const row = await firstRow(table);
      const id = String(row[table.idColumn.name]);
      const url = `${API}${tablePath(table)}/${encodeURIComponent(id)}`;
      const form = `/admin/api/resources/${table.table}/records/${encodeURIComponent(id)}/edit`;
      for (const column of [...table.columns, null]) {
        let json: unknown;
        let text: string;
        if (!column) [json, text] = ["x", "x"];
        else if (column.write === "always") {
          const wrong = wrongKind(column);
          if (!wrong) continue;
          [json, text] = [wrong.json, wrong.text];
        } else {
          const value = different(column, row[column.name]);
          [json, text] = [value.json, value.text];
        }
        const field = column?.name ?? "noSuchField";
        const path = column ? propertyOf(column) : "noSuchField";
        const rest = await request(t.app)
          .patch(url)
          .set("Authorization", root.auth)
          .send({ [field]: json });
        const admin = await agent
          .post(form)
          .type("form")
          .send({ [path]: text });
        const probe = `${table.table}.${field} (edit)`;
        const refusedRest = restRefusals(rest);
        expect({ probe, fields: Object.keys(refusedRest) }).toEqual({ probe, fields: [field] });
        expectSameRefusals(refusedRest, adminRefusals(table, admin), probe);
        expect({ probe, row: await firstRow(table) }).toEqual({ probe, row });
        probes++;
      }
    }
    expect(probes).toBeGreaterThan(50);
  });

  it("names the reason of a workflow-owned column on both paths", async () => {
    const workflow = tables.flatMap((table) => (table.spec.workflow ?? []).map((name) => `${table.table}.${name}`));
    for (const column of [
      "ai_requests.status",
      "ai_requests.adminId",
      "ai_requests.billingStatus",
      "ai_requests.generatedContent",
      "ai_requests.actualCost",
      "invoices.status",
      "invoices.paidAt",
      "invoices.amountRefunded",
      "invoices.amount",
      "invoices.taxAmount",
      "invoices.totalAmount",
      "customer_subscriptions.status",
      "customer_subscriptions.currentPeriodStart",
      "customer_subscriptions.currentPeriodEnd",
      "email_campaigns.status",
      "email_campaigns.sentAt",
    ]) {
      expect(workflow).toContain(column);
    }
    const invoices = tables.find((table) => table.table === "invoices")!;
    const row = await firstRow(invoices);
    const res = await request(t.app)
      .patch(`${API}${tablePath(invoices)}/${String(row.id)}`)
      .set("Authorization", root.auth)
      .send({ status: "refunded" });
    expect(restRefusals(res)).toEqual({ status: reasonText({ reason: "fieldWorkflow" }) });
    const admin = await agent
      .post(`/admin/api/resources/invoices/records/${String(row.id)}/edit`)
      .type("form")
      .send({ status: "refunded" });
    expect(adminRefusals(invoices, admin).status).toContain("fieldWorkflow");
  });

  it("refuses a viewer both writes with 403 on both paths", async () => {
    for (const table of tables) {
      const row = await firstRow(table);
      const id = encodeURIComponent(String(row[table.idColumn.name]));
      if (tablePermission(table.spec, "new")) {
        const rest = await request(t.app)
          .post(`${API}${tablePath(table)}`)
          .set("Authorization", viewer.auth)
          .send({});
        const admin = await viewerAgent.post(`/admin/api/resources/${table.table}/actions/new`).type("form").send({});
        expect({ table: table.table, rest: rest.status, admin: admin.status }).toEqual({
          table: table.table,
          rest: 403,
          admin: 403,
        });
      }
      if (tablePermission(table.spec, "edit")) {
        const rest = await request(t.app)
          .patch(`${API}${tablePath(table)}/${id}`)
          .set("Authorization", viewer.auth)
          .send({});
        const admin = await viewerAgent
          .post(`/admin/api/resources/${table.table}/records/${id}/edit`)
          .type("form")
          .send({});
        expect({ table: table.table, rest: rest.status, admin: admin.status }).toEqual({
          table: table.table,
          rest: 403,
          admin: 403,
        });
      }
    }
  });
});
