// Customer e-mails of the AI queue (received, in progress, completed, rejected). A transition records
// its e-mail in email_log inside its own transaction (so no transition loses its e-mail and no e-mail
// goes out for a transition that rolled back); a job sends it after the commit, retrying until SMTP
// answers. The (ai_request_id, template) unique key makes each e-mail happen once.
import type { Prisma } from "@prisma/client";
import type { Queues } from "../../queues/index.js";

export const NOTIFICATION_EVENTS = ["received", "in_progress", "completed", "rejected"] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

const SUBJECTS: Record<NotificationEvent, { fr: string; en: string }> = {
  received: { fr: "Nous avons bien reçu votre demande", en: "We have received your request" },
  in_progress: { fr: "Votre demande est en cours de traitement", en: "Your request is being worked on" },
  completed: { fr: "Votre contenu est prêt", en: "Your content is ready" },
  rejected: { fr: "Votre demande n'a pas pu être traitée", en: "Your request could not be processed" },
};

export const templateOf = (event: NotificationEvent) => `ai_request.${event}`;

/**
 * Records the e-mail of a transition, in the transition's transaction. Returns the email_log id, or
 * null when this e-mail was already recorded for the request (a retried transition).
 */
export async function recordNotification(
  tx: Prisma.TransactionClient,
  aiRequestId: number,
  event: NotificationEvent,
): Promise<number | null> {
  const request = await tx.aiRequest.findUniqueOrThrow({
    where: { id: aiRequestId },
    select: { customer: { select: { id: true, email: true, language: true } } },
  });
  const { customer } = request;
  const rows = await tx.emailLog.createManyAndReturn({
    data: [
      {
        template: templateOf(event),
        language: customer.language,
        toAddress: customer.email,
        subject: SUBJECTS[event][customer.language],
        customerId: customer.id,
        aiRequestId,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  return rows[0]?.id ?? null;
}

/** After the commit: hands the recorded e-mails to the mail queue (job id = email_log id: sent once). */
export async function dispatchNotifications(
  queues: Pick<Queues, "byName">,
  emailLogIds: (number | null)[],
): Promise<void> {
  for (const id of emailLogIds) {
    if (id === null) continue;
    await queues.byName.mail.add("send-email-log", { emailLogId: id }, { jobId: `email-log-${id}` });
  }
}
