// An issued invoice keeps the seller's legal details and the VAT rate of its issue; the billing settings
// are edited only by billing administrators (billing.refund), on REST and in the admin alike.
import { readFileSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import type { Response as AgentResponse } from "superagent";
import type { Agent } from "supertest";
import { PROJECT_ROOT } from "../../src/lib/project-root.js";
import { readSetting } from "../../src/modules/settings/values.js";
import { makeCustomer } from "../factories/index.js";
import { makeDraftInvoice } from "../factories/billing.js";
import { API, makeApiLogin, type ApiLogin } from "../factories/api.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;
let admin: ApiLogin;
let editor: ApiLogin;
let editorAgent: Agent;

const SELLER = {
  name: "Locod-AI SAS",
  address: ["10 rue de la Paix", "75002 Paris", "France"],
  siret: "123 456 789 00012",
  vatNumber: "FR12123456789",
  email: "facturation@locod-ai.com",
  iban: "FR76 3000 6000 0112 3456 7890 189",
};
const NEW_IBAN = "FR76 1111 2222 3333 4444 5555 666";

async function pdfText(pdf: Buffer): Promise<string> {
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
  return parts.join("\n").replace(/\s+/g, " ");
}

function binary(res: AgentResponse, callback: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on("data", (chunk: Buffer) => chunks.push(chunk));
  res.on("end", () => callback(null, Buffer.concat(chunks)));
}

const pdfOf = async (id: number) => {
  const res = await request(t.app)
    .get(`${API}/billing/invoices/${id}/pdf`)
    .set("Authorization", admin.auth)
    .buffer(true)
    .parse(binary);
  expect(res.status).toBe(200);
  return pdfText(res.body as Buffer);
};

beforeAll(async () => {
  t = await makeTestApp();
  admin = await makeApiLogin(t.app, t.deps.prisma, { role: "admin" });
  editor = await makeApiLogin(t.app, t.deps.prisma, { role: "editor" });
  editorAgent = await loginAgent(t.app, editor.admin.email, editor.admin.password);
}, 60_000);

afterAll(() => t.close());

beforeEach(async () => {
  await t.deps.prisma.setting.deleteMany({ where: { key: { startsWith: "billing." } } });
  await t.deps.prisma.setting.createMany({
    data: [
      { key: "billing.seller", value: SELLER },
      { key: "billing.vat_rate", value: "20.00" },
    ],
  });
});

describe("an issued invoice", () => {
  it("keeps the seller and VAT rate of its issue: its PDF shows them after the settings change", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const draft = await makeDraftInvoice(t.deps.prisma, {
      customerId: customer.id,
      lines: [{ description: "Site vitrine", unitPrice: "100.00" }],
    });
    const issued = await request(t.app)
      .post(`${API}/billing/invoices/${draft.id}/issue`)
      .set("Authorization", admin.auth)
      .send({});
    expect(issued.status).toBe(200);
    const row = await t.deps.prisma.invoice.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row.seller).toEqual(SELLER);
    expect(row.vatRate?.toFixed(2)).toBe("20.00");

    const seller = await request(t.app)
      .patch(`${API}/settings/settings/billing.seller`)
      .set("Authorization", admin.auth)
      .send({ value: { ...SELLER, iban: NEW_IBAN, name: "Autre Société SARL" } });
    expect(seller.status).toBe(200);
    const rate = await request(t.app)
      .patch(`${API}/settings/settings/billing.vat_rate`)
      .set("Authorization", admin.auth)
      .send({ value: "5.50" });
    expect(rate.status).toBe(200);

    const text = await pdfOf(draft.id);
    expect(text).toContain(SELLER.iban);
    expect(text).toContain("Locod-AI SAS");
    expect(text).not.toContain(NEW_IBAN);
    expect(text).not.toContain("Autre Société");
    expect(text).toContain("TVA (20,00 %)");
    expect(text).not.toContain("5,50 %");

    // A draft is not issued yet: it shows the settings of now.
    const another = await makeDraftInvoice(t.deps.prisma, {
      customerId: customer.id,
      lines: [{ description: "Logo", unitPrice: "50.00" }],
    });
    expect(await pdfOf(another.id)).toContain(NEW_IBAN);
  });

  it("keeps them through a generic edit, which cannot write them", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    const draft = await makeDraftInvoice(t.deps.prisma, {
      customerId: customer.id,
      lines: [{ description: "Site vitrine", unitPrice: "100.00" }],
    });
    await request(t.app).post(`${API}/billing/invoices/${draft.id}/issue`).set("Authorization", admin.auth).send({});
    const res = await request(t.app)
      .patch(`${API}/billing/invoices/${draft.id}`)
      .set("Authorization", admin.auth)
      .send({ seller: { ...SELLER, iban: NEW_IBAN }, vatRate: "5.50" });
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["seller", "vatRate"]);
    const row = await t.deps.prisma.invoice.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row.seller).toEqual(SELLER);
    expect(row.vatRate?.toFixed(2)).toBe("20.00");
  });
});

