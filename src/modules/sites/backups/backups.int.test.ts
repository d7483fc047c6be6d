// Backups and restore of site configs on the real PostgreSQL: restore brings back exactly the chosen
// version as a new one and keeps the current one; the diff names the changed keys; the daily job backs
// up changed sites only, once; racing writes get distinct versions or a clear conflict; snapshots are
// frozen; the permissions hold on the service, the REST API and the AdminJS action.
import type { Prisma, PrismaClient } from "@prisma/client";
import request from "supertest";
import { makeAdmin } from "../../../../test/factories/index.js";
import { actingAs } from "../../../../test/factories/index.js";
import { makeSite } from "../../../../test/factories/admin-resources.js";
import { API, makeApiLogin, type ApiLogin } from "../../../../test/factories/api.js";
import { loginAgent, makeTestApp, type TestApp } from "../../../../test/helpers/app.js";
import type { JobDeps } from "../../../queues/queues.js";
import { AppError } from "../../../lib/errors.js";
import { dailySiteBackupJob } from "./jobs.js";
import { backupSite, dailyBackups, diffVersions, listVersions, restoreVersion } from "./service.js";

let t: TestApp;
let prisma: PrismaClient;
let editor: Awaited<ReturnType<typeof makeAdmin>>;
let viewer: Awaited<ReturnType<typeof makeAdmin>>;

const V1 = { template: "artisans", business: { name: "Plomberie Dupont", city: "Lyon" }, pages: ["accueil", "devis", "contact"] }; // prettier-ignore
const V2 = { template: "artisans", business: { name: "Plomberie Dupont", city: "Villeurbanne" }, pages: ["accueil", "contact"], seo: { title: "Plombier" } }; // prettier-ignore

async function siteWith(...configs: object[]) {
  const site = await makeSite(prisma);
  for (const [i, configData] of configs.entries()) {
    await prisma.siteConfig.create({ data: { siteId: site.id, version: i + 1, configData: configData as Prisma.InputJsonValue } }); // prettier-ignore
  }
  return site;
}

const versionsOf = (siteId: number) => prisma.siteConfig.findMany({ where: { siteId }, orderBy: { version: "asc" } });
const asEditor = <T>(fn: () => Promise<T>) => actingAs({ ...editor, permissions: null }, fn);
const asViewer = <T>(fn: () => Promise<T>) => actingAs({ ...viewer, permissions: null }, fn);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  t = await makeTestApp();
  prisma = t.deps.prisma;
  editor = await makeAdmin(prisma, { role: "editor", name: "Éditrice" });
  viewer = await makeAdmin(prisma, { role: "viewer" });
});
afterAll(() => t.close());

