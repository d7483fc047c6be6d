// A record's page lists what belongs to it (the table specs' `related`), only for the tables the admin
// may list; records carry titles, not ids; the audit log names the row it is about and links it.
import type { RecordJSON } from "adminjs";
import { loadModels } from "../../src/db/dmmf.js";
import { resolveRelated } from "../../src/admin/related-records.js";
import { MODULES } from "../../src/modules.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { makeAdmin, makeCustomer } from "../factories/index.js";
import { makeAiRequest, makeInvoice, makeSite } from "../factories/admin-resources.js";
import { makePlan, makeSubscription } from "../factories/billing.js";

type Agent = Awaited<ReturnType<typeof loginAgent>>;
interface Section {
  resourceId: string;
  property: string;
  total: number;
  records: RecordJSON[];
}
type Shown = RecordJSON & { related?: Section[] };

let t: TestApp;
let admin: Agent;

const show = async (agent: Agent, table: string, id: number): Promise<Shown> => {
  const res = await agent.get(`/admin/api/resources/${table}/records/${id}/show`);
  expect(res.status).toBe(200);
  return res.body.record as Shown;
};
const section = (record: Shown, table: string) => record.related?.find((s) => s.resourceId === table);

beforeAll(async () => {
  t = await makeTestApp();
  const user = await makeAdmin(t.deps.prisma, { role: "admin" });
  admin = await loginAgent(t.app, user.email, user.password);
});

afterAll(() => t.close());

