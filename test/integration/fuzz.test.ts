// Property-based fuzzing of the REST API (driven by its openapi.json) and of every AdminJS resource's
// new, edit, list, search and bulk actions, as a super_admin: thousands of bad inputs, each answer
// judged (test/helpers/fuzz/judge.ts), then the database searched for what refused requests wrote.
// FUZZ_SEED and FUZZ_RUNS (cases per operation) replay a run; FUZZ_REPORT=<file.md> writes its report.
import { writeFileSync } from "node:fs";
import request from "supertest";
import { buildAdmin } from "../../src/admin/index.js";
import { loadModels } from "../../src/db/dmmf.js";
import { describeTable } from "../../src/db/tables.js";
import { MODULES } from "../../src/modules.js";
import { API, makeApiLogin } from "../factories/api.js";
import { makeAdmin, makeCustomer } from "../factories/index.js";
import { makeAiRequest, makeInvoice, makeSite, makeTemplate } from "../factories/admin-resources.js";
import { makeDraftInvoice, makePlan, makeSubscription } from "../factories/billing.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { fuzzAdmin, type AdminResource } from "../helpers/fuzz/admin.js";
import { caseDuplicateEmails, markersInDatabase } from "../helpers/fuzz/database.js";
import type { JsonSchema } from "../helpers/fuzz/judge.js";
import { compactReport, failuresOf, markdownReport, type Failure, type Sent } from "../helpers/fuzz/report.js";
import { fuzzRest } from "../helpers/fuzz/rest.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const RUNS = Number(process.env.FUZZ_RUNS ?? 14);
const MIN_REQUESTS = 2_000;

let t: TestApp;

beforeAll(async () => {
  t = await makeTestApp();
});

afterAll(async () => {
  await t.close();
});

/** The tables' secret columns (tried as filters and sorts, which must never be honoured). */
async function secretColumns(): Promise<Map<string, string[]>> {
  const models = await loadModels();
  const out = new Map<string, string[]>();
  for (const module of MODULES) {
    for (const spec of module.tables ?? []) {
      const table = describeTable(spec, models);
      out.set(
        table.table,
        table.columns.filter((c) => c.secret).map((c) => c.name),
      );
    }
  }
  return out;
}

/** The AdminJS resources as the portal builds them: each property's path, type, and whether the forms write it. */
async function adminResources(secrets: Map<string, string[]>): Promise<AdminResource[]> {
  const admin = await buildAdmin(t.deps);
  return admin.resources.map((resource) => {
    const decorated = resource.decorate();
    const id = decorated.id();
    const properties = Object.values(decorated.properties).map((p) => ({
      path: p.propertyPath,
      type: String(p.type()),
      // A key the form writes (settings.key) and a password are required of a new record too.
      required: p.isRequired() || p.isId() || /password/i.test(p.propertyPath),
      editable: p.isVisible("edit") && !p.isDisabled() && p.propertyPath !== "id",
      enumValues: (p.availableValues() ?? []).map((v) => String(v.value)),
    }));
    return { id, properties, secret: secrets.get(id) ?? [] };
  });
}

