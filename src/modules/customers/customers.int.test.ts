// Customers as a CRM end to end over REST: the 360 timeline of a fixture built across modules lists
// every event in order; notes keep their history, tasks race to one winner, a direct e-mail reaches
// the SMTP server and the timeline; the export needs customers.export.
import request from "supertest";
import type { PrismaClient } from "@prisma/client";
import { makeAdmin, makeCustomer } from "../../../test/factories/index.js";
import { API, makeApiLogin, type ApiLogin } from "../../../test/factories/api.js";
import { makeTestApp, type TestApp } from "../../../test/helpers/app.js";
import { startSmtp, type TestSmtp } from "../../../test/helpers/smtp.js";
import { startWorkers, type Workers } from "../../queues/registry.js";

let smtp: TestSmtp;
let t: TestApp;
let prisma: PrismaClient;
let workers: Workers;
let editor: ApiLogin;
let viewer: ApiLogin;

beforeAll(async () => {
  smtp = await startSmtp();
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
  await smtp.close();
});

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 10, 0, 0));

describe("customer 360 timeline", () => {
  it("lists every event of a fixture built across modules, newest first, none missing", async () => {
    const customer = await makeCustomer(prisma, { createdAt: day(0), planType: "pro" });
    const plan = await prisma.billingPlan.create({
      data: { name: `Pro ${customer.id}`, priceMonthly: "49.00", priceYearly: "490.00" },
    });
    const sub = await prisma.customerSubscription.create({
      data: { customerId: customer.id, planId: plan.id, startedAt: day(1), createdAt: day(1) },
    });
    await prisma.subscriptionHistory.create({
      data: {
        subscriptionId: sub.id,
        customerId: customer.id,
        planId: plan.id,
        status: "active",
        billingInterval: "monthly",
        mrr: "49.00",
        validFrom: day(1),
        reason: "created",
      },
    });
    const site = await prisma.site.create({
      data: {
        customerId: customer.id,
        name: "Shop",
        domain: `shop${customer.id}.test`,
        status: "active",
        createdAt: day(2),
      },
    });
    const ai = await prisma.aiRequest.create({
      data: {
        customerId: customer.id,
        siteId: site.id,
        requestType: "full_site",
        businessType: "bakery",
        requestData: {},
        createdAt: day(3),
      },
    });
    const invoice = await prisma.invoice.create({
      data: {
        customerId: customer.id,
        invoiceNumber: `T-${customer.id}`,
        amount: "49.00",
        totalAmount: "49.00",
        status: "paid",
        issuedAt: day(4),
        paidAt: day(5),
        amountRefunded: "10.00",
      },
    });
    const refund = await prisma.refund.create({
      data: { invoiceId: invoice.id, amount: "10.00", reason: "goodwill", status: "succeeded", createdAt: day(6) },
    });
    const monitor = await prisma.monitor.create({
      data: { siteId: site.id, type: "http", target: `https://shop${customer.id}.test/` },
    });
    const incident = await prisma.incident.create({
      data: { siteId: site.id, monitorId: monitor.id, cause: "HTTP 503", openedAt: day(7), resolvedAt: day(8) },
    });
    const campaign = await prisma.emailCampaign.create({
      data: { name: `Spring ${customer.id}`, subject: "Spring", contentHtml: "<p>Hi</p>" },
    });
    const send = await prisma.emailSend.create({
      data: {
        campaignId: campaign.id,
        customerId: customer.id,
        email: customer.email,
        status: "clicked",
        sentAt: day(9),
        openedAt: day(10),
        clickedAt: day(11),
      },
    });
    const note = await prisma.customerNote.create({
      data: { customerId: customer.id, body: "Called", createdAt: day(12) },
    });
    const task = await prisma.customerTask.create({
      data: { customerId: customer.id, title: "Follow up", createdAt: day(13), done: true, doneAt: day(14) },
    });
    const ticket = await prisma.supportTicket.create({
      data: {
        customerId: customer.id,
        subject: "Contact form",
        requesterEmail: customer.email,
        status: "resolved",
        createdAt: day(15),
        resolvedAt: day(16),
      },
    });

    const res = await request(t.app)
      .get(`${API}/customers/customers/${customer.id}/timeline?limit=200`)
      .set("Authorization", viewer.auth);
    expect(res.status).toBe(200);
    const expected = [
      ["support", "ticket_resolved", ticket.id, day(16)],
      ["support", "ticket_opened", ticket.id, day(15)],
      ["customers", "task_done", task.id, day(14)],
      ["customers", "task_created", task.id, day(13)],
      ["customers", "note", note.id, day(12)],
      ["campaigns", "email_clicked", send.id, day(11)],
      ["campaigns", "email_opened", send.id, day(10)],
      ["campaigns", "email_sent", send.id, day(9)],
      ["monitoring", "incident_resolved", incident.id, day(8)],
      ["monitoring", "incident_opened", incident.id, day(7)],
      ["billing", "refund", refund.id, day(6)],
      ["billing", "invoice_paid", invoice.id, day(5)],
      ["billing", "invoice_issued", invoice.id, day(4)],
      ["ai-queue", "ai_request", ai.id, day(3)],
      ["sites", "site_created", site.id, day(2)],
      ["billing", "subscription_changed", sub.id, day(1)],
      ["customers", "signup", customer.id, day(0)],
    ];
    const got = (res.body.events as { module: string; kind: string; record: { id: number }; at: string }[]).map((e) => [
      e.module,
      e.kind,
      e.record.id,
      e.at,
    ]);
    expect(got).toEqual(expected.map(([m, k, id, at]) => [m, k, id, (at as Date).toISOString()]));

    // Pages back from an event: strictly older ones only.
    const page = await request(t.app)
      .get(
        `${API}/customers/customers/${customer.id}/timeline?limit=2&before=${encodeURIComponent(day(5).toISOString())}`,
      )
      .set("Authorization", viewer.auth);
    expect(page.body.events.map((e: { kind: string }) => e.kind)).toEqual(["invoice_issued", "ai_request"]);
  });
});

