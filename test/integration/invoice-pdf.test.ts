// Invoice PDF (issue 5, item 4): REST and session downloads, what the document says (read back with
// pdf.js), and who may download it.
import path from "node:path";
import type { Prisma } from "@prisma/client";
import request from "supertest";
import type { Response as AgentResponse } from "superagent";
import type { Agent } from "supertest";
import { PROJECT_ROOT } from "../../src/lib/project-root.js";
import { makeAdmin, makeCustomer } from "../factories/index.js";
import { API, makeApiLogin } from "../factories/api.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { MODULE_ROUTES, USERS, expectedAllowed } from "../helpers/access-matrix.js";

let t: TestApp;
let viewerAuth: string;
let restrictedAuth: string;
let viewerAgent: Agent;
let restrictedAgent: Agent;

const SELLER = {
  name: "Locod-AI SAS",
  address: ["10 rue de la Paix", "75002 Paris", "France"],
  siret: "123 456 789 00012",
  vatNumber: "FR12123456789",
  email: "facturation@locod-ai.com",
  iban: "FR76 3000 6000 0112 3456 7890 189",
  legalMentions:
    "Pénalités de retard : trois fois le taux d'intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 €.",
};

/** The text of every page, read back with pdf.js; runs of whitespace (no-break spaces too) as one space. */
async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    standardFontDataUrl: `${path.join(PROJECT_ROOT, "node_modules/pdfjs-dist/standard_fonts")}/`,
    verbosity: 0,
  }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    parts.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await document.destroy();
  return { pages: document.numPages, text: parts.join("\n").replace(/\s+/g, " ") };
}

/** supertest hands binary bodies over as a Buffer with this parser. */
function binary(res: AgentResponse, callback: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on("data", (chunk: Buffer) => chunks.push(chunk));
  res.on("end", () => callback(null, Buffer.concat(chunks)));
}

interface Line {
  description: string;
  quantity: number;
  unitPrice: string;
  totalPrice: string;
}

async function makeIssuedInvoice(data: Partial<Prisma.InvoiceUncheckedCreateInput> & { lines: Line[] }) {
  const { lines, status = "pending", ...invoice } = data;
  const customerId = invoice.customerId ?? (await makeCustomer(t.deps.prisma)).id;
  // Issued as the portal issues: a draft with its lines, then its status (an issued invoice's lines are frozen).
  const draft = await t.deps.prisma.invoice.create({
    data: {
      invoiceNumber: "LCD-2026-000042",
      amount: "0.00",
      taxAmount: "0.00",
      totalAmount: "0.00",
      issuedAt: new Date("2026-12-01T08:00:00Z"),
      dueAt: new Date("2026-12-31T08:00:00Z"),
      periodStart: new Date("2026-11-01"),
      periodEnd: new Date("2026-12-01"),
      ...invoice,
      status: "draft",
      customerId,
      items: { create: lines },
    },
  });
  return t.deps.prisma.invoice.update({ where: { id: draft.id }, data: { status } });
}

// 49.00 + 2 x 3.50 + 1 200.00 = 1 256.00; VAT 20% = 251.20; total 1 507.20.
const LINES: Line[] = [
  { description: "Abonnement Pro — novembre 2026", quantity: 1, unitPrice: "49.00", totalPrice: "49.00" },
  { description: "Demande IA n°17 : contenu « boulangerie »", quantity: 2, unitPrice: "3.50", totalPrice: "7.00" },
  { description: "Site vitrine sur mesure", quantity: 1, unitPrice: "1200.00", totalPrice: "1200.00" },
];

beforeAll(async () => {
  t = await makeTestApp();
  await t.deps.prisma.setting.create({ data: { key: "billing.seller", value: SELLER } });
  const viewer = await makeApiLogin(t.app, t.deps.prisma, { role: "viewer" });
  const restricted = await makeApiLogin(t.app, t.deps.prisma, { role: "admin", permissions: ["customers.view"] });
  viewerAuth = viewer.auth;
  restrictedAuth = restricted.auth;
  viewerAgent = await loginAgent(t.app, viewer.admin.email, viewer.admin.password);
  restrictedAgent = await loginAgent(t.app, restricted.admin.email, restricted.admin.password);
});

