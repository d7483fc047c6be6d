// The direct e-mails as the outbox knows them (email_log template "customers.direct"): sent as the
// admin wrote them, from the customer_emails row recorded with the email_log row.
import type { EmailLogRenderer, EmailRenderers } from "../../lib/email/renderers.js";
import { BRAND, escapeHtml } from "../../lib/email/layout.js";

export const DIRECT_EMAIL_TEMPLATE = "customers.direct";

const render: EmailLogRenderer = async (prisma, row) => {
  const email = await prisma.customerEmail.findUnique({
    where: { emailLogId: row.id },
    select: { subject: true, body: true },
  });
  if (!email) return { reason: "the direct e-mail's text is gone" };
  const paragraphs = email.body
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 16px">${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  const html = [
    "<!DOCTYPE html>",
    `<html lang="${row.language}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(email.subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;color:#1f2937;line-height:1.5">',
    `<h1 style="font-size:20px;color:#4f46e5">${escapeHtml(BRAND)}</h1>`,
    paragraphs,
    "</body>",
    "</html>",
    "",
  ].join("\n");
  return { text: email.body.endsWith("\n") ? email.body : `${email.body}\n`, html };
};

export const customerEmailRenderers: EmailRenderers = { [DIRECT_EMAIL_TEMPLATE]: render };
