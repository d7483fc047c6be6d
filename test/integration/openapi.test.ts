// The OpenAPI document of /admin/api/v1 (src/http/openapi.ts): every operation answers with a described
// body, the hand-written routes show an example that their own schema accepts, and the bounds the server
// checks in code (money ranges, text lengths, date ranges, the password policy, enums) show in the schemas.
import request from "supertest";
import { apiDocument } from "../../src/http/api.js";
import { API } from "../factories/api.js";
import { makeTestApp, type TestApp } from "../helpers/app.js";
import { MODULES } from "../../src/modules.js";
import { loadModels } from "../../src/db/dmmf.js";
import { describeTable, type Table } from "../../src/db/tables.js";
import { DEFAULT_MAX_LENGTH } from "../../src/db/columns.js";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../src/modules/settings/password-policy.js";
import { makeApiLogin, type ApiLogin } from "../factories/api.js";
import { makeCustomer } from "../factories/index.js";
import { makeIssuedInvoice } from "../factories/billing.js";
import { makeQueuedRequest } from "../factories/ai-queue.js";

type Schema = Record<string, unknown> & { $ref?: string; properties?: Record<string, Schema> };
interface Operation {
  operationId?: string;
  summary?: string;
  requestBody?: { content: Record<string, { schema?: Schema; example?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
type Document = Awaited<ReturnType<typeof apiDocument>>;

let document: Document;
let tables: Table[];
let t: TestApp;
let login: ApiLogin;

beforeAll(async () => {
  document = await apiDocument();
  const models = await loadModels();
  tables = MODULES.flatMap((module) => module.tables ?? []).map((spec) => describeTable(spec, models));
  t = await makeTestApp();
  login = await makeApiLogin(t.app, t.deps.prisma, { role: "super_admin" });
});

afterAll(async () => {
  await t.close();
});

const operations = () =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op: op as Operation })),
  );

const component = (name: string): Schema => {
  const schema = (document.components.schemas as Record<string, Schema>)[name];
  if (!schema) throw new Error(`No schema ${name} in components`);
  return schema;
};

/** Every keyword of a property's schema, its anyOf branches included (a nullable column is an anyOf). */
function keywords(schema: Schema): Schema {
  const branches = ((schema.anyOf as Schema[] | undefined) ?? []).map(keywords);
  return Object.assign({}, ...branches, schema);
}

