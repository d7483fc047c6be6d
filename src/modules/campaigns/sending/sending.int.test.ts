// Campaigns sent to a real SMTP server on 127.0.0.1: each recipient once, in their language, with the
// one-click unsubscribe headers, minus the suppression list; cancel mid-send; SMTP down then up; the
// subject A/B test; tracking and the bounce webhook; the REST moves and their refusals.
import net from "node:net";
import request from "supertest";
import type { EmailCampaign, PrismaClient } from "@prisma/client";
import { makeTestApp, type TestApp } from "../../../../test/helpers/app.js";
import { API, makeApiLogin, type ApiLogin } from "../../../../test/factories/api.js";
import { actingAs, makeCustomer } from "../../../../test/factories/index.js";
import { mailBodies, startSmtp, type CapturedMail, type TestSmtp } from "../../../../test/helpers/smtp.js";
import { runCampaignBatch, type BatchDeps } from "./batch.js";
import { cancelCampaign, sendCampaign } from "./service.js";
import { closeCampaignTransports } from "./transport.js";
import { signToken, trackingKey } from "../tracking/rules/token.js";
import { signEmailWebhook } from "../tracking/rules/signature.js";

const WEBHOOK_SECRET = "w".repeat(40);
let t: TestApp;
let smtp: TestSmtp;
let editor: ApiLogin;
let viewer: ApiLogin;
let prisma: PrismaClient;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await makeTestApp({ SMTP_URL: smtp.url, EMAIL_WEBHOOK_SECRET: WEBHOOK_SECRET });
  prisma = t.deps.prisma;
  editor = await makeApiLogin(t.app, prisma, { role: "editor" });
  viewer = await makeApiLogin(t.app, prisma, { role: "viewer" });
});

afterAll(async () => {
  closeCampaignTransports();
  await t.close();
  await smtp.close();
});

const batchDeps = (smtpUrl = smtp.url): BatchDeps => ({
  prisma,
  queues: t.deps.queues,
  mail: { smtpUrl, from: "marketing@locod-ai.test" },
  publicBaseUrl: "http://portal.test",
  trackingSecret: t.deps.config.session.secret,
});
const key = () => trackingKey(t.deps.config.session.secret);
const acting = <T>(fn: () => Promise<T>) =>
  actingAs({ id: editor.admin.id, email: editor.admin.email, name: editor.admin.name, role: editor.admin.role }, fn);

let seq = 0;
const markers = new Map<number, string>();
async function makeCampaign(data: Partial<EmailCampaign> = {}) {
  seq++;
  const row = await prisma.emailCampaign.create({
    data: {
      name: `Campaign ${seq}-${process.pid}`,
      subject: "Bonjour {{ customer.name }}",
      contentHtml: `<p>Offre ${seq} pour {{ customer.plan }}</p><p><a href="https://locod.ai/offre?c=${seq}">Voir</a></p><p><a href="{{ unsubscribe_url }}">Désinscription</a></p>`,
      subjectEn: "Hello {{ customer.name }}",
      contentHtmlEn: `<p>Offer ${seq} for {{ customer.plan }}</p><p><a href="https://locod.ai/offer?c=${seq}">See</a></p>`,
      sendRate: 500,
      ...data,
    } as never,
  });
  markers.set(row.id, `${seq}`);
  return row;
}

/** The campaign's messages: their body names the campaign's number. */
const toCampaign = (id: number) => (m: CapturedMail) => {
  const n = markers.get(id)!;
  if (!/multipart/i.test(m.raw)) return false;
  const { html } = mailBodies(m);
  return html.includes(`Offre ${n} `) || html.includes(`Offer ${n} `);
};
const sendsOf = (campaignId: number) => prisma.emailSend.findMany({ where: { campaignId }, orderBy: { id: "asc" } });

/** Runs batches until the campaign has nothing due (or `max` batches). */
async function drain(campaignId: number, deps = batchDeps(), max = 20) {
  for (let i = 0; i < max; i++) {
    const r = await runCampaignBatch(deps, campaignId, { chain: false, retryBaseMs: 0 });
    if (r.done || r.stopped || (r.sent === 0 && r.retry === 0)) return r;
  }
  throw new Error("campaign did not finish");
}

