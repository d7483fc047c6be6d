// Incident alerts end to end: the alert job (run at chosen instants) records what is due, e-mails leave
// through the outbox to a real SMTP server and webhook posts reach a local HTTP server standing in for
// Slack; acknowledging (REST, the e-mail link) stops the escalation.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import request from "supertest";
import type { PrismaClient } from "@prisma/client";
import { makeAdmin, makeCustomer } from "../../../../test/factories/index.js";
import { API, makeApiLogin, type ApiLogin } from "../../../../test/factories/api.js";
import { loginAgent, makeTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { mailBodies, startSmtp, type TestSmtp } from "../../../../test/helpers/smtp.js";
import { until } from "../../../../test/helpers/wait.js";
import { startWorkers, type Workers } from "../../../queues/registry.js";
import { runIncidentAlerts, WEBHOOK_MAX_ATTEMPTS } from "./run-alerts.js";

interface Hook {
  url: string;
  bodies: { text: string; blocks?: unknown[] }[];
  /** Status answered to the next posts (200 unless set). */
  status: number;
  close(): Promise<void>;
}

async function startHook(): Promise<Hook> {
  const hook = { bodies: [], status: 200 } as unknown as Hook;
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      if (hook.status === 200) hook.bodies.push(JSON.parse(raw) as Hook["bodies"][number]);
      res.writeHead(hook.status, { "content-type": "text/plain" }).end(hook.status === 200 ? "ok" : "no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  hook.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T000/B000/secret-part`;
  hook.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return hook;
}

let smtp: TestSmtp;
let hook: Hook;
let t: TestApp;
let prisma: PrismaClient;
let workers: Workers;
let editor: ApiLogin;
let viewer: ApiLogin;

beforeAll(async () => {
  smtp = await startSmtp();
  hook = await startHook();
  t = await makeTestApp({ SMTP_URL: smtp.url });
  prisma = t.deps.prisma;
  workers = startWorkers({ prisma, log: t.deps.log, config: t.deps.config, queues: t.deps.queues });
  editor = await makeApiLogin(t.app, prisma, { role: "editor" });
  viewer = await makeApiLogin(t.app, prisma, { role: "viewer" });
});

afterAll(async () => {
  await workers.close();
  await t.deps.queues.byName.mail.obliterate({ force: true });
  await t.close();
  await hook.close();
  await smtp.close();
});

let n = 0;
const MINUTE = 60_000;
let T0: Date;
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
const run = (minutes: number) => runIncidentAlerts({ ...t.deps, log: t.deps.log }, at(minutes));

/** A fresh alert set-up: level 1 an address and the webhook, level 2 an admin, level 2 after 15 min. */
async function setup(options: { reminderMinutes?: number } = {}) {
  await prisma.incident.deleteMany({});
  await prisma.alertChannel.deleteMany({});
  await prisma.alertEscalationLevel.deleteMany({});
  await prisma.maintenanceWindow.deleteMany({});
  await prisma.setting.deleteMany({ where: { key: { startsWith: "monitoring." } } });
  await prisma.setting.create({
    data: { key: "monitoring.alert_reminder_minutes", value: options.reminderMinutes ?? 0 },
  });
  hook.bodies.length = 0;
  hook.status = 200;
  T0 = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
  const i = ++n;
  const oncall = `oncall${i}-${process.pid}@test.local`;
  const boss = await makeAdmin(prisma, { role: "admin", language: "en" });
  const mail = await prisma.alertChannel.create({ data: { name: "On call", kind: "email", email: oncall } });
  const slack = await prisma.alertChannel.create({
    data: { name: "Slack #ops", kind: "webhook", secretWebhookUrl: hook.url, webhookHint: "127.0.0.1/…part" },
  });
  const escalation = await prisma.alertChannel.create({ data: { name: "Boss", kind: "email", adminId: boss.id } });
  await prisma.alertOnCall.createMany({
    data: [
      { level: 1, channelId: mail.id },
      { level: 1, channelId: slack.id },
      { level: 2, channelId: escalation.id },
    ],
  });
  await prisma.alertEscalationLevel.create({ data: { level: 2, afterMinutes: 15 } });
  const customer = await makeCustomer(prisma, { language: "en", name: `Bakery ${i}` });
  const site = await prisma.site.create({
    data: {
      customerId: customer.id,
      name: `Bakery site ${i}`,
      domain: `bakery${i}-${process.pid}.test`,
      status: "active",
    },
  });
  const monitor = await prisma.monitor.create({
    data: { siteId: site.id, type: "http", target: `https://${site.domain}/` },
  });
  const incident = await prisma.incident.create({
    data: { siteId: site.id, monitorId: monitor.id, cause: "HTTP 500", openedAt: T0 },
  });
  return { oncall, boss, customer, site, incident, channels: { mail, slack, escalation } };
}

const notifications = (incidentId: number) =>
  prisma.incidentNotification.findMany({ where: { incidentId }, orderBy: { id: "asc" } });
const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));
/** Waits until every outbox e-mail is sent. */
const outboxDrained = () =>
  until(
    () => prisma.emailLog.count({ where: { status: { not: "sent" } } }),
    (left) => left === 0,
  );

