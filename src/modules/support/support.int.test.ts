// Support end to end: inbound e-mail through the signed webhook (parsed by mailparser), replies through
// the outbox to a real SMTP server in the same thread, the customer's answer back in the same ticket,
// refusals that store nothing, the SLA round (escalation once, reassignment after silence), permissions
// on every path, and metrics against a fixture computed by hand.
import request from "supertest";
import type { PrismaClient } from "@prisma/client";
import { actingAs, makeAdmin, makeCustomer } from "../../../test/factories/index.js";
import { API, makeApiLogin, type ApiLogin } from "../../../test/factories/api.js";
import { makeTestApp, type TestApp } from "../../../test/helpers/app.js";
import { startSmtp, type TestSmtp } from "../../../test/helpers/smtp.js";
import { startWorkers, type Workers } from "../../queues/registry.js";
import { signSupportEmail, supportInboundKey } from "./rules/signature.js";
import { metrics, runSlaRound } from "./service.js";

let smtp: TestSmtp;
let t: TestApp;
let prisma: PrismaClient;
let workers: Workers;
let editor: ApiLogin;
let viewer: ApiLogin;
let restricted: ApiLogin;
let key: Buffer;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await makeTestApp({ SMTP_URL: smtp.url });
  prisma = t.deps.prisma;
  workers = startWorkers({ prisma, log: t.deps.log, config: t.deps.config, queues: t.deps.queues });
  editor = await makeApiLogin(t.app, prisma, { role: "editor" });
  viewer = await makeApiLogin(t.app, prisma, { role: "viewer" });
  restricted = await makeApiLogin(t.app, prisma, { role: "editor", permissions: ["customers.view", "billing.view"] });
  key = supportInboundKey(t.deps.config.wizardWebhookSecret!);
});

afterAll(async () => {
  await workers.close();
  await t.deps.queues.byName.mail.obliterate({ force: true });
  await t.close();
  await smtp.close();
});

let n = 0;
const uid = () => `${++n}-${process.pid}-${Date.now()}`;

function mime(headers: Record<string, string>, body: string): string {
  const head = Object.entries({ "MIME-Version": "1.0", "Content-Type": "text/plain; charset=utf-8", ...headers })
    .map(([k, v]) => `${k}: ${v}`)
    .join("\r\n");
  return `${head}\r\n\r\n${body}\r\n`;
}

function post(raw: string | Buffer, eventId = `evt-${uid()}`, sign = true) {
  const body = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
  const req = request(t.app)
    .post("/webhooks/support-email")
    .set("Content-Type", "message/rfc822")
    .set("X-Event-Id", eventId);
  if (sign) req.set("X-Locod-Signature", signSupportEmail(key, Math.floor(Date.now() / 1000), body));
  return req.send(body);
}

const counts = async () => ({
  tickets: await prisma.supportTicket.count(),
  messages: await prisma.supportMessage.count(),
  attachments: await prisma.supportAttachment.count(),
});

