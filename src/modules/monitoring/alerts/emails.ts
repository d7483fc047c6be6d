// The incident alert e-mails as the outbox knows them. Light on purpose (module.ts declares it): the
// renderer imports the rendering code when it runs.
import type { EmailLogRenderer, EmailRenderers } from "../../../lib/email/renderers.js";
import { ALERT_TEMPLATE, CUSTOMER_TEMPLATE } from "./templates.js";

const render: EmailLogRenderer = async (prisma, row) => {
  const { renderAlertEmail } = await import("./render-alert-email.js");
  return renderAlertEmail(prisma, row);
};

export const alertEmailRenderers: EmailRenderers = { [ALERT_TEMPLATE]: render, [CUSTOMER_TEMPLATE]: render };
