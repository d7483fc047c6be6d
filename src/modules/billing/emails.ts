// Billing's customer e-mails as the outbox knows them: their email_log templates and what renders them.
// Light on purpose (module.ts declares it): the renderer imports the dunning code when it runs.
import type { EmailRenderers } from "../../lib/email/renderers.js";

export const billingEmailRenderers: EmailRenderers = {
  // REMINDER_TEMPLATE of dunning.ts (a test checks that they agree).
  "invoice.reminder": async (prisma, row) => {
    const { renderReminderEmail } = await import("./dunning.js");
    return renderReminderEmail(prisma, row);
  },
};
