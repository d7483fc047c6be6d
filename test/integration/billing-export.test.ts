// Accounting export (issue 5, item 7): the invoices and items CSV of a range of issue dates, exact to
// the cent, safe to open in a spreadsheet, streamed, audited, and refused without billing.export.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Prisma } from "@prisma/client";
import request from "supertest";
import type { Response as AgentResponse } from "superagent";
import type { Agent } from "supertest";
import { csvField } from "../../src/lib/csv.js";
import { makeCustomer } from "../factories/index.js";
import { makeAiRequest } from "../factories/admin-resources.js";
import { API, makeApiLogin, type ApiLogin } from "../factories/api.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { MODULE_ROUTES, USERS, expectedAllowed } from "../helpers/access-matrix.js";

const D = (value: string) => new Prisma.Decimal(value);

let t: TestApp;
let viewer: ApiLogin;
let editor: ApiLogin;
let restricted: ApiLogin;
let viewerAgent: Agent;
let restrictedAgent: Agent;
const ids = { a: 0, b: 0, c: 0, ai12: 0, ai13: 0 };

const INVOICE_HEADER =
  "invoice_number,issue_date,due_date,customer_id,customer_name,customer_email,status,currency," +
  "amount_excl_vat,vat_amount,total_amount,paid_at,amount_refunded,payment_method,stripe_invoice_id";
const ITEM_HEADER = "invoice_number,issue_date,description,quantity,unit_price,line_total,ai_request_id";

/** Raw bytes of an answer (the BOM must survive: a text parser would hide it). */
function binary(res: AgentResponse, callback: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on("data", (chunk: Buffer) => chunks.push(chunk));
  res.on("end", () => callback(null, Buffer.concat(chunks)));
}

