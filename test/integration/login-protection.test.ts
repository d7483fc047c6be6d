// Login protection (issue 3, item 3): throttling per account and per IP in Redis, lockouts with 429 and
// Retry-After on the form and on authenticate() (the REST login's path), the audit trail of logins, and
// the security alerts shown on the dashboard and acknowledged by admins.
import request from "supertest";
import express, { type Express, type Response } from "express";
import type { Redis } from "ioredis";
import { actingAs, makeAdmin } from "../factories/index.js";
import { makeTestApp, ORIGIN, type TestApp } from "../helpers/app.js";
import { authenticate, TOO_MANY_ATTEMPTS } from "../../src/modules/auth/service.js";
import { acknowledgeAlert, raiseAlert } from "../../src/modules/auth/security-alerts.js";
import { ACCOUNT_LOCKOUT, IP_LOCKOUT } from "../../src/modules/auth/throttle.js";
import { toProblem } from "../../src/http/errors.js";
import { AppError } from "../../src/lib/errors.js";
import { formLoginRefusal } from "../../src/http/login-throttle.js";
import { dashboard } from "../../src/modules/dashboard/service.js";

// Behind a trusted proxy, so that each test can speak from addresses of its own (X-Forwarded-For).
const ENV = { TRUST_PROXY: "true" };
const UA = "login-protection-test/1.0";

let t: TestApp;

