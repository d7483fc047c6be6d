// Payment reminders end to end: REST and the admin action record the reminder and the mail worker sends
// it through a real SMTP server, in the customer's language, with the invoice's number, amount and due
// date; one per invoice per 24 hours; only for an overdue invoice; only with billing.create_invoice.
// Also the overdue invoices list.
import request, { type Response } from "supertest";
import type { Job } from "bullmq";
import type { PrismaClient } from "@prisma/client";
import { makeAdmin, makeCustomer } from "../factories/index.js";
import { API, makeApiLogin, type ApiLogin } from "../factories/api.js";
import { actingAs, makeIssuedInvoice } from "../factories/billing.js";
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { MODULE_ROUTES, USERS, expectedAllowed } from "../helpers/access-matrix.js";
import { mailBodies, startSmtp, type TestSmtp } from "../helpers/smtp.js";
import { until } from "../helpers/wait.js";
import { startWorkers, type Workers } from "../../src/queues/registry.js";
import { sendEmailLog } from "../../src/lib/email/outbox.js";
import {
  REMINDER_ACTION,
  REMINDER_TEMPLATE,
  renderReminderEmail,
  sendInvoiceReminder,
} from "../../src/modules/billing/dunning.js";

let smtp: TestSmtp;
let t: TestApp;
let prisma: PrismaClient;
let workers: Workers;
let editor: ApiLogin;
let viewer: ApiLogin;

const IBAN = "FR76 3000 6000 0112 3456 7890 189";
/** Issued mid-September, due mid-October 2026: overdue whenever these tests run. */
const ISSUED = new Date("2026-09-15T09:00:00.000Z");
const DUE = new Date("2026-10-15T00:00:00.000Z");

beforeAll(async () => {
  smtp = await startSmtp();
  t = await makeTestApp({ SMTP_URL: smtp.url });
  prisma = t.deps.prisma;
  const { config, log } = t.deps;
  workers = startWorkers({ prisma, log, config, queues: t.deps.queues });
  editor = await makeApiLogin(t.app, prisma, { role: "editor" });
  viewer = await makeApiLogin(t.app, prisma, { role: "viewer" });
  await prisma.setting.create({
    data: {
      key: "billing.seller",
      value: {
        name: "Locod-AI SAS",
        address: ["10 rue de la Paix", "75002 Paris"],
        siret: "123 456 789 00012",
        vatNumber: "FR12123456789",
        email: "facturation@locod-ai.test",
        iban: IBAN,
        legalMentions: "Pénalités de retard : trois fois le taux d'intérêt légal.",
      },
    },
  });
});

afterAll(async () => {
  await workers.close();
  await t.deps.queues.byName.mail.obliterate({ force: true });
  await t.close();
  await smtp.close();
});

/** An overdue invoice (unless told otherwise) of a new customer. */
async function overdueInvoice(
  customer: { name?: string; language?: "fr" | "en" },
  invoice: Parameters<typeof makeIssuedInvoice>[1] = {},
) {
  const owner = await makeCustomer(prisma, customer);
  const row = await makeIssuedInvoice(prisma, {
    customerId: owner.id,
    issuedAt: ISSUED,
    dueAt: DUE,
    lines: [{ description: "Abonnement Pro", unitPrice: "49.00" }],
    ...invoice,
  });
  return { customer: owner, invoice: row };
}

const remind = (login: ApiLogin, id: number | string) =>
  request(t.app).post(`${API}/billing/invoices/${id}/reminders`).set("Authorization", login.auth);

function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
}

const reminders = (invoiceId: number) =>
  prisma.adminActivityLog.findMany({
    where: { resourceType: "invoices", resourceId: invoiceId, action: REMINDER_ACTION },
    orderBy: { id: "asc" },
  });
/** The reminder e-mails recorded for an invoice: the 24-hour rule counts from the newest. */
const reminderEmails = (invoiceId: number) =>
  prisma.emailLog.findMany({ where: { invoiceId, template: REMINDER_TEMPLATE }, orderBy: { id: "asc" } });
const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));