describe("sending a campaign", () => {
  it("reaches exactly the recipients minus the suppression list, once each, in their language, with List-Unsubscribe", async () => {
    const fr = await makeCustomer(prisma, { name: "Élodie Fr", language: "fr", planType: "pro" });
    const en = await makeCustomer(prisma, { name: "John En", language: "en", planType: "starter" });
    const gone = await makeCustomer(prisma, { language: "fr" });
    await prisma.emailSuppression.create({
      data: { email: gone.email, customerId: gone.id, reason: "unsubscribed", source: "admin" },
    });
    const c = await makeCampaign();
    const out = await acting(() =>
      sendCampaign({ prisma, queues: t.deps.queues }, c.id, {
        recipients: { customerIds: [fr.id, en.id, gone.id, fr.id] },
      }),
    );
    expect(out.recipients).toBe(2);
    expect(out.campaign.status).toBe("sending");
    const result = await drain(c.id);
    expect(result.done).toBe(true);
    expect((await prisma.emailCampaign.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("sent");

    const mails = smtp.messages.filter(toCampaign(c.id));
    expect(mails.map((m) => m.to[0]).sort()).toEqual([fr.email, en.email].sort());
    const frMail = mails.find((m) => m.to[0] === fr.email)!;
    const enMail = mails.find((m) => m.to[0] === en.email)!;
    expect(frMail.subject).toBe("Bonjour Élodie Fr");
    expect(enMail.subject).toBe("Hello John En");
    expect(mailBodies(enMail).html).toContain("Offer");
    expect(mailBodies(frMail).text).toContain("pour pro");
    for (const m of mails) {
      expect(m.raw).toMatch(/^List-Unsubscribe: <http:\/\/portal\.test\/t\/u\/u\.[^>]+>/m);
      expect(m.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
      // The campaign's link is rewritten to the click redirect.
      expect(mailBodies(m).html).not.toContain("https://locod.ai/off");
      expect(mailBodies(m).html).toContain("http://portal.test/t/c/c.");
    }
    // Another batch sends nothing again.
    await runCampaignBatch(batchDeps(), c.id, { chain: false });
    expect(smtp.messages.filter(toCampaign(c.id))).toHaveLength(2);
    expect((await sendsOf(c.id)).map((s) => s.status)).toEqual(["sent", "sent"]);
  });

  it("sent to a saved segment, reaches exactly the segment minus the suppression list and keeps its criteria", async () => {
    // Customers who signed up on a day no other test uses: the segment is theirs alone.
    const day = new Date(Date.UTC(2001, 0, 1) + (process.pid % 3000) * 86_400_000);
    const on = (hours: number) => new Date(day.getTime() + hours * 3_600_000);
    const fr = await makeCustomer(prisma, { name: "Seg Fr", language: "fr", planType: "pro", createdAt: on(1) });
    const en = await makeCustomer(prisma, { name: "Seg En", language: "en", planType: "pro", createdAt: on(2) });
    const free = await makeCustomer(prisma, { language: "fr", planType: "free", createdAt: on(3) });
    const gone = await makeCustomer(prisma, { language: "fr", planType: "pro", createdAt: on(4) });
    const later = await makeCustomer(prisma, { language: "fr", planType: "pro", createdAt: on(30) });
    await prisma.emailSuppression.create({
      data: { email: gone.email, customerId: gone.id, reason: "complained", source: "admin" },
    });
    const criteria = {
      plans: ["pro"],
      signedUp: { from: day.toISOString(), to: new Date(day.getTime() + 86_400_000).toISOString() },
    };
    const segment = await prisma.segment.create({ data: { name: `Segment ${process.pid}-${seq}`, criteria } });
    const c = await makeCampaign();
    const send = (body: object) =>
      request(t.app).post(`${API}/campaigns/email_campaigns/${c.id}/send`).set("Authorization", editor.auth).send(body);
    const unknown = await send({ segment_id: 999_999 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: "segment_id" })]);
    const both = await send({ segment_id: segment.id, customer_ids: [fr.id] });
    expect(both.status).toBe(400);
    const sent = await send({ segment_id: segment.id });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: "sending", recipients: 2 });
    await drain(c.id);
    const mails = smtp.messages.filter(toCampaign(c.id));
    expect(mails.map((m) => m.to[0]).sort()).toEqual([fr.email, en.email].sort());
    expect(mails.find((m) => m.to[0] === en.email)!.subject).toBe("Hello Seg En");
    expect(mails.every((m) => /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m.test(m.raw))).toBe(true);
    for (const left of [free, gone, later]) expect(mails.some((m) => m.to[0] === left.email)).toBe(false);
    const after = await prisma.emailCampaign.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.segmentCriteria).toEqual(criteria);
  });

  it("refuses segment criteria that are not a segment's, naming the path", async () => {
    const c = await makeCampaign();
    const res = await request(t.app)
      .patch(`${API}/campaigns/email_campaigns/${c.id}`)
      .set("Authorization", editor.auth)
      .send({ segmentCriteria: { plans: ["platinum"] } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toMatch(/^segmentCriteria\.plans/);
    expect((await prisma.emailCampaign.findUniqueOrThrow({ where: { id: c.id } })).segmentCriteria).toBeNull();
  });

  it("stops when cancelled mid-send: nothing more goes out", async () => {
    const customers = await Promise.all([1, 2, 3, 4, 5].map(() => makeCustomer(prisma)));
    const c = await makeCampaign();
    await acting(() =>
      sendCampaign({ prisma, queues: t.deps.queues }, c.id, {
        recipients: { customerIds: customers.map((x) => x.id) },
      }),
    );
    const first = await runCampaignBatch(batchDeps(), c.id, { chain: false, size: 2 });
    expect(first.sent).toBe(2);
    const cancelled = await acting(() => cancelCampaign({ prisma, queues: t.deps.queues }, c.id));
    expect(cancelled.status).toBe("cancelled");
    const after = await runCampaignBatch(batchDeps(), c.id, { chain: false });
    expect(after).toMatchObject({ sent: 0, stopped: "cancelled" });
    expect(smtp.messages.filter(toCampaign(c.id))).toHaveLength(2);
    const statuses = (await sendsOf(c.id)).map((s) => s.status);
    expect(statuses.filter((s) => s === "sent")).toHaveLength(2);
    expect(statuses.filter((s) => s === "skipped")).toHaveLength(3);
    await expect(acting(() => cancelCampaign({ prisma, queues: t.deps.queues }, c.id))).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("loses nothing and sends nothing twice when the SMTP server is down, then up", async () => {
    // "Down": the port stays held by a server that hangs up on every connection, so that no other test's
    // server can take it meanwhile (a closed port may be handed to the next listener).
    const down = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => down.listen(0, "127.0.0.1", resolve));
    const port = (down.address() as net.AddressInfo).port;
    const customers = await Promise.all([1, 2, 3].map(() => makeCustomer(prisma)));
    const c = await makeCampaign();
    await acting(() =>
      sendCampaign({ prisma, queues: t.deps.queues }, c.id, {
        recipients: { customerIds: customers.map((x) => x.id) },
      }),
    );
    const deps = batchDeps(`smtp://127.0.0.1:${port}`);
    const failed = await runCampaignBatch(deps, c.id, { chain: false, retryBaseMs: 0 });
    expect(failed.sent).toBe(0);
    expect((await sendsOf(c.id)).every((s) => s.status === "pending" && s.attempts === 0 && s.errorMessage)).toBe(true);

    await new Promise<void>((resolve, reject) => down.close((err) => (err ? reject(err) : resolve())));
    const up = await startSmtp(port);
    try {
      await drain(c.id, deps);
      expect(up.messages.map((m) => m.to[0]).sort()).toEqual(customers.map((x) => x.email).sort());
      await runCampaignBatch(deps, c.id, { chain: false, retryBaseMs: 0 });
      expect(up.messages).toHaveLength(3);
      expect((await sendsOf(c.id)).map((s) => s.status)).toEqual(["sent", "sent", "sent"]);
    } finally {
      closeCampaignTransports();
      await up.close();
    }
  });

  it("sends the winning subject to the rest after the test, and no one gets both", async () => {
    const customers = await Promise.all(Array.from({ length: 60 }, () => makeCustomer(prisma, { language: "fr" })));
    const c = await makeCampaign({
      subject: "Sujet A",
      subjectB: "Sujet B",
      abSamplePercent: 50,
      abWaitMinutes: 60,
      abMetric: "opens",
    });
    await acting(() =>
      sendCampaign({ prisma, queues: t.deps.queues }, c.id, {
        recipients: { customerIds: customers.map((x) => x.id) },
      }),
    );
    const sample = await runCampaignBatch(batchDeps(), c.id, { chain: false });
    expect(sample.sent).toBe(30);
    const sends = await sendsOf(c.id);
    expect(sends.filter((s) => s.variant === "a")).toHaveLength(15);
    expect(sends.filter((s) => s.variant === "b")).toHaveLength(15);
    // Before the wait is over nothing more leaves.
    expect((await runCampaignBatch(batchDeps(), c.id, { chain: false })).sent).toBe(0);
    // B opened by 12 of 15, A by 2 of 15: significant.
    const opened = [
      ...sends.filter((s) => s.variant === "b").slice(0, 12),
      ...sends.filter((s) => s.variant === "a").slice(0, 2),
    ];
    for (const s of opened) {
      const res = await request(t.app).get(`/t/o/${signToken(key(), { kind: "open", sendId: s.id })}`);
      expect(res.status).toBe(200);
    }
    await prisma.emailCampaign.update({ where: { id: c.id }, data: { abDecideAt: new Date(Date.now() - 1000) } });
    await drain(c.id);
    const after = await prisma.emailCampaign.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ abWinner: "b", status: "sent" });
    const mails = smtp.messages.filter(toCampaign(c.id));
    expect(mails).toHaveLength(60);
    expect(new Set(mails.map((m) => m.to[0])).size).toBe(60);
    expect(mails.filter((m) => m.subject === "Sujet B")).toHaveLength(45);
    expect(mails.filter((m) => m.subject === "Sujet A")).toHaveLength(15);
    const stats = await request(t.app)
      .get(`${API}/campaigns/email_campaigns/${c.id}/stats`)
      .set("Authorization", viewer.auth);
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ recipients: 60, sent: 60, uniqueOpens: 14, progress: 1, abWinner: "b" });
    expect(stats.body.variants).toEqual([
      { variant: "a", sent: 15, uniqueOpens: 2, uniqueClicks: 0 },
      { variant: "b", sent: 45, uniqueOpens: 12, uniqueClicks: 0 },
    ]);
  });
});

