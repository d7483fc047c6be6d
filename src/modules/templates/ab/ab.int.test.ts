// A/B tests end to end on the real PostgreSQL and Redis: /ab/assign and /ab/events (refusals naming
// the field, idempotent event ids, the rate limit), the daily rollup (distinct visitors, conversions
// after exposure, idempotent), the lifecycle (one winner of a race, one running test per pair, a
// started test's design frozen), the report over REST, and "declare winner" refused under each guard,
// accepted with an override reason, audited, activating the winner's version.
import type { Express } from "express";
import request from "supertest";
import { loadConfig } from "../../../config.js";
import { createApp } from "../../../app.js";
import { closeDeps, createDeps, type Deps } from "../../../deps.js";
import { MODULES } from "../../../modules.js";
import { API, makeApiLogin, type ApiLogin } from "../../../../test/factories/api.js";
import { addVisitors, makeAbTest } from "../../../../test/factories/ab-tests.js";
import { abRootRoutes, type AbLimits } from "./root-routes.js";
import { abEventBuffer, type AbEventBuffer } from "./event-buffer.js";
import { rollUpAbTest } from "./rollup.js";
import { assignVariant } from "./rules/assignment.js";
import { until } from "../../../../test/helpers/wait.js";

let deps: Deps;
let app: Express;
let buffer: AbEventBuffer;
let limits: AbLimits = { perIp: 10_000, windowSeconds: 60 };
let editor: ApiLogin;
let viewer: ApiLogin;

beforeAll(async () => {
  deps = createDeps(loadConfig({ ...process.env, TRUST_PROXY: "loopback" }));
  buffer = abEventBuffer(deps.pool, (err) => {
    throw err;
  });
  const modules = MODULES.map((m) =>
    m.name === "templates" && m.rootRoutes
      ? {
          ...m,
          rootRoutes: {
            ...m.rootRoutes,
            routes: (d: Deps) =>
              abRootRoutes(d, {
                buffer,
                limits: {
                  get perIp() {
                    return limits.perIp;
                  },
                  get windowSeconds() {
                    return limits.windowSeconds;
                  },
                },
              }),
          },
        }
      : m,
  );
  app = await createApp(deps, { bundle: false, modules });
  editor = await makeApiLogin(app, deps.prisma, { role: "editor" });
  viewer = await makeApiLogin(app, deps.prisma, { role: "viewer" });
});

afterAll(async () => {
  await buffer.flush();
  await closeDeps(deps);
});

const post = (path: string, login: ApiLogin, body: object = {}) =>
  request(app).post(`${API}${path}`).set("Authorization", login.auth).send(body);

async function runningTest(overrides: Parameters<typeof makeAbTest>[1] = {}) {
  const made = await makeAbTest(deps.prisma, overrides);
  const res = await post(`/templates/tests/${made.test.id}/start`, editor);
  expect(res.status).toBe(200);
  // The routes' directory of running tests reloads on an unknown id at most every 2 s.
  await until(
    () => request(app).get(`/ab/assign?test=${made.test.id}&visitor=probe`),
    (r) => r.status === 200,
  );
  return made;
}

const event = (body: unknown, ip = "203.0.113.9") =>
  request(app)
    .post("/ab/events")
    .set("X-Forwarded-For", ip)
    .set("Origin", "https://boulangerie.example")
    .type("text/plain")
    .send(JSON.stringify(body));