/** RFC 4180 reader: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field || row.length) throw new Error("CSV does not end with CRLF");
  return rows;
}

interface Line {
  description: string;
  quantity: number;
  unitPrice: string;
  totalPrice: string;
  aiRequestId?: number;
}

async function makeInvoiceWithLines(data: Prisma.InvoiceUncheckedCreateInput & { lines: Line[] }) {
  const { lines, status, ...invoice } = data;
  // Issued as the portal issues: a draft with its lines, then its status (an issued invoice's lines are frozen).
  const draft = await t.deps.prisma.invoice.create({ data: { ...invoice, status: "draft", items: { create: lines } } });
  if (!status || status === "draft") return draft;
  return t.deps.prisma.invoice.update({ where: { id: draft.id }, data: { status } });
}

async function exportCsv(kind: "invoices" | "items", query: string, auth = viewer.auth) {
  return request(t.app)
    .get(`${API}/billing/export/${kind}.csv?${query}`)
    .set("Authorization", auth)
    .buffer(true)
    .parse(binary);
}

const text = (body: Buffer) => body.toString("utf8");
const JANUARY = "from=2026-01-01&to=2026-01-31";

beforeAll(async () => {
  t = await makeTestApp();
  const { prisma } = t.deps;
  viewer = await makeApiLogin(t.app, prisma, { role: "viewer" });
  editor = await makeApiLogin(t.app, prisma, { role: "editor" });
  restricted = await makeApiLogin(t.app, prisma, { role: "admin", permissions: ["billing.view"] });
  viewerAgent = await loginAgent(t.app, viewer.admin.email, viewer.admin.password);
  restrictedAgent = await loginAgent(t.app, restricted.admin.email, restricted.admin.password);

  const a = await makeCustomer(prisma, { name: 'Boulangerie Lefèvre, "Chez Jules"', email: "lefevre@test.local" });
  const b = await makeCustomer(prisma, { name: '=HYPERLINK("http://evil.test")', email: "b@test.local" });
  const c = await makeCustomer(prisma, { name: "+33 Plombier Dupré", email: "dupre@test.local" });
  const ai12 = await makeAiRequest(prisma, { customerId: a.id });
  const ai13 = await makeAiRequest(prisma, { customerId: c.id });
  Object.assign(ids, { a: a.id, b: b.id, c: c.id, ai12: ai12.id, ai13: ai13.id });

  // The last second of 2025: outside a range starting on 2026-01-01.
  await makeInvoiceWithLines({
    customerId: a.id,
    invoiceNumber: "LCD-2025-000099",
    amount: "10.00",
    taxAmount: "2.00",
    totalAmount: "12.00",
    issuedAt: new Date("2025-12-31T23:59:59.999Z"),
    lines: [{ description: "Décembre", quantity: 1, unitPrice: "10.00", totalPrice: "10.00" }],
  });
  // 49.00 + 2 x 3.50 = 56.00; VAT 11.20; total 67.20.
  await makeInvoiceWithLines({
    customerId: a.id,
    invoiceNumber: "LCD-2026-000001",
    amount: "56.00",
    taxAmount: "11.20",
    totalAmount: "67.20",
    status: "paid",
    issuedAt: new Date("2026-01-01T00:00:00Z"),
    dueAt: new Date("2026-01-31T00:00:00Z"),
    paidAt: new Date("2026-01-05T10:30:00Z"),
    paymentMethod: "card",
    stripeInvoiceId: "in_001",
    lines: [
      { description: "Abonnement Pro — janvier 2026", quantity: 1, unitPrice: "49.00", totalPrice: "49.00" },
      {
        description: "Demande IA n°12 : contenu",
        quantity: 2,
        unitPrice: "3.50",
        totalPrice: "7.00",
        aiRequestId: ai12.id,
      },
    ],
  });
  // 10.05 + 0.00 + 3 x 0.35 = 11.10; VAT 2.22; total 13.32.
  await makeInvoiceWithLines({
    customerId: b.id,
    invoiceNumber: "LCD-2026-000002",
    amount: "11.10",
    taxAmount: "2.22",
    totalAmount: "13.32",
    status: "pending",
    issuedAt: new Date("2026-01-15T12:00:00Z"),
    dueAt: new Date("2026-02-14T12:00:00Z"),
    lines: [
      { description: "@SUM(A1:A9)", quantity: 1, unitPrice: "10.05", totalPrice: "10.05" },
      { description: "-5 % le mois prochain (offert)", quantity: 1, unitPrice: "0.00", totalPrice: "0.00" },
      { description: "Ligne 1\nLigne 2", quantity: 3, unitPrice: "0.35", totalPrice: "1.05" },
    ],
  });
  // The last millisecond of January. 19.99 + 5.00 = 24.99; VAT 4.998 -> 5.00; total 29.99; 12.01 refunded.
  await makeInvoiceWithLines({
    customerId: c.id,
    invoiceNumber: "LCD-2026-000003",
    amount: "24.99",
    taxAmount: "5.00",
    totalAmount: "29.99",
    status: "refunded",
    issuedAt: new Date("2026-01-31T23:59:59.999Z"),
    dueAt: new Date("2026-03-02T23:59:59.999Z"),
    paidAt: new Date("2026-02-01T09:00:00Z"),
    paymentMethod: "sepa_debit",
    stripeInvoiceId: "in_003",
    amountRefunded: "12.01",
    lines: [
      { description: "Abonnement Starter — février", quantity: 1, unitPrice: "19.99", totalPrice: "19.99" },
      {
        description: "Demande IA n°13 : images",
        quantity: 1,
        unitPrice: "5.00",
        totalPrice: "5.00",
        aiRequestId: ai13.id,
      },
    ],
  });
  // A draft in the range: not an invoice yet.
  await makeInvoiceWithLines({
    customerId: c.id,
    invoiceNumber: `LCD-DRAFT-${c.id}-202601`,
    amount: "3.50",
    taxAmount: "0.70",
    totalAmount: "4.20",
    status: "draft",
    issuedAt: new Date("2026-01-20T00:00:00Z"),
    lines: [{ description: "Demande IA en cours", quantity: 1, unitPrice: "3.50", totalPrice: "3.50" }],
  });
  // The first instant of February: outside a range ending on 2026-01-31.
  await makeInvoiceWithLines({
    customerId: b.id,
    invoiceNumber: "LCD-2026-000004",
    amount: "1.00",
    taxAmount: "0.20",
    totalAmount: "1.20",
    status: "failed",
    issuedAt: new Date("2026-02-01T00:00:00Z"),
    lines: [{ description: "Février", quantity: 1, unitPrice: "1.00", totalPrice: "1.00" }],
  });
});

afterAll(() => t.close());

describe("accounting export CSV", () => {
  it("quotes by RFC 4180 and defuses spreadsheet formulas in text cells only", () => {
    expect(csvField("plain", "text")).toBe("plain");
    expect(csvField('a, "b"', "text")).toBe('"a, ""b"""');
    expect(csvField("=1+1", "text")).toBe("'=1+1");
    expect(csvField("+33 6", "text")).toBe("'+33 6");
    expect(csvField("-2", "text")).toBe("'-2");
    expect(csvField("@cmd", "text")).toBe("'@cmd");
    expect(csvField("\tx", "text")).toBe("'\tx");
    expect(csvField("=A1,B1", "text")).toBe(`"'=A1,B1"`);
    expect(csvField("-2.00", "figure")).toBe("-2.00");
    expect(csvField(null, "text")).toBe("");
  });

  it("exports the invoices issued in the range, bounds included, drafts and neighbours excluded", async () => {
    const res = await exportCsv("invoices", JANUARY);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe(
      'attachment; filename="locod-ai-invoices-2026-01-01_2026-01-31.csv"',
    );
    const body = res.body as Buffer;
    // UTF-8 byte order mark, so Excel reads the accents as UTF-8.
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(body)).toBe(
      "\uFEFF" +
        [
          INVOICE_HEADER,
          `LCD-2026-000001,2026-01-01,2026-01-31,${ids.a},"Boulangerie Lefèvre, ""Chez Jules""",lefevre@test.local,paid,EUR,56.00,11.20,67.20,2026-01-05T10:30:00Z,0.00,card,in_001`,
          `LCD-2026-000002,2026-01-15,2026-02-14,${ids.b},"'=HYPERLINK(""http://evil.test"")",b@test.local,pending,EUR,11.10,2.22,13.32,,0.00,,`,
          `LCD-2026-000003,2026-01-31,2026-03-02,${ids.c},'+33 Plombier Dupré,dupre@test.local,refunded,EUR,24.99,5.00,29.99,2026-02-01T09:00:00Z,12.01,sepa_debit,in_003`,
        ].join("\r\n") +
        "\r\n",
    );
  });

  it("exports the lines of those invoices, with their AI request", async () => {
    const res = await exportCsv("items", JANUARY);
    expect(res.status).toBe(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="locod-ai-items-2026-01-01_2026-01-31.csv"');
    expect(text(res.body as Buffer)).toBe(
      "\uFEFF" +
        [
          ITEM_HEADER,
          "LCD-2026-000001,2026-01-01,Abonnement Pro — janvier 2026,1,49.00,49.00,",
          `LCD-2026-000001,2026-01-01,Demande IA n°12 : contenu,2,3.50,7.00,${ids.ai12}`,
          "LCD-2026-000002,2026-01-15,'@SUM(A1:A9),1,10.05,10.05,",
          "LCD-2026-000002,2026-01-15,'-5 % le mois prochain (offert),1,0.00,0.00,",
          'LCD-2026-000002,2026-01-15,"Ligne 1\nLigne 2",3,0.35,1.05,',
          "LCD-2026-000003,2026-01-31,Abonnement Starter — février,1,19.99,19.99,",
          `LCD-2026-000003,2026-01-31,Demande IA n°13 : images,1,5.00,5.00,${ids.ai13}`,
        ].join("\r\n") +
        "\r\n",
    );
  });

  it("totals to the cent: column sums equal the invoices' SQL sums, and each invoice's lines its amount", async () => {
    // Hand figures of January: 56.00 + 11.10 + 24.99 = 92.09; 11.20 + 2.22 + 5.00 = 18.42; 110.51.
    const january = parseCsv(text((await exportCsv("invoices", JANUARY)).body as Buffer).slice(1));
    const sumColumn = (rows: string[][], index: number) => rows.slice(1).reduce((s, r) => s.add(D(r[index]!)), D("0"));
    expect([8, 9, 10].map((i) => sumColumn(january, i).toFixed(2))).toEqual(["92.09", "18.42", "110.51"]);

    // 2027: 400 invoices of 1 to 4 lines at prices no float adds exactly (0.10, 0.20, 0.35, 19.99, ...),
    // VAT half-up per invoice, as the billing module computes it.
    await t.deps.pool.query(
      `
      WITH inv AS (
        INSERT INTO invoices (customer_id, invoice_number, amount, tax_amount, total_amount, status, issued_at)
        SELECT $1, 'LCD-2027-' || lpad(g::text, 6, '0'), 0, 0, 0, 'draft',
               timestamptz '2027-01-01 00:00:00+00' + (g * interval '21 hours')
          FROM generate_series(1, 400) g
        RETURNING id)
      INSERT INTO invoice_items (invoice_id, description, quantity, unit_price, total_price)
      SELECT inv.id, 'Ligne ' || n, 1 + (inv.id + n) % 3,
             (ARRAY[0.10, 0.20, 0.35, 19.99, 3.33, 0.01, 7.05])[1 + (inv.id * 7 + n) % 7],
             (1 + (inv.id + n) % 3) * (ARRAY[0.10, 0.20, 0.35, 19.99, 3.33, 0.01, 7.05])[1 + (inv.id * 7 + n) % 7]
        FROM inv, generate_series(1, 1 + inv.id % 4) n`,
      [ids.a],
    );
    // Drafts until their lines are in, then issued (an issued invoice's lines are frozen).
    await t.deps.pool.query(`
      UPDATE invoices i SET amount = s.amount, tax_amount = round(s.amount * 0.20, 2),
             total_amount = s.amount + round(s.amount * 0.20, 2),
             status = (ARRAY['pending','paid','failed','refunded'])[1 + right(i.invoice_number, 6)::int % 4]::invoice_status
        FROM (SELECT invoice_id, sum(total_price) AS amount FROM invoice_items GROUP BY invoice_id) s
       WHERE s.invoice_id = i.id AND i.invoice_number LIKE 'LCD-2027-%'`);

    const range = "from=2027-01-01&to=2027-12-31";
    const invoices = parseCsv(text((await exportCsv("invoices", range)).body as Buffer).slice(1));
    const items = parseCsv(text((await exportCsv("items", range)).body as Buffer).slice(1));
    const { rows } = await t.deps.pool.query<{ n: string; amount: string; tax: string; total: string; lines: string }>(`
      SELECT count(*) AS n, sum(amount)::text AS amount, sum(tax_amount)::text AS tax, sum(total_amount)::text AS total,
             (SELECT count(*) FROM invoice_items it JOIN invoices i ON i.id = it.invoice_id
               WHERE i.issued_at >= '2027-01-01Z' AND i.issued_at < '2028-01-01Z') AS lines
        FROM invoices WHERE issued_at >= '2027-01-01Z' AND issued_at < '2028-01-01Z' AND status <> 'draft'`);
    const sql = rows[0]!;
    expect(invoices.length - 1).toBe(Number(sql.n));
    expect(items.length - 1).toBe(Number(sql.lines));
    expect(Number(sql.n)).toBeGreaterThan(300);
    expect(sumColumn(invoices, 8).toFixed(2)).toBe(D(sql.amount).toFixed(2));
    expect(sumColumn(invoices, 9).toFixed(2)).toBe(D(sql.tax).toFixed(2));
    expect(sumColumn(invoices, 10).toFixed(2)).toBe(D(sql.total).toFixed(2));

    const linesOf = new Map<string, Prisma.Decimal>();
    for (const item of items.slice(1)) linesOf.set(item[0]!, (linesOf.get(item[0]!) ?? D("0")).add(D(item[5]!)));
    const mismatches = invoices
      .slice(1)
      .filter((inv) => !(linesOf.get(inv[0]!) ?? D("0")).equals(D(inv[8]!)))
      .map((inv) => inv[0]);
    expect(mismatches).toEqual([]);
    expect(linesOf.size).toBe(invoices.length - 1);
    // Every figure has a dot and two decimals.
    expect(invoices.slice(1).every((r) => [8, 9, 10, 12].every((i) => /^\d+\.\d{2}$/.test(r[i]!)))).toBe(true);
  });

  it("writes one audit row per export: who, range and row count", async () => {
    const before = await t.deps.prisma.adminActivityLog.count({ where: { action: "export" } });
    await exportCsv("items", JANUARY, editor.auth);
    const rows = await t.deps.prisma.adminActivityLog.findMany({ where: { action: "export" }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(before + 1);
    const row = rows[rows.length - 1]!;
    expect(row).toMatchObject({ adminId: editor.admin.id, resourceType: "invoice_items" });
    expect(row.newValues).toEqual({
      format: "accounting csv",
      from: "2026-01-01",
      to: "2026-01-31",
      rows: 7,
      completed: true,
    });
  });

  it("answers 400 naming from or to for a bad range, and writes nothing", async () => {
    const before = await t.deps.prisma.adminActivityLog.count();
    const cases: [string, { field: string; message: string }[]][] = [
      ["from=2026-02-30&to=2026-03-01", [{ field: "from", message: "is not a calendar date" }]],
      ["from=01/01/2026&to=2026-03-01", [{ field: "from", message: "must be a date like 2026-01-31" }]],
      ["from=2026-01-01", [{ field: "to", message: expect.any(String) as unknown as string }]],
      ["from=2026-02-01&to=2026-01-31", [{ field: "to", message: "must be on or after from" }]],
      ["from=2026-01-01&to=2026-01-31&status=paid", [{ field: "status", message: "is not a parameter" }]],
    ];
    for (const [query, errors] of cases) {
      const res = await request(t.app)
        .get(`${API}/billing/export/invoices.csv?${query}`)
        .set("Authorization", viewer.auth);
      expect({ query, status: res.status, type: res.type, errors: res.body.errors }).toEqual({
        query,
        status: 400,
        type: "application/problem+json",
        errors,
      });
    }
    expect(await t.deps.prisma.adminActivityLog.count()).toBe(before);
  });

  it("refuses an admin without billing.export (403) and lets an editor export (the matrix's read class)", async () => {
    const forbidden = await exportCsv("invoices", JANUARY, restricted.auth);
    expect(forbidden.status).toBe(403);
    expect(JSON.parse(text(forbidden.body as Buffer)).detail).toBe("This needs the permission billing.export");
    expect((await exportCsv("items", JANUARY, restricted.auth)).status).toBe(403);
    const allowed = await exportCsv("invoices", JANUARY, editor.auth);
    expect(allowed.status).toBe(200);
    expect(parseCsv(text(allowed.body as Buffer).slice(1))).toHaveLength(4);
    expect((await request(t.app).get(`${API}/billing/export/invoices.csv?${JANUARY}`)).status).toBe(401);
  });

  it("lets exactly the users the matrix allows through, and 403s the others", async () => {
    const routes = MODULE_ROUTES.filter((r) => r.path.startsWith("/billing/export/"));
    expect(routes.map((r) => `${r.method} ${r.path} ${r.module}.${r.permission}`)).toEqual([
      "get /billing/export/invoices.csv billing.export",
      "get /billing/export/items.csv billing.export",
    ]);
    const seen: string[] = [];
    for (const route of routes) {
      for (const user of USERS) {
        const who = await makeApiLogin(t.app, t.deps.prisma, {
          role: user.role,
          permissions: user.permissions ?? undefined,
        });
        const res = await request(t.app).get(`${API}${route.path}?${JANUARY}`).set("Authorization", who.auth);
        seen.push(`${user.label}: ${res.status}`);
        expect({ user: user.label, status: res.status }).toEqual({
          user: user.label,
          status: expectedAllowed(user, route.module, route.permission) ? 200 : 403,
        });
      }
    }
    // export is of the read class: every role has it; the restricted editor has no billing permission.
    const once = ["viewer: 200", "editor: 200", "admin: 200", "super_admin: 200", "restricted editor: 403"];
    expect(seen).toEqual([...once, ...once]);
  });

  it("is in the OpenAPI document with its parameters and permission", async () => {
    const res = await request(t.app).get(`${API}/openapi.json`);
    for (const kind of ["invoices", "items"]) {
      const operation = res.body.paths[`/billing/export/${kind}.csv`].get;
      expect(operation["x-permission"]).toBe("billing.export");
      expect(operation.parameters.map((p: { name: string; required: boolean }) => [p.name, p.required])).toEqual([
        ["from", true],
        ["to", true],
      ]);
    }
  });
});

describe("accounting export from the admin screens", () => {
  it("downloads both files through the session routes, as the REST API gives them", async () => {
    for (const kind of ["invoices", "items"] as const) {
      const session = await viewerAgent.get(`/admin/billing/export/${kind}.csv?${JANUARY}`).buffer(true).parse(binary);
      const rest = await exportCsv(kind, JANUARY);
      expect(session.status).toBe(200);
      expect(session.headers["content-disposition"]).toBe(
        `attachment; filename="locod-ai-${kind}-2026-01-01_2026-01-31.csv"`,
      );
      expect(text(session.body as Buffer)).toBe(text(rest.body as Buffer));
    }
    const bad = await viewerAgent.get("/admin/billing/export/items.csv?from=2026-02-01&to=2026-01-01");
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: "to", message: "must be on or after from" }]);
  });

  it("refuses the session routes and the action without billing.export", async () => {
    expect((await restrictedAgent.get(`/admin/billing/export/invoices.csv?${JANUARY}`)).status).toBe(403);
    const anonymous = await request(t.app).get(`/admin/billing/export/invoices.csv?${JANUARY}`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.location).toBe("/admin/login");

    const action = "/admin/api/resources/invoices/actions/accountingExport";
    expect((await viewerAgent.get(action)).status).toBe(200);
    expect((await restrictedAgent.get(action)).status).toBe(403);
    // Posted (as the access-matrix walk does), it answers the same and writes nothing.
    const auditRows = await t.deps.prisma.adminActivityLog.count();
    expect((await viewerAgent.post(action)).status).toBe(200);
    expect((await restrictedAgent.post(action)).status).toBe(403);
    expect(await t.deps.prisma.adminActivityLog.count()).toBe(auditRows);
    // Offered on the invoices list of an admin who may export.
    const list = await viewerAgent.get("/admin/api/resources/invoices/actions/list");
    expect(list.status).toBe(200);
    const resource = await viewerAgent.get("/admin/api/resources/invoices/actions/accountingExport");
    expect(resource.body.notice).toBeUndefined();
  });
});

describe("accounting export streaming", () => {
  it("closes the cursor and audits a partial export when the client goes away mid-file", async () => {
    // 20,000 invoices in 2028: far more than the socket and stream buffers hold.
    await t.deps.pool.query(
      `INSERT INTO invoices (customer_id, invoice_number, amount, tax_amount, total_amount, status, issued_at)
       SELECT $1, 'LCD-2028-' || lpad(g::text, 6, '0'), 10.00, 2.00, 12.00, 'pending',
              timestamptz '2028-01-01 00:00:00+00' + (g * interval '20 minutes')
         FROM generate_series(1, 20000) g`,
      [ids.b],
    );
    const server = t.app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const received = await new Promise<number>((resolve, reject) => {
        const req = http.get(
          {
            host: "127.0.0.1",
            port,
            path: `${API}/billing/export/invoices.csv?from=2028-01-01&to=2028-12-31`,
            headers: { Authorization: viewer.auth },
          },
          (res) => {
            res.once("data", (chunk: Buffer) => {
              req.destroy();
              resolve(chunk.length);
            });
          },
        );
        req.on("error", (err) => ((err as { code?: string }).code === "ECONNRESET" ? undefined : reject(err)));
      });
      expect(received).toBeGreaterThan(0);

      let audit = null;
      for (let i = 0; i < 50 && !audit; i++) {
        audit = await t.deps.prisma.adminActivityLog.findFirst({
          where: { action: "export", newValues: { path: ["from"], equals: "2028-01-01" } },
        });
        if (!audit) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const values = audit?.newValues as { rows: number; completed: boolean } | undefined;
      expect(values?.completed).toBe(false);
      expect(values!.rows).toBeLessThan(20_000);
      // The connection went back to the pool (or was dropped): nothing is held or waiting.
      expect(t.deps.pool.waitingCount).toBe(0);
      expect(t.deps.pool.totalCount - t.deps.pool.idleCount).toBe(0);

      // The next export of the same range streams all of it.
      const full = await exportCsv("invoices", "from=2028-01-01&to=2028-12-31");
      expect(parseCsv(text(full.body as Buffer).slice(1))).toHaveLength(20_001);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