describe("site backups: restore", () => {
  it("brings back exactly the chosen version's config as a new version and keeps the previous current one", async () => {
    const site = await siteWith(V1, V2);
    const written = await asEditor(() => restoreVersion({ prisma }, site.id, 1, { note: "retour" }));
    expect(written).toMatchObject({ version: 3, kind: "restore", restoredFrom: 1, current: true, note: "retour" });
    expect(written.createdBy).toEqual({ id: editor.id, name: "Éditrice" });
    const rows = await versionsOf(site.id);
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3]);
    expect(rows[2]!.configData).toEqual(V1);
    // The previous current one, untouched.
    expect(rows[1]!.configData).toEqual(V2);
    expect(rows[1]!.kind).toBe("edit");
    const audit = await prisma.adminActivityLog.findFirst({ where: { resourceType: "site_configs", resourceId: rows[2]!.id } }); // prettier-ignore
    expect(audit).toMatchObject({ action: "restore", adminId: editor.id });
    expect(audit!.newValues).toMatchObject({ restoredFrom: 1, version: 3 });
    expect(audit!.oldValues).toMatchObject({ version: 2 });
  });

  it("refuses the current version, a missing one, and a stale expectedCurrent, writing nothing", async () => {
    const site = await siteWith(V1, V2);
    expect(await refusal(asEditor(() => restoreVersion({ prisma }, site.id, 2)))).toMatchObject({ code: "conflict", errors: [{ field: "version" }] }); // prettier-ignore
    expect(await refusal(asEditor(() => restoreVersion({ prisma }, site.id, 9)))).toMatchObject({ code: "not_found", errors: [{ field: "version" }] }); // prettier-ignore
    expect(await refusal(asEditor(() => restoreVersion({ prisma }, site.id, 1, { expectedCurrent: 1 })))).toMatchObject({ code: "conflict", errors: [{ field: "expectedCurrent" }] }); // prettier-ignore
    expect(await versionsOf(site.id)).toHaveLength(2);
  });

  it("lets two racing restores both land, on distinct versions", async () => {
    const site = await siteWith(V1, V2, { x: 3 });
    const results = await asEditor(() =>
      Promise.all([restoreVersion({ prisma }, site.id, 1), restoreVersion({ prisma }, site.id, 2)]),
    );
    expect(results.map((r) => r.version).sort()).toEqual([4, 5]);
  });

  it("lets one of two restores that saw the same current version win, the other gets a conflict", async () => {
    const site = await siteWith(V1, V2, { x: 3 });
    const outcomes = await asEditor(() =>
      Promise.allSettled([
        restoreVersion({ prisma }, site.id, 1, { expectedCurrent: 3 }),
        restoreVersion({ prisma }, site.id, 2, { expectedCurrent: 3 }),
      ]),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const lost = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "conflict", reason: "currentMoved" });
    expect(await versionsOf(site.id)).toHaveLength(4);
  });
});

describe("site backups: manual backup and diff", () => {
  it("backs up the current config as a new manual version, by the admin", async () => {
    const site = await siteWith(V1, V2);
    const written = await asEditor(() => backupSite({ prisma }, site.id, { note: "avant refonte" }));
    expect(written).toMatchObject({ version: 3, kind: "manual", note: "avant refonte", current: true });
    const rows = await versionsOf(site.id);
    expect(rows[2]).toMatchObject({ configData: V2, createdById: editor.id });
    const list = await asViewer(() => listVersions({ prisma }, site.id));
    expect(list.currentVersion).toBe(3);
    expect(list.versions.map((v) => [v.version, v.kind, v.current])).toEqual([
      [3, "manual", true],
      [2, "edit", false],
      [1, "edit", false],
    ]);
  });

  it("gives two racing backups distinct versions", async () => {
    const site = await siteWith(V1);
    const results = await asEditor(() => Promise.all([1, 2, 3].map(() => backupSite({ prisma }, site.id))));
    expect(results.map((r) => r.version).sort()).toEqual([2, 3, 4]);
  });

  it("refuses a site without a config, and a viewer", async () => {
    const empty = await makeSite(prisma);
    expect(await refusal(asEditor(() => backupSite({ prisma }, empty.id)))).toMatchObject({ code: "conflict" });
    const site = await siteWith(V1);
    expect(await refusal(asViewer(() => backupSite({ prisma }, site.id)))).toMatchObject({ code: "forbidden" });
    expect(await refusal(asViewer(() => restoreVersion({ prisma }, site.id, 1)))).toMatchObject({ code: "forbidden" }); // prettier-ignore
    expect(await versionsOf(site.id)).toHaveLength(1);
  });

  it("accepts monitoring.backup for a backup", async () => {
    const site = await siteWith(V1);
    const monitor = await makeAdmin(prisma, { role: "editor", permissions: ["sites.view", "monitoring.backup"] });
    const written = await actingAs({ ...monitor, permissions: ["sites.view", "monitoring.backup"] }, () =>
      backupSite({ prisma }, site.id),
    );
    expect(written.version).toBe(2);
  });

  it("names the changed, added and removed keys between two versions", async () => {
    const site = await siteWith(V1, V2);
    const diff = await asViewer(() => diffVersions({ prisma }, site.id, 1, 2));
    expect(diff.changes).toEqual([
      { path: "business.city", kind: "changed", before: "Lyon", after: "Villeurbanne" },
      { path: "pages[1]", kind: "removed", before: "devis" },
      { path: "seo", kind: "added", after: { title: "Plombier" } },
    ]);
    expect(diff.counts).toEqual({ changed: 1, added: 1, removed: 1 });
  });

  it("keeps a backup frozen: no path may edit it afterwards", async () => {
    const site = await siteWith(V1);
    const written = await asEditor(() => backupSite({ prisma }, site.id));
    await expect(
      prisma.siteConfig.update({ where: { id: written.id }, data: { configData: { hacked: true } } }),
    ).rejects.toThrow(/is a backup/);
    // A plain version stays editable.
    const first = (await versionsOf(site.id))[0]!;
    await prisma.siteConfig.update({ where: { id: first.id }, data: { configData: { edited: true } } });
  });
});

