// Rounds of checks on the real PostgreSQL against local servers: the site_monitoring rows they write,
// incidents opened after 3 failures and resolved after 2 successes (once each), paused monitors left
// alone, two concurrent rounds sharing the due monitors without checking any twice, and a stale result
// dropped.
import { createPrisma, type PrismaClient } from "../../../db/prisma.js";
import { makeMonitor } from "../../../../test/factories/monitoring.js";
import {
  makeTestCertificates,
  startDnsServer,
  startHttpServer,
  startTlsServer,
  type DnsTestServer,
  type HttpTestServer,
  type TlsTestServer,
} from "../../../../test/helpers/monitoring-servers.js";
import { createLogger } from "../../../lib/logger.js";
import type { JobDeps } from "../../../queues/queues.js";
import { claimDueMonitors, recordOutcomes, runCheckRound, type RoundOptions } from "./check-round.js";
import { checkRoundJob } from "./jobs.js";

let prisma: PrismaClient;
let web: HttpTestServer;
let expiredTls: TlsTestServer;
let dns: DnsTestServer;
let env: Pick<RoundOptions, "ca" | "dnsServers">;

/** Each round a day after the last: every enabled monitor is due again. */
let clock = Date.now();
const round = (options: RoundOptions = {}) => {
  clock += 86_400_000;
  return runCheckRound(prisma, { concurrency: 4, ...env, at: new Date(clock), ...options });
};

beforeAll(async () => {
  prisma = createPrisma(process.env.DATABASE_URL!);
  web = await startHttpServer();
  const certs = await makeTestCertificates();
  expiredTls = await startTlsServer(certs.expired);
  dns = await startDnsServer({ "site.test": ["203.0.113.7"] });
  env = { ca: certs.ca, dnsServers: [dns.server] };
});

afterAll(async () => {
  await prisma.$disconnect();
  await web.close();
  await expiredTls.close();
  await dns.close();
});

beforeEach(async () => {
  await prisma.monitor.deleteMany();
  await prisma.siteMonitoring.deleteMany();
});