describe("related records on a record's page", () => {
  it("lists a customer's newest sites, subscriptions, invoices and AI requests, with their totals", async () => {
    const customer = await makeCustomer(t.deps.prisma, { name: "Boulangerie Dupont" });
    const sites = [];
    for (let i = 0; i < 7; i++) {
      sites.push(
        await makeSite(t.deps.prisma, {
          customerId: customer.id,
          name: `Dupont ${i}`,
          createdAt: new Date(Date.UTC(2026, 0, 1 + i)),
        }),
      );
    }
    const plan = await makePlan(t.deps.prisma, { name: "Pro" });
    const subscription = await makeSubscription(t.deps.prisma, { customerId: customer.id, planId: plan.id });
    const invoice = await makeInvoice(t.deps.prisma, { customerId: customer.id });
    const request = await makeAiRequest(t.deps.prisma, { customerId: customer.id, businessType: "boulangerie" });
    // Someone else's rows stay off the page.
    await makeSite(t.deps.prisma);

    const record = await show(admin, "customers", customer.id);
    expect(record.related!.map((s) => [s.resourceId, s.property, s.total])).toEqual([
      ["sites", "customer", 7],
      ["customer_subscriptions", "customer", 1],
      ["invoices", "customer", 1],
      ["ai_requests", "customer", 1],
      ["customer_notes", "customer", 0],
      ["customer_tasks", "customer", 0],
      ["customer_emails", "customer", 0],
    ]);
    // The newest five, by the sites list's own order (created, newest first), each with its title.
    expect(section(record, "sites")!.records.map((r) => r.title)).toEqual([
      "Dupont 6",
      "Dupont 5",
      "Dupont 4",
      "Dupont 3",
      "Dupont 2",
    ]);
    expect(section(record, "sites")!.records[0]!.recordActions.map((a) => a.name)).toContain("show");
    expect(section(record, "customer_subscriptions")!.records.map((r) => [Number(r.id), r.title])).toEqual([
      [subscription.id, "Boulangerie Dupont · Pro"],
    ]);
    expect(section(record, "invoices")!.records.map((r) => r.title)).toEqual([
      `${invoice.invoiceNumber} · Boulangerie Dupont`,
    ]);
    expect(section(record, "ai_requests")!.records.map((r) => [Number(r.id), r.title])).toEqual([
      [request.id, "boulangerie · Boulangerie Dupont"],
    ]);
    // The record's own title heads its page.
    expect(record.title).toBe("Boulangerie Dupont");
  });

  it("lists an invoice's lines, refunds, payment alerts and e-mails, and a subscription's history", async () => {
    const invoice = await makeInvoice(t.deps.prisma);
    const record = await show(admin, "invoices", invoice.id);
    expect(record.related!.map((s) => [s.resourceId, s.total])).toEqual([
      ["invoice_items", 1],
      ["refunds", 0],
      ["billing_alerts", 0],
      ["email_log", 0],
    ]);
    expect(section(record, "invoice_items")!.records.map((r) => r.title)).toEqual(["Service"]);

    const subscription = await makeSubscription(t.deps.prisma);
    const page = await show(admin, "customer_subscriptions", subscription.id);
    expect(page.related!.map((s) => [s.resourceId, s.total])).toEqual([
      ["subscription_history", 1],
      ["invoices", 0],
    ]);
    // The history names its customer and plan (plain id columns, declared as references) by title.
    const history = section(page, "subscription_history")!.records[0]!;
    expect(history.populated.customerId?.title).toMatch(/^Customer \d+$/);
    expect(history.populated.planId?.title).toMatch(/^Plan \d+/);
  });

  it("leaves out the related tables the admin may not list", async () => {
    const customer = await makeCustomer(t.deps.prisma);
    await makeSite(t.deps.prisma, { customerId: customer.id });
    await makeInvoice(t.deps.prisma, { customerId: customer.id });
    const narrowed = await makeAdmin(t.deps.prisma, { role: "admin", permissions: ["customers.view", "billing.view"] });
    const agent = await loginAgent(t.app, narrowed.email, narrowed.password);

    const record = await show(agent, "customers", customer.id);
    expect(record.related!.map((s) => s.resourceId)).toEqual([
      "customer_subscriptions",
      "invoices",
      "customer_notes",
      "customer_tasks",
      "customer_emails",
    ]);
    expect(section(record, "invoices")!.total).toBe(1);

    const customersOnly = await makeAdmin(t.deps.prisma, { role: "viewer", permissions: ["customers.view"] });
    const viewer = await loginAgent(t.app, customersOnly.email, customersOnly.password);
    // The CRM's notes, tasks and direct e-mails are the customers module's own.
    expect((await show(viewer, "customers", customer.id)).related!.map((s) => s.resourceId)).toEqual([
      "customer_notes",
      "customer_tasks",
      "customer_emails",
    ]);
  });

  it("lets every related list's column be a filter of its table, so the page's link to the rest opens", async () => {
    const models = await loadModels();
    const byName = new Map(
      MODULES.flatMap((m) => m.tables ?? []).map((spec) => [models.get(spec.model)!.dbName ?? spec.model, spec]),
    );
    let checked = 0;
    for (const spec of byName.values()) {
      for (const list of resolveRelated(models.get(spec.model)!, spec.related ?? [], models)) {
        expect([list.table, list.property, byName.get(list.table)?.filters?.includes(list.property)]).toEqual([
          list.table,
          list.property,
          true,
        ]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe("titles instead of ids", () => {
  it("names a list's references by their titles", async () => {
    const customer = await makeCustomer(t.deps.prisma, { name: "Fromagerie Martin" });
    await makeSubscription(t.deps.prisma, { customerId: customer.id });
    const res = await admin.get(
      `/admin/api/resources/subscription_history/actions/list?filters.customerId=${customer.id}`,
    );
    expect(res.status).toBe(200);
    const [row] = res.body.records as RecordJSON[];
    expect(row!.populated.customerId?.title).toBe("Fromagerie Martin");
    expect(row!.populated.subscription?.title).toMatch(/^Fromagerie Martin · Plan /);
  });

  it("offers a reference's choices by title in its search", async () => {
    const customer = await makeCustomer(t.deps.prisma, { name: "Cave Leclerc" });
    const plan = await makePlan(t.deps.prisma, { name: "Starter" });
    await makeSubscription(t.deps.prisma, { customerId: customer.id, planId: plan.id });
    const res = await admin.get("/admin/api/resources/customer_subscriptions/search/");
    expect(res.status).toBe(200);
    expect((res.body.records as RecordJSON[]).map((r) => r.title)).toContain("Cave Leclerc · Starter");
  });
});

describe("the audit log", () => {
  it("links a row to the record it is about while it exists, and says when it is gone", async () => {
    const customer = await makeCustomer(t.deps.prisma, { name: "Garage Petit" });
    const kept = await t.deps.prisma.adminActivityLog.create({
      data: { action: "update", resourceType: "customers", resourceId: customer.id },
    });
    const gone = await t.deps.prisma.adminActivityLog.create({
      data: { action: "delete", resourceType: "customers", resourceId: 999_999 },
    });
    const res = await admin.get("/admin/api/resources/admin_activity_log/actions/list?filters.resourceType=customers");
    const rows = new Map((res.body.records as RecordJSON[]).map((r) => [Number(r.id), r]));
    const linked = rows.get(kept.id)!.populated.resourceId!;
    expect([linked.title, linked.recordActions.map((a) => a.name)]).toEqual(["Garage Petit", ["show"]]);
    expect(rows.get(gone.id)!.populated.resourceId).toBeNull();

    const shown = await show(admin, "admin_activity_log", kept.id);
    expect(shown.populated.resourceId?.title).toBe("Garage Petit");
  });

  it("names a row the admin may not open by its id only", async () => {
    const other = await makeAdmin(t.deps.prisma, { role: "editor", name: "Secret Name" });
    const entry = await t.deps.prisma.adminActivityLog.create({
      data: { action: "update", resourceType: "admin_users", resourceId: other.id },
    });
    const user = await makeAdmin(t.deps.prisma, { role: "viewer" });
    const viewer = await loginAgent(t.app, user.email, user.password);
    const shown = await show(viewer, "admin_activity_log", entry.id);
    expect(shown.populated.resourceId).toMatchObject({ id: other.id, title: "", recordActions: [] });
    expect(JSON.stringify(shown)).not.toContain("Secret Name");
  });
});