describe("support tickets by e-mail", () => {
  it("opens a ticket linked by address, answers it in the thread, and files the customer's answer in it", async () => {
    const id = uid();
    const customer = await makeCustomer(prisma, { email: `client${id}@example.com`, name: `Client ${id}` });
    const firstId = `<first-${id}@mail.example.com>`;
    const opened = await post(
      mime(
        {
          From: `Client <CLIENT${id}@example.com>`,
          To: "support@locod-ai.local",
          Subject: "Re: Mon site est en panne",
          "Message-ID": firstId,
        },
        "Bonjour, mon site ne répond plus.",
      ),
    );
    expect(opened.status).toBe(201);
    const ticket = await prisma.supportTicket.findUniqueOrThrow({ where: { id: opened.body.ticket_id as number } });
    expect(ticket).toMatchObject({
      customerId: customer.id,
      subject: "Mon site est en panne",
      status: "open",
      requesterEmail: `client${id}@example.com`,
    });
    expect(ticket.firstResponseDueAt).not.toBeNull();
    expect(await prisma.adminActivityLog.count({ where: { action: "support.open", resourceId: ticket.id } })).toBe(1);

    const canned = await prisma.supportCannedReply.create({
      data: { title: `Merci ${id}`, body: "Merci, nous regardons.", language: "fr" },
    });
    const reply = await request(t.app)
      .post(`${API}/support/tickets/${ticket.id}/messages`)
      .set("Authorization", editor.auth)
      .send({ body: canned.body, cannedReplyId: canned.id });
    expect(reply.status).toBe(201);
    const sent = await smtp.waitFor((m) => m.to.includes(`client${id}@example.com`));
    expect(sent.raw).toMatch(new RegExp(`In-Reply-To: ${firstId}`));
    expect(sent.raw).toMatch(new RegExp(`References: ${firstId}`));
    expect(sent.subject).toBe(`Re: Mon site est en panne [#${ticket.id}]`);
    expect(sent.text).toContain("Merci, nous regardons.");
    const ours = await prisma.supportMessage.findUniqueOrThrow({ where: { id: reply.body.messageId as number } });
    expect(sent.raw).toContain(`Message-ID: ${ours.emailMessageId}`);
    const answered = await prisma.supportTicket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(answered).toMatchObject({ status: "pending", awaitingReplySince: null, assigneeId: answered.assigneeId });
    expect(answered.firstResponseAt).not.toBeNull();

    const back = await post(
      mime(
        {
          From: `client${id}@example.com`,
          Subject: `Re: Mon site est en panne [#${ticket.id}]`,
          "Message-ID": `<second-${id}@mail.example.com>`,
          "In-Reply-To": ours.emailMessageId!,
          References: `${firstId} ${ours.emailMessageId}`,
        },
        "Merci, c'est revenu.",
      ),
    );
    expect(back.status).toBe(200);
    expect(back.body.ticket_id).toBe(ticket.id);
    const after = await prisma.supportTicket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(after.status).toBe("open");
    expect(await prisma.supportMessage.count({ where: { ticketId: ticket.id } })).toBe(3);
  });

  it("opens a ticket without a customer for an unknown address, and a replay changes nothing", async () => {
    const id = uid();
    const raw = mime(
      { From: `stranger${id}@nowhere.example`, Subject: "Devis", "Message-ID": `<s-${id}@nowhere.example>` },
      "Combien ?",
    );
    const first = await post(raw, `evt-stranger-${id}`);
    expect(first.status).toBe(201);
    const ticket = await prisma.supportTicket.findUniqueOrThrow({ where: { id: first.body.ticket_id as number } });
    expect(ticket.customerId).toBeNull();
    const before = await counts();
    const replay = await post(raw, `evt-stranger-${id}`);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ ticket_id: ticket.id, duplicate: true });
    expect(await counts()).toEqual(before);
  });

  it("refuses oversized, malformed and unsigned mail clearly, storing nothing", async () => {
    const id = uid();
    const before = await counts();
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 1).toString("base64");
    const oversized = [
      `From: big${id}@example.com`,
      "Subject: Big",
      `Message-ID: <big-${id}@example.com>`,
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain",
      "",
      "See attached.",
      "--b",
      'Content-Type: application/octet-stream; name="big.bin"',
      'Content-Disposition: attachment; filename="big.bin"',
      "Content-Transfer-Encoding: base64",
      "",
      big.replace(/.{76}/g, "$&\r\n"),
      "--b--",
      "",
    ].join("\r\n");
    const tooBig = await post(oversized);
    expect(tooBig.status).toBe(413);
    expect(tooBig.type).toBe("application/problem+json");
    expect(tooBig.body.errors[0].field).toBe("attachments");

    const malformed = await post("this is not an e-mail at all");
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe("(body)");
    const noFrom = await post(mime({ Subject: "x", From: "nobody" }, "x"));
    expect(noFrom.status).toBe(400);
    expect(noFrom.body.errors[0].field).toBe("from");

    const unsigned = await post(mime({ From: `u${id}@example.com`, Subject: "x" }, "x"), `evt-${id}`, false);
    expect(unsigned.status).toBe(401);
    const noEvent = await request(t.app)
      .post("/webhooks/support-email")
      .set("Content-Type", "message/rfc822")
      .set(
        "X-Locod-Signature",
        signSupportEmail(key, Math.floor(Date.now() / 1000), Buffer.from("From: a@b.example\r\n\r\nx")),
      )
      .send(Buffer.from("From: a@b.example\r\n\r\nx"));
    expect(noEvent.status).toBe(400);
    expect(await counts()).toEqual(before);
  });
});

describe("support permissions", () => {
  it("lets a viewer read tickets but not reply; a user without support.view sees no ticket on any path", async () => {
    const ticket = await prisma.supportTicket.create({ data: { subject: "Perm", requesterEmail: "p@example.com" } });
    expect((await request(t.app).get(`${API}/support/tickets?tab=all`).set("Authorization", viewer.auth)).status).toBe(
      200,
    );
    expect(
      (await request(t.app).get(`${API}/support/tickets/${ticket.id}`).set("Authorization", viewer.auth)).status,
    ).toBe(200);
    const refused = await request(t.app)
      .post(`${API}/support/tickets/${ticket.id}/messages`)
      .set("Authorization", viewer.auth)
      .send({ body: "x" });
    expect(refused.status).toBe(403);
    for (const path of [
      "/support/tickets",
      `/support/tickets/${ticket.id}`,
      "/support/metrics",
      "/support/support_tickets",
      `/support/support_tickets/${ticket.id}`,
      "/support/support_messages",
    ]) {
      const res = await request(t.app).get(`${API}${path}`).set("Authorization", restricted.auth);
      expect([path, res.status]).toEqual([path, 403]);
    }
    // Deleting a ticket is admin-level: an editor is refused.
    const del = await request(t.app)
      .delete(`${API}/support/support_tickets/${ticket.id}`)
      .set("Authorization", editor.auth);
    expect(del.status).toBe(403);
  });
});

