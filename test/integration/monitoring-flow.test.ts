// The monitoring module end to end, as issue 14 states it: real check rounds against a local HTTP server
// open an incident after 3 failures and send one alert through the outbox to a real SMTP server; 2
// successes resolve it and send one "resolved" message; a site in maintenance opens its incident but
// alerts nobody, and its checks in the window count in neither side of its uptime.
import type { PrismaClient } from "@prisma/client";
import { makeCustomer } from "../factories/index.js";
import { makeTestApp, type TestApp } from "../helpers/app.js";
import { startHttpServer, type HttpTestServer } from "../helpers/monitoring-servers.js";
import { startSmtp, type TestSmtp } from "../helpers/smtp.js";
import { until } from "../helpers/wait.js";
import { startWorkers, type Workers } from "../../src/queues/registry.js";
import { runCheckRound } from "../../src/modules/monitoring/checks/check-round.js";
import { runIncidentAlerts } from "../../src/modules/monitoring/alerts/run-alerts.js";
import { readUptime } from "../../src/modules/monitoring/uptime/read-uptime.js";

const MINUTE = 60_000;
let smtp: TestSmtp;
let web: HttpTestServer;
let t: TestApp;
let prisma: PrismaClient;
let workers: Workers;

beforeAll(async () => {
  smtp = await startSmtp();
  web = await startHttpServer();
  t = await makeTestApp({ SMTP_URL: smtp.url });
  prisma = t.deps.prisma;
  workers = startWorkers({ prisma, log: t.deps.log, config: t.deps.config, queues: t.deps.queues });
});

afterAll(async () => {
  await workers.close();
  await t.deps.queues.byName.mail.obliterate({ force: true });
  await t.close();
  await web.close();
  await smtp.close();
});

/** One site with an http monitor on the local server, and an on-call address alerted at level 1. */
async function watchedSite(name: string) {
  const oncall = `oncall-${name}-${process.pid}@test.local`;
  const channel = await prisma.alertChannel.create({ data: { name: `On call ${name}`, kind: "email", email: oncall } });
  await prisma.alertOnCall.create({ data: { level: 1, channelId: channel.id } });
  const customer = await makeCustomer(prisma, { language: "en" });
  const site = await prisma.site.create({
    data: { customerId: customer.id, name: `Site ${name}`, domain: `${name}-${process.pid}.test`, status: "active" },
  });
  const monitor = await prisma.monitor.create({
    data: { siteId: site.id, type: "http", target: `${web.origin}/error`, intervalSeconds: 300 },
  });
  return { oncall, site, monitor };
}

/** Rounds 5 minutes apart, from a fixed start: each finds the monitor due again. */
function rounds(start: Date) {
  let k = 0;
  return async () => {
    const at = new Date(start.getTime() + ++k * 5 * MINUTE);
    await runCheckRound(prisma, { concurrency: 2, at });
    await runIncidentAlerts({ ...t.deps, log: t.deps.log }, at);
    return at;
  };
}

const kinds = async (incidentId: number) =>
  (await prisma.incidentNotification.findMany({ where: { incidentId }, orderBy: { id: "asc" } })).map((n) => n.kind);
const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));
const outboxDrained = () =>
  until(
    () => prisma.emailLog.count({ where: { status: { not: "sent" } } }),
    (left) => left === 0,
  );

beforeEach(async () => {
  await prisma.alertOnCall.deleteMany({});
  await prisma.alertChannel.deleteMany({});
  await prisma.maintenanceWindow.deleteMany({});
  await prisma.setting.upsert({
    where: { key: "monitoring.alert_reminder_minutes" },
    create: { key: "monitoring.alert_reminder_minutes", value: 0 },
    update: { value: 0 },
  });
});

describe("monitoring from the check to the alert", () => {
  it("opens one incident after 3 failures with one alert, and resolves it after 2 successes with one message", async () => {
    const { oncall, monitor } = await watchedSite("flow");
    const round = rounds(new Date(Math.floor(Date.now() / MINUTE) * MINUTE));

    await round();
    await round();
    expect(await prisma.incident.count({ where: { monitorId: monitor.id } })).toBe(0);
    await round();
    const [incident] = await prisma.incident.findMany({ where: { monitorId: monitor.id } });
    expect(incident).toMatchObject({ resolvedAt: null });
    await round(); // still failing: the same incident, no second alert
    expect(await prisma.incident.count({ where: { monitorId: monitor.id } })).toBe(1);
    expect(await kinds(incident!.id)).toEqual(["opened"]);

    await prisma.monitor.update({ where: { id: monitor.id }, data: { target: `${web.origin}/up` } });
    await round();
    expect((await prisma.incident.findUniqueOrThrow({ where: { id: incident!.id } })).resolvedAt).toBeNull();
    await round();
    expect((await prisma.incident.findUniqueOrThrow({ where: { id: incident!.id } })).resolvedAt).not.toBeNull();
    await round(); // up and resolved: nothing more to say
    expect(await kinds(incident!.id)).toEqual(["opened", "resolved"]);

    await outboxDrained();
    const mails = mailsTo(oncall);
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.subject)).toEqual([
      expect.stringMatching(new RegExp(`^\\[Incident #${incident!.id}\\].*hors ligne`)),
      expect.stringMatching(new RegExp(`^\\[Incident #${incident!.id}\\]`)),
    ]);
  });

  it("alerts nobody about a site in maintenance, and leaves its checks in the window out of its uptime", async () => {
    const { oncall, site, monitor } = await watchedSite("maintenance");
    const start = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
    await prisma.maintenanceWindow.create({
      data: {
        siteId: site.id,
        title: "Hosting move",
        kind: "one_off",
        startsAt: start,
        endsAt: new Date(start.getTime() + 60 * MINUTE),
      },
    });
    const round = rounds(start);
    let last = start;
    for (let i = 0; i < 4; i++) last = await round();
    const [incident] = await prisma.incident.findMany({ where: { monitorId: monitor.id } });
    expect(incident).toBeDefined();
    expect(await kinds(incident!.id)).toEqual([]);
    await outboxDrained();
    expect(mailsTo(oncall)).toHaveLength(0);

    const [day] = await readUptime(
      prisma,
      { siteId: site.id, checkType: "http" },
      ["24h"],
      new Date(last.getTime() + 1),
    );
    expect(day).toMatchObject({ up: 0, down: 0, maintenance: 4 });
  });
});
