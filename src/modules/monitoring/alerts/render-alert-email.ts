// Renders an incident alert e-mail from its incident_notifications row and the incident as it is when
// the e-mail leaves (so a reminder says who acknowledged it meanwhile).
import type { EmailLogRenderer } from "../../../lib/email/renderers.js";
import { alertEmail } from "./rules/messages.js";
import { alertSubjectOf, INCIDENT_WORDS_SELECT } from "./run-alerts.js";

export const renderAlertEmail: EmailLogRenderer = async (prisma, row) => {
  const n = await prisma.incidentNotification.findUnique({
    where: { emailLogId: row.id },
    select: {
      kind: true,
      level: true,
      ackLink: true,
      incident: { select: INCIDENT_WORDS_SELECT },
    },
  });
  if (!n) return { reason: "the incident no longer exists" };
  return alertEmail(
    {
      kind: n.kind,
      level: n.level,
      language: row.language,
      incident: alertSubjectOf(n.incident),
      ackLink: n.ackLink,
    },
    new Date(),
    n.incident.site.customer.name,
  );
};