describe("support SLA round", () => {
  it("escalates a ticket past its first-response target once, and reassigns after the set silence, both audited", async () => {
    const now = new Date();
    const hour = 3_600_000;
    const a = await makeAdmin(prisma, { role: "editor" });
    const late = await prisma.supportTicket.create({
      data: {
        subject: "Late",
        requesterEmail: "late@example.com",
        priority: "urgent",
        assigneeId: a.id,
        assignedAt: new Date(now.getTime() - 2 * hour),
        createdAt: new Date(now.getTime() - 2 * hour),
        firstResponseDueAt: new Date(now.getTime() - hour),
        resolutionDueAt: new Date(now.getTime() + 6 * hour),
      },
    });
    const silent = await prisma.supportTicket.create({
      data: {
        subject: "Silent",
        requesterEmail: "silent@example.com",
        priority: "low",
        assigneeId: a.id,
        assignedAt: new Date(now.getTime() - 30 * hour),
        awaitingReplySince: new Date(now.getTime() - 25 * hour),
        createdAt: new Date(now.getTime() - 30 * hour),
        firstResponseAt: new Date(now.getTime() - 29 * hour),
        firstResponseDueAt: new Date(now.getTime() - 6 * hour),
        resolutionDueAt: new Date(now.getTime() + 90 * hour),
      },
    });
    const first = await runSlaRound(prisma, now);
    const second = await runSlaRound(prisma, now);
    expect(first.escalated).toContain(late.id);
    expect(second.escalated).not.toContain(late.id);
    const escalated = await prisma.supportTicket.findUniqueOrThrow({ where: { id: late.id } });
    expect(escalated.escalationLevel).toBe(2);
    expect(await prisma.adminActivityLog.count({ where: { action: "support.escalate", resourceId: late.id } })).toBe(1);

    expect(first.reassigned).toContain(silent.id);
    const moved = await prisma.supportTicket.findUniqueOrThrow({ where: { id: silent.id } });
    expect(moved.assigneeId).not.toBe(a.id);
    expect(moved.assigneeId).not.toBeNull();
    expect(await prisma.adminActivityLog.count({ where: { action: "support.reassign", resourceId: silent.id } })).toBe(
      1,
    );
  });
});

describe("support metrics", () => {
  it("equals the figures computed by hand for a fixture period", async () => {
    const agent = await makeAdmin(prisma, { role: "editor" });
    const t0 = new Date("2031-03-10T08:00:00Z");
    const m = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    await prisma.supportTicket.createMany({
      data: [
        {
          subject: "a",
          requesterEmail: "a@x.example",
          createdAt: t0,
          assigneeId: agent.id,
          firstResponseAt: m(20),
          resolvedAt: m(100),
          csatScore: 4,
        },
        {
          subject: "b",
          requesterEmail: "b@x.example",
          createdAt: t0,
          assigneeId: agent.id,
          firstResponseAt: m(40),
          resolvedAt: m(300),
          csatScore: 1,
        },
        { subject: "c", requesterEmail: "c@x.example", createdAt: t0, firstResponseAt: null },
        // Outside the 7 days before 2031-03-12.
        {
          subject: "d",
          requesterEmail: "d@x.example",
          createdAt: new Date("2031-02-01T00:00:00Z"),
          firstResponseAt: m(1),
        },
      ],
    });
    const figures = await actingAs({ id: agent.id, email: agent.email, name: agent.name, role: "viewer" }, () =>
      metrics(prisma, 7, new Date("2031-03-12T00:00:00Z")),
    );
    expect(figures).toMatchObject({
      tickets: 3,
      resolved: 2,
      firstResponseMedianMinutes: 30,
      firstResponseAverageMinutes: 30,
      // Resolutions 100 and 300 minutes: median 200.
      resolutionMedianMinutes: 200,
      csatAverage: 2.5,
      csatResponses: 2,
      csatSatisfiedPercent: 50,
    });
    expect(figures.perAgent.find((p) => p.assigneeId === agent.id)).toMatchObject({ tickets: 2, resolved: 2 });
    expect(figures.perAgent.find((p) => p.assigneeId === null)).toMatchObject({ tickets: 1, resolved: 0 });
  });
});
