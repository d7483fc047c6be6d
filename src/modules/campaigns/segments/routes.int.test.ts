// Saved segments and the live preview through REST and the Segments page's handler: criteria checked by
// the zod schema on every write path (400 naming the criterion, nothing written), writes audited,
// campaigns.view for the preview and the page, campaigns.create to save.
import request from "supertest";
import { makeTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { API, makeApiLogin, type ApiLogin } from "../../../../test/factories/api.js";
import { actingAs, makeCustomer } from "../../../../test/factories/index.js";
import { segmentsPage } from "./page.js";

let t: TestApp;
let editor: ApiLogin;
let viewer: ApiLogin;
let outsider: ApiLogin;

beforeAll(async () => {
  t = await makeTestApp();
  editor = await makeApiLogin(t.app, t.deps.prisma, { role: "editor" });
  viewer = await makeApiLogin(t.app, t.deps.prisma, { role: "viewer" });
  outsider = await makeApiLogin(t.app, t.deps.prisma, { role: "editor", permissions: ["customers.view"] });
  await makeCustomer(t.deps.prisma, { planType: "pro", language: "en", name: "Pro EN" });
  await makeCustomer(t.deps.prisma, { planType: "pro", language: "fr", name: "Pro FR" });
  await makeCustomer(t.deps.prisma, { planType: "free", language: "fr", name: "Free FR" });
});

afterAll(async () => {
  await t.close();
});

describe("campaigns segments over REST", () => {
  it("saves a named segment with valid criteria, audited, and previews it", async () => {
    const created = await request(t.app)
      .post(`${API}/campaigns/segments`)
      .set("Authorization", editor.auth)
      .send({ name: "Pro customers", criteria: { plans: ["pro"] } });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    const audit = await t.deps.prisma.adminActivityLog.findMany({
      where: { resourceType: "segments", resourceId: id },
    });
    expect(audit.map((a) => [a.action, a.adminId])).toEqual([["create", editor.admin.id]]);

    const preview = await request(t.app)
      .get(`${API}/campaigns/segments/${id}/preview`)
      .set("Authorization", viewer.auth);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ id, name: "Pro customers", count: 2 });
    expect(preview.body.sample.map((s: { name: string }) => s.name).sort()).toEqual(["Pro EN", "Pro FR"]);
  });

  it("refuses invalid criteria on create and edit, naming the criterion, writing nothing", async () => {
    const bad = await request(t.app)
      .post(`${API}/campaigns/segments`)
      .set("Authorization", editor.auth)
      .send({ name: "Broken", criteria: { mrr: { min: "50", max: "10" } } });
    expect(bad.status).toBe(400);
    expect(bad.headers["content-type"]).toMatch(/problem\+json/);
    expect(bad.body.errors).toEqual([{ field: "criteria.mrr.max", message: "min must not exceed max" }]);
    expect(await t.deps.prisma.segment.count({ where: { name: "Broken" } })).toBe(0);

    const saved = await t.deps.prisma.segment.create({ data: { name: "French", criteria: { languages: ["fr"] } } });
    const edit = await request(t.app)
      .patch(`${API}/campaigns/segments/${saved.id}`)
      .set("Authorization", editor.auth)
      .send({ criteria: { languages: ["de"] } });
    expect(edit.status).toBe(400);
    expect(edit.body.errors[0].field).toBe("criteria.languages.0");
    expect((await t.deps.prisma.segment.findUniqueOrThrow({ where: { id: saved.id } })).criteria).toEqual({
      languages: ["fr"],
    });
  });

  it("previews criteria being typed, and names a bad criterion", async () => {
    const ok = await request(t.app)
      .post(`${API}/campaigns/segments/preview`)
      .set("Authorization", viewer.auth)
      .send({ criteria: { languages: ["fr"] }, limit: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body.count).toBe(2);
    expect(ok.body.sample).toHaveLength(1);
    const bad = await request(t.app)
      .post(`${API}/campaigns/segments/preview`)
      .set("Authorization", viewer.auth)
      .send({ criteria: { sites: { min: -1 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe("criteria.sites.min");
    // No criteria is not "every customer": openapi.json requires the object ({} matches everyone).
    for (const body of [{ criteria: null }, {}]) {
      const missing = await request(t.app)
        .post(`${API}/campaigns/segments/preview`)
        .set("Authorization", viewer.auth)
        .send(body);
      expect(missing.status).toBe(400);
      expect(missing.body.errors[0].field).toBe("criteria");
    }
  });

  it("refuses a viewer's save and an admin without campaigns.view everything", async () => {
    const save = await request(t.app)
      .post(`${API}/campaigns/segments`)
      .set("Authorization", viewer.auth)
      .send({ name: "Viewer's", criteria: {} });
    expect(save.status).toBe(403);
    const preview = await request(t.app)
      .post(`${API}/campaigns/segments/preview`)
      .set("Authorization", outsider.auth)
      .send({ criteria: {} });
    expect(preview.status).toBe(403);
    expect((await request(t.app).get(`${API}/campaigns/segments`).set("Authorization", outsider.auth)).status).toBe(
      403,
    );
  });
});

describe("the Segments page", () => {
  it("answers the preview and the saved segments' counts, or a refusal without campaigns.view", async () => {
    const data = await actingAs({ ...viewer.admin, permissions: null }, () =>
      segmentsPage(t.deps, { criteria: JSON.stringify({ plans: ["free"] }) }),
    );
    if ("error" in data) throw new Error(data.error);
    expect(data.preview?.count).toBe(1);
    expect(data.saved.find((s) => s.name === "French")?.count).toBe(2);
    const bad = await actingAs({ ...viewer.admin, permissions: null }, () =>
      segmentsPage(t.deps, { criteria: '{"plans":["gold"]}' }),
    );
    expect(bad).toMatchObject({ preview: null, problems: [{ field: "criteria.plans.0" }] });
    const refused = await actingAs({ ...outsider.admin, permissions: ["customers.view"] }, () =>
      segmentsPage(t.deps, {}),
    );
    expect(refused).toEqual({ error: "campaignsForbidden" });
  });
});
