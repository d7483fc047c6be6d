// A direct e-mail to a customer from a reusable template (issue 17, item 4): rendered in the customer's
// language with liquid, recorded with its email_log row in one transaction (with the audit row), then
// handed to the outbox after the commit; the timeline shows it (customer_emails).
import type { Deps } from "../../deps.js";
import { writeAudit } from "../../lib/audit.js";
import { dispatchNotifications } from "../../lib/email/outbox.js";
import { AppError } from "../../lib/errors.js";
import { requirePermission } from "../auth/index.js";
import { DIRECT_EMAIL_TEMPLATE } from "./emails.js";
import { renderDirectEmail, TemplateRenderError } from "./rules/direct-email.js";

export interface SentDirectEmail {
  id: number;
  emailLogId: number;
  subject: string;
  body: string;
  language: "fr" | "en";
  toAddress: string;
}

export async function sendDirectEmail(
  deps: Pick<Deps, "prisma" | "queues">,
  customerId: number,
  templateId: number,
): Promise<SentDirectEmail> {
  const admin = requirePermission("customers", "edit");
  const { prisma } = deps;
  const [customer, template] = await Promise.all([
    prisma.customer.findUnique({ where: { id: customerId } }),
    prisma.customerEmailTemplate.findUnique({ where: { id: templateId } }),
  ]);
  if (!customer) throw new AppError("not_found", `Customer #${customerId} does not exist`);
  if (!template) {
    const message = `No e-mail template #${templateId}`;
    throw new AppError("validation", message, [{ field: "templateId", message }]);
  }
  let rendered: { subject: string; body: string };
  try {
    rendered = await renderDirectEmail(template, customer.language, {
      customer: { name: customer.name, email: customer.email, plan: customer.planType },
      admin: { name: admin.name, email: admin.email },
    });
  } catch (err) {
    if (!(err instanceof TemplateRenderError)) throw err;
    const message = `The template's ${err.field} cannot be filled: ${err.message}`;
    throw new AppError("validation", message, [{ field: "templateId", message }]);
  }
  const sent = await prisma.$transaction(async (tx) => {
    const log = await tx.emailLog.create({
      data: {
        template: DIRECT_EMAIL_TEMPLATE,
        language: customer.language,
        toAddress: customer.email,
        subject: rendered.subject,
        customerId,
      },
    });
    const email = await tx.customerEmail.create({
      data: {
        customerId,
        templateId,
        emailLogId: log.id,
        subject: rendered.subject,
        body: rendered.body,
        sentById: admin.id,
      },
    });
    await writeAudit(tx, {
      action: "customer_email.send",
      resourceType: "customer_emails",
      resourceId: email.id,
      after: { customerId, templateId, emailLogId: log.id, toAddress: customer.email, subject: rendered.subject },
    });
    return {
      id: email.id,
      emailLogId: log.id,
      subject: rendered.subject,
      body: rendered.body,
      language: customer.language,
      toAddress: customer.email,
    };
  });
  await dispatchNotifications(deps.queues, [sent.emailLogId]);
  return sent;
}