describe("site backups: the daily job", () => {
  it("backs up the changed sites only, and a second run writes nothing", async () => {
    await prisma.siteConfig.deleteMany();
    const fresh = await siteWith(V1); // never backed up
    const unchanged = await siteWith(V1);
    await asEditor(() => backupSite({ prisma }, unchanged.id));
    const edited = await siteWith(V1);
    await asEditor(() => backupSite({ prisma }, edited.id));
    await prisma.siteConfig.create({ data: { siteId: edited.id, version: 3, configData: V2 } });
    const sameAgain = await siteWith(V1);
    await asEditor(() => backupSite({ prisma }, sameAgain.id));
    // A new version equal to the last backup: nothing changed.
    await prisma.siteConfig.create({ data: { siteId: sameAgain.id, version: 3, configData: V1 } });
    await makeSite(prisma); // no config at all

    const first = await dailySiteBackupJob.handler({}, { prisma } as unknown as JobDeps, {} as never);
    expect(first).toEqual({ candidates: 2, backedUp: [fresh.id, edited.id].sort((a, b) => a - b) });
    const daily = await prisma.siteConfig.findMany({ where: { kind: "daily" }, orderBy: { siteId: "asc" } });
    expect(daily.map((d) => [d.siteId, d.version, d.createdById])).toEqual([
      [fresh.id, 2, null],
      [edited.id, 4, null],
    ]);
    expect(daily[1]!.configData).toEqual(V2);
    const audits = await prisma.adminActivityLog.findMany({ where: { resourceType: "site_configs", action: "backup", adminId: null } }); // prettier-ignore
    expect(audits).toHaveLength(2);

    expect(await dailyBackups({ prisma })).toEqual({ candidates: 0, backedUp: [] });
    expect(await prisma.siteConfig.count({ where: { kind: "daily" } })).toBe(2);
  });

  it("writes one backup per site when two runs overlap", async () => {
    await prisma.siteConfig.deleteMany();
    const sites = [await siteWith(V1), await siteWith(V2), await siteWith(V1, V2)];
    const [a, b] = await Promise.all([dailyBackups({ prisma }), dailyBackups({ prisma })]);
    expect([...a.backedUp, ...b.backedUp].sort((x, y) => x - y)).toEqual(sites.map((s) => s.id));
    expect(await prisma.siteConfig.count({ where: { kind: "daily" } })).toBe(3);
  });
});