describe("incident alerts", () => {
  it("alerts level 1 once when an incident opens, by e-mail and webhook, however often the job runs", async () => {
    const { oncall, boss, incident, site } = await setup();
    await run(0);
    await Promise.all([run(0), run(0.5)]);
    await run(1);
    const rows = await notifications(incident.id);
    expect(rows.map((r) => [r.kind, r.level, r.status])).toEqual([
      ["opened", 1, "sent"],
      ["opened", 1, "sent"],
    ]);
    const mail = await smtp.waitFor((m) => m.to.includes(oncall));
    expect(mail.subject).toBe(`[Incident #${incident.id}] ${site.name} (${site.domain}) est hors ligne`);
    const { text } = mailBodies(mail);
    expect(text).toContain("Cause : HTTP 500");
    expect(text).toMatch(/Prendre en charge : http\S+\/admin\/monitoring\/incidents\/acknowledge\?token=/);
    await outboxDrained();
    expect(mailsTo(oncall)).toHaveLength(1);
    expect(mailsTo(boss.email)).toHaveLength(0);
    expect(hook.bodies).toHaveLength(1);
    expect(hook.bodies[0]!.text).toContain(`${site.name} (${site.domain}) est hors ligne`);
    // The audit trail names each alert, as the system's.
    const audit = await prisma.adminActivityLog.findMany({
      where: { resourceType: "incidents", resourceId: incident.id, action: "incident.alert_opened" },
    });
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.adminId === null)).toBe(true);
  });

  it("escalates an unacknowledged incident to level 2 once after the delay, in the admin's language", async () => {
    const { boss, incident, site } = await setup();
    await run(0);
    await run(14);
    expect(await prisma.incidentNotification.count({ where: { incidentId: incident.id, kind: "escalated" } })).toBe(0);
    await run(15);
    await run(16);
    const escalations = await prisma.incidentNotification.findMany({
      where: { incidentId: incident.id, kind: "escalated" },
    });
    expect(escalations.map((e) => [e.level, e.recipient])).toEqual([[2, boss.email]]);
    const mail = await smtp.waitFor((m) => m.to.includes(boss.email));
    expect(mail.subject).toBe(
      `[Incident #${incident.id}] Escalation level 2: ${site.name} (${site.domain}) is still down`,
    );
    await outboxDrained();
    expect(mailsTo(boss.email)).toHaveLength(1);
  });

  it("does not escalate an incident acknowledged over REST (monitoring.configure_alerts), audited", async () => {
    const { boss, incident } = await setup();
    await run(0);
    const refused = await request(t.app)
      .post(`${API}/monitoring/incidents/${incident.id}/acknowledge`)
      .set("Authorization", viewer.auth);
    expect(refused.status).toBe(403);
    const res = await request(t.app)
      .post(`${API}/monitoring/incidents/${incident.id}/acknowledge`)
      .set("Authorization", editor.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: incident.id, acknowledgedById: editor.admin.id });
    const again = await request(t.app)
      .post(`${API}/monitoring/incidents/${incident.id}/acknowledge`)
      .set("Authorization", editor.auth);
    expect(again.status).toBe(409);
    expect(again.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(
      await prisma.adminActivityLog.count({
        where: { action: "incident.acknowledge", resourceId: incident.id, adminId: editor.admin.id },
      }),
    ).toBe(1);
    await run(15);
    await run(60);
    expect((await notifications(incident.id)).map((r) => r.kind)).toEqual(["opened", "opened"]);
    expect(mailsTo(boss.email)).toHaveLength(0);
  });

  it("reminds no more often than the minimum interval", async () => {
    const { incident } = await setup({ reminderMinutes: 30 });
    await prisma.alertEscalationLevel.deleteMany({});
    await run(0);
    for (const minute of [10, 29]) await run(minute);
    expect(await prisma.incidentNotification.count({ where: { incidentId: incident.id, kind: "reminder" } })).toBe(0);
    await run(30);
    await run(31);
    await run(59);
    const first = await prisma.incidentNotification.findMany({ where: { incidentId: incident.id, kind: "reminder" } });
    expect(first.map((r) => r.seq)).toEqual([1, 1]);
    await run(60);
    const all = await prisma.incidentNotification.findMany({ where: { incidentId: incident.id, kind: "reminder" } });
    expect(all.map((r) => r.seq)).toEqual([1, 1, 2, 2]);
    expect(hook.bodies.filter((b) => b.text.includes("Rappel"))).toHaveLength(2);
  });

  it("sends one resolved message to everyone alerted, and the customer notice and its end when opted in", async () => {
    const { oncall, boss, customer, incident, site } = await setup();
    await prisma.setting.create({
      data: { key: "monitoring.customer_notice", value: { enabled: true, afterMinutes: 20 } },
    });
    await run(0);
    await run(15);
    await run(20);
    await prisma.incident.update({ where: { id: incident.id }, data: { resolvedAt: at(25) } });
    await run(26);
    await run(27);
    const rows = await notifications(incident.id);
    expect(
      rows
        .filter((r) => r.kind === "resolved")
        .map((r) => r.recipient)
        .sort(),
    ).toEqual([oncall, boss.email, "127.0.0.1/…part"].sort());
    expect(rows.filter((r) => r.kind === "customer_notice")).toHaveLength(1);
    expect(rows.filter((r) => r.kind === "customer_resolved")).toHaveLength(1);
    await outboxDrained();
    const toCustomer = mailsTo(customer.email).map((m) => m.subject);
    expect(toCustomer).toEqual([
      `Locod-AI – Your site ${site.name} is unavailable`,
      `Locod-AI – Your site ${site.name} is back online`,
    ]);
    expect(mailsTo(oncall).filter((m) => m.subject.includes("Résolu"))).toHaveLength(1);
    expect(mailsTo(boss.email).filter((m) => m.subject.includes("Resolved"))).toHaveLength(1);
    expect(hook.bodies.filter((b) => b.text.includes("Résolu"))).toHaveLength(1);
  });

  it("sends nothing for a site in maintenance", async () => {
    const { oncall, incident, site } = await setup();
    await prisma.maintenanceWindow.create({
      data: { siteId: site.id, title: "Upgrade", kind: "one_off", startsAt: at(-5), endsAt: at(60) },
    });
    await run(0);
    await run(30);
    await prisma.incident.update({ where: { id: incident.id }, data: { resolvedAt: at(40) } });
    await run(41);
    expect(await notifications(incident.id)).toEqual([]);
    expect(mailsTo(oncall)).toHaveLength(0);
    expect(hook.bodies).toHaveLength(0);
  });

  it("retries a failed webhook post on the next run and logs why", async () => {
    const { incident } = await setup();
    hook.status = 500;
    const first = await run(0);
    expect(first.failed).toBe(1);
    const [failed] = (await notifications(incident.id)).filter((r) => r.channelId !== null && r.emailLogId === null);
    expect(failed).toMatchObject({ status: "pending", attempts: 1, lastError: "the webhook answered HTTP 500" });
    // Not before its turn (the next minute), then delivered.
    expect((await run(0.5)).failed).toBe(0);
    hook.status = 200;
    expect((await run(1)).posted).toBe(1);
    expect(hook.bodies).toHaveLength(1);
    const delivered = await prisma.incidentNotification.findUniqueOrThrow({ where: { id: failed!.id } });
    expect(delivered).toMatchObject({ status: "sent", attempts: 2 });
    expect(WEBHOOK_MAX_ATTEMPTS).toBeGreaterThan(1);
  });

  it("acknowledges from the e-mail link once, after the login if needed, and refuses a tampered token", async () => {
    const { oncall, incident } = await setup();
    await run(0);
    const mail = await smtp.waitFor((m) => m.to.includes(oncall));
    const link = /(http\S+\/admin\/monitoring\/incidents\/acknowledge\?token=\S+)/.exec(mailBodies(mail).text)![1]!;
    const path = new URL(link).pathname + new URL(link).search;

    const anonymous = await request(t.app).get(path);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.location).toBe("/admin/login");

    const acker = await makeAdmin(prisma, { role: "editor", language: "en" });
    const agent = await loginAgent(t.app, acker.email, acker.password);
    const token = new URL(link).searchParams.get("token")!;
    const [id, exp, sig] = token.split(".");
    const tampered = await agent.get(`/admin/monitoring/incidents/acknowledge?token=${id}.${Number(exp) + 60}.${sig}`);
    expect(tampered.status).toBe(400);
    expect(tampered.text).toContain('data-outcome="invalid"');

    const done = await agent.get(path);
    expect(done.status).toBe(200);
    expect(done.text).toContain(`You acknowledged incident #${incident.id}`);
    const row = await prisma.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(row.acknowledgedById).toBe(acker.id);

    const twice = await agent.get(path);
    expect(twice.status).toBe(409);
    expect(twice.text).toContain('data-outcome="taken"');
  });

  it("brings an admin back to the link after the login page", async () => {
    const { oncall, incident } = await setup();
    await run(0);
    const mail = await smtp.waitFor((m) => m.to.includes(oncall));
    const link = new URL(/(http\S+acknowledge\?token=\S+)/.exec(mailBodies(mail).text)![1]!);
    const acker = await makeAdmin(prisma, { role: "editor" });
    const { browserAgent } = await import("../../../../test/helpers/app.js");
    const agent = browserAgent(t.app);
    await agent.get(link.pathname + link.search).expect(302);
    const login = await agent.post("/admin/login").type("form").send({ email: acker.email, password: acker.password });
    expect(login.status).toBe(302);
    expect(login.headers.location).toBe(link.pathname + link.search);
    const done = await agent.get(login.headers.location as string);
    expect(done.status).toBe(200);
    expect((await prisma.incident.findUniqueOrThrow({ where: { id: incident.id } })).acknowledgedById).toBe(acker.id);
  });

  it("keeps a webhook channel's URL on the server: created over REST, shown as a hint, redacted in the audit", async () => {
    const url = "https://hooks.example.test/services/T1/B2/very-secret-token";
    const create = (login: ApiLogin, body: Record<string, unknown>) =>
      request(t.app).post(`${API}/monitoring/alert_channels`).set("Authorization", login.auth).send(body);
    expect((await create(viewer, { name: "Ops", kind: "webhook", webhook: url })).status).toBe(403);
    const missing = await create(editor, { name: "Ops", kind: "webhook" });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ field: "webhook", message: "is required" }]);
    const bad = await create(editor, { name: "Ops", kind: "webhook", webhook: "ftp://nope" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe("webhook");
    const res = await create(editor, { name: "Ops", kind: "webhook", webhook: url });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: "Ops", kind: "webhook", webhookHint: "hooks.example.test/…oken" });
    expect(JSON.stringify(res.body)).not.toContain("very-secret");
    const shown = await request(t.app)
      .get(`${API}/monitoring/alert_channels/${res.body.id}`)
      .set("Authorization", editor.auth);
    expect(shown.status).toBe(200);
    expect(JSON.stringify(shown.body)).not.toContain("very-secret");
    const deleted = await request(t.app)
      .delete(`${API}/monitoring/alert_channels/${res.body.id}`)
      .set("Authorization", editor.auth);
    expect(deleted.status).toBeLessThan(300);
    const audit = await prisma.adminActivityLog.findMany({
      where: { resourceType: "alert_channels", resourceId: res.body.id },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["create", "delete"]);
    expect(JSON.stringify(audit)).not.toContain("very-secret");
  });

  it("acknowledges from the incident's page (AdminJS action), once, audited, and stops the escalation", async () => {
    const { boss, incident } = await setup();
    await run(0);
    const acker = await makeAdmin(prisma, { role: "editor" });
    const agent = await loginAgent(t.app, acker.email, acker.password);
    const action = `/admin/api/resources/incidents/records/${incident.id}/acknowledgeIncident`;
    const res = await agent.post(action).send({});
    expect(res.status).toBe(200);
    expect(res.body.notice).toMatchObject({ message: "acknowledgeIncidentDone", type: "success" });
    const again = await agent.post(action).send({});
    expect(again.body.notice).toEqual({ message: `Incident #${incident.id} is already acknowledged`, type: "error" });
    const row = await prisma.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(row.acknowledgedById).toBe(acker.id);
    expect(
      await prisma.adminActivityLog.count({ where: { action: "incident.acknowledge", resourceId: incident.id } }),
    ).toBe(1);
    await run(30);
    expect(mailsTo(boss.email)).toHaveLength(0);
  });
});