it(`answers ${MIN_REQUESTS}+ generated bad inputs with named refusals, never a 5xx, and writes nothing it refuses`, async () => {
  const { prisma } = t.deps;
  const login = await makeApiLogin(t.app, prisma, { role: "super_admin", name: "Fuzz Root" });
  const agent = await loginAgent(t.app, login.admin.email, login.admin.password);
  // Rows for the cases to point at: every reference a create body needs, and a second admin to edit.
  const customer = await makeCustomer(prisma, { email: "taken.fuzz@example.test" });
  const site = await makeSite(prisma, { customerId: customer.id });
  const template = await makeTemplate(prisma);
  const plan = await makePlan(prisma);
  await makeSubscription(prisma);
  const invoice = await makeInvoice(prisma, { customerId: customer.id });
  const aiRequest = await makeAiRequest(prisma, { customerId: customer.id, siteId: site.id });
  await makeAdmin(prisma, { role: "editor", name: "Fuzz Target" });
  await prisma.setting.create({ data: { key: "fuzz.example", value: { enabled: true } } });
  // Last, so that the newest invoice line (the one edited) is a draft's: an issued line is frozen.
  await makeDraftInvoice(prisma, { customerId: customer.id, lines: [{ description: "Draft line", unitPrice: 10 }] });

  const refIds: Record<string, number> = {
    customer: customer.id,
    site: site.id,
    template: template.id,
    plan: plan.id,
    invoice: invoice.id,
    airequest: aiRequest.id,
    admin: login.admin.id,
  };
  const refId = (field: string) => {
    const key = field.toLowerCase().replace(/_?id$/, "").replace(/[_-]/g, "");
    const found = Object.entries(refIds).find(([name]) => key.endsWith(name) || name.startsWith(key));
    return found?.[1] ?? 1;
  };

  const docRes = await request(t.app).get(`${API}/openapi.json`).set("Authorization", login.auth);
  expect(docRes.status).toBe(200);
  const doc = docRes.body as JsonSchema;

  // The newest row of each listed table, for the routes with an {id}.
  const ids = new Map<string, string>();
  const idNames = new Map<string, string>();
  const idFor = (path: string) => {
    const collection = path.replace(/\/\{id\}.*$/, "");
    return ids.get(collection) ?? (collection.includes("ai-queue/requests") ? String(aiRequest.id) : "1");
  };
  for (const path of Object.keys(doc.paths as object).filter((p) => p.endsWith("/{id}"))) {
    const collection = path.slice(0, -"/{id}".length);
    const list = await request(t.app).get(`${API}${collection}?limit=1`).set("Authorization", login.auth);
    const row = (list.body as { data?: Record<string, unknown>[] }).data?.[0];
    if (row) ids.set(collection, String(row.id ?? row.key));
    // A table keyed by another column than id (settings: key) may name that column for a bad {id}.
    if (row && row.id === undefined && row.key !== undefined) idNames.set(collection, "key");
  }

  let counter = 0;
  const next = () => ++counter;
  const secrets = await secretColumns();
  const allSecret = [...new Set([...secrets.values()].flat())];

  const sent: Sent[] = await fuzzRest(doc, {
    app: t.app,
    auth: login.auth,
    seed: SEED,
    runs: RUNS,
    next,
    idFor,
    idName: (path) => idNames.get(path.replace(/\/\{id\}.*$/, "")) ?? "id",
    refId,
    secretColumns: allSecret,
    takenEmail: customer.email,
  });

  // The REST cases may have issued the draft: the forms edit the line of a new one.
  await makeDraftInvoice(prisma, { customerId: customer.id, lines: [{ description: "Form line", unitPrice: 10 }] });
  const resources = await adminResources(secrets);
  const records = new Map<string, string>();
  for (const resource of resources) {
    const list = await agent.get(`/admin/api/resources/${resource.id}/actions/list`);
    const rows = (list.body as { records?: { id: string }[] }).records ?? [];
    // Never edit the admin the run is logged in as.
    const row = rows.find((r) => !(resource.id === "admin_users" && String(r.id) === String(login.admin.id)));
    if (row) records.set(resource.id, String(row.id));
  }
  sent.push(
    ...(await fuzzAdmin(resources, {
      agent,
      seed: SEED,
      runs: RUNS,
      next,
      recordOf: (id) => records.get(id),
      refId,
      takenEmail: customer.email,
    })),
  );

  // What refused requests left in the database.
  const found = await markersInDatabase(process.env.DATABASE_URL!);
  const written: Failure[] = sent
    .filter((s) => s.refused && found.has(s.marker))
    .map((s) => ({
      failure: "refused request wrote a row",
      sent: { ...s, answer: `${s.answer} — found in ${found.get(s.marker)!.join(", ")}` },
    }));

  // E-mails differing only by case are one address: no table keeps both.
  const twins: Failure[] = (await caseDuplicateEmails(process.env.DATABASE_URL!)).map((twin) => {
    const upper = sent.find((s) => s.mutation.endsWith("e-mail differing by case") && s.status < 300);
    return {
      failure: "e-mail stored twice, differing by case",
      sent: upper
        ? { ...upper, answer: `${upper.answer} — ${twin}` }
        : { ...sent[0]!, route: "(database)", answer: twin },
    };
  });
  const failures = failuresOf(sent, [...written, ...twins]);
  if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, markdownReport(SEED, RUNS, sent, failures));
  if (!process.env.FUZZ_RUNS) expect(sent.length).toBeGreaterThanOrEqual(MIN_REQUESTS);
  if (failures.length) throw new Error(compactReport(SEED, sent, failures));
}, 600_000);