describe("REST /sites/{id}/backups", () => {
  let editorApi: ApiLogin;
  let viewerApi: ApiLogin;
  beforeAll(async () => {
    editorApi = await makeApiLogin(t.app, prisma, { role: "editor" });
    viewerApi = await makeApiLogin(t.app, prisma, { role: "viewer" });
  });

  it("lists, backs up, diffs, downloads and restores, with the module's permissions", async () => {
    const site = await siteWith(V1, V2);
    const base = `${API}/sites/sites/${site.id}/backups`;
    const list = await request(t.app).get(base).set("Authorization", viewerApi.auth);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ siteId: site.id, currentVersion: 2 });

    const refused = await request(t.app).post(base).set("Authorization", viewerApi.auth).send({});
    expect(refused.status).toBe(403);
    expect(refused.type).toBe("application/problem+json");

    const backup = await request(t.app).post(base).set("Authorization", editorApi.auth).send({ note: "api" });
    expect(backup.status).toBe(201);
    expect(backup.body).toMatchObject({
      version: 3,
      kind: "manual",
      note: "api",
      createdBy: { id: editorApi.admin.id },
    });

    const diff = await request(t.app).get(`${base}/diff?from=1&to=3`).set("Authorization", viewerApi.auth);
    expect(diff.status).toBe(200);
    expect(diff.body.changes.map((c: { path: string }) => c.path)).toEqual(["business.city", "pages[1]", "seo"]);

    const one = await request(t.app).get(`${base}/1`).set("Authorization", viewerApi.auth);
    expect(one.body).toMatchObject({ version: 1, kind: "edit", configData: V1, current: false });

    const file = await request(t.app).get(`${base}/1/download`).set("Authorization", viewerApi.auth);
    expect(file.status).toBe(200);
    expect(file.headers["content-type"]).toMatch(/^application\/json/);
    expect(file.headers["content-disposition"]).toBe(`attachment; filename="site-${site.id}-config-v1.json"`);
    expect(JSON.parse(file.text)).toEqual(V1);

    const viewerRestore = await request(t.app).post(`${base}/1/restore`).set("Authorization", viewerApi.auth).send({});
    expect(viewerRestore.status).toBe(403);
    const restore = await request(t.app)
      .post(`${base}/1/restore`)
      .set("Authorization", editorApi.auth)
      .send({ expectedCurrent: 3 });
    expect(restore.status).toBe(201);
    expect(restore.body).toMatchObject({ version: 4, kind: "restore", restoredFrom: 1 });
    expect((await versionsOf(site.id)).map((r) => r.configData)).toEqual([V1, V2, V2, V1]);

    const stale = await request(t.app)
      .post(`${base}/2/restore`)
      .set("Authorization", editorApi.auth)
      .send({ expectedCurrent: 3 });
    expect(stale.status).toBe(409);
    expect(stale.body.errors).toEqual([{ field: "expectedCurrent", message: expect.any(String) }]);

    // The generic edit of the table meets the frozen snapshot: a conflict, not a 500.
    const frozen = (await versionsOf(site.id))[2]!;
    const edit = await request(t.app)
      .patch(`${API}/sites/site_configs/${frozen.id}`)
      .set("Authorization", editorApi.auth)
      .send({ configData: { hacked: true } });
    expect({ status: edit.status, type: edit.type }).toEqual({ status: 409, type: "application/problem+json" });
    expect((await versionsOf(site.id))[2]!.configData).toEqual(V2);
  });

  it("answers the shorter /sites/{id}/backups paths with 308 to the canonical ones, method and query kept", async () => {
    const site = await siteWith(V1, V2);
    const diff = await request(t.app).get(`${API}/sites/${site.id}/backups/diff?from=1&to=2`).set("Authorization", viewerApi.auth); // prettier-ignore
    expect(diff.status).toBe(308);
    expect(diff.headers.location).toBe(`${API}/sites/sites/${site.id}/backups/diff?from=1&to=2`);
    const post = await request(t.app).post(`${API}/sites/${site.id}/backups`).set("Authorization", editorApi.auth).send({}); // prettier-ignore
    expect(post.status).toBe(308);
    expect(post.headers.location).toBe(`${API}/sites/sites/${site.id}/backups`);
    // Not a site id: the tables' own paths are left alone.
    expect((await request(t.app).get(`${API}/sites/sites/backups`).set("Authorization", viewerApi.auth)).status).toBe(404); // prettier-ignore
    expect(await versionsOf(site.id)).toHaveLength(2);
  });

  it("answers bad input with problem+json naming the field", async () => {
    const site = await siteWith(V1);
    const base = `${API}/sites/sites/${site.id}/backups`;
    const auth = editorApi.auth;
    const cases: [request.Test, string, number][] = [
      [request(t.app).get(`${base}/diff?from=abc&to=1`).set("Authorization", auth), "from", 400],
      [request(t.app).get(`${base}/diff?from=1`).set("Authorization", auth), "to", 400],
      [request(t.app).get(`${base}/diff?from=1&to=7`).set("Authorization", auth), "to", 404],
      [request(t.app).get(`${base}/x1`).set("Authorization", auth), "version", 404],
      [request(t.app).get(`${base}/0/download`).set("Authorization", auth), "version", 404],
      [request(t.app).post(base).set("Authorization", auth).send({ note: 5 }), "note", 400],
      [
        request(t.app)
          .post(base)
          .set("Authorization", auth)
          .send({ note: "x".repeat(501) }),
        "note",
        400,
      ],
      [request(t.app).post(base).set("Authorization", auth).send({ colour: "red" }), "(body)", 400],
      [request(t.app).post(`${base}/1/restore`).set("Authorization", auth).send({ expectedCurrent: "1" }), "expectedCurrent", 400], // prettier-ignore
      [request(t.app).post(`${base}/v/restore`).set("Authorization", auth).send({ expectedCurrent: "1" }), "expectedCurrent", 400], // prettier-ignore
      [request(t.app).post(`${base}/v/restore`).set("Authorization", auth).send({}), "version", 404],
    ];
    for (const [call, field, status] of cases) {
      const res = await call;
      expect({ status: res.status, type: res.type }).toEqual({ status, type: "application/problem+json" });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await request(t.app).get(`${API}/sites/sites/999999/backups`).set("Authorization", auth)).status).toBe(404);
    expect(await versionsOf(site.id)).toHaveLength(1);
  });
});

