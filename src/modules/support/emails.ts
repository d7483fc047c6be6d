// The support reply as the outbox sends it: the admin's text, under our Message-ID, In-Reply-To the
// thread's last message and References the thread, so the customer's mail client keeps one conversation
// and their answer comes back to the ticket.
import type { EmailLogRenderer, EmailRenderers } from "../../lib/email/renderers.js";
import { escapeHtml } from "../../lib/email/layout.js";
import { threadHeaders } from "./rules/threading.js";
import { REPLY_TEMPLATE } from "./service.js";

const renderReply: EmailLogRenderer = async (prisma, row) => {
  const message = await prisma.supportMessage.findUnique({
    where: { emailLogId: row.id },
    select: { id: true, ticketId: true, body: true, emailMessageId: true, createdAt: true },
  });
  if (!message) return { reason: "the reply was deleted" };
  const earlier = await prisma.supportMessage.findMany({
    where: {
      ticketId: message.ticketId,
      emailMessageId: { not: null },
      OR: [{ createdAt: { lt: message.createdAt } }, { createdAt: message.createdAt, id: { lt: message.id } }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { emailMessageId: true },
  });
  const text = `${message.body}\n`;
  const html = `<div>${escapeHtml(message.body).replace(/\n/g, "<br>")}</div>`;
  return {
    text,
    html,
    ...(message.emailMessageId ? { messageId: message.emailMessageId } : {}),
    ...threadHeaders(earlier.map((m) => m.emailMessageId!)),
  };
};

export const supportEmailRenderers: EmailRenderers = { [REPLY_TEMPLATE]: renderReply };