afterAll(() => t.close());

describe("GET /admin/api/v1/billing/invoices/:id/pdf", () => {
  it("sends the paid invoice as an A4 PDF named after its number, with seller, customer, lines, totals and refund", async () => {
    const customer = await makeCustomer(t.deps.prisma, {
      name: "Boulangerie Lefèvre & Fils",
      email: "lefevre@test.local",
    });
    const invoice = await makeIssuedInvoice({
      customerId: customer.id,
      invoiceNumber: "LCD-2026-000042",
      amount: "1256.00",
      taxAmount: "251.20",
      totalAmount: "1507.20",
      status: "paid",
      paidAt: new Date("2026-12-03T10:00:00Z"),
      paymentMethod: "card",
      amountRefunded: "100.00",
      lines: LINES,
    });
    await t.deps.prisma.refund.create({
      data: {
        invoiceId: invoice.id,
        amount: "100.00",
        reason: "Geste commercial",
        status: "succeeded",
        createdAt: new Date("2026-12-10T09:00:00Z"),
      },
    });

    const res = await request(t.app)
      .get(`${API}/billing/invoices/${invoice.id}/pdf`)
      .set("Authorization", viewerAuth)
      .buffer(true)
      .parse(binary);

    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="LCD-2026-000042.pdf"');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // A4 is 595.28 x 841.89 points.
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);

    const { pages, text } = await pdfText(pdf);
    expect(pages).toBe(1);
    for (const expected of [
      "FACTURE",
      "N° : LCD-2026-000042",
      "Date d'émission : 01/12/2026",
      "Date d'échéance : 31/12/2026",
      "Période : du 01/11/2026 au 30/11/2026",
      // Seller from the settings.
      "Locod-AI SAS",
      "10 rue de la Paix",
      "SIRET : 123 456 789 00012",
      "N° TVA intracommunautaire : FR12123456789",
      "facturation@locod-ai.com",
      "IBAN : FR76 3000 6000 0112 3456 7890 189",
      "Pénalités de retard : trois fois le taux d'intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 €.",
      // Customer.
      "Facturé à Boulangerie Lefèvre & Fils lefevre@test.local",
      `Client n° ${customer.id}`,
      // Lines: description, quantity, unit price, total.
      "Abonnement Pro — novembre 2026 1 49,00 € 49,00 €",
      "Demande IA n°17 : contenu « boulangerie » 2 3,50 € 7,00 €",
      "Site vitrine sur mesure 1 1 200,00 € 1 200,00 €",
      // Totals: 1 256.00 + 20% (251.20) = 1 507.20; 100.00 refunded, 1 407.20 net.
      "Total HT 1 256,00 €",
      "TVA (20,00 %) 251,20 €",
      "Total TTC 1 507,20 €",
      "Remboursement du 10/12/2026 -100,00 €",
      "Total remboursé -100,00 €",
      "Net payé 1 407,20 €",
      "PAYÉE",
      "Statut : Payée le 03/12/2026 (card)",
      "Page 1/1",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("DRAFT");
  });

  it("words the invoice in English for an English-speaking customer, due date and amount to pay", async () => {
    const customer = await makeCustomer(t.deps.prisma, { name: "Bakery Ltd", language: "en" });
    // 3 x 19.99 = 59.97; VAT 20% = 11.994 -> 11.99 (half-up); total 71.96.
    const invoice = await makeIssuedInvoice({
      customerId: customer.id,
      invoiceNumber: "LCD-2026-000043",
      amount: "59.97",
      taxAmount: "11.99",
      totalAmount: "71.96",
      lines: [{ description: "Starter plan", quantity: 3, unitPrice: "19.99", totalPrice: "59.97" }],
    });
    const res = await request(t.app)
      .get(`${API}/billing/invoices/${invoice.id}/pdf`)
      .set("Authorization", viewerAuth)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    const { text } = await pdfText(res.body as Buffer);
    for (const expected of [
      "INVOICE",
      "No. : LCD-2026-000043",
      "Issue date : 01/12/2026",
      "Due date : 31/12/2026",
      "Starter plan 3 19,99 € 59,97 €",
      "Total excl. VAT 59,97 €",
      "VAT (20,00 %) 11,99 €",
      "Total incl. VAT 71,96 €",
      "Status : Awaiting payment — Payable by 31/12/2026",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("PAID");
  });

  it("watermarks a draft DRAFT on every page and gives it no due date", async () => {
    const customer = await makeCustomer(t.deps.prisma, { name: "Garage Martin" });
    // 45 lines of 2.00 = 90.00, VAT 18.00, total 108.00: more than one page.
    const lines = Array.from({ length: 45 }, (_, i) => ({
      description: `Demande IA n°${100 + i} : services`,
      quantity: 1,
      unitPrice: "2.00",
      totalPrice: "2.00",
    }));
    const invoice = await makeIssuedInvoice({
      customerId: customer.id,
      invoiceNumber: `LCD-DRAFT-${customer.id}-202612`,
      status: "draft",
      amount: "90.00",
      taxAmount: "18.00",
      totalAmount: "108.00",
      dueAt: null,
      periodStart: new Date("2026-12-01"),
      periodEnd: new Date("2027-01-01"),
      lines,
    });
    const res = await request(t.app)
      .get(`${API}/billing/invoices/${invoice.id}/pdf`)
      .set("Authorization", viewerAuth)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="LCD-DRAFT-${customer.id}-202612.pdf"`);
    const { pages, text } = await pdfText(res.body as Buffer);
    expect(pages).toBe(2);
    expect(text.match(/DRAFT(?!-)/g)).toHaveLength(2);
    expect(text).toContain("FACTURE PROVISOIRE");
    expect(text).toContain("Page 1/2");
    expect(text).toContain("Page 2/2");
    expect(text).toContain("Demande IA n°144 : services 1 2,00 € 2,00 €");
    expect(text).toContain("Total TTC 108,00 €");
    expect(text).toContain("Statut : Brouillon : facture non émise, sans valeur comptable");
    expect(text).not.toContain("Date d'échéance");
  });

  it("refuses an admin without billing.view (403), an unknown invoice (404) and no token (401)", async () => {
    const invoice = await makeIssuedInvoice({ invoiceNumber: "LCD-2026-000044", lines: LINES });
    const forbidden = await request(t.app)
      .get(`${API}/billing/invoices/${invoice.id}/pdf`)
      .set("Authorization", restrictedAuth);
    expect(forbidden.status).toBe(403);
    expect(forbidden.type).toBe("application/problem+json");
    expect(forbidden.body.detail).toBe("This needs the permission billing.view");

    for (const id of ["999999", "abc", "0", "99999999999"]) {
      const missing = await request(t.app).get(`${API}/billing/invoices/${id}/pdf`).set("Authorization", viewerAuth);
      expect({ id, status: missing.status, type: missing.type }).toEqual({
        id,
        status: 404,
        type: "application/problem+json",
      });
    }
    const anonymous = await request(t.app).get(`${API}/billing/invoices/${invoice.id}/pdf`);
    expect(anonymous.status).toBe(401);
  });

  it("lets exactly the users the matrix allows through, and 403s the others", async () => {
    const invoice = await makeIssuedInvoice({ invoiceNumber: "LCD-2026-000048", lines: LINES });
    const routes = MODULE_ROUTES.filter((r) => r.path === "/billing/invoices/{id}/pdf");
    expect(routes).toEqual([
      { method: "get", path: "/billing/invoices/{id}/pdf", module: "billing", permission: "view" },
    ]);
    const seen: string[] = [];
    for (const route of routes) {
      for (const user of USERS) {
        const who = await makeApiLogin(t.app, t.deps.prisma, {
          role: user.role,
          permissions: user.permissions ?? undefined,
        });
        const res = await request(t.app)
          .get(`${API}${route.path.replace("{id}", String(invoice.id))}`)
          .set("Authorization", who.auth);
        seen.push(`${user.label}: ${res.status}`);
        expect({ user: user.label, status: res.status }).toEqual({
          user: user.label,
          status: expectedAllowed(user, route.module, route.permission) ? 200 : 403,
        });
      }
    }
    // viewer, editor, admin and super_admin read invoices; the restricted editor has no billing permission.
    expect(seen).toEqual(["viewer: 200", "editor: 200", "admin: 200", "super_admin: 200", "restricted editor: 403"]);
  });

  it("is in the OpenAPI document with the permission it needs", async () => {
    const res = await request(t.app).get(`${API}/openapi.json`);
    const operation = res.body.paths["/billing/invoices/{id}/pdf"].get;
    expect(operation["x-permission"]).toBe("billing.view");
    expect(Object.keys(operation.responses["200"].content)).toEqual(["application/pdf"]);
  });
});

describe("invoice PDF from the admin screens", () => {
  it("downloads through the session route for an admin with billing.view", async () => {
    const invoice = await makeIssuedInvoice({
      invoiceNumber: "LCD-2026-000045",
      amount: "1256.00",
      taxAmount: "251.20",
      totalAmount: "1507.20",
      lines: LINES,
    });
    const res = await viewerAgent.get(`/admin/billing/invoices/${invoice.id}/pdf`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="LCD-2026-000045.pdf"');
    const { text } = await pdfText(res.body as Buffer);
    expect(text).toContain("N° : LCD-2026-000045");
    expect(text).toContain("Total TTC 1 507,20 €");
  });

  it("refuses the session route without billing.view and sends a logged-out browser to the login page", async () => {
    const invoice = await makeIssuedInvoice({ invoiceNumber: "LCD-2026-000046", lines: LINES });
    const forbidden = await restrictedAgent.get(`/admin/billing/invoices/${invoice.id}/pdf`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.type).toBe("application/problem+json");
    const missing = await viewerAgent.get(`/admin/billing/invoices/999999/pdf`);
    expect(missing.status).toBe(404);
    const anonymous = await request(t.app).get(`/admin/billing/invoices/${invoice.id}/pdf`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.location).toBe("/admin/login");
  });

  it("offers the Download PDF action to billing.view and refuses it to others", async () => {
    const invoice = await makeIssuedInvoice({ invoiceNumber: "LCD-2026-000047", lines: LINES });
    const path = `/admin/api/resources/invoices/records/${invoice.id}/downloadPdf`;
    const allowed = await viewerAgent.get(path);
    expect(allowed.status).toBe(200);
    expect(allowed.body.record.params.invoiceNumber).toBe("LCD-2026-000047");
    const forbidden = await restrictedAgent.get(path);
    expect(forbidden.status).toBe(403);
    // Posted (as the access-matrix walk does), it still only shows the record: nothing changes.
    const posted = await viewerAgent.post(path);
    expect(posted.status).toBe(200);
    expect(posted.body.record.params.status).toBe("pending");
    expect((await restrictedAgent.post(path)).status).toBe(403);

    // The action is listed on the record for the viewer (the component links to the session route).
    const show = await viewerAgent.get(`/admin/api/resources/invoices/records/${invoice.id}/show`);
    const actions = (show.body.record.recordActions as { name: string }[]).map((a) => a.name);
    expect(actions).toContain("downloadPdf");
    const other = await makeAdmin(t.deps.prisma, { role: "viewer", permissions: ["billing.export"] });
    const noView = await loginAgent(t.app, other.email, other.password);
    expect((await noView.get(path)).status).toBe(403);
  });
});
