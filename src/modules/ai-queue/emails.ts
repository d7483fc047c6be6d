// The AI queue's customer e-mails as the outbox knows them: their email_log templates and what renders
// them. Light on purpose (module.ts declares it): the renderer imports the rendering code when it runs.
import type { EmailLogRenderer, EmailRenderers } from "../../lib/email/renderers.js";
import { NOTIFICATION_EVENTS, templateOf } from "./notification-events.js";

const renderNotification: EmailLogRenderer = async (prisma, row) => {
  const { renderNotificationEmail } = await import("./notifications.js");
  return renderNotificationEmail(prisma, row);
};

export const aiQueueEmailRenderers: EmailRenderers = Object.fromEntries(
  NOTIFICATION_EVENTS.map((event) => [templateOf(event), renderNotification]),
);