async function forgetLoginThrottle(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:login:*`, "COUNT", 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
}

function formLogin(app: Express, email: string, password: string, ip: string) {
  return request(app)
    .post("/admin/login")
    .set("Origin", ORIGIN)
    .set("X-Forwarded-For", ip)
    .set("User-Agent", UA)
    .type("form")
    .send({ email, password });
}

async function formLogins(app: Express, times: number, email: string, password: string, ip: string) {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await formLogin(app, email, password, ip)).status);
  return statuses;
}

const direct = (ip: string) => ({ ip, userAgent: UA });

beforeAll(async () => {
  t = await makeTestApp(ENV);
});
beforeEach(async () => {
  await forgetLoginThrottle(t.deps.redis, t.deps.config.queuePrefix);
  await t.deps.prisma.securityAlert.deleteMany();
});
afterAll(async () => {
  // Later test files of this worker share the Redis prefix: leave no lock behind.
  await forgetLoginThrottle(t.deps.redis, t.deps.config.queuePrefix);
  await t.close();
});

/** Runs a service call as `admin` (services read the acting admin from the request context). */
const as = <T>(
  admin: { id: number; email: string; name: string; role: "viewer" | "editor" | "admin" | "super_admin" },
  fn: () => Promise<T>,
) => actingAs({ id: admin.id, email: admin.email, name: admin.name, role: admin.role }, fn);

describe("login protection on the form", () => {
  it("locks an account after repeated wrong passwords: 429 with Retry-After, even for the right password", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    const statuses = await formLogins(t.app, 19, admin.email, "wrong password", "203.0.113.10");
    const last = await formLogin(t.app, admin.email, "wrong password", "203.0.113.10");
    statuses.push(last.status);

    const allowed = ACCOUNT_LOCKOUT.threshold;
    expect(statuses.slice(0, allowed).every((s) => s !== 429 && s !== 302)).toBe(true);
    expect(statuses.slice(allowed)).toEqual(Array(20 - allowed).fill(429));
    const retryAfter = Number(last.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(ACCOUNT_LOCKOUT.baseSeconds);
    expect(last.headers["content-type"]).toMatch(/text\/html/);
    expect(last.text).toContain("tooManyLoginAttempts");

    const right = await formLogin(t.app, admin.email, admin.password, "203.0.113.10");
    expect(right.status).toBe(429);
    expect(right.headers["retry-after"]).toBeDefined();
    expect(right.headers["set-cookie"]).toBeUndefined();
    // Even from another address: the account itself is locked.
    expect((await formLogin(t.app, admin.email, admin.password, "198.51.100.99")).status).toBe(429);
  });

  it("answers a locked unknown e-mail exactly as a locked account (no enumeration)", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    await formLogins(t.app, 6, admin.email, "wrong password", "203.0.113.11");
    await formLogins(t.app, 6, "nobody-here@test.local", "wrong password", "203.0.113.11");
    const known = await formLogin(t.app, admin.email, "wrong password", "203.0.113.11");
    const unknown = await formLogin(t.app, "nobody-here@test.local", "wrong password", "203.0.113.11");
    for (const res of [known, unknown]) {
      expect(res.status).toBe(429);
      expect(res.headers["retry-after"]).toMatch(/^\d+$/);
      expect(res.text).toContain("tooManyLoginAttempts");
    }
  });

  it("still lets another account log in from the same IP", async () => {
    const victim = await makeAdmin(t.deps.prisma);
    const other = await makeAdmin(t.deps.prisma);
    await formLogins(t.app, 20, victim.email, "wrong password", "203.0.113.12");
    expect((await formLogin(t.app, victim.email, victim.password, "203.0.113.12")).status).toBe(429);
    const res = await formLogin(t.app, other.email, other.password, "203.0.113.12");
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("/admin");
  });

  it("keeps the lock across a restart of the app", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    await formLogins(t.app, 20, admin.email, "wrong password", "203.0.113.13");
    const restarted = await makeTestApp(ENV);
    try {
      const res = await formLogin(restarted.app, admin.email, admin.password, "203.0.113.13");
      expect(res.status).toBe(429);
      expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    } finally {
      await restarted.close();
    }
  });

  it("forgets an account's failures once it logs in", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    const ip = "203.0.113.14";
    await formLogins(t.app, ACCOUNT_LOCKOUT.threshold - 1, admin.email, "wrong password", ip);
    expect((await formLogin(t.app, admin.email, admin.password, ip)).status).toBe(302);
    const again = await formLogins(t.app, ACCOUNT_LOCKOUT.threshold - 1, admin.email, "wrong password", ip);
    expect(again).not.toContain(429);
    expect((await formLogin(t.app, admin.email, admin.password, ip)).status).toBe(302);
  });

  it("records every attempt with IP and user agent, and raises one account_locked alert", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    const ip = "203.0.113.15";
    await formLogins(t.app, 20, admin.email, "wrong password", ip);

    const rows = await t.deps.prisma.adminActivityLog.findMany({
      where: { adminId: admin.id, action: { in: ["login", "login_failed", "login_locked"] } },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => r.action)).toEqual([
      ...Array(ACCOUNT_LOCKOUT.threshold).fill("login_failed"),
      ...Array(20 - ACCOUNT_LOCKOUT.threshold).fill("login_locked"),
    ]);
    for (const row of rows) {
      expect(row.ipAddress).toBe(ip);
      expect(row.userAgent).toBe(UA);
    }
    // The failure that started the lock says so; the refused attempts say for how long.
    expect(rows[ACCOUNT_LOCKOUT.threshold - 1]!.newValues).toMatchObject({
      email: admin.email,
      accountLockedFor: ACCOUNT_LOCKOUT.baseSeconds,
    });
    expect(rows.at(-1)!.newValues).toMatchObject({ email: admin.email, scope: "account" });

    const alerts = await t.deps.prisma.securityAlert.findMany({ where: { kind: "account_locked" } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ adminId: admin.id, email: admin.email, ipAddress: ip, acknowledgedAt: null });
    expect(alerts[0]!.details).toMatchObject({ failures: ACCOUNT_LOCKOUT.threshold, lockedSeconds: 60 });
  });

  it("raises one failed_login_burst alert when one IP fails against many accounts", async () => {
    const ip = "203.0.113.16";
    for (let i = 0; i < 15; i++) await formLogin(t.app, `sprayed${i}@test.local`, "Summer2026!", ip);
    const alerts = await t.deps.prisma.securityAlert.findMany({ where: { kind: "failed_login_burst" } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ ipAddress: ip, adminId: null });
    // A burst from one address locks nobody else out.
    const admin = await makeAdmin(t.deps.prisma);
    expect((await formLogin(t.app, admin.email, admin.password, "198.51.100.16")).status).toBe(302);
  });

  it("locks an IP that fails against many accounts, for every account, and only that IP", async () => {
    const ip = "203.0.113.17";
    const admin = await makeAdmin(t.deps.prisma);
    const guesses = await Promise.allSettled(
      Array.from({ length: IP_LOCKOUT.threshold }, (_, i) =>
        authenticate(t.deps, `guess${i}@test.local`, "password", direct(ip)),
      ),
    );
    expect(guesses.map((g) => (g.status === "rejected" ? (g.reason as AppError).code : "accepted"))).toEqual(
      Array(IP_LOCKOUT.threshold).fill("invalid_credentials"),
    );
    const res = await formLogin(t.app, admin.email, admin.password, ip);
    expect(res.status).toBe(429);
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(IP_LOCKOUT.baseSeconds - 60);
    expect(Number(res.headers["retry-after"])).toBeLessThanOrEqual(IP_LOCKOUT.baseSeconds);
    const refused = await t.deps.prisma.adminActivityLog.findFirstOrThrow({
      where: { adminId: admin.id, action: "login_locked" },
    });
    expect(refused.newValues).toMatchObject({ scope: "ip" });
    expect((await formLogin(t.app, admin.email, admin.password, "198.51.100.17")).status).toBe(302);
  });
});

describe("login protection form answer to a lock found inside authenticate()", () => {
  it("keeps 429 and Retry-After although AdminJS answers login errors with 400", async () => {
    // What AdminJS's login route does with an error of its authenticate callback.
    const app = express();
    app.post("/login", (_req, res) => {
      try {
        formLoginRefusal(
          new AppError("too_many_requests", TOO_MANY_ATTEMPTS, undefined, { "Retry-After": "42" }),
          res,
          t.deps.log,
        );
        res.send("logged in");
      } catch (err) {
        res.status(400).send((err as Error).message);
      }
    });
    const res = await request(app).post("/login");
    expect(res.status).toBe(429);
    expect(res.headers["retry-after"]).toBe("42");
    expect(res.text).toBe("tooManyLoginAttempts");
  });

  it("shows wrong credentials as AdminJS's invalidCredentials, untouched", () => {
    const calls: string[] = [];
    const res = { status: () => calls.push("status"), set: () => calls.push("set") } as unknown as Response;
    expect(formLoginRefusal(new AppError("invalid_credentials", "x"), res, t.deps.log)).toBeNull();
    expect(calls).toEqual([]);
  });
});

describe("login protection in authenticate() (every login path, the REST login included)", () => {
  it("throws too_many_requests with Retry-After, mapped to a 429 problem", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    for (let i = 0; i < ACCOUNT_LOCKOUT.threshold; i++) {
      await expect(authenticate(t.deps, admin.email, "wrong", direct("192.0.2.1"))).rejects.toMatchObject({
        code: "invalid_credentials",
      });
    }
    const err = await authenticate(t.deps, admin.email, admin.password, direct("192.0.2.1")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "too_many_requests", message: TOO_MANY_ATTEMPTS });
    expect((err as AppError).headers?.["Retry-After"]).toMatch(/^\d+$/);
    expect(toProblem(err)).toMatchObject({ status: 429, detail: TOO_MANY_ATTEMPTS });
    const locked = await t.deps.prisma.adminActivityLog.findFirstOrThrow({
      where: { adminId: admin.id, action: "login_locked" },
    });
    expect(locked).toMatchObject({ ipAddress: "192.0.2.1", userAgent: UA });
  });

  it("lets no more than the allowed guesses through when they arrive all at once", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => authenticate(t.deps, admin.email, "wrong", direct("192.0.2.2"))),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as AppError).code : "accepted"));
    expect(codes.filter((c) => c === "invalid_credentials")).toHaveLength(ACCOUNT_LOCKOUT.threshold);
    expect(codes.filter((c) => c === "too_many_requests")).toHaveLength(20 - ACCOUNT_LOCKOUT.threshold);
  });

  it("never locks an office out for logging in successfully many times", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    for (let i = 0; i < IP_LOCKOUT.threshold + 5; i++) {
      await expect(authenticate(t.deps, admin.email, admin.password, direct("192.0.2.3"))).resolves.toMatchObject({
        id: admin.id,
      });
    }
  });
});

describe("login protection new IP alert", () => {
  it("raises new_ip_login for an address never seen for the user, never for the first login", async () => {
    const admin = await makeAdmin(t.deps.prisma);
    const newIpAlerts = () =>
      t.deps.prisma.securityAlert.findMany({ where: { kind: "new_ip_login", adminId: admin.id } });

    expect((await formLogin(t.app, admin.email, admin.password, "203.0.113.20")).status).toBe(302);
    expect(await newIpAlerts()).toHaveLength(0);
    expect((await formLogin(t.app, admin.email, admin.password, "203.0.113.20")).status).toBe(302);
    expect(await newIpAlerts()).toHaveLength(0);

    expect((await formLogin(t.app, admin.email, admin.password, "198.51.100.20")).status).toBe(302);
    const alerts = await newIpAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ ipAddress: "198.51.100.20", email: admin.email });

    // Known from now on.
    expect((await formLogin(t.app, admin.email, admin.password, "198.51.100.20")).status).toBe(302);
    expect(await newIpAlerts()).toHaveLength(1);
    const logins = await t.deps.prisma.adminActivityLog.findMany({
      where: { adminId: admin.id, action: "login" },
      orderBy: { id: "asc" },
    });
    expect(logins.map((l) => l.ipAddress)).toEqual(["203.0.113.20", "203.0.113.20", "198.51.100.20", "198.51.100.20"]);
    expect(logins.every((l) => l.userAgent === UA)).toBe(true);
  });
});

describe("security alerts on the dashboard", () => {
  async function agentFor(role: "viewer" | "editor" | "admin", permissions?: string[]) {
    const admin = await makeAdmin(t.deps.prisma, { role, ...(permissions ? { permissions } : {}) });
    const agent = request.agent(t.app).set("Origin", ORIGIN).set("X-Forwarded-For", "203.0.113.30");
    const res = await agent.post("/admin/login").type("form").send({ email: admin.email, password: admin.password });
    expect(res.status).toBe(302);
    return { admin, agent };
  }

  it("shows open alerts to admins with settings.view, and nothing to others", async () => {
    const subject = await makeAdmin(t.deps.prisma);
    await t.deps.prisma.$transaction(async (tx) => {
      await raiseAlert(tx, {
        kind: "account_locked",
        adminId: subject.id,
        email: subject.email,
        ipAddress: "192.0.2.9",
      });
      await raiseAlert(tx, { kind: "failed_login_burst", ipAddress: "192.0.2.9" });
    });
    const acked = await t.deps.prisma.securityAlert.create({
      data: { kind: "new_ip_login", adminId: subject.id, acknowledgedAt: new Date(), acknowledgedBy: subject.id },
    });

    const { agent } = await agentFor("viewer");
    const res = await agent.get("/admin/api/dashboard");
    expect(res.status).toBe(200);
    expect(res.body.securityAlerts.open).toBe(2);
    expect(res.body.securityAlerts.latest.map((a: { kind: string }) => a.kind).sort()).toEqual([
      "account_locked",
      "failed_login_burst",
    ]);
    expect(res.body.securityAlerts.latest.map((a: { id: number }) => a.id)).not.toContain(acked.id);
    // The other figures are still there.
    expect(res.body).toHaveProperty("aiQueue.pending");

    const restricted = await agentFor("editor", ["customers.view"]);
    const hidden = await restricted.agent.get("/admin/api/dashboard");
    expect(hidden.status).toBe(200);
    expect(hidden.body.securityAlerts).toBeNull();
    expect(hidden.body).toHaveProperty("customers.total");
  });

  it("leaves the alerts out of dashboard() for a viewer without settings.view", async () => {
    await t.deps.prisma.$transaction((tx) => raiseAlert(tx, { kind: "failed_login_burst", ipAddress: "192.0.2.8" }));
    expect((await dashboard(t.deps, { viewer: { role: "viewer" } })).securityAlerts?.open).toBe(1);
    expect((await dashboard(t.deps, { viewer: null })).securityAlerts).toBeNull();
    expect(
      (await dashboard(t.deps, { viewer: { role: "admin", permissions: ["customers.view"] } })).securityAlerts,
    ).toBeNull();
  });
});

describe("security alerts acknowledge", () => {
  async function openAlert(ip = "192.0.2.50") {
    const raised = await t.deps.prisma.$transaction((tx) =>
      raiseAlert(tx, { kind: "failed_login_burst", ipAddress: ip, details: { failures: 12 } }),
    );
    return raised!.id;
  }

  async function agentFor(role: "viewer" | "editor") {
    const admin = await makeAdmin(t.deps.prisma, { role });
    const agent = request.agent(t.app).set("Origin", ORIGIN).set("X-Forwarded-For", "203.0.113.40");
    expect(
      (await agent.post("/admin/login").type("form").send({ email: admin.email, password: admin.password })).status,
    ).toBe(302);
    return { admin, agent };
  }

  it("keeps at most one open alert per kind and subject per hour", async () => {
    const first = await openAlert("192.0.2.51");
    const again = await t.deps.prisma.$transaction((tx) =>
      raiseAlert(tx, { kind: "failed_login_burst", ipAddress: "192.0.2.51" }),
    );
    expect(again).toBeNull();
    const other = await openAlert("192.0.2.52");
    expect(other).not.toBe(first);
    // Once acknowledged, a new burst is news again.
    const admin = await makeAdmin(t.deps.prisma);
    await as(admin, () => acknowledgeAlert(t.deps.prisma, first));
    expect(await openAlert("192.0.2.51")).not.toBe(first);
  });

  it("acknowledges an alert for an editor, once, with one audit row", async () => {
    const id = await openAlert();
    const { admin, agent } = await agentFor("editor");
    // Opening the action's page (a GET) changes nothing: only its confirmation (a POST) does.
    const page = await agent.get(`/admin/api/resources/security_alerts/records/${id}/acknowledge`);
    expect(page.status).toBe(200);
    expect((await t.deps.prisma.securityAlert.findUniqueOrThrow({ where: { id } })).acknowledgedAt).toBeNull();
    const res = await agent.post(`/admin/api/resources/security_alerts/records/${id}/acknowledge`);
    expect(res.status).toBe(200);
    expect(res.body.notice).toMatchObject({ type: "success", message: "securityAlertAcknowledged" });
    expect(Number(res.body.record.params.acknowledger)).toBe(admin.id);
    const row = await t.deps.prisma.securityAlert.findUniqueOrThrow({ where: { id } });
    expect(row.acknowledgedBy).toBe(admin.id);
    expect(row.acknowledgedAt).not.toBeNull();

    const again = await agent.post(`/admin/api/resources/security_alerts/records/${id}/acknowledge`);
    expect(again.body.notice).toMatchObject({ message: "securityAlertAlreadyAcknowledged" });
    const audit = await t.deps.prisma.adminActivityLog.findMany({
      where: { resourceType: "security_alerts", resourceId: id, action: "acknowledge" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ adminId: admin.id, ipAddress: "203.0.113.40" });
    expect(audit[0]!.oldValues).toEqual({ acknowledgedAt: null, acknowledgedBy: null });
    expect(audit[0]!.newValues).toMatchObject({ acknowledgedBy: admin.id });
  });

  it("refuses a viewer, leaving the alert open", async () => {
    const id = await openAlert();
    const { agent } = await agentFor("viewer");
    const res = await agent.post(`/admin/api/resources/security_alerts/records/${id}/acknowledge`);
    expect(res.status).toBe(403);
    const bulk = await agent.post(`/admin/api/resources/security_alerts/bulk/bulkAcknowledge?recordIds=${id}`);
    expect(bulk.status).toBe(403);
    expect((await t.deps.prisma.securityAlert.findUniqueOrThrow({ where: { id } })).acknowledgedAt).toBeNull();
  });

  it("acknowledges the selected alerts in bulk, skipping those already done", async () => {
    const a = await openAlert("192.0.2.61");
    const b = await openAlert("192.0.2.62");
    const { admin, agent } = await agentFor("editor");
    const earlier = await makeAdmin(t.deps.prisma);
    await as(earlier, () => acknowledgeAlert(t.deps.prisma, b));
    const res = await agent.post(`/admin/api/resources/security_alerts/bulk/bulkAcknowledge?recordIds=${a},${b}`);
    expect(res.status).toBe(200);
    expect(res.body.records).toHaveLength(2);
    const rows = await t.deps.prisma.securityAlert.findMany({ where: { id: { in: [a, b] } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.acknowledgedBy)).toEqual([admin.id, earlier.id]);
  });

  it("refuses the acknowledgement to a viewer in the service itself, whatever the path", async () => {
    const id = await openAlert("192.0.2.71");
    const viewer = await makeAdmin(t.deps.prisma, { role: "viewer" });
    await expect(as(viewer, () => acknowledgeAlert(t.deps.prisma, id))).rejects.toMatchObject({ code: "forbidden" });
    await expect(acknowledgeAlert(t.deps.prisma, id)).rejects.toMatchObject({ code: "unauthenticated" });
    expect((await t.deps.prisma.securityAlert.findUniqueOrThrow({ where: { id } })).acknowledgedAt).toBeNull();
  });

  it("gives one of two racing admins the alert and the other a conflict", async () => {
    const id = await openAlert();
    const [one, two] = await Promise.all([makeAdmin(t.deps.prisma), makeAdmin(t.deps.prisma)]);
    const results = await Promise.allSettled([
      as(one, () => acknowledgeAlert(t.deps.prisma, id)),
      as(two, () => acknowledgeAlert(t.deps.prisma, id)),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "conflict" });
    expect(
      await t.deps.prisma.adminActivityLog.count({
        where: { resourceType: "security_alerts", resourceId: id, action: "acknowledge" },
      }),
    ).toBe(1);
  });
});
