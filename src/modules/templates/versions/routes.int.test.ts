// REST /admin/api/v1/templates: versions created with their structure checked, the diff of two versions,
// activation and rollback, sites recording the active version, usage analytics, the preview, refusals.
import request from "supertest";
import { makeTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { API, makeApiLogin, type ApiLogin } from "../../../../test/factories/api.js";
import { makeCustomer } from "../../../../test/factories/index.js";
import { makeTemplate } from "../../../../test/factories/admin-resources.js";

let t: TestApp;
let editor: ApiLogin;
let viewer: ApiLogin;

beforeAll(async () => {
  t = await makeTestApp();
  editor = await makeApiLogin(t.app, t.deps.prisma, { role: "editor" });
  viewer = await makeApiLogin(t.app, t.deps.prisma, { role: "viewer" });
});

afterAll(async () => {
  await t.close();
});

const post = (path: string, who: ApiLogin, body: object = {}) =>
  request(t.app).post(`${API}${path}`).set("Authorization", who.auth).send(body);
const get = (path: string, who: ApiLogin) => request(t.app).get(`${API}${path}`).set("Authorization", who.auth);

const v1 = { layout: "une-page", palette: { primary: "#1F4E79" }, sections: ["hero", "prestations", "contact"] };
const v2 = { layout: "une-page", palette: { primary: "#0B3D91" }, sections: ["hero", "avis", "contact", "devis"] };

describe("templates REST: versions", () => {
  it("creates versions, diffs them, activates, rolls back; new sites get the active version", async () => {
    const template = await makeTemplate(t.deps.prisma, { category: "artisans" });
    const bad = await post(`/templates/templates/${template.id}/versions`, editor, {
      version: "1.0.0",
      changelog: "First",
      configData: { sections: ["hero", "Hero"], palette: { primary: "bleu" } },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers["content-type"]).toMatch(/problem\+json/);
    expect(bad.body.errors).toEqual([
      { field: "configData.sections[1]", message: expect.any(String) },
      { field: "configData.palette.primary", message: "A colour as #RRGGBB" },
    ]);

    const first = await post(`/templates/templates/${template.id}/versions`, editor, {
      version: "1.0.0",
      changelog: "First",
      configData: v1,
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ version: "1.0.0", isActive: false });
    const older = await post(`/templates/templates/${template.id}/versions`, editor, {
      version: "0.9.0",
      changelog: "Older",
      configData: v1,
    });
    expect(older.status).toBe(409);
    expect(older.body.errors).toEqual([{ field: "version", message: expect.stringContaining("1.0.0") }]);
    const second = await post(`/templates/templates/${template.id}/versions`, editor, {
      version: "1.1.0",
      changelog: "Reviews, quote",
      configData: v2,
    });
    expect(second.status).toBe(201);

    const diff = await get(`/templates/template_versions/diff?from=${first.body.id}&to=${second.body.id}`, viewer);
    expect(diff.status).toBe(200);
    expect(diff.body.changes.map((c: { path: string; kind: string }) => `${c.kind} ${c.path}`)).toEqual([
      "changed palette.primary",
      "changed sections[1]",
      "added sections[3]",
    ]);

    expect((await post(`/templates/template_versions/${first.body.id}/activate`, editor)).status).toBe(200);
    const customer = await makeCustomer(t.deps.prisma, { planType: "pro" });
    const site1 = await post("/sites/sites", editor, {
      customerId: customer.id,
      name: "Site v1",
      templateId: template.id,
    });
    expect(site1.status).toBe(201);
    expect(site1.body).toMatchObject({ templateId: template.id, templateVersionId: first.body.id });

    const activated = await post(`/templates/template_versions/${second.body.id}/activate`, editor, { reason: "go" });
    expect(activated.body).toMatchObject({ isActive: true, previousVersionId: first.body.id });
    expect((await post(`/templates/template_versions/${second.body.id}/activate`, editor)).status).toBe(409);
    const site2 = await post("/sites/sites", editor, {
      customerId: customer.id,
      name: "Site v2",
      templateId: template.id,
    });
    expect(site2.body).toMatchObject({ templateVersionId: second.body.id });
    const moved = await request(t.app)
      .patch(`${API}/sites/sites/${site2.body.id}`)
      .set("Authorization", editor.auth)
      .send({ templateId: null });
    expect(moved.status).toBe(400);
    expect(moved.body.errors).toEqual([{ field: "templateId", message: expect.any(String) }]);

    const back = await post(`/templates/templates/${template.id}/rollback`, editor);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ id: first.body.id, isActive: true });
    expect((await post(`/templates/templates/${template.id}/rollback`, editor)).status).toBe(409);

    const usage = await get(`/templates/templates/${template.id}/usage`, viewer);
    expect(usage.status).toBe(200);
    expect(usage.body).toMatchObject({
      templateId: template.id,
      sites: 2,
      byVersion: [
        { versionId: first.body.id, version: "1.0.0", isActive: true, sites: 1 },
        { versionId: second.body.id, version: "1.1.0", isActive: false, sites: 1 },
      ],
      byPlan: [{ plan: "pro", sites: 2 }],
    });
    const month = new Date().toISOString().slice(0, 7);
    expect(usage.body.overTime).toEqual([
      { month, versionId: first.body.id, sites: 1 },
      { month, versionId: second.body.id, sites: 1 },
    ]);
  });

  it("refuses a site from a template without an active version, naming templateId", async () => {
    const template = await makeTemplate(t.deps.prisma);
    const customer = await makeCustomer(t.deps.prisma);
    const res = await post("/sites/sites", editor, {
      customerId: customer.id,
      name: "No version",
      templateId: template.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: "templateId", message: expect.any(String) }]);
  });

  it("refuses a viewer every change, and names bad query fields", async () => {
    const template = await makeTemplate(t.deps.prisma);
    const created = await post(`/templates/templates/${template.id}/versions`, viewer, {
      version: "1.0.0",
      changelog: "x",
      configData: v1,
    });
    expect(created.status).toBe(403);
    expect((await post(`/templates/templates/${template.id}/rollback`, viewer)).status).toBe(403);
    const diff = await get(`/templates/template_versions/diff?from=abc`, viewer);
    expect(diff.status).toBe(400);
    expect(diff.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["from", "to"]);
  });
});

describe("templates REST: live preview", () => {
  it("renders the typed configuration with the category's sample, edited, and names its faults", async () => {
    const template = await makeTemplate(t.deps.prisma, { category: "commerces" });
    const res = await post("/templates/preview", viewer, {
      templateId: template.id,
      config: { sections: ["hero", "horaires"], palette: { primary: "#AA0000", secondary: "nope" } },
      business: { city: "Angers" },
    });
    expect(res.status).toBe(200);
    expect(res.body.business).toMatchObject({ name: "Boulangerie du Marché", city: "Angers" });
    expect(res.body.html).toContain("<h2>Horaires</h2>");
    expect(res.body.html).toContain("Angers");
    expect(res.body.html).toContain("background:#AA0000");
    expect(res.body.errors).toEqual([{ path: "palette.secondary", message: "A colour as #RRGGBB" }]);
  });
});