describe("payment reminder e-mails", () => {
  it("e-mails a French customer the invoice's number, amount, due date and how to pay, in French", async () => {
    const { customer, invoice } = await overdueInvoice({ name: "Boulangerie Dupont", language: "fr" });
    const res = await remind(editor, invoice.id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      invoiceId: invoice.id,
      invoiceNumber: invoice.invoiceNumber,
      to: customer.email,
      language: "fr",
    });
    expect(Date.parse(res.body.nextReminderAt) - Date.parse(res.body.sentAt)).toBe(24 * 3_600_000);

    const mail = await smtp.waitFor((m) => m.to.includes(customer.email));
    expect(mail.subject).toBe(`Locod-AI – Rappel : facture ${invoice.invoiceNumber} en attente de paiement`);
    const { text, html } = mailBodies(mail);
    // 49.00 + 20 % VAT (9.80) = 58.80
    expect(text).toContain("Bonjour Boulangerie Dupont,");
    expect(text).toContain(
      `la facture ${invoice.invoiceNumber} du 15 septembre 2026, d'un montant de 58,80\u00a0€ TTC, arrivée à échéance le 15 octobre 2026, n'est pas encore réglée.`,
    );
    expect(text).toContain("- Montant dû : 58,80\u00a0€ TTC");
    expect(text).toMatch(/- Échéance : 15 octobre 2026 \(\d+ jours de retard\)/);
    expect(text).toContain(
      `- par virement sur le compte ${IBAN} (Locod-AI SAS), en indiquant la référence ${invoice.invoiceNumber} ;`,
    );
    expect(text).toContain("facturation@locod-ai.test");
    expect(text).toContain("Pénalités de retard");
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("58,80\u00a0€ TTC");

    const row = await until(
      () => prisma.emailLog.findUniqueOrThrow({ where: { id: res.body.emailLogId } }),
      (r) => r.status === "sent",
    );
    expect(row).toMatchObject({
      template: REMINDER_TEMPLATE,
      language: "fr",
      toAddress: customer.email,
      customerId: customer.id,
      aiRequestId: null,
      invoiceId: invoice.id,
      subject: mail.subject,
      attempts: 1,
    });
    const [audit, ...more] = await reminders(invoice.id);
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      adminId: editor.admin.id,
      newValues: { emailLogId: row.id, template: REMINDER_TEMPLATE, toAddress: customer.email, language: "fr" },
    });
  });

  it("e-mails an English customer in English, with a failed payment said and every value escaped in HTML", async () => {
    // 1028.80 + 20 % VAT (205.76) = 1234.56
    const { customer, invoice } = await overdueInvoice(
      { name: "Smith & Sons <Ltd>", language: "en" },
      { status: "failed", lines: [{ description: "Enterprise", unitPrice: "1028.80" }] },
    );
    const res = await remind(editor, invoice.id);
    expect(res.status).toBe(201);
    const mail = await smtp.waitFor((m) => m.to.includes(customer.email));
    expect(mail.subject).toBe(`Locod-AI – Reminder: invoice ${invoice.invoiceNumber} is awaiting payment`);
    const { text, html } = mailBodies(mail);
    expect(text).toContain("Hello Smith & Sons <Ltd>,");
    expect(text).toContain(
      `invoice ${invoice.invoiceNumber} of 15 September 2026, for €1,234.56 including VAT, which was due on 15 October 2026, has not been paid yet.`,
    );
    expect(text).toContain("The last attempt to collect this payment was declined by your bank.");
    expect(text).toContain("- Amount due: €1,234.56 incl. VAT");
    expect(text).toMatch(/- Due date: 15 October 2026 \(\d+ days overdue\)/);
    expect(text).toContain(
      `- by bank transfer to ${IBAN} (Locod-AI SAS), quoting the reference ${invoice.invoiceNumber};`,
    );
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Hello Smith &amp; Sons &lt;Ltd&gt;,");
    expect(html).not.toContain("<Ltd>");
  });

  it("refuses a second reminder within 24 hours with a 409 saying when the next is allowed", async () => {
    const { customer, invoice } = await overdueInvoice({ language: "fr" });
    const first = await remind(editor, invoice.id);
    expect(first.status).toBe(201);
    const second = await remind(editor, invoice.id);
    expectProblem(second, 409);
    const [reminder] = await reminderEmails(invoice.id);
    const next = new Date(reminder!.createdAt.getTime() + 24 * 3_600_000).toISOString();
    expect(second.body.detail).toBe(
      `Invoice ${invoice.invoiceNumber} was reminded less than 24 hours ago: the next reminder is allowed from ${next}`,
    );
    const retryAfter = Number(second.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(24 * 3600 - 60);
    expect(retryAfter).toBeLessThanOrEqual(24 * 3600);
    expect(await prisma.emailLog.count({ where: { customerId: customer.id } })).toBe(1);
    expect(await reminders(invoice.id)).toHaveLength(1);

    // A day later, another reminder may go.
    const { id, email, name } = editor.admin;
    const later = await actingAs({ id, email, name, role: "editor" }, () =>
      sendInvoiceReminder(t.deps, invoice.id, new Date(Date.now() + 25 * 3_600_000)),
    );
    expect(later.invoiceNumber).toBe(invoice.invoiceNumber);
    await until(
      async () => mailsTo(customer.email).length,
      (n) => n === 2,
    );
  });

  it("lets one of two simultaneous reminders through and refuses the other", async () => {
    const { customer, invoice } = await overdueInvoice({ language: "en" });
    const answers = await Promise.all([remind(editor, invoice.id), remind(editor, invoice.id)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await prisma.emailLog.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("refuses a viewer (403) and an editor without billing rights, and writes nothing", async () => {
    const { customer, invoice } = await overdueInvoice({ language: "fr" });
    expectProblem(await remind(viewer, invoice.id), 403);
    const restricted = await makeApiLogin(t.app, prisma, { role: "editor", permissions: ["billing.view"] });
    expectProblem(await remind(restricted, invoice.id), 403);
    expect((await request(t.app).post(`${API}/billing/invoices/${invoice.id}/reminders`)).status).toBe(401);
    expect(await prisma.emailLog.count({ where: { customerId: customer.id } })).toBe(0);
    expect(await reminders(invoice.id)).toEqual([]);
  });

  it("refuses a paid, refunded or not yet due invoice (409), and an unknown one (404)", async () => {
    const { customer: paidOwner, invoice: paid } = await overdueInvoice(
      {},
      { status: "paid", paidAt: new Date("2026-10-01T00:00:00Z") },
    );
    const paidAnswer = await remind(editor, paid.id);
    expectProblem(paidAnswer, 409);
    expect(paidAnswer.body.detail).toBe(`Invoice ${paid.invoiceNumber} is paid: only an overdue invoice is reminded`);

    const { invoice: refunded } = await overdueInvoice({}, { status: "refunded" });
    expectProblem(await remind(editor, refunded.id), 409);

    const dueLater = new Date(Date.now() + 5 * 86_400_000);
    const { invoice: notDue } = await overdueInvoice({}, { dueAt: dueLater });
    const notDueAnswer = await remind(editor, notDue.id);
    expectProblem(notDueAnswer, 409);
    expect(notDueAnswer.body.detail).toBe(
      `Invoice ${notDue.invoiceNumber} is not due before ${dueLater.toISOString()}: only an overdue invoice is reminded`,
    );

    for (const id of ["999999", "abc", "0"]) expectProblem(await remind(editor, id), 404);
    expect(await prisma.emailLog.count({ where: { customerId: paidOwner.id } })).toBe(0);
  });

  it("does not send a recorded reminder once its invoice is paid", async () => {
    const { customer, invoice } = await overdueInvoice({ language: "fr" });
    const res = await remind(editor, invoice.id);
    await smtp.waitFor((m) => m.to.includes(customer.email));
    // The worker marks the row sent once SMTP has answered, a moment after the message arrives.
    await until(
      () => prisma.emailLog.findUniqueOrThrow({ where: { id: res.body.emailLogId as number } }),
      (log) => log.status === "sent",
    );
    await prisma.invoice.update({
      where: { id: invoice.id },
      data: { status: "paid", paidAt: new Date(), paymentMethod: "transfer" },
    });
    const row = { id: res.body.emailLogId as number, template: REMINDER_TEMPLATE, language: "fr" as const };
    expect(await renderReminderEmail(prisma, row)).toEqual({
      reason: `not sent: invoice ${invoice.invoiceNumber} is paid now`,
    });
    // The job run again (delivered at least once) sends nothing more.
    const again = await sendEmailLog(t.deps, {
      data: { emailLogId: row.id },
      attemptsMade: 0,
      opts: { attempts: 20 },
    } as unknown as Job);
    expect(again).toEqual({ sent: false, reason: "already sent" });
  });
});

describe("GET /billing/invoices/overdue", () => {
  it("lists pending and failed invoices past due, most overdue first, with their last reminder", async () => {
    // Only this test's invoices are overdue: the earlier ones are settled (a payment field may change).
    await prisma.invoice.updateMany({
      where: { status: { in: ["pending", "failed"] } },
      data: { status: "paid", paidAt: new Date() },
    });
    const older = await overdueInvoice(
      { name: "Ancien" },
      { dueAt: new Date("2026-10-01T00:00:00Z"), lines: [{ unitPrice: "10.00" }] },
    );
    const failed = await overdueInvoice({ name: "Refusé" }, { status: "failed", lines: [{ unitPrice: "20.00" }] });
    await overdueInvoice({}, { status: "paid" });
    await overdueInvoice({}, { dueAt: new Date(Date.now() + 86_400_000) });
    expect((await remind(editor, older.invoice.id)).status).toBe(201);

    const res = await request(t.app).get(`${API}/billing/invoices/overdue`).set("Authorization", viewer.auth);
    expect(res.status).toBe(200);
    // 10.00 + 2.00 VAT = 12.00; 20.00 + 4.00 VAT = 24.00; together 36.00.
    expect(res.body.total).toBe(2);
    expect(res.body.totals).toEqual([{ currency: "EUR", amount: "36.00" }]);
    expect(
      res.body.data.map((r: { invoiceNumber: string; totalAmount: string; status: string }) => [
        r.invoiceNumber,
        r.totalAmount,
        r.status,
      ]),
    ).toEqual([
      [older.invoice.invoiceNumber, "12.00", "pending"],
      [failed.invoice.invoiceNumber, "24.00", "failed"],
    ]);
    const [first, second] = res.body.data;
    const [reminder] = await reminderEmails(older.invoice.id);
    expect(first.lastReminderAt).toBe(reminder!.createdAt.toISOString());
    expect(first.nextReminderAt).toBe(new Date(reminder!.createdAt.getTime() + 24 * 3_600_000).toISOString());
    expect(first.customer).toMatchObject({ id: older.customer.id, name: "Ancien" });
    expect(second).toMatchObject({ lastReminderAt: null, nextReminderAt: null, dueAt: DUE.toISOString() });
    expect(res.body.nextCursor).toBeNull();

    const page1 = await request(t.app).get(`${API}/billing/invoices/overdue?limit=1`).set("Authorization", viewer.auth);
    expect(page1.body.data.map((r: { id: number }) => r.id)).toEqual([older.invoice.id]);
    const page2 = await request(t.app)
      .get(`${API}/billing/invoices/overdue?limit=1&cursor=${page1.body.nextCursor}`)
      .set("Authorization", viewer.auth);
    expect(page2.body.data.map((r: { id: number }) => r.id)).toEqual([failed.invoice.id]);
    expect(page2.body.nextCursor).toBeNull();
  });

  it("answers 400 naming limit or cursor, 403 without billing.view", async () => {
    const bad = await request(t.app).get(`${API}/billing/invoices/overdue?limit=0`).set("Authorization", viewer.auth);
    expectProblem(bad, 400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(["limit"]);
    const cursor = await request(t.app)
      .get(`${API}/billing/invoices/overdue?cursor=zzz`)
      .set("Authorization", viewer.auth);
    expectProblem(cursor, 400);
    expect(cursor.body.errors.map((e: { field: string }) => e.field)).toEqual(["cursor"]);
    const outsider = await makeApiLogin(t.app, prisma, { role: "editor", permissions: ["customers.view"] });
    expectProblem(await request(t.app).get(`${API}/billing/invoices/overdue`).set("Authorization", outsider.auth), 403);
  });
});

describe("the invoices' Send reminder action", () => {
  it("sends a reminder from the admin with a success notice, and refuses a paid invoice with an error notice", async () => {
    const user = await makeAdmin(prisma, { role: "editor" });
    const agent = await loginAgent(t.app, user.email, user.password);
    const { customer, invoice } = await overdueInvoice({ language: "en" });
    const path = `/admin/api/resources/invoices/records/${invoice.id}/sendReminder`;
    const page = await agent.get(path);
    expect(page.status).toBe(200);
    expect(await reminders(invoice.id)).toEqual([]);

    const res = await agent.post(path).send({});
    expect(res.status).toBe(200);
    expect(res.body.notice).toEqual({ message: "sendReminderDone", type: "success" });
    expect(res.body.redirectUrl).toBe(`/admin/resources/invoices/records/${invoice.id}/show`);
    await smtp.waitFor((m) => m.to.includes(customer.email));
    expect((await reminders(invoice.id)).map((r) => r.adminId)).toEqual([user.id]);

    const again = await agent.post(path).send({});
    expect(again.body.notice.type).toBe("error");
    expect(again.body.notice.message).toMatch(/reminded less than 24 hours ago/);

    const { invoice: paid } = await overdueInvoice({}, { status: "paid" });
    const refused = await agent.post(`/admin/api/resources/invoices/records/${paid.id}/sendReminder`).send({});
    expect(refused.body.notice).toEqual({
      message: `Invoice ${paid.invoiceNumber} is paid: only an overdue invoice is reminded`,
      type: "error",
    });
  });

  it("answers 403 to a viewer", async () => {
    const user = await makeAdmin(prisma, { role: "viewer" });
    const agent = await loginAgent(t.app, user.email, user.password);
    const { invoice } = await overdueInvoice({});
    const res = await agent.post(`/admin/api/resources/invoices/records/${invoice.id}/sendReminder`).send({});
    expect(res.status).toBe(403);
    expect(await reminders(invoice.id)).toEqual([]);
  });
});

describe("access to the revenue and reminder routes", () => {
  it("lets exactly the users the matrix allows through, and 403s the others", async () => {
    const routes = MODULE_ROUTES.filter((r) =>
      ["/billing/metrics", "/billing/invoices/overdue", "/billing/invoices/{id}/reminders"].includes(r.path),
    );
    expect(routes.map((r) => `${r.method} ${r.path} ${r.module}.${r.permission}`)).toEqual([
      "get /billing/metrics billing.view",
      "get /billing/invoices/overdue billing.view",
      "post /billing/invoices/{id}/reminders billing.create_invoice",
    ]);
    const mismatches: string[] = [];
    for (const route of routes) {
      for (const user of USERS) {
        const who = await makeApiLogin(t.app, prisma, { role: user.role, permissions: user.permissions ?? undefined });
        // A fresh overdue invoice each time: an allowed reminder is a 201, not a 409 of the one before.
        const { invoice } = await overdueInvoice({});
        const agent = request(t.app);
        const res = await agent[route.method](`${API}${route.path.replace("{id}", String(invoice.id))}`).set(
          "Authorization",
          who.auth,
        );
        const expected = expectedAllowed(user, route.module, route.permission)
          ? route.method === "post"
            ? 201
            : 200
          : 403;
        if (res.status !== expected) mismatches.push(`${user.label} ${route.method} ${route.path}: ${res.status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("are in the OpenAPI document with the permission each needs", async () => {
    const { paths } = (await request(t.app).get(`${API}/openapi.json`)).body;
    expect(paths["/billing/metrics"].get["x-permission"]).toBe("billing.view");
    expect(paths["/billing/invoices/overdue"].get["x-permission"]).toBe("billing.view");
    expect(paths["/billing/invoices/{id}/reminders"].post["x-permission"]).toBe("billing.create_invoice");
  });
});
