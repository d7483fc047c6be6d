// The AI queue's customer e-mails end to end: recorded in the transition's transaction, sent by the
// mail worker through a real SMTP server, in the customer's language, once; an SMTP outage delays
// them and loses none.
import type { PrismaClient } from "@prisma/client";
import type { Job } from "bullmq";
import {
  NOTIFICATION_EVENTS,
  recordNotification,
  templateOf,
  type NotificationEvent,
} from "../../src/modules/ai-queue/notifications.js";
import { aiQueueEmailRenderers } from "../../src/modules/ai-queue/emails.js";
import { dispatchNotifications, sendEmailLog, STALE_QUEUED_MS, sweepEmailLog } from "../../src/lib/email/outbox.js";
import { startWorkers, type Workers } from "../../src/queues/registry.js";
import { makeAiRequestFor } from "../factories/notifications.js";
import { loadConfig } from "../../src/config.js";
import { closeDeps, createDeps, type Deps } from "../../src/deps.js";
import { mailBodies, startSmtp, type TestSmtp } from "../helpers/smtp.js";
import { until } from "../helpers/wait.js";

// The deps without the HTTP app: nothing here goes through a route.
let t: { deps: Deps };
let prisma: PrismaClient;
let smtp: TestSmtp;
let workers: Workers;

beforeAll(async () => {
  smtp = await startSmtp();
  t = { deps: createDeps(loadConfig({ ...process.env, SMTP_URL: smtp.url })) };
  prisma = t.deps.prisma;
  const { config } = t.deps;
  workers = startWorkers({ prisma, log: t.deps.log, config, queues: t.deps.queues });
});

afterAll(async () => {
  await workers.close();
  await t.deps.queues.byName.mail.obliterate({ force: true });
  await closeDeps(t.deps);
  await smtp.close();
});

async function record(aiRequestId: number, event: NotificationEvent): Promise<number | null> {
  return prisma.$transaction((tx) => recordNotification(tx, aiRequestId, event));
}

async function notify(aiRequestId: number, event: NotificationEvent): Promise<number | null> {
  const id = await record(aiRequestId, event);
  await dispatchNotifications(t.deps.queues, [id]);
  return id;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));

const EXPECTED = {
  en: {
    received: { subject: "We have received your request", text: "We have received your request." },
    in_progress: { subject: "Your request is being worked on", text: "is now working on your request" },
    completed: { subject: "Your content is ready", text: "In summary:\n\n2 services:\n- Pain au levain\n- Croissants" },
    rejected: { subject: "Your request could not be processed", text: "Reason: Images <b>floues</b> & illisibles" },
  },
  fr: {
    received: { subject: "Nous avons bien reçu votre demande", text: "Nous avons bien reçu votre demande." },
    in_progress: {
      subject: "Votre demande est en cours de traitement",
      text: "travaille maintenant sur votre demande",
    },
    completed: {
      subject: "Votre contenu est prêt",
      text: "En résumé :\n\n2 services :\n- Pain au levain\n- Croissants",
    },
    rejected: { subject: "Votre demande n'a pas pu être traitée", text: "Motif : Images <b>floues</b> & illisibles" },
  },
} as const;