describe("customer 360 view and list", () => {
  it("sums the billing summary and scores health by the rule", async () => {
    const customer = await makeCustomer(prisma);
    await prisma.site.create({ data: { customerId: customer.id, name: "Live", status: "active" } });
    await prisma.invoice.create({
      data: {
        customerId: customer.id,
        invoiceNumber: `P-${customer.id}`,
        amount: "100.00",
        totalAmount: "120.00",
        status: "paid",
        paidAt: new Date(),
      },
    });
    await prisma.invoice.create({
      data: {
        customerId: customer.id,
        invoiceNumber: `O-${customer.id}`,
        amount: "50.00",
        totalAmount: "60.00",
        status: "pending",
        dueAt: new Date(Date.now() - 86_400_000),
      },
    });
    const res = await request(t.app)
      .get(`${API}/customers/customers/${customer.id}/360`)
      .set("Authorization", viewer.auth);
    expect(res.status).toBe(200);
    expect(res.body.billing).toEqual({ mrr: "0.00", lifetimeValue: "120.00", overdue: { count: 1, amount: "60.00" } });
    // usage 15 (a live site, no AI request) + payments 10 (one overdue) + tickets 20 + uptime 20 (never checked)
    expect(res.body.facts.health).toMatchObject({ score: 65, grade: "at_risk" });
    expect(res.body.sites).toEqual([expect.objectContaining({ name: "Live", status: "active", openIncidents: 0 })]);

    const list = await request(t.app).get(`${API}/customers/overview?limit=200`).set("Authorization", viewer.auth);
    expect(list.status).toBe(200);
    expect(list.body.rows.find((r: { id: number }) => r.id === customer.id)).toMatchObject({
      sites: 1,
      openTickets: 0,
      mrr: "0.00",
    });
  });

  it("exports the selection as CSV for customers.export, audited; a restricted admin gets 403", async () => {
    const a = await makeCustomer(prisma, { name: "=HYPERLINK(1)" });
    const b = await makeCustomer(prisma);
    const res = await request(t.app)
      .post(`${API}/customers/export`)
      .set("Authorization", viewer.auth)
      .send({ ids: [b.id, a.id] });
    expect(res.status).toBe(200);
    const lines = res.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "id,name,email,plan,status,mrr,sites,open_tickets,last_activity_at,health,health_grade,created_at",
    );
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual([String(b.id), String(a.id)]);
    expect(lines[2]).toContain("'=HYPERLINK(1)");
    expect(
      await prisma.adminActivityLog.count({ where: { action: "customers.export", adminId: viewer.admin.id } }),
    ).toBe(1);

    const restricted = await makeApiLogin(t.app, prisma, { role: "admin", permissions: ["customers.view"] });
    const refused = await request(t.app)
      .post(`${API}/customers/export`)
      .set("Authorization", restricted.auth)
      .send({ ids: [a.id] });
    expect(refused.status).toBe(403);
    const bad = await request(t.app)
      .post(`${API}/customers/export`)
      .set("Authorization", viewer.auth)
      .send({ ids: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe("ids");
  });
});

describe("customer notes and tasks", () => {
  it("records mentions, keeps each edit's previous text, and refuses a stale edit", async () => {
    const customer = await makeCustomer(prisma);
    const mentioned = await makeAdmin(prisma, { role: "editor" });
    const created = await request(t.app)
      .post(`${API}/customers/customers/${customer.id}/notes`)
      .set("Authorization", editor.auth)
      .send({ body: `Renewal talk, cc @${mentioned.email}` });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ mentions: [mentioned.id], author: { id: editor.admin.id } });

    const edited = await request(t.app)
      .patch(`${API}/customers/customer_notes/${created.body.id}/edit`)
      .set("Authorization", editor.auth)
      .send({ body: "Renewal agreed", expectedUpdatedAt: null });
    expect(edited.status).toBe(200);
    expect(edited.body.revisions).toEqual([expect.objectContaining({ body: `Renewal talk, cc @${mentioned.email}` })]);
    expect(edited.body.mentions).toEqual([]);

    const stale = await request(t.app)
      .patch(`${API}/customers/customer_notes/${created.body.id}/edit`)
      .set("Authorization", editor.auth)
      .send({ body: "Other text", expectedUpdatedAt: null });
    expect(stale.status).toBe(409);
    const unknown = await request(t.app)
      .post(`${API}/customers/customers/${customer.id}/notes`)
      .set("Authorization", editor.auth)
      .send({ body: "cc @nobody@nowhere.test" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe("body");
    expect(await prisma.customerNote.count({ where: { customerId: customer.id } })).toBe(1);
    expect(
      await prisma.adminActivityLog.count({ where: { resourceType: "customer_notes", resourceId: created.body.id } }),
    ).toBe(2);

    const viewerTry = await request(t.app)
      .post(`${API}/customers/customers/${customer.id}/notes`)
      .set("Authorization", viewer.auth)
      .send({ body: "x" });
    expect(viewerTry.status).toBe(403);
  });

  it("lets one of two admins marking a task done win; the other gets 409", async () => {
    const customer = await makeCustomer(prisma);
    const task = await request(t.app)
      .post(`${API}/customers/customers/${customer.id}/tasks`)
      .set("Authorization", editor.auth)
      .send({ title: "Call back", dueAt: "2026-12-10T09:00:00Z" });
    expect(task.status).toBe(201);
    expect(task.body.owner.id).toBe(editor.admin.id);
    const [first, second] = await Promise.all([
      request(t.app).post(`${API}/customers/customer_tasks/${task.body.id}/done`).set("Authorization", editor.auth),
      request(t.app).post(`${API}/customers/customer_tasks/${task.body.id}/done`).set("Authorization", editor.auth),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
  });
});

describe("direct e-mail", () => {
  it("sends the template in the customer's language through the outbox and logs it on the timeline", async () => {
    const customer = await makeCustomer(prisma, { language: "en", name: "Corner Bakery" });
    const template = await prisma.customerEmailTemplate.create({
      data: {
        name: `Check-in ${customer.id}`,
        subjectFr: "Bonjour {{ customer.name }}",
        bodyFr: "Bonjour",
        subjectEn: "Hello {{ customer.name }}",
        bodyEn: "Your plan is {{ customer.plan }}.\n{{ admin.name }}",
      },
    });
    const res = await request(t.app)
      .post(`${API}/customers/customers/${customer.id}/emails`)
      .set("Authorization", editor.auth)
      .send({ templateId: template.id });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ subject: "Hello Corner Bakery", language: "en", toAddress: customer.email });
    const mail = await smtp.waitFor((m) => m.to.includes(customer.email));
    expect(mail.subject).toBe("Hello Corner Bakery");
    expect(mail.text).toContain(`Your plan is free.\n${editor.admin.name}`);
    const timeline = await request(t.app)
      .get(`${API}/customers/customers/${customer.id}/timeline`)
      .set("Authorization", viewer.auth);
    expect(timeline.body.events[0]).toMatchObject({
      module: "customers",
      kind: "direct_email",
      label: "Hello Corner Bakery",
    });

    const bad = await prisma.customerEmailTemplate.create({
      data: {
        name: `Bad ${customer.id}`,
        subjectFr: "x",
        bodyFr: "{{ secret }}",
        subjectEn: "x",
        bodyEn: "{{ secret }}",
      },
    });
    const refused = await request(t.app)
      .post(`${API}/customers/customers/${customer.id}/emails`)
      .set("Authorization", editor.auth)
      .send({ templateId: bad.id });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe("templateId");
  });
});