describe("A/B /ab/assign and /ab/events", () => {
  it("assigns a visitor its variant and version, the same every time, from any origin", async () => {
    const { test, versionA, versionB } = await runningTest({ trafficSplit: 50 });
    const first = await request(app).get(`/ab/assign?test=${test.id}&visitor=v-42`).set("Origin", "https://x.example");
    expect(first.status).toBe(200);
    expect(first.headers["access-control-allow-origin"]).toBe("*");
    expect(first.headers["set-cookie"]).toBeUndefined();
    const variant = assignVariant(test.id, "v-42", 50);
    expect(first.body).toEqual({
      test: test.id,
      variant,
      versionId: variant === "A" ? versionA.id : versionB.id,
    });
    const again = await request(app).get(`/ab/assign?test=${test.id}&visitor=v-42`);
    expect(again.body.variant).toBe(first.body.variant);
  });

  it.each([
    ["a test that is not running", (id: number) => `/ab/assign?test=${id + 100000}&visitor=v`, "test"],
    ["no visitor", (id: number) => `/ab/assign?test=${id}`, "visitor"],
    ["a visitor id with spaces", (id: number) => `/ab/assign?test=${id}&visitor=a%20b`, "visitor"],
  ])("refuses to assign for %s, naming the field", async (_what, url, field) => {
    const { test } = await runningTest();
    const res = await request(app).get(url(test.id));
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it.each([
    ["not JSON", "{oops", "(body)"],
    ["a conversion without its goal", { type: "conversion", visitor: "v", eventId: "e1" }, "goal"],
    ["an exposure with a goal", { type: "exposure", visitor: "v", eventId: "e1", goal: "signup" }, "goal"],
    ["no event id", { type: "exposure", visitor: "v" }, "eventId"],
    ["a variant chosen by the sender", { type: "exposure", visitor: "v", eventId: "e1", variant: "B" }, "(body)"],
  ])("refuses an event with %s, naming the field, and writes nothing", async (_what, body, field) => {
    const { test } = await runningTest();
    const res =
      typeof body === "string"
        ? await request(app).post("/ab/events").type("text/plain").send(body)
        : await event({ test: test.id, ...body });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    await buffer.flush();
    expect(await deps.prisma.templateAbEvent.count({ where: { testId: test.id } })).toBe(0);
  });

  it("records an event once per event id, with the server's variant", async () => {
    const { test } = await runningTest({ trafficSplit: 30 });
    const body = { test: test.id, visitor: "v-7", eventId: "evt-1", type: "exposure" };
    expect((await event(body)).status).toBe(204);
    expect((await event(body)).status).toBe(204);
    await buffer.flush();
    expect((await event(body)).status).toBe(204);
    await buffer.flush();
    const rows = await deps.prisma.templateAbEvent.findMany({ where: { testId: test.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ visitorId: "v-7", kind: "exposure", variant: assignVariant(test.id, "v-7", 30) });
  });

  it("refuses events of a test that is not running", async () => {
    const { test } = await makeAbTest(deps.prisma);
    const res = await event({ test: test.id, visitor: "v", eventId: "e", type: "exposure" });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe("test");
  });

  it("rate limits per client IP with 429 and Retry-After", async () => {
    const { test } = await runningTest();
    const saved = limits;
    limits = { perIp: 3, windowSeconds: 60 };
    try {
      // An IP of its own per run: the window's counter outlives a run.
      const ip = `10.${(process.pid >> 8) & 255}.${process.pid & 255}.${Date.now() % 250}`;
      const codes = [];
      for (let i = 0; i < 4; i++)
        codes.push((await event({ test: test.id, visitor: "v", eventId: `r${i}`, type: "exposure" }, ip)).status);
      expect(codes).toEqual([204, 204, 204, 429]);
    } finally {
      limits = saved;
    }
  });
});

describe("A/B daily rollup", () => {
  it("counts distinct visitors on their first exposure day and conversions after exposure once per goal", async () => {
    const { test } = await runningTest();
    const day1 = new Date("2026-11-03T10:00:00.000Z");
    const day2 = new Date("2026-11-04T10:00:00.000Z");
    const rows = [
      // v1: exposed twice (two days), converts twice: one visitor, one conversion, on day 1.
      { id: "1", v: "v1", kind: "exposure", at: day1 },
      { id: "2", v: "v1", kind: "exposure", at: day2 },
      { id: "3", v: "v1", kind: "conversion", goal: "signup", at: new Date(day1.getTime() + 1000) },
      { id: "4", v: "v1", kind: "conversion", goal: "signup", at: day2 },
      // v2: converts before its exposure (not counted), exposed on day 2.
      { id: "5", v: "v2", kind: "conversion", goal: "signup", at: day1 },
      { id: "6", v: "v2", kind: "exposure", at: day2 },
      // v3: never exposed: its conversion is not counted.
      { id: "7", v: "v3", kind: "conversion", goal: "signup", at: day2 },
      // v1 reaches another goal too.
      { id: "8", v: "v1", kind: "conversion", goal: "newsletter", at: day2 },
    ] as const;
    const { insertAbEvents } = await import("./event-buffer.js");
    await insertAbEvents(
      deps.pool,
      rows.map((r) => ({
        testId: test.id,
        eventId: r.id,
        visitorId: r.v,
        variant: "A" as const,
        kind: r.kind,
        goal: "goal" in r ? r.goal : null,
        occurredAt: r.at,
      })),
    );
    await rollUpAbTest(deps.prisma, test.id);
    const read = () =>
      deps.prisma.templateAbDaily.findMany({
        where: { testId: test.id },
        orderBy: [{ day: "asc" }, { kind: "asc" }, { goal: "asc" }],
        select: { day: true, variant: true, kind: true, goal: true, visitors: true },
      });
    const daily = await read();
    expect(daily.map((d) => [d.day.toISOString().slice(0, 10), d.variant, d.kind, d.goal, d.visitors])).toEqual([
      ["2026-11-03", "A", "exposure", "", 1],
      ["2026-11-03", "A", "conversion", "signup", 1],
      ["2026-11-04", "A", "exposure", "", 1],
      ["2026-11-04", "A", "conversion", "newsletter", 1],
    ]);
    // A second run leaves the same rows.
    await rollUpAbTest(deps.prisma, test.id);
    expect((await read()).map((d) => [d.day, d.kind, d.goal, d.visitors])).toEqual(
      daily.map((d) => [d.day, d.kind, d.goal, d.visitors]),
    );
  });
});

describe("A/B lifecycle", () => {
  it("starts only with both versions, naming the missing one", async () => {
    const { test } = await makeAbTest(deps.prisma, { versionBId: null });
    const res = await post(`/templates/tests/${test.id}/start`, editor);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: "versionBId", message: "is required to start" }]);
  });

  it("lets one of two racing starts win; the other gets 409", async () => {
    const { test } = await makeAbTest(deps.prisma);
    const codes = (await Promise.all([1, 2].map(() => post(`/templates/tests/${test.id}/start`, editor)))).map(
      (r) => r.status,
    );
    expect(codes.sort()).toEqual([200, 409]);
  });

  it("allows one running test per template pair", async () => {
    const { test, templateA, templateB, versionA, versionB } = await runningTest();
    const second = await deps.prisma.templateAbTest.create({
      data: {
        name: "again",
        templateAId: templateB.id,
        templateBId: templateA.id,
        versionAId: versionB.id,
        versionBId: versionA.id,
      },
    });
    const res = await post(`/templates/tests/${second.id}/start`, editor);
    expect(res.status).toBe(409);
    expect((await post(`/templates/tests/${test.id}/stop`, editor)).status).toBe(200);
    expect((await post(`/templates/tests/${second.id}/start`, editor)).status).toBe(200);
  });

  it("keeps a started test's split: an edit is a 409, nothing written", async () => {
    const { test } = await runningTest({ trafficSplit: 50 });
    const res = await request(app)
      .patch(`${API}/templates/template_ab_tests/${test.id}`)
      .set("Authorization", editor.auth)
      .send({ trafficSplit: 20 });
    expect(res.status).toBe(409);
    expect((await deps.prisma.templateAbTest.findUniqueOrThrow({ where: { id: test.id } })).trafficSplit).toBe(50);
  });

  it("needs templates.test to start and templates.view to read the report", async () => {
    const { test } = await makeAbTest(deps.prisma);
    expect((await post(`/templates/tests/${test.id}/start`, viewer)).status).toBe(403);
    expect((await deps.prisma.templateAbTest.findUniqueOrThrow({ where: { id: test.id } })).status).toBe("draft");
    const report = await request(app).get(`${API}/templates/tests/${test.id}/report`).set("Authorization", viewer.auth);
    expect(report.status).toBe(200);
    expect(report.body.test.status).toBe("draft");
  });
});