describe("the migration that keeps the issue's seller and VAT rate", () => {
  it("gives invoices issued before it the current settings, and leaves drafts alone", async () => {
    const sql = readFileSync(
      path.join(PROJECT_ROOT, "prisma/migrations/20261206023433_invoice_snapshot_intake_idempotency/migration.sql"),
      "utf8",
    );
    const backfill = sql.slice(sql.indexOf('ALTER TABLE "invoices" DISABLE TRIGGER'), sql.indexOf("-- The wizard's"));
    expect(backfill).toMatch(/ENABLE TRIGGER "invoices_keep_issued";\s*$/);
    const customer = await makeCustomer(t.deps.prisma);
    const draft = await makeDraftInvoice(t.deps.prisma, {
      customerId: customer.id,
      lines: [{ description: "Logo", unitPrice: "50.00" }],
    });
    // An invoice issued before the columns existed: issued, without them.
    const old = await makeDraftInvoice(t.deps.prisma, {
      customerId: customer.id,
      lines: [{ description: "Site", unitPrice: "100.00" }],
    });
    await t.deps.prisma.invoice.update({
      where: { id: old.id },
      data: { status: "paid", invoiceNumber: "LCD-2025-000001" },
    });
    await t.deps.prisma.$transaction(async (tx) => {
      for (const statement of backfill.split(/;\s*\n/).filter((s) => s.trim())) await tx.$executeRawUnsafe(statement);
    });
    const [issued, stillDraft] = await Promise.all([
      t.deps.prisma.invoice.findUniqueOrThrow({ where: { id: old.id } }),
      t.deps.prisma.invoice.findUniqueOrThrow({ where: { id: draft.id } }),
    ]);
    expect(issued.seller).toEqual(SELLER);
    expect(issued.vatRate?.toFixed(2)).toBe("20.00");
    expect(stillDraft).toMatchObject({ seller: null, vatRate: null });
    // Frozen from then on, like every column of an issued invoice.
    await expect(t.deps.prisma.$executeRaw`UPDATE invoices SET vat_rate = 5.50 WHERE id = ${old.id}`).rejects.toThrow(
      /vat_rate cannot change/,
    );
  });
});

describe("the billing settings", () => {
  it("refuse an editor on REST with 403 problem+json, and change nothing", async () => {
    for (const [key, value] of [
      ["billing.seller", { ...SELLER, iban: NEW_IBAN }],
      ["billing.vat_rate", "5.50"],
    ] as const) {
      const res = await request(t.app)
        .patch(`${API}/settings/settings/${key}`)
        .set("Authorization", editor.auth)
        .send({ value });
      expect(res.status).toBe(403);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    }
    const created = await request(t.app)
      .post(`${API}/settings/settings`)
      .set("Authorization", editor.auth)
      .send({ key: "billing.payment_terms_days", value: 5 });
    expect(created.status).toBe(403);
    expect(await readSetting(t.deps.prisma, "billing.seller")).toEqual(SELLER);
    expect(await readSetting(t.deps.prisma, "billing.vat_rate")).toBe("20.00");
    expect(await t.deps.prisma.setting.count({ where: { key: "billing.payment_terms_days" } })).toBe(0);
  });

  it("refuse an editor in the admin's settings editor, and change nothing", async () => {
    const res = await editorAgent
      .post(`/admin/api/resources/settings/records/${encodeURIComponent("billing.seller")}/edit`)
      .type("form")
      .send({ key: "billing.seller", value: JSON.stringify({ ...SELLER, iban: NEW_IBAN }) });
    expect(res.body.notice).toMatchObject({ type: "error", message: "This needs the permission billing.refund" });
    const created = await editorAgent
      .post("/admin/api/resources/settings/actions/new")
      .type("form")
      .send({ key: "billing.payment_terms_days", value: "5" });
    expect(created.body.notice).toMatchObject({ type: "error", message: "This needs the permission billing.refund" });
    expect(await readSetting(t.deps.prisma, "billing.seller")).toEqual(SELLER);
    expect(await t.deps.prisma.setting.count({ where: { key: "billing.payment_terms_days" } })).toBe(0);
  });

  it("stay open to an admin, and to nobody with settings.edit alone", async () => {
    const res = await request(t.app)
      .patch(`${API}/settings/settings/billing.vat_rate`)
      .set("Authorization", admin.auth)
      .send({ value: "5.50" });
    expect(res.status).toBe(200);
    const settingsOnly = await makeApiLogin(t.app, t.deps.prisma, {
      role: "admin",
      permissions: ["settings.view", "settings.edit"],
    });
    const refused = await request(t.app)
      .patch(`${API}/settings/settings/billing.vat_rate`)
      .set("Authorization", settingsOnly.auth)
      .send({ value: "10.00" });
    expect(refused.status).toBe(403);
    expect(await readSetting(t.deps.prisma, "billing.vat_rate")).toBe("5.50");
  });
});