describe("monitoring check round", () => {
  it("opens exactly one incident after 3 failures and resolves it after 2 successes", async () => {
    const monitor = await makeMonitor(prisma, { target: `${web.origin}/error`, state: "up" });
    const incidents = () => prisma.incident.findMany({ where: { monitorId: monitor.id } });

    await round();
    await round();
    expect(await incidents()).toHaveLength(0);
    await round();
    expect(await incidents()).toEqual([
      expect.objectContaining({ cause: "HTTP 500 Internal Server Error", resolvedAt: null, siteId: monitor.siteId }),
    ]);
    const down = await prisma.monitor.findUniqueOrThrow({ where: { id: monitor.id } });
    expect(down).toMatchObject({ state: "down", consecutiveFailures: 3, consecutiveSuccesses: 0 });
    await round();
    expect(await incidents()).toHaveLength(1);

    await prisma.monitor.update({ where: { id: monitor.id }, data: { target: `${web.origin}/up` } });
    await round();
    expect((await incidents())[0]!.resolvedAt).toBeNull();
    const summary = await round();
    expect(summary).toMatchObject({ checked: 1, up: 1, incidentsResolved: 1 });
    const [incident] = await incidents();
    expect(incident!.resolvedAt).toEqual(expect.any(Date));
    expect(await prisma.monitor.findUniqueOrThrow({ where: { id: monitor.id } })).toMatchObject({
      state: "up",
      consecutiveFailures: 0,
      consecutiveSuccesses: 2,
    });

    const rows = await prisma.siteMonitoring.findMany({ where: { siteId: monitor.siteId }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.isUp, r.statusCode, r.checkType])).toEqual([
      ...Array.from({ length: 4 }, () => [false, 500, "http"]),
      [true, 200, "http"],
      [true, 200, "http"],
    ]);
    expect(rows[0]!.errorMessage).toBe("HTTP 500 Internal Server Error");
    expect(rows.every((r) => r.responseTimeMs !== null)).toBe(true);

    // Audited as the system's actions.
    const audit = await prisma.adminActivityLog.findMany({
      where: { resourceType: "incidents", resourceId: incident!.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.adminId])).toEqual([
      ["monitoring.incident_open", null],
      ["monitoring.incident_resolve", null],
    ]);
  });

  it("leaves a monitor with an open incident at one incident (the partial unique index)", async () => {
    const monitor = await makeMonitor(prisma, { target: `${web.origin}/error`, failureThreshold: 1 });
    await prisma.incident.create({ data: { siteId: monitor.siteId, monitorId: monitor.id, cause: "earlier" } });
    const summary = await round();
    expect(summary).toMatchObject({ checked: 1, down: 1, incidentsOpened: 0 });
    expect(await prisma.incident.count({ where: { monitorId: monitor.id, resolvedAt: null } })).toBe(1);
  });

  it("does not check a paused monitor", async () => {
    const paused = await makeMonitor(prisma, { target: `${web.origin}/up`, enabled: false });
    const active = await makeMonitor(prisma, { target: `${web.origin}/up` });
    const summary = await round();
    expect(summary.checked).toBe(1);
    expect(await prisma.siteMonitoring.count({ where: { siteId: paused.siteId } })).toBe(0);
    expect(await prisma.siteMonitoring.count({ where: { siteId: active.siteId } })).toBe(1);
    expect((await prisma.monitor.findUniqueOrThrow({ where: { id: paused.id } })).lastCheckedAt).toBeNull();
  });

  it("checks only the monitors due, and schedules each one an interval ahead", async () => {
    const due = await makeMonitor(prisma, { target: `${web.origin}/up`, intervalSeconds: 300 });
    const later = await makeMonitor(prisma, {
      target: `${web.origin}/up`,
      nextCheckAt: new Date(Date.now() + 600_000),
    });
    const before = Date.now();
    expect((await runCheckRound(prisma, { concurrency: 2, ...env })).checked).toBe(1);
    const checked = await prisma.monitor.findUniqueOrThrow({ where: { id: due.id } });
    expect(checked.nextCheckAt.getTime()).toBeGreaterThanOrEqual(before + 299_000);
    expect(checked.state).toBe("up");
    expect((await prisma.monitor.findUniqueOrThrow({ where: { id: later.id } })).lastCheckedAt).toBeNull();
  });

  it("lets two concurrent rounds share the due monitors without checking any twice", async () => {
    const monitors = [];
    for (let i = 0; i < 40; i++) monitors.push(await makeMonitor(prisma, { target: `${web.origin}/delay/20` }));
    const options = { concurrency: 3, claimSize: 4 };
    const at = new Date(Date.now() + 1_000);
    const [a, b] = await Promise.all([round({ ...options, at }), round({ ...options, at })]);
    expect(a.checked + b.checked).toBe(40);
    expect(a.checked).toBeGreaterThan(0);
    expect(b.checked).toBeGreaterThan(0);
    const perSite = await prisma.siteMonitoring.groupBy({ by: ["siteId"], _count: { _all: true } });
    expect(perSite).toHaveLength(40);
    expect(perSite.every((s) => s._count._all === 1)).toBe(true);
  });

  it("drops a result when the monitor was checked again meanwhile", async () => {
    await makeMonitor(prisma, { target: `${web.origin}/up` });
    const [claimed] = await claimDueMonitors(prisma, new Date(), 10);
    const outcome = {
      monitor: claimed!,
      result: { isUp: true, statusCode: 200, responseTimeMs: 3, errorMessage: null },
    };
    expect(await recordOutcomes(prisma, [{ ...outcome, checkedAt: new Date() }])).toMatchObject({ checked: 1 });
    expect(await recordOutcomes(prisma, [{ ...outcome, checkedAt: new Date() }])).toMatchObject({
      checked: 0,
      stale: 1,
    });
    expect(await prisma.siteMonitoring.count()).toBe(1);
  });

  it("writes ssl and dns results as such: an expired certificate, an unresolvable domain", async () => {
    const ssl = await makeMonitor(prisma, { type: "ssl", target: expiredTls.target });
    const dnsOk = await makeMonitor(prisma, { type: "dns", target: "site.test" });
    const dnsMissing = await makeMonitor(prisma, { type: "dns", target: "missing.test" });
    await round();
    const row = (siteId: number) => prisma.siteMonitoring.findFirstOrThrow({ where: { siteId } });
    expect(await row(ssl.siteId)).toMatchObject({
      checkType: "ssl",
      isUp: false,
      statusCode: null,
      errorMessage: "certificate has expired",
    });
    expect(await row(dnsOk.siteId)).toMatchObject({ checkType: "dns", isUp: true, errorMessage: null });
    expect(await row(dnsMissing.siteId)).toMatchObject({
      checkType: "dns",
      isUp: false,
      errorMessage: "domain not found (NXDOMAIN): missing.test",
    });
  });

  it("runs as the repeatable job, with the concurrency setting", async () => {
    const monitor = await makeMonitor(prisma, { target: `${web.origin}/up` });
    const deps = { prisma, log: createLogger("silent") } as unknown as JobDeps;
    await expect(checkRoundJob.handler({}, deps, undefined as never)).resolves.toMatchObject({ checked: 1, up: 1 });
    expect(await prisma.siteMonitoring.count({ where: { siteId: monitor.siteId } })).toBe(1);
  });

  it("leaves a monitor of a name reserved for testing unchecked without a DNS server of its own", async () => {
    const demo = await makeMonitor(prisma, { target: "https://la-cave.locod-ai.test/", state: "up" });
    const summary = await round({ dnsServers: [] });
    expect(summary).toMatchObject({ skipped: 1, checked: 0 });
    expect(await prisma.siteMonitoring.count({ where: { siteId: demo.siteId } })).toBe(0);
    expect(await prisma.monitor.findUniqueOrThrow({ where: { id: demo.id } })).toMatchObject({ state: "up" });
  });
});
