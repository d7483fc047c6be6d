// Every table of the spec as an AdminJS CRUD screen: lists, pages, form checks, secrets kept on the server.
import bcrypt from "bcrypt";
import type { Response } from "supertest";
import { buildAdmin, translations } from "../../src/admin/index.js";
import { loadModels } from "../../src/db/dmmf.js";
import { MODULES } from "../../src/modules.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { makeAdmin, makeCustomer } from "../factories/index.js";
import { makeAiRequest, makeInvoice, makeSite, makeTemplate } from "../factories/admin-resources.js";

/** The tables of spec/admin-portal-architecture.md (v2.0.0). */
const SPEC_TABLES = [
  "customers",
  "sites",
  "site_configs",
  "templates",
  "ai_requests",
  "admin_users",
  "admin_sessions",
  "billing_plans",
  "customer_subscriptions",
  "invoices",
  "invoice_items",
  "business_metrics",
  "site_monitoring",
  "admin_activity_log",
  "template_versions",
  "template_ab_tests",
  "email_campaigns",
  "email_sends",
  "referral_program",
];

/**
 * express-session's store, and the yearly invoice-number counters (written only by the issuing
 * transaction, invoicing/numbering.ts): infrastructure, not screens.
 */
const NOT_RESOURCES = ["session", "invoice_number_sequences"];

type Agent = Awaited<ReturnType<typeof loginAgent>>;

/** Nothing that could be a password or its hash in an answer. */
function expectNoSecrets(res: Response, password?: string) {
  expect(res.text).not.toMatch(/passwordHash|password_hash|\$2[aby]\$/);
  if (password) expect(res.text).not.toContain(password);
}

/** Looks a dotted key up in a nested translations object. */
function lookup(translations: object, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], translations);
}

