// Site analytics end to end on the real PostgreSQL and Redis: /collect's refusals (problem+json naming
// the field), no IP anywhere, unique visitors per day, goals and Web Vitals rolled up, the rollup
// idempotent, the REST route and the script.
import type { Express } from "express";
import request from "supertest";
import type { Site } from "@prisma/client";
import { loadConfig } from "../../../config.js";
import { createApp } from "../../../app.js";
import { closeDeps, createDeps, type Deps } from "../../../deps.js";
import { MODULES } from "../../../modules.js";
import { makeSite } from "../../../../test/factories/admin-resources.js";
import { API, makeApiLogin } from "../../../../test/factories/api.js";
import { MODULE_ROUTES, USERS, expectedAllowed } from "../../../../test/helpers/access-matrix.js";
import { collectRoutes, type CollectLimits } from "./collect-routes.js";
import { eventBuffer, type EventBuffer } from "./event-buffer.js";
import { rollUpSiteAnalytics } from "./rollup.js";

const IP = "198.51.100.77";
const UA = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0";
let deps: Deps;
let app: Express;
let buffer: EventBuffer;
let site: Site;
let clock = new Date("2026-11-02T10:00:00.000Z");
// Counted (so Redis holds the keys this test searches for the IP), never reached.
let limits: CollectLimits = { perSite: 10_000, perIp: 10_000, windowSeconds: 60 };

beforeAll(async () => {
  // Behind a proxy that says who the visitor is: the test's IP is one that appears nowhere else.
  deps = createDeps(loadConfig({ ...process.env, TRUST_PROXY: "loopback" }));
  buffer = eventBuffer(deps.pool, (err) => {
    throw err;
  });
  const modules = MODULES.map((m) =>
    m.rootRoutes
      ? {
          ...m,
          rootRoutes: {
            ...m.rootRoutes,
            routes: (d: Deps) => collectRoutes(d, { now: () => clock, buffer, limits }),
          },
        }
      : m,
  );
  app = await createApp(deps, { bundle: false, modules });
  site = await makeSite(deps.prisma, { status: "active", domain: `boulangerie-${process.pid}.test.local` });
});

afterAll(async () => {
  await closeDeps(deps);
});

const collect = (body: unknown, ua = UA, type = "text/plain") =>
  request(app)
    .post("/collect")
    .set("X-Forwarded-For", IP)
    .set("User-Agent", ua)
    .set("Origin", "https://elsewhere.example")
    .type(type)
    .send(typeof body === "string" ? body : JSON.stringify(body));

const page = (path: string) => `https://www.${site.domain}${path}`;