describe("tracking and consent", () => {
  it("records opens and clicks of the right recipient, refuses tampered tokens and never redirects elsewhere", async () => {
    const [a, b] = await Promise.all([makeCustomer(prisma), makeCustomer(prisma)]);
    const c = await makeCampaign();
    await acting(() =>
      sendCampaign({ prisma, queues: t.deps.queues }, c.id, { recipients: { customerIds: [a.id, b.id] } }),
    );
    await drain(c.id);
    const [sa, sb] = await sendsOf(c.id);
    const mailA = smtp.messages.find((m) => m.to[0] === sa!.email && toCampaign(c.id)(m))!;
    const click = /http:\/\/portal\.test(\/t\/c\/[^"]+)"/.exec(mailBodies(mailA).html)![1]!;
    const res = await request(t.app).get(click);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`https://locod.ai/offre?c=${seq}`);
    await request(t.app).get(click);
    const openA = signToken(key(), { kind: "open", sendId: sa!.id });
    expect((await request(t.app).get(`/t/o/${openA}`)).headers["content-type"]).toBe("image/gif");

    const rows = await sendsOf(c.id);
    expect(rows[0]).toMatchObject({ status: "clicked" });
    expect(rows[0]!.clickedAt).not.toBeNull();
    expect(rows[1]).toMatchObject({ status: "sent", openedAt: null, clickedAt: null });

    // Tampered: another send id under the same signature, a link the campaign does not have, junk.
    const forged = click.replace(`c.${sa!.id.toString(36)}.`, `c.${sb!.id.toString(36)}.`);
    expect((await request(t.app).get(forged)).status).toBe(404);
    const beyond = signToken(key(), { kind: "click", sendId: sa!.id, link: 7 });
    expect((await request(t.app).get(`/t/c/${beyond}`)).status).toBe(404);
    expect((await request(t.app).get(`/t/o/${openA.slice(0, -2)}xx`)).status).toBe(404);
    expect((await request(t.app).get(`/t/c/https%3A%2F%2Fevil.example`)).status).toBe(404);
    expect((await sendsOf(c.id))[1]).toMatchObject({ openedAt: null, clickedAt: null });

    const stats = await request(t.app)
      .get(`${API}/campaigns/email_campaigns/${c.id}/stats`)
      .set("Authorization", viewer.auth);
    expect(stats.body.links[0]).toEqual({ url: `https://locod.ai/offre?c=${seq}`, uniqueClicks: 1, totalClicks: 2 });
    expect(stats.body).toMatchObject({ uniqueOpens: 1, uniqueClicks: 1 });
  });

  it("one-click unsubscribe removes the customer from the next campaign", async () => {
    const [a, b] = await Promise.all([makeCustomer(prisma, { language: "en" }), makeCustomer(prisma)]);
    const c1 = await makeCampaign();
    await acting(() =>
      sendCampaign({ prisma, queues: t.deps.queues }, c1.id, { recipients: { customerIds: [a.id, b.id] } }),
    );
    await drain(c1.id);
    const mailA = smtp.messages.find((m) => m.to[0] === a.email && toCampaign(c1.id)(m))!;
    const path = /^List-Unsubscribe: <http:\/\/portal\.test([^>]+)>/m.exec(mailA.raw)![1]!;
    // The page (GET) unsubscribes nothing and speaks the customer's language.
    const pageRes = await request(t.app).get(path);
    expect(pageRes.status).toBe(200);
    expect(pageRes.text).toContain('lang="en"');
    expect(await prisma.emailSuppression.count({ where: { email: a.email } })).toBe(0);
    // RFC 8058: the mail client's POST.
    const post = await request(t.app).post(path).type("form").send("List-Unsubscribe=One-Click");
    expect(post.status).toBe(200);
    const consent = await prisma.emailSuppression.findUniqueOrThrow({ where: { email: a.email } });
    expect(consent).toMatchObject({
      customerId: a.id,
      reason: "unsubscribed",
      source: "list_unsubscribe_post",
      campaignId: c1.id,
    });
    expect(consent.createdAt).toBeInstanceOf(Date);
    expect((await request(t.app).post(path).type("form").send("other=1")).status).toBe(400);

    const c2 = await makeCampaign();
    const out = await acting(() =>
      sendCampaign({ prisma, queues: t.deps.queues }, c2.id, { recipients: { customerIds: [a.id, b.id] } }),
    );
    expect(out.recipients).toBe(1);
    expect((await sendsOf(c2.id)).map((s) => s.email)).toEqual([b.email]);
  });

  it("applies a signed bounce once, refuses a bad signature", async () => {
    const a = await makeCustomer(prisma);
    const c = await makeCampaign();
    await acting(() => sendCampaign({ prisma, queues: t.deps.queues }, c.id, { recipients: { customerIds: [a.id] } }));
    await drain(c.id);
    const [s] = await sendsOf(c.id);
    const body = JSON.stringify({ event_id: `bounce-${s!.id}`, type: "bounced", email: a.email, send_id: s!.id });
    const sign = () => signEmailWebhook(WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000));
    const post = (signature: string) =>
      request(t.app)
        .post("/webhooks/email")
        .set("Content-Type", "application/json")
        .set("X-Locod-Signature", signature)
        .send(body);
    expect((await post("t=1,v1=00")).status).toBe(401);
    const first = await post(sign());
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ applied: true });
    expect((await post(sign())).body).toEqual({ applied: false });
    expect((await sendsOf(c.id))[0]).toMatchObject({ status: "bounced" });
    expect(await prisma.emailSuppression.findUnique({ where: { email: a.email } })).toMatchObject({
      reason: "bounced",
      source: "webhook",
    });
    expect(await prisma.emailEvent.count({ where: { eventId: `bounce-${s!.id}` } })).toBe(1);
  });
});