describe("admin resources", () => {
  let t: TestApp;
  let agent: Agent;

  beforeAll(async () => {
    t = await makeTestApp();
    const root = await makeAdmin(t.deps.prisma, { role: "super_admin", name: "Root Admin" });
    agent = await loginAgent(t.app, root.email, root.password);
  });

  afterAll(async () => {
    await t.close();
  });

  describe("screens", () => {
    it("lists every table of the spec and of the schema, as JSON records with their pager", async () => {
      const models = await loadModels();
      const tables = [...models.values()].map((m) => m.dbName ?? m.name).filter((x) => !NOT_RESOURCES.includes(x));
      expect(tables).toEqual(expect.arrayContaining(SPEC_TABLES));

      for (const table of tables) {
        const res = await agent.get(`/admin/api/resources/${table}/actions/list`);
        expect({ table, status: res.status, type: res.type }).toEqual({ table, status: 200, type: "application/json" });
        expect(Array.isArray(res.body.records)).toBe(true);
        expect(res.body.meta).toEqual(expect.objectContaining({ total: expect.any(Number), page: 1 }));
        expect(res.body.notice).toBeUndefined();
      }
    });

    it("does not offer the session store", async () => {
      const res = await agent.get("/admin/api/resources/session/actions/list");
      expect(res.body.records).toBeUndefined();
    });

    it("words every resource, property, enum value and navigation group in French and English", async () => {
      const admin = await buildAdmin(t.deps);
      const { fr, en } = translations();
      const missing: string[] = [];
      for (const [lang, translations] of [
        ["fr", fr],
        ["en", en],
      ] as const) {
        const need = (key: string) => {
          if (typeof lookup(translations, key) !== "string") missing.push(`${lang}: ${key}`);
        };
        for (const { navigation } of MODULES) if (navigation) need(`labels.${navigation.name[0]}`);
        for (const resource of admin.resources) {
          const decorated = resource.decorate();
          const id = decorated.id();
          need(`labels.${id}`);
          for (const [path, property] of Object.entries(decorated.properties)) {
            need(`resources.${id}.properties.${path}`);
            for (const { value } of property.availableValues() ?? []) need(`resources.${id}.labels.${path}.${value}`);
          }
        }
      }
      expect(missing).toEqual([]);
    });

    it("shows records with their references' titles and the newest first", async () => {
      const { prisma } = t.deps;
      const handler = await makeAdmin(prisma, { name: "Camille Handler" });
      const customer = await makeCustomer(prisma, { name: "Boulangerie Dupont" });
      const site = await makeSite(prisma, { customerId: customer.id });
      const older = await makeAiRequest(prisma, { customerId: customer.id, createdAt: new Date("2026-01-01") });
      const request = await makeAiRequest(prisma, { customerId: customer.id, siteId: site.id, adminId: handler.id });
      const invoice = await makeInvoice(prisma, { customerId: customer.id });
      const template = await makeTemplate(prisma);

      const list = await agent.get("/admin/api/resources/ai_requests/actions/list");
      const ids = list.body.records.map((r: { id: number }) => r.id);
      expect(ids.indexOf(request.id)).toBeLessThan(ids.indexOf(older.id));
      const row = list.body.records.find((r: { id: number }) => r.id === request.id);
      expect(row.populated.customer.title).toBe("Boulangerie Dupont");
      expect(row.populated.admin.title).toBe("Camille Handler");
      expectNoSecrets(list);

      for (const [table, id, title] of [
        ["customers", customer.id, customer.name],
        ["sites", site.id, site.name],
        // Titles follow the table specs: a request by its business and customer, an invoice by its number and customer.
        ["ai_requests", request.id, "boulangerie · Boulangerie Dupont"],
        ["invoices", invoice.id, `${invoice.invoiceNumber} · Boulangerie Dupont`],
        ["templates", template.id, template.name],
        ["admin_users", handler.id, handler.name],
      ] as const) {
        const res = await agent.get(`/admin/api/resources/${table}/records/${id}/show`);
        expect({ table, status: res.status }).toEqual({ table, status: 200 });
        expect(res.body.record.id).toBe(id);
        expect(res.body.record.title).toBe(title);
        expectNoSecrets(res);
      }
      const shown = await agent.get(`/admin/api/resources/invoices/records/${invoice.id}/show`);
      expect(shown.body.record.params.totalAmount).toBe("120");
      const json = await agent.get(`/admin/api/resources/ai_requests/records/${request.id}/show`);
      expect(json.body.record.params["requestData.services.0"]).toBe("pain");
    });

    it("keeps admin password hashes on the server in every answer", async () => {
      const { prisma } = t.deps;
      const admin = await makeAdmin(prisma, { name: "Hidden Hash" });
      await makeAiRequest(prisma, { adminId: admin.id });
      for (const path of [
        "/admin/api/resources/admin_users/actions/list",
        `/admin/api/resources/admin_users/records/${admin.id}/show`,
        `/admin/api/resources/admin_users/records/${admin.id}/edit`,
        "/admin/api/resources/admin_users/search/Hidden",
        "/admin/api/resources/admin_users/actions/search/Hidden",
        "/admin/api/resources/ai_requests/actions/list",
        "/admin/api/resources/admin_activity_log/actions/list",
      ]) {
        const res = await agent.get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        expectNoSecrets(res, admin.password);
      }
    });
  });

  describe("JSON columns", () => {
    it("refuses invalid JSON on edit with an error naming the field, and writes nothing", async () => {
      const { prisma } = t.deps;
      const request = await makeAiRequest(prisma, { priority: 5 });
      const res = await agent
        .post(`/admin/api/resources/ai_requests/records/${request.id}/edit`)
        .type("form")
        .send({ requestData: "{ not json", priority: "7", businessType: "fleuriste" });

      expect(res.status).toBe(200);
      expect(res.body.notice.type).toBe("error");
      expect(res.body.notice.message).toContain("requestData");
      expect(res.body.record.errors.requestData.message).toContain("fieldJson");
      // The refused form keeps what was typed.
      expect(res.body.record.params.businessType).toBe("fleuriste");
      const stored = await prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
      expect(stored).toMatchObject({ priority: 5, businessType: "boulangerie", requestData: request.requestData });
    });

    it("refuses a new record whose JSON is invalid or of the wrong shape", async () => {
      const { prisma } = t.deps;
      const before = await prisma.template.count();
      const res = await agent
        .post("/admin/api/resources/templates/actions/new")
        .type("form")
        .send({ name: "Vitrine", category: "artisan", status: "draft", configTemplate: '["an", "array"]' });
      expect(res.body.notice.type).toBe("error");
      expect(res.body.record.errors.configTemplate.message).toContain("fieldJsonObject");
      expect(await prisma.template.count()).toBe(before);
    });

    it("gives the edit form JSON as text, and stores the text it sends back as JSON", async () => {
      const { prisma } = t.deps;
      const request = await makeAiRequest(prisma);
      const form = await agent.get(`/admin/api/resources/ai_requests/records/${request.id}/edit`);
      expect(JSON.parse(form.body.record.params.requestData)).toEqual(request.requestData);

      const res = await agent
        .post(`/admin/api/resources/ai_requests/records/${request.id}/edit`)
        .type("form")
        .send({ requestData: '{"servicesWanted": 2, "existingServices": ["pizza"]}', generatedContent: "" });
      expect(res.body.notice).toEqual({ message: "successfullyUpdated", type: "success" });
      const stored = await prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
      // Stored as the request type's schema reads it (its defaults filled in), as the wizard's intake does.
      expect(stored.requestData).toEqual({ servicesWanted: 2, existingServices: ["pizza"], tone: "professionnel" });
      expect(stored.generatedContent).toBeNull();
    });
  });

  describe("form checks", () => {
    it("stores money to the cent, rounded half-up, and refuses what its column cannot hold", async () => {
      const { prisma } = t.deps;
      const request = await makeAiRequest(prisma);
      const ok = await agent
        .post(`/admin/api/resources/ai_requests/records/${request.id}/edit`)
        .type("form")
        .send({ estimatedCost: "3,4550", actualCost: "" });
      expect(ok.body.notice.type).toBe("success");
      const stored = await prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
      expect(stored.estimatedCost?.toFixed(2)).toBe("3.46");
      expect(stored.actualCost).toBeNull();

      // Typed as French or English write amounts; "3,455" (3.455 or 3455?) is refused, naming the field.
      for (const [typed, cents] of [
        ["12,50", "12.50"],
        ["12.5", "12.50"],
        ["€ 7", "7.00"],
      ] as const) {
        const res = await agent
          .post(`/admin/api/resources/ai_requests/records/${request.id}/edit`)
          .type("form")
          .send({ estimatedCost: typed });
        expect(res.body.notice.type).toBe("success");
        const row = await prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
        expect(row.estimatedCost?.toFixed(2)).toBe(cents);
      }
      const ambiguous = await agent
        .post(`/admin/api/resources/ai_requests/records/${request.id}/edit`)
        .type("form")
        .send({ estimatedCost: "3,455" });
      expect(ambiguous.body.record.errors.estimatedCost.message).toBe("$t(messages.fieldMoneyAmbiguous)");
      expect(ambiguous.body.notice.message).toContain("resources.ai_requests.properties.estimatedCost");
      expect((await prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } })).estimatedCost?.toFixed(2)).toBe(
        "7.00",
      );

      const tooBig = await agent
        .post(`/admin/api/resources/ai_requests/records/${request.id}/edit`)
        .type("form")
        .send({ estimatedCost: "1000" });
      expect(tooBig.body.record.errors.estimatedCost.message).toContain("999.99");
    });

    it("refuses by name the columns the form may not write, writing nothing, and ignores their unchanged echo", async () => {
      const { prisma } = t.deps;
      const request = await makeAiRequest(prisma, { customerNotes: "Merci !" });
      const url = `/admin/api/resources/ai_requests/records/${request.id}/edit`;
      const forged = await agent.post(url).type("form").send({
        createdAt: "2000-01-01T00:00:00Z",
        completedAt: "2000-01-01T00:00:00Z",
        customerNotes: "forged",
        adminNotes: "ok",
      });
      expect(Object.keys(forged.body.record.errors).sort()).toEqual(["completedAt", "createdAt", "customerNotes"]);
      expect(forged.body.record.errors.completedAt.message).toContain("fieldWorkflow");
      expect(forged.body.record.errors.customerNotes.message).toContain("fieldReadOnly");
      expect((await prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } })).adminNotes).toBeNull();
      // The form posts the record back: an unchanged read-only value is no change.
      const res = await agent.post(url).type("form").send({
        createdAt: request.createdAt.toISOString(),
        customerNotes: "Merci !",
        adminNotes: "ok",
      });
      expect(res.body.notice.type).toBe("success");
      const stored = await prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } });
      expect(stored).toMatchObject({
        createdAt: request.createdAt,
        completedAt: null,
        customerNotes: "Merci !",
        adminNotes: "ok",
      });
    });

    it("answers out-of-range numbers, unknown enum values and duplicates as field errors", async () => {
      const { prisma } = t.deps;
      const taken = await makeCustomer(prisma);
      const request = await makeAiRequest(prisma);
      const edit = await agent
        .post(`/admin/api/resources/ai_requests/records/${request.id}/edit`)
        .type("form")
        .send({ priority: "11" });
      expect(Object.keys(edit.body.record.errors).sort()).toEqual(["priority"]);
      const customer = await agent
        .post(`/admin/api/resources/customers/records/${taken.id}/edit`)
        .type("form")
        .send({ planType: "platinum" });
      expect(Object.keys(customer.body.record.errors).sort()).toEqual(["planType"]);
      // The queue workflow owns an AI request's status: the edit form drops it rather than write it.
      await agent
        .post(`/admin/api/resources/ai_requests/records/${request.id}/edit`)
        .type("form")
        .send({ status: "completed" });
      expect((await prisma.aiRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe(request.status);

      const before = await prisma.customer.count();
      const dup = await agent
        .post("/admin/api/resources/customers/actions/new")
        .type("form")
        .send({ name: "Doublon", email: taken.email });
      expect(dup.status).toBe(200);
      expect(dup.body.record.errors.email.message).toContain("fieldTaken");
      expect(await prisma.customer.count()).toBe(before);
    });

    it("blames the right field when the database refuses two columns together", async () => {
      const { prisma } = t.deps;
      const template = await makeTemplate(prisma);
      const before = await prisma.templateAbTest.count();
      const res = await agent
        .post("/admin/api/resources/template_ab_tests/actions/new")
        .type("form")
        .send({ name: "A contre A", templateA: String(template.id), templateB: String(template.id) });
      expect(res.body.notice.type).toBe("error");
      expect(res.body.record.errors.templateB.message).toContain("abTestSameTemplate");
      expect(await prisma.templateAbTest.count()).toBe(before);
    });

    it("refuses to delete a customer other records depend on", async () => {
      const { prisma } = t.deps;
      const invoice = await makeInvoice(prisma);
      const res = await agent.post(`/admin/api/resources/customers/records/${invoice.customerId}/delete`);
      expect(res.status).toBe(200);
      expect(res.body.notice).toEqual({ type: "error", message: expect.stringContaining("recordStillReferenced") });
      expect(await prisma.customer.findUnique({ where: { id: invoice.customerId } })).not.toBeNull();
    });

    it("records the creating admin as the author, and refuses a form that names another", async () => {
      const { prisma } = t.deps;
      const other = await makeAdmin(prisma);
      const template = await makeTemplate(prisma);
      const form = {
        template: String(template.id),
        version: "1.0.0",
        configData: '{"sections": ["hero", "services"]}',
      };
      const url = "/admin/api/resources/template_versions/actions/new";
      const forged = await agent
        .post(url)
        .type("form")
        .send({ ...form, author: String(other.id) });
      expect(Object.keys(forged.body.record.errors)).toEqual(["author"]);
      expect(await prisma.templateVersion.count({ where: { templateId: template.id } })).toBe(0);
      const res = await agent.post(url).type("form").send(form);
      expect(res.body.notice.type).toBe("success");
      const version = await prisma.templateVersion.findFirstOrThrow({ where: { templateId: template.id } });
      const root = await prisma.adminUser.findFirstOrThrow({ where: { name: "Root Admin" } });
      expect(version).toMatchObject({ createdBy: root.id, configData: { sections: ["hero", "services"] } });
    });
  });

  describe("admin users", () => {
    const password = "correct horse battery staple 2026";

    it("creates an admin through the new action, storing only a bcrypt hash of the password", async () => {
      const form = {
        email: "  New.Editor@Locod-AI.local ",
        name: "New Editor",
        role: "editor",
        password,
        permissions: '["ai_queue.view", "customers.view"]',
      };
      // A hash chosen by the form is not a field of the table: refused by name, nothing created.
      const forged = await agent
        .post("/admin/api/resources/admin_users/actions/new")
        .type("form")
        .send({ ...form, passwordHash: "$2b$04$attackerchosenhashattackerchosenhashattackerchose" });
      expect(Object.keys(forged.body.record.errors)).toEqual(["passwordHash"]);
      expect(await t.deps.prisma.adminUser.count({ where: { email: "new.editor@locod-ai.local" } })).toBe(0);
      const res = await agent.post("/admin/api/resources/admin_users/actions/new").type("form").send(form);
      expect(res.body.notice).toEqual({ message: "successfullyCreated", type: "success" });
      expectNoSecrets(res, password);

      const stored = await t.deps.prisma.adminUser.findUniqueOrThrow({ where: { email: "new.editor@locod-ai.local" } });
      expect(stored).toMatchObject({ role: "editor", permissions: ["ai_queue.view", "customers.view"] });
      expect(stored.passwordHash.startsWith(`$2b$${String(t.deps.config.bcryptCost).padStart(2, "0")}$`)).toBe(true);
      expect(await bcrypt.compare(password, stored.passwordHash)).toBe(true);
      await expect(loginAgent(t.app, "new.editor@locod-ai.local", password)).resolves.toBeDefined();
    });

    it("refuses a password outside 12 to 64 characters or over bcrypt's 72 bytes, and writes nothing", async () => {
      const before = await t.deps.prisma.adminUser.count();
      for (const [candidate, problem] of [
        ["", "fieldRequired"],
        ["too short", "passwordTooShort"],
        ["x".repeat(65), "passwordTooLong"],
        ["é".repeat(40), "passwordTooLong"], // 40 characters, 80 bytes
      ] as const) {
        const res = await agent
          .post("/admin/api/resources/admin_users/actions/new")
          .type("form")
          .send({ email: `p${candidate.length}@locod-ai.local`, name: "Refused", role: "viewer", password: candidate });
        expect(res.body.notice.type).toBe("error");
        expect(res.body.record.errors.password.message).toContain(problem);
        if (candidate) expectNoSecrets(res, candidate);
      }
      expect(await t.deps.prisma.adminUser.count()).toBe(before);
    });

    it("keeps the password when an edit leaves it empty, and refuses to set another user's password", async () => {
      const { prisma } = t.deps;
      const admin = await makeAdmin(prisma);
      const url = `/admin/api/resources/admin_users/records/${admin.id}/edit`;

      const rename = await agent.post(url).type("form").send({ name: "Renamed", password: "" });
      expect(rename.body.notice.type).toBe("success");
      expectNoSecrets(rename);
      expect((await prisma.adminUser.findUniqueOrThrow({ where: { id: admin.id } })).passwordHash).toBe(
        admin.passwordHash,
      );

      // An admin starts a reset (the user chooses the new password); the edit form never sets one.
      const change = await agent.post(url).type("form").send({ password });
      expect(change.body.record.errors.password.message).toContain("passwordUseReset");
      expectNoSecrets(change, password);
      const stored = await prisma.adminUser.findUniqueOrThrow({ where: { id: admin.id } });
      expect(stored.name).toBe("Renamed");
      expect(stored.passwordHash).toBe(admin.passwordHash);
    });

    it("refuses permissions that are not a JSON array of module.permission strings", async () => {
      const admin = await makeAdmin(t.deps.prisma);
      const res = await agent
        .post(`/admin/api/resources/admin_users/records/${admin.id}/edit`)
        .type("form")
        .send({ permissions: '{"ai_queue": "view"}' });
      expect(res.body.record.errors.permissions.message).toContain("fieldJsonStringArray");
      expectNoSecrets(res);

      const odd = await agent
        .post(`/admin/api/resources/admin_users/records/${admin.id}/edit`)
        .type("form")
        .send({ permissions: '["ai_queue.view", "everything"]' });
      expect(odd.body.record.errors.permissions.message).toContain('"everything"');
      expect((await t.deps.prisma.adminUser.findUniqueOrThrow({ where: { id: admin.id } })).permissions).toBeNull();
    });
  });

  describe("activity log", () => {
    it("cannot be written, edited or deleted through the admin", async () => {
      const { prisma } = t.deps;
      const entry = await prisma.adminActivityLog.create({ data: { action: "test", resourceType: "customer" } });
      const before = await prisma.adminActivityLog.count();

      const attempts = [
        agent.post("/admin/api/resources/admin_activity_log/actions/new").type("form").send({ action: "forged" }),
        agent
          .post(`/admin/api/resources/admin_activity_log/records/${entry.id}/edit`)
          .type("form")
          .send({ action: "x" }),
        agent.post(`/admin/api/resources/admin_activity_log/records/${entry.id}/delete`),
        agent.post(`/admin/api/resources/admin_activity_log/bulk/bulkDelete?recordIds=${entry.id}`),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.status).toBe(403);
        expect(res.body.notice.type).toBe("error");
      }
      expect(await prisma.adminActivityLog.count()).toBe(before);
      expect(await prisma.adminActivityLog.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({
        action: "test",
      });
    });
  });
});