describe("site analytics /collect", () => {
  it("serves the script to any origin, without a cookie", async () => {
    const res = await request(app).get("/collect.js");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/javascript/);
    expect(res.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(res.text).toContain("sendBeacon");
    expect(res.text).not.toMatch(/^\/\//m);
  });

  it("answers a preflight from any origin", async () => {
    const res = await request(app)
      .options("/collect")
      .set("Origin", "https://elsewhere.example")
      .set("Access-Control-Request-Method", "POST");
    expect(res.status).toBe(204);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
  });

  it.each([
    ["not JSON", "{oops", "(body)"],
    ["no URL", { type: "pageview" }, "url"],
    ["a goal without its name", { type: "goal", url: "https://x.fr/" }, "goal"],
    ["a vital without a value", { type: "vital", metric: "LCP", url: "https://x.fr/" }, "value"],
    ["an unknown field", { url: "https://x.fr/", ip: "1.2.3.4" }, "(body)"],
  ])("refuses %s with problem+json naming the field", async (_what, body, field) => {
    const res = await collect(body);
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it("refuses a host or a domain no active site has", async () => {
    const byUrl = await collect({ url: "https://unknown-site.example/" });
    expect(res400(byUrl)).toEqual(["url"]);
    const byDomain = await collect({ url: page("/"), domain: "unknown-site.example" });
    expect(res400(byDomain)).toEqual(["domain"]);
    const draft = await makeSite(deps.prisma, { status: "draft" });
    expect(res400(await collect({ url: `https://${draft.domain}/` }))).toEqual(["url"]);
  });

  it("refuses a body over the limit", async () => {
    const res = await collect({ url: page("/"), referrer: `https://x.fr/${"a".repeat(9000)}` });
    expect(res.status).toBe(413);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
  });

  it("counts unique visitors per day, goals and Web Vitals, and stores no IP", async () => {
    clock = new Date("2026-11-02T10:00:00.000Z");
    // Day 1: one visitor twice (two pages), another browser once, from google; a goal; vitals.
    for (const body of [
      { url: page("/"), referrer: "https://www.google.com/search?q=pain" },
      { url: page("/tarifs?email=someone@example.com"), referrer: page("/") },
      { type: "goal", goal: "Devis envoyé", url: page("/devis") },
      { type: "vital", metric: "LCP", value: 1000, url: page("/") },
      { type: "vital", metric: "LCP", value: 2000, url: page("/") },
      { type: "vital", metric: "LCP", value: 3000, url: page("/") },
      { type: "vital", metric: "LCP", value: 5000, url: page("/") },
      { type: "vital", metric: "CLS", value: 0.05, url: page("/") },
    ]) {
      expect((await collect(body)).status).toBe(204);
    }
    expect((await collect({ url: page("/") }, "Safari/17", "application/json")).status).toBe(204);
    // Day 2: the first browser again is a new visitor of that day.
    clock = new Date("2026-11-03T08:00:00.000Z");
    expect((await collect({ url: page("/tarifs") })).status).toBe(204);
    await buffer.flush();

    clock = new Date("2026-11-04T00:30:00.000Z");
    const first = await rollUpSiteAnalytics(deps.prisma, { now: clock });
    expect(first.rolledUp).toBeGreaterThanOrEqual(2);
    const days = await deps.prisma.siteAnalyticsDaily.findMany({ where: { siteId: site.id }, orderBy: { day: "asc" } });
    expect(days.map((d) => [d.day.toISOString().slice(0, 10), d.visitors, d.pageViews])).toEqual([
      ["2026-11-02", 2, 3],
      ["2026-11-03", 1, 1],
    ]);
    const d1 = days[0]!;
    expect(d1.topPages).toEqual([
      { path: "/", views: 2 },
      { path: "/tarifs", views: 1 },
    ]);
    expect(d1.topReferrers).toEqual([{ host: "google.com", visitors: 1 }]);
    expect(d1.goals).toEqual([{ name: "Devis envoyé", count: 1, visitors: 1 }]);
    // percentile_cont(0.75) of 1000, 2000, 3000, 5000 = 3500.
    expect(d1.vitals).toEqual({ LCP: { p75: 3500, count: 4 }, CLS: { p75: 0.05, count: 1 } });

    // The rollup again, and a forced recompute: the same rows.
    expect((await rollUpSiteAnalytics(deps.prisma, { now: clock })).rolledUp).toBe(0);
    await rollUpSiteAnalytics(deps.prisma, { now: clock, recompute: true });
    const again = await deps.prisma.siteAnalyticsDaily.findMany({
      where: { siteId: site.id },
      orderBy: { day: "asc" },
    });
    const strip = (rows: typeof days) => rows.map(({ rolledUpAt: _r, ...rest }) => rest);
    expect(strip(again)).toEqual(strip(days));

    // No IP in any site analytics table, nor in Redis.
    for (const table of ["site_analytics_events", "site_analytics_daily"]) {
      const { rows } = await deps.pool.query(`SELECT count(*)::int AS n FROM ${table} t WHERE t::text LIKE $1`, [
        `%${IP}%`,
      ]);
      expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
    }
    const keys = await deps.redis.keys(`${deps.config.queuePrefix}:site-analytics*`);
    expect(keys.some((k) => k.includes(":ratelimit:ip:"))).toBe(true);
    expect(keys.filter((k) => k.includes(IP))).toEqual([]);
    // Query strings are not kept either.
    const { rows } = await deps.pool.query(
      "SELECT count(*)::int AS n FROM site_analytics_events WHERE path LIKE '%@%'",
    );
    expect(rows[0].n).toBe(0);

    // Past the retention, the raw events go; the daily rows stay.
    const later = await rollUpSiteAnalytics(deps.prisma, { now: new Date("2026-11-20T01:00:00Z") });
    expect(later.deletedEvents).toBeGreaterThanOrEqual(10);
    expect(await deps.prisma.siteAnalyticsEvent.count({ where: { siteId: site.id } })).toBe(0);
    expect(await deps.prisma.siteAnalyticsDaily.count({ where: { siteId: site.id } })).toBe(2);
  });

  it("answers the audience in REST for monitoring.view", async () => {
    const viewer = await makeApiLogin(app, deps.prisma, { role: "viewer" });
    const res = await request(app)
      .get(`${API}/monitoring/sites/${site.id}/analytics?from=2026-11-01&to=2026-11-03`)
      .set("Authorization", viewer.auth);
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({ pageViews: 4, visitors: 3, conversions: 1 });
    expect(res.body.series).toHaveLength(3);
    expect(res.body.vitals).toEqual([
      { metric: "LCP", p75: 3500, count: 4, rating: "needs-improvement" },
      { metric: "CLS", p75: 0.05, count: 1, rating: "good" },
    ]);
    const bad = await request(app)
      .get(`${API}/monitoring/sites/${site.id}/analytics?from=yesterday`)
      .set("Authorization", viewer.auth);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe("from");
    const none = await request(app)
      .get(`${API}/monitoring/sites/999999999/analytics`)
      .set("Authorization", viewer.auth);
    expect(none.status).toBe(404);
  });

  it("lets exactly the users the matrix allows see the audience, and 403s the others", async () => {
    const routes = MODULE_ROUTES.filter((r) => r.path.includes("/analytics") && r.module === "monitoring");
    expect(routes.map((r) => `${r.method} ${r.path} ${r.module}.${r.permission}`)).toEqual([
      "get /monitoring/sites/{id}/analytics monitoring.view",
    ]);
    for (const route of routes) {
      for (const user of USERS) {
        const who = await makeApiLogin(app, deps.prisma, {
          role: user.role,
          permissions: user.permissions ?? undefined,
        });
        const res = await request(app)
          .get(`${API}${route.path.replace("{id}", String(site.id))}`)
          .set("Authorization", who.auth);
        expect({ user: user.label, status: res.status }).toEqual({
          user: user.label,
          status: expectedAllowed(user, route.module, route.permission) ? 200 : 403,
        });
      }
    }
  });

  it("rate limits per site", async () => {
    limits = { perSite: 2, perIp: 0, windowSeconds: 60 };
    const other = await makeSite(deps.prisma, { status: "active" });
    const modules = MODULES.map((m) =>
      m.rootRoutes
        ? {
            ...m,
            rootRoutes: {
              ...m.rootRoutes,
              routes: (d: Deps) => collectRoutes(d, { now: () => clock, buffer, limits }),
            },
          }
        : m,
    );
    const limited = await createApp(deps, { bundle: false, modules });
    const send = () =>
      request(limited)
        .post("/collect")
        .type("text/plain")
        .send(JSON.stringify({ url: `https://${other.domain}/` }));
    expect((await send()).status).toBe(204);
    expect((await send()).status).toBe(204);
    const over = await send();
    expect(over.status).toBe(429);
    expect(over.headers["retry-after"]).toBeDefined();
    await buffer.flush();
  });
});

function res400(res: request.Response): string[] {
  expect(res.status).toBe(400);
  return res.body.errors.map((e: { field: string }) => e.field);
}
