// Adding a module is one folder and one line in the module list: a fixture module (test/fixtures/referrals:
// one table spec, one job, one route) registered beside the portal's modules gets its AdminJS resource in
// its own sidebar group, its REST CRUD routes with their permissions, its route, its OpenAPI paths and
// its job, with nothing else edited. (The referral table moves from campaigns to the fixture for the test.)
import type { Express } from "express";
import request from "supertest";
import { createApp } from "../../src/app.js";
import { buildAdmin } from "../../src/admin/index.js";
import { loadConfig } from "../../src/config.js";
import { closeDeps, createDeps, type Deps } from "../../src/deps.js";
import type { ModuleDefinition } from "../../src/module.js";
import { MODULES } from "../../src/modules.js";
import { buildJobRegistry } from "../../src/queues/registry.js";
import type { JobDeps } from "../../src/queues/queues.js";
import { referralsModule } from "../fixtures/referrals/module.js";
import { countReferralsJob } from "../fixtures/referrals/jobs.js";
import { API, makeApiLogin, type ApiLogin } from "../factories/api.js";
import { makeCustomer } from "../factories/index.js";

const REFERRALS = "referral_program";

/** The portal's modules without the referral table, then the fixture module that declares it. */
const modules: ModuleDefinition[] = [
  ...MODULES.map((module) =>
    module.tables?.some((spec) => spec.model === "Referral")
      ? {
          ...module,
          tables: module.tables.filter((spec) => spec.model !== "Referral"),
          resources: (kit: Parameters<NonNullable<ModuleDefinition["resources"]>>[0]) =>
            (module.resources?.(kit) ?? []).filter((r) => r.options?.id !== REFERRALS),
        }
      : module,
  ),
  referralsModule,
];

let deps: Deps;
let app: Express;
let root: ApiLogin;
let viewer: ApiLogin;

beforeAll(async () => {
  deps = createDeps(loadConfig());
  app = await createApp(deps, { bundle: false, modules });
  root = await makeApiLogin(app, deps.prisma, { role: "super_admin" });
  viewer = await makeApiLogin(app, deps.prisma, { role: "viewer" });
}, 60_000);

afterAll(() => closeDeps(deps));

describe("a module declared in its own folder", () => {
  it("gets its AdminJS resource in its own sidebar group", async () => {
    const admin = await buildAdmin(deps, modules);
    const resource = admin.options.resources?.find(
      (r) => (r as { options?: { id?: string } }).options?.id === REFERRALS,
    ) as { options: { navigation?: { name: string; icon: string } } } | undefined;
    expect(resource?.options.navigation).toEqual({ name: "Parrainage", icon: "Gift" });
    expect(admin.findResource(REFERRALS)).toBeDefined();
  });

  it("gets REST CRUD routes from its table spec, with the spec's permissions and refusals", async () => {
    const referrer = await makeCustomer(deps.prisma);
    const referred = await makeCustomer(deps.prisma);
    const body = { referrerId: referrer.id, referredId: referred.id, referralCode: "FIXTURE-1" };
    const url = `${API}/campaigns/${REFERRALS}`;

    const forbidden = await request(app).post(url).set("Authorization", viewer.auth).send(body);
    expect(forbidden.status).toBe(403);
    const workflow = await request(app)
      .post(url)
      .set("Authorization", root.auth)
      .send({ ...body, status: "paid" });
    expect(workflow.status).toBe(400);
    expect(workflow.body.errors).toEqual([{ field: "status", message: "is set by its workflow, not by an edit" }]);
    const badCode = await request(app)
      .post(url)
      .set("Authorization", root.auth)
      .send({ ...body, referralCode: "no spaces" });
    expect(badCode.body.errors).toEqual([{ field: "referralCode", message: "has an invalid format" }]);

    const created = await request(app).post(url).set("Authorization", root.auth).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, status: "pending" });
    const listed = await request(app).get(url).set("Authorization", viewer.auth);
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((r: { id: number }) => r.id)).toContain(created.body.id);

    // Its own route, mounted with the module.
    const board = await request(app).get(`${API}/referrals/leaderboard`).set("Authorization", viewer.auth);
    expect(board.status).toBe(200);
    expect(board.body.data).toContainEqual({ customerId: referrer.id, referrals: 1 });
  });

  it("is in the OpenAPI document: its table's paths and its route", async () => {
    const doc = (await request(app).get(`${API}/openapi.json`)).body as { paths: Record<string, object> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([`/campaigns/${REFERRALS}`, `/campaigns/${REFERRALS}/{id}`, "/referrals/leaderboard"]),
    );
  });

  it("gets its job into the registry, which runs it", async () => {
    const registry = buildJobRegistry(modules);
    expect(registry.jobs.maintenance.get("referrals-count")).toBe(countReferralsJob);
    const customer = await makeCustomer(deps.prisma);
    await deps.prisma.referral.create({ data: { referrerId: customer.id } });
    const job = { id: "1", name: "referrals-count", data: { customerId: customer.id }, attemptsMade: 0 };
    await expect(registry.run("maintenance", job as never, deps as unknown as JobDeps)).resolves.toBe(1);
  });
});