describe("AdminJS: the sites' Backups action", () => {
  it("shows the versions to a viewer, refuses their backup, lets an editor back up and restore", async () => {
    const site = await siteWith(V1, V2);
    const path = `/admin/api/resources/sites/records/${site.id}/backups`;
    const asViewerAgent = await loginAgent(t.app, viewer.email, viewer.password);
    const shown = await asViewerAgent.get(path);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ canBackup: false, backups: { currentVersion: 2 } });
    const refused = await asViewerAgent.post(path).send({ op: "backup" });
    expect(refused.status).toBe(403);
    expect(await versionsOf(site.id)).toHaveLength(2);

    const asEditorAgent = await loginAgent(t.app, editor.email, editor.password);
    const done = await asEditorAgent.post(path).send({ op: "backup", note: "écran" });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      canBackup: true,
      written: { version: 3, kind: "manual" },
      notice: { type: "success" },
    });
    const diff = await asEditorAgent.post(path).send({ op: "diff", from: "1", to: "2" });
    expect(diff.body.diff.changes.map((c: { path: string }) => c.path)).toEqual(["business.city", "pages[1]", "seo"]);
    const restored = await asEditorAgent.post(path).send({ op: "restore", version: "1", expectedCurrent: "3" });
    expect(restored.body).toMatchObject({ written: { version: 4, restoredFrom: 1 } });
    const isCurrent = await asEditorAgent.post(path).send({ op: "restore", version: "4" });
    expect(isCurrent.body).toMatchObject({ refusal: "isCurrent", notice: { type: "error" } });
    expect((await versionsOf(site.id)).map((r) => r.configData)).toEqual([V1, V2, V2, V1]);

    const file = await asViewerAgent.get(`/admin/sites/sites/${site.id}/backups/2/download`);
    expect(file.status).toBe(200);
    expect(file.headers["content-disposition"]).toContain(`site-${site.id}-config-v2.json`);
    expect(JSON.parse(file.text)).toEqual(V2);
  });
});