describe("AI queue e-mail notifications", () => {
  it.each(["en", "fr"] as const)(
    "e-mails each of the four events in the customer's language (%s)",
    async (language) => {
      const { customer, request } = await makeAiRequestFor(prisma, { language, name: "Jeanne d'Arc" });
      for (const event of NOTIFICATION_EVENTS) {
        if (event === "completed") {
          await prisma.aiRequest.update({
            where: { id: request.id },
            data: {
              status: "completed",
              generatedContent: {
                services: [
                  { name: "Pain au levain", description: "Cuit au feu de bois." },
                  { name: "Croissants", description: "Pur beurre." },
                ],
              },
            },
          });
        }
        if (event === "rejected") {
          await prisma.aiRequest.update({
            where: { id: request.id },
            data: { status: "rejected", adminNotes: "Images <b>floues</b> & illisibles" },
          });
        }
        const id = await notify(request.id, event);
        expect(id).not.toBeNull();
        const expected = EXPECTED[language][event];
        const mail = await smtp.waitFor((m) => m.to.includes(customer.email) && m.subject.includes(expected.subject));
        expect(mail.subject).toBe(
          `Locod-AI – ${expected.subject} (${language === "fr" ? "demande n° " : "request #"}${request.id})`,
        );
        const { text, html } = mailBodies(mail);
        expect(text).toContain(expected.text);
        expect(text).toContain(language === "fr" ? "Bonjour Jeanne d'Arc," : "Hello Jeanne d'Arc,");
        expect(html).toContain(`<html lang="${language}">`);
        expect(html).toContain("Jeanne d&#39;Arc");
        if (event === "rejected") {
          expect(html).toContain("Images &lt;b&gt;floues&lt;/b&gt; &amp; illisibles");
          expect(html).not.toContain("<b>floues</b>");
        }
        const row = await until(
          () => prisma.emailLog.findUniqueOrThrow({ where: { id: id! } }),
          (r) => r.status === "sent",
        );
        expect(row).toMatchObject({
          template: templateOf(event),
          language,
          toAddress: customer.email,
          customerId: customer.id,
          aiRequestId: request.id,
          attempts: 1,
          lastError: null,
        });
        expect(row.messageId).toBeTruthy();
        expect(row.sentAt).toBeInstanceOf(Date);
      }
      expect(mailsTo(customer.email)).toHaveLength(4);
    },
  );

  it("records and sends the same event once, however often it is recorded and dispatched", async () => {
    const { customer, request } = await makeAiRequestFor(prisma, { language: "en" });
    const first = await notify(request.id, "received");
    const second = await notify(request.id, "received");
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    await dispatchNotifications(t.deps.queues, [first]);
    await smtp.waitFor((m) => m.to.includes(customer.email));
    await until(
      () => prisma.emailLog.findUniqueOrThrow({ where: { id: first! } }),
      (r) => r.status === "sent",
    );
    // A job run again after the send (delivered at least once) sends nothing more.
    const again = await sendEmailLog(t.deps, {
      data: { emailLogId: first },
      attemptsMade: 0,
      opts: { attempts: 20 },
    } as unknown as Job);
    expect(again).toEqual({ sent: false, reason: "already sent" });
    await sleep(300);
    expect(await prisma.emailLog.count({ where: { aiRequestId: request.id } })).toBe(1);
    expect(mailsTo(customer.email)).toHaveLength(1);
  });

  it("records nothing for a transition that rolls back", async () => {
    const { request } = await makeAiRequestFor(prisma);
    await expect(
      prisma.$transaction(async (tx) => {
        await recordNotification(tx, request.id, "in_progress");
        throw new Error("lost race");
      }),
    ).rejects.toThrow("lost race");
    expect(await prisma.emailLog.count({ where: { aiRequestId: request.id } })).toBe(0);
  });

  it("with SMTP down keeps the e-mail queued and retrying, then sends it once SMTP is back", async () => {
    const { customer, request } = await makeAiRequestFor(prisma, { language: "fr" });
    const port = smtp.port;
    const before = smtp.messages;
    await smtp.close();
    const id = await notify(request.id, "received");
    const failing = await until(
      () => prisma.emailLog.findUniqueOrThrow({ where: { id: id! } }),
      (r) => r.attempts > 0,
    );
    expect(failing.status).toBe("queued");
    expect(failing.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(failing.sentAt).toBeNull();
    const job = await t.deps.queues.byName.mail.getJob(`email-log-${id}`);
    expect(job?.opts).toMatchObject({ attempts: 20, backoff: { type: "exponential", delay: 5_000 } });
    expect(await job!.getState()).toBe("delayed");

    smtp = await startSmtp(port);
    smtp.messages.push(...before);
    // The retry would come 5 s later; the test brings it forward.
    await job!.promote();
    const mail = await smtp.waitFor((m) => m.to.includes(customer.email));
    expect(mail.subject).toContain("Nous avons bien reçu votre demande");
    const sent = await until(
      () => prisma.emailLog.findUniqueOrThrow({ where: { id: id! } }),
      (r) => r.status === "sent",
    );
    expect(sent.attempts).toBe(2);
    await sleep(300);
    expect(mailsTo(customer.email)).toHaveLength(1);
  });

  it("marks the e-mail failed only when the job's last attempt fails", async () => {
    const down = await startSmtp();
    await down.close();
    const { request } = await makeAiRequestFor(prisma);
    const id = await record(request.id, "in_progress");
    const deps = {
      prisma,
      config: { mail: { ...t.deps.config.mail, smtpUrl: down.url } },
      renderers: aiQueueEmailRenderers,
    };
    const job = (attemptsMade: number) =>
      ({ data: { emailLogId: id }, attemptsMade, opts: { attempts: 20 } }) as unknown as Job;
    await expect(sendEmailLog(deps, job(0))).rejects.toThrow();
    expect(await prisma.emailLog.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: "queued",
      attempts: 1,
    });
    await expect(sendEmailLog(deps, job(19))).rejects.toThrow();
    const row = await prisma.emailLog.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: "failed", attempts: 2 });
    expect(row.lastError).toBeTruthy();
  });

  it("the sweep hands e-mails left queued without a job back to the mail queue", async () => {
    const { customer, request } = await makeAiRequestFor(prisma, { language: "en" });
    // A crash between the commit and the enqueue: recorded, never dispatched.
    const lost = await record(request.id, "received");
    const recent = await record(request.id, "in_progress");
    await prisma.emailLog.update({
      where: { id: lost! },
      data: { createdAt: new Date(Date.now() - STALE_QUEUED_MS - 60_000) },
    });
    expect(await sweepEmailLog(t.deps, t.deps.queues)).toEqual({ redispatched: 1 });
    const mail = await smtp.waitFor((m) => m.to.includes(customer.email));
    expect(mail.subject).toContain("We have received your request");
    await until(
      () => prisma.emailLog.findUniqueOrThrow({ where: { id: lost! } }),
      (r) => r.status === "sent",
    );
    expect((await prisma.emailLog.findUniqueOrThrow({ where: { id: recent! } })).status).toBe("queued");
    // Sent rows are not swept again.
    expect(await sweepEmailLog(t.deps, t.deps.queues)).toEqual({ redispatched: 0 });
    await sleep(300);
    expect(mailsTo(customer.email)).toHaveLength(1);
  });
});