describe("openapi.json operations", () => {
  it("is the document the server serves", async () => {
    const served = await request(t.app).get(`${API}/openapi.json`);
    expect(served.status).toBe(200);
    expect(served.body).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it("gives every operation a unique operationId, a summary and a 4xx answer", () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { name, op } of operations()) {
      expect({ name, id: typeof op.operationId, summary: Boolean(op.summary?.trim()) }).toEqual({
        name,
        id: "string",
        summary: true,
      });
      expect({ name, has4xx: Object.keys(op.responses).some((s) => /^4\d\d$/.test(s)) }).toEqual({
        name,
        has4xx: true,
      });
    }
  });

  it("gives every 2xx answer with a body a schema, and every $ref names a component", () => {
    const missing: string[] = [];
    for (const { name, op } of operations()) {
      const success = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      if (!success.length) missing.push(`${name}: no 2xx answer`);
      for (const [status, answer] of success) {
        if (status === "204") continue;
        const contents = Object.values(answer.content ?? {});
        if (!contents.length || contents.some((c) => !c.schema)) missing.push(`${name} ${status}`);
        for (const c of contents) {
          if (c.schema?.$ref) component(c.schema.$ref.replace("#/components/schemas/", ""));
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("shows an example on every hand-written POST body, one the route's own schema accepts", () => {
    const handWritten = MODULES.flatMap((module) => [
      ...(module.publicApi?.operations ?? []),
      ...(module.api ?? []).flatMap((api) => api.operations),
    ]).filter((op) => op.method === "post" && op.body);
    expect(handWritten.length).toBeGreaterThan(5);
    for (const op of handWritten) {
      expect({ path: op.path, example: op.example !== undefined }).toEqual({ path: op.path, example: true });
      const parsed = op.body!.schema.safeParse(op.example);
      expect({ path: op.path, accepted: parsed.success }).toEqual({ path: op.path, accepted: true });
      const shown = (document.paths as Record<string, Record<string, Operation>>)[op.path]!.post!.requestBody!.content[
        "application/json"
      ]!.example;
      expect(shown).toEqual(op.example);
    }
  });

  it("has contact, license, a server and the bearer scheme", () => {
    expect(document.info.contact).toEqual(expect.objectContaining({ name: expect.any(String) }));
    expect(document.info.license).toEqual(expect.objectContaining({ name: expect.any(String) }));
    expect(document.servers).toEqual([{ url: API }]);
    expect(document.components.securitySchemes.bearerAuth.scheme).toBe("bearer");
  });
});

describe("openapi.json shows the server's bounds", () => {
  it("gives each writable column of a table its bound: money range, text length, date range, enum", () => {
    const unbounded: string[] = [];
    let checked = 0;
    for (const table of tables) {
      for (const suffix of ["Create", "Update"]) {
        const schemas = document.components.schemas as Record<string, Schema>;
        const properties = schemas[`${table.model.name}${suffix}`]?.properties;
        if (!properties) continue;
        for (const column of table.columns) {
          const property = properties[column.name];
          if (!property) continue;
          const k = keywords(property);
          const where = `${table.model.name}${suffix}.${column.name}`;
          checked++;
          switch (column.type) {
            case "Decimal": {
              const max = column.limit!.minus(10 ** -column.scale).toNumber();
              if (k.maximum !== max) unbounded.push(`${where}: maximum ${String(k.maximum)}, not ${max}`);
              if (column.rule.negative ? k.minimum !== -max : k.minimum !== 0) {
                unbounded.push(`${where}: minimum ${String(k.minimum)}`);
              }
              break;
            }
            case "String":
              if (k.maxLength !== (column.maxLength ?? DEFAULT_MAX_LENGTH.short)) {
                unbounded.push(`${where}: maxLength ${String(k.maxLength)}, not ${column.maxLength}`);
              }
              break;
            case "DateTime":
              if (!String(k.description).includes("2000-01-01 to 2100-12-31"))
                unbounded.push(`${where}: no date range`);
              break;
            case "enum":
              if (JSON.stringify(k.enum) !== JSON.stringify(column.values)) unbounded.push(`${where}: enum`);
              break;
            default:
              break;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(unbounded).toEqual([]);
  });

  it("shows the password policy's lengths on a new admin's password", () => {
    const password = component("AdminUserCreate").properties!.password!;
    expect(password).toEqual(
      expect.objectContaining({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
    );
  });

  it("bounds the hand-written bodies' money and text", () => {
    const complete = component("AiRequestComplete").properties!;
    expect(complete.actualCost).toEqual(expect.objectContaining({ minimum: 0, maximum: 999.99 }));
    expect(keywords(complete.adminNotes!).maxLength).toBe(5000);
    expect(component("InvoiceRefund").properties!.amount).toEqual(expect.objectContaining({ exclusiveMinimum: 0 }));
    expect(component("InvoicePayment").properties!.paymentMethod).toEqual(expect.objectContaining({ maxLength: 50 }));
  });
});

describe("the documented answers of the hand-written routes", () => {
  /** The schema a module declares for an operation's answer. */
  const answerSchema = (method: string, path: string, status: number) => {
    const op = MODULES.flatMap((module) => (module.api ?? []).flatMap((api) => api.operations)).find(
      (o) => o.method === method && o.path === path,
    );
    const schema = op?.responses[status]?.schema?.schema;
    if (!schema) throw new Error(`${method} ${path}: no ${status} schema`);
    return schema;
  };

  async function expectDocumented(method: "get" | "post", path: string, url: string, status = 200, body?: object) {
    const call = request(t.app)[method](`${API}${url}`).set("Authorization", login.auth);
    const res = body ? await call.send(body) : await call;
    expect({ url, status: res.status }).toEqual({ url, status });
    const parsed = answerSchema(method, path, status).safeParse(res.body);
    expect({ url, issues: parsed.success ? [] : parsed.error.issues }).toEqual({ url, issues: [] });
  }

  it("match the schemas the document shows", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const invoice = await makeIssuedInvoice(t.deps.prisma, {
      customerId: customer.id,
      issuedAt: new Date("2026-09-15T09:00:00.000Z"),
      dueAt: new Date("2026-10-15T00:00:00.000Z"),
      lines: [{ description: "Abonnement Pro", unitPrice: "49.00" }],
    });
    await expectDocumented("get", "/dashboard", "/dashboard");
    await expectDocumented("get", "/dashboard", "/dashboard?days=7");
    await expectDocumented("get", "/ai-queue/stats", "/ai-queue/stats");
    await expectDocumented("get", "/billing/metrics", "/billing/metrics?months=3");
    await expectDocumented("get", "/billing/invoices/overdue", "/billing/invoices/overdue");
    await expectDocumented("get", "/billing/invoices/{id}/refunds", `/billing/invoices/${invoice.id}/refunds`);
    await expectDocumented("post", "/billing/invoicing/runs", "/billing/invoicing/runs", 200, { period: "2026-01" });
  });

  it("answer a Queue IA transition with the record as the table's routes show it", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const queued = await makeQueuedRequest(t.deps.prisma, { customerId: customer.id, estimatedCost: "3.50" });
    const taken = await request(t.app)
      .post(`${API}/ai-queue/ai_requests/${queued.id}/take`)
      .set("Authorization", login.auth);
    expect(taken.status).toBe(200);
    const record = component("AiRequest");
    expect(Object.keys(taken.body as object).sort()).toEqual(Object.keys(record.properties!).sort());
    for (const [name, property] of Object.entries(record.properties!)) {
      const value = (taken.body as Record<string, unknown>)[name];
      const pattern = keywords(property).pattern;
      if (typeof value === "string" && typeof pattern === "string") {
        expect({ name, value, matches: new RegExp(pattern).test(value) }).toEqual({ name, value, matches: true });
      }
    }
    expect(taken.body).toEqual(expect.objectContaining({ estimatedCost: "3.50", actualCost: null }));
  });

  it("answer a recorded payment with the invoice as the table's routes show it", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const invoice = await makeIssuedInvoice(t.deps.prisma, {
      customerId: customer.id,
      vatRate: "20",
      lines: [{ description: "Abonnement Pro", unitPrice: "49.00" }],
    });
    const paid = await request(t.app)
      .post(`${API}/billing/invoices/${invoice.id}/payment`)
      .set("Authorization", login.auth)
      .send({ paymentMethod: "bank_transfer" });
    expect(paid.status).toBe(200);
    const read = await request(t.app).get(`${API}/billing/invoices/${invoice.id}`).set("Authorization", login.auth);
    expect(read.status).toBe(200);
    const record = component("Invoice");
    expect(Object.keys(paid.body as object).sort()).toEqual(Object.keys(record.properties!).sort());
    expect(paid.body).toEqual(read.body);
  });
});