describe("campaigns over REST", () => {
  it("checks content at save time, naming the field", async () => {
    const res = await request(t.app)
      .post(`${API}/campaigns/email_campaigns`)
      .set("Authorization", editor.auth)
      .send({ name: "Bad", subject: "Hi {{ customer.age }}", contentHtml: "<p>{{ customer.name }}</p>" });
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toMatch(/problem\+json/);
    expect(res.body.errors).toEqual([
      { field: "subject", message: expect.stringMatching(/undefined variable: customer.age/) },
    ]);
    expect(await prisma.emailCampaign.count({ where: { name: "Bad" } })).toBe(0);
    const ok = await request(t.app).post(`${API}/campaigns/email_campaigns`).set("Authorization", editor.auth).send({
      name: "Good",
      subject: "Hi {{ customer.name }}",
      contentHtml:
        "<mjml><mj-body><mj-section><mj-column><mj-text>{{ customer.plan }}</mj-text></mj-column></mj-section></mj-body></mjml>",
    });
    expect(ok.status).toBe(201);
    // Once sending, the content no longer changes.
    await acting(() =>
      sendCampaign({ prisma, queues: t.deps.queues }, ok.body.id, { recipients: { customerIds: [] } }),
    );
    const edit = await request(t.app)
      .patch(`${API}/campaigns/email_campaigns/${ok.body.id}`)
      .set("Authorization", editor.auth)
      .send({ subject: "Changed" });
    expect(edit.status).toBe(409);
  });

  it("sends, pauses, resumes and cancels once each; refuses a viewer", async () => {
    const a = await makeCustomer(prisma);
    const c = await makeCampaign();
    const post = (move: string, who = editor, body: object = {}) =>
      request(t.app).post(`${API}/campaigns/email_campaigns/${c.id}/${move}`).set("Authorization", who.auth).send(body);
    expect((await post("send", viewer, { customer_ids: [a.id] })).status).toBe(403);
    const sent = await post("send", editor, { customer_ids: [a.id] });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: "sending", recipients: 1 });
    expect((await post("send", editor, { customer_ids: [a.id] })).status).toBe(409);
    expect((await post("pause")).body).toMatchObject({ status: "paused" });
    expect((await post("pause")).status).toBe(409);
    expect((await post("resume")).body).toMatchObject({ status: "sending" });
    expect((await post("cancel")).body).toMatchObject({ status: "cancelled" });
    expect((await post("resume")).status).toBe(409);
    const audit = await prisma.adminActivityLog.findMany({
      where: { resourceType: "email_campaigns", resourceId: c.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((x) => x.action)).toEqual([
      "campaigns.send",
      "campaigns.pause",
      "campaigns.resume",
      "campaigns.cancel",
    ]);
  });

  it("previews per language and sends a test to the admin", async () => {
    const c = await makeCampaign();
    const fr = await request(t.app)
      .get(`${API}/campaigns/email_campaigns/${c.id}/preview?language=fr`)
      .set("Authorization", viewer.auth);
    expect(fr.status).toBe(200);
    expect(fr.body).toMatchObject({ subject: "Bonjour Camille Martin", language: "fr" });
    const en = await request(t.app)
      .get(`${API}/campaigns/email_campaigns/${c.id}/preview?language=en`)
      .set("Authorization", viewer.auth);
    expect(en.body.html).toContain(`Offer ${markers.get(c.id)} for pro`);
    const test = await request(t.app)
      .post(`${API}/campaigns/email_campaigns/${c.id}/test-send`)
      .set("Authorization", editor.auth)
      .send({ language: "en" });
    expect(test.status).toBe(200);
    const mail = await smtp.waitFor((m) => m.to[0] === editor.admin.email && m.subject.startsWith("[TEST]"));
    expect(mail.subject).toBe(`[TEST] Hello ${editor.admin.name}`);
  });
});