describe("A/B declare winner", () => {
  // Each scenario holds exactly one guard (defaults: at least 100 conversions per variant, alpha 0.05).
  const scenarios = [
    // 200 vs 300 of 2,000 each, planned 683 per variant (10% baseline, +50%): no guard.
    { guard: null, rates: { baselineRate: "0.1", minimumEffect: "0.5" }, a: [2000, 200], b: [2000, 300] },
    // 40 vs 90 conversions: significant, but A is under 100.
    { guard: "min_conversions", rates: { baselineRate: "0.05", minimumEffect: "1.25" }, a: [800, 40], b: [800, 90] },
    // 1,800 vs 2,200 visitors on a 50/50 split: chi2 = 40.
    {
      guard: "sample_ratio_mismatch",
      rates: { baselineRate: "0.1", minimumEffect: "0.5" },
      a: [1800, 180],
      b: [2200, 330],
    },
    // planned 14,751 per variant (10% baseline, +10%).
    {
      guard: "below_planned_size",
      rates: { baselineRate: "0.1", minimumEffect: "0.1" },
      a: [2000, 200],
      b: [2000, 300],
    },
    // 200 vs 210: p = 0.6.
    { guard: "not_significant", rates: { baselineRate: "0.1", minimumEffect: "0.5" }, a: [2000, 200], b: [2000, 210] },
  ] as const;

  async function withData(s: (typeof scenarios)[number]) {
    const made = await runningTest({ trafficSplit: 50, ...s.rates });
    await addVisitors(deps.pool, made.test.id, "A", s.a[0], s.a[1]);
    await addVisitors(deps.pool, made.test.id, "B", s.b[0], s.b[1]);
    return made;
  }

  it.each(scenarios.filter((s) => s.guard !== null))(
    "is refused under the $guard guard alone, naming overrideReason",
    async (s) => {
      const { test } = await withData(s);
      const report = await request(app)
        .get(`${API}/templates/tests/${test.id}/report`)
        .set("Authorization", viewer.auth);
      await rollUpAbTest(deps.prisma, test.id);
      const fresh = await request(app)
        .get(`${API}/templates/tests/${test.id}/report`)
        .set("Authorization", viewer.auth);
      expect(report.status).toBe(200);
      expect(fresh.body.guards).toEqual([s.guard]);
      const res = await post(`/templates/tests/${test.id}/winner`, editor, { variant: "B" });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe("overrideReason");
      expect(res.body.errors[0].message).toContain(s.guard);
      const after = await deps.prisma.templateAbTest.findUniqueOrThrow({ where: { id: test.id } });
      expect(after).toMatchObject({ winner: null, status: "running" });
    },
  );

  it("accepts a winner with an override reason, audits it and activates the winner's version alone", async () => {
    const { test, templateB, versionB } = await withData(scenarios[4]);
    const reason = "Brand refresh: B ships whatever the figures say";
    expect(
      (await post(`/templates/tests/${test.id}/winner`, editor, { variant: "B", overrideReason: "short" })).status,
    ).toBe(400);
    const res = await post(`/templates/tests/${test.id}/winner`, editor, { variant: "B", overrideReason: reason });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ winner: "B", status: "completed", overrideReason: reason });
    const active = await deps.prisma.templateVersion.findMany({ where: { templateId: templateB.id, isActive: true } });
    expect(active.map((v) => v.id)).toEqual([versionB.id]);
    const audit = await deps.prisma.adminActivityLog.findFirstOrThrow({
      where: { action: "templates.ab_declare_winner", resourceId: test.id },
    });
    expect(audit.adminId).toBe(editor.admin.id);
    expect(audit.newValues).toMatchObject({
      winner: "B",
      overrideReason: reason,
      overriddenGuards: ["not_significant"],
    });
    // A second declaration is a conflict.
    expect(
      (await post(`/templates/tests/${test.id}/winner`, editor, { variant: "A", overrideReason: reason })).status,
    ).toBe(409);
  });

  it("accepts a winner without a reason when no guard holds", async () => {
    const { test } = await withData(scenarios[0]);
    const res = await post(`/templates/tests/${test.id}/winner`, editor, { variant: "B" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ winner: "B", overrideReason: null });
    const report = await request(app).get(`${API}/templates/tests/${test.id}/report`).set("Authorization", viewer.auth);
    expect(report.body.comparison.relativeLift).toBeCloseTo(0.5, 6);
    expect(report.body.variants.map((v: { visitors: number }) => v.visitors)).toEqual([2000, 2000]);
    expect(report.body.guards).toEqual([]);
  });

  it("refuses a viewer", async () => {
    const { test } = await withData(scenarios[0]);
    expect((await post(`/templates/tests/${test.id}/winner`, viewer, { variant: "B" })).status).toBe(403);
  });
});
