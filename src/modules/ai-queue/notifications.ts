// Customer e-mails of the AI queue (received, in progress, completed, rejected), through the e-mail
// outbox (src/lib/email/outbox.ts). A transition records its e-mail in email_log inside its own
// transaction (so no transition loses its e-mail and no e-mail goes out for a transition that rolled
// back); the outbox's job sends it after the commit, retrying until SMTP answers, rendered here from the
// request as it is then. The (ai_request_id, template) unique key makes each e-mail happen once.
import type { Prisma } from "@prisma/client";
import type { EmailLogRenderer } from "../../lib/email/renderers.js";
import { renderEmail, subjectOf } from "./email-templates.js";
import { eventOf, templateOf, type NotificationEvent } from "./notification-events.js";
import type { RequestType } from "./schemas.js";

export { NOTIFICATION_EVENTS, templateOf, type NotificationEvent } from "./notification-events.js";

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
        subject: subjectOf(event, customer.language, aiRequestId),
        customerId: customer.id,
        aiRequestId,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  return rows[0]?.id ?? null;
}

/** Renders a recorded AI queue e-mail from the request as it is now (emails.ts declares it). */
export const renderNotificationEmail: EmailLogRenderer = async (prisma, row) => {
  const event = eventOf(row.template);
  if (!event) return { reason: `unknown template ${row.template}` };
  const log = await prisma.emailLog.findUnique({
    where: { id: row.id },
    select: {
      aiRequest: {
        select: {
          id: true,
          requestType: true,
          businessType: true,
          generatedContent: true,
          adminNotes: true,
          customer: { select: { name: true } },
        },
      },
    },
  });
  const request = log?.aiRequest;
  if (!request) return { reason: "the AI request no longer exists" };
  return renderEmail(event, row.language, {
    id: request.id,
    requestType: request.requestType as RequestType,
    businessType: request.businessType,
    customerName: request.customer.name,
    generatedContent: request.generatedContent,
    adminNotes: request.adminNotes,
  });
};
