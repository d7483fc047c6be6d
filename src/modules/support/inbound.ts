// POST /webhooks/support-email: the mail gateway hands over one raw MIME message (message/rfc822),
// signed on the raw body, with the delivery's event id (X-Event-Id). The message is parsed with
// mailparser; what is too large or not an e-mail is refused with a problem+json saying why, and nothing
// of it is stored. A delivery seen before answers 200 and changes nothing.
import { Router, raw, type Request } from "express";
import { simpleParser, type AddressObject } from "mailparser";
import type { Deps } from "../../deps.js";
import { errorHandler } from "../../http/errors.js";
import { keepContext } from "../../http/context.js";
import { asyncRoute } from "../../http/bearer-auth.js";
import { AppError } from "../../lib/errors.js";
import { receiveInbound, type InboundMail } from "./service.js";
import { normaliseMessageId } from "./rules/threading.js";
import { SUPPORT_SIGNATURE_HEADER, supportInboundKey, supportSignatureProblem } from "./rules/signature.js";

/** The whole message, attachments included. */
export const MAX_MESSAGE_BYTES = 15 * 1024 * 1024;
/** One attachment. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** All the attachments of one message. */
export const MAX_ATTACHMENTS_BYTES = 10 * 1024 * 1024;

const EVENT_HEADER = "X-Event-Id";

const invalid = (field: string, message: string, detail: string) =>
  new AppError("validation", detail, [{ field, message }]);

function firstAddress(
  from: AddressObject | AddressObject[] | undefined,
): { address: string; name: string | null } | null {
  const list = Array.isArray(from) ? from : from ? [from] : [];
  for (const group of list) {
    for (const entry of group.value) {
      const address = entry.address?.trim().toLowerCase();
      if (address && /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address))
        return { address, name: entry.name?.trim() || null };
    }
  }
  return null;
}

/** Parses and checks one raw message; throws a problem naming what is wrong. Pure but for the parser. */
export async function parseInbound(rawBody: Buffer, eventId: string): Promise<InboundMail> {
  if (rawBody.length === 0) throw invalid("(body)", "empty", "The body holds no e-mail");
  if (rawBody.length > MAX_MESSAGE_BYTES) {
    throw new AppError("payload_too_large", `The e-mail is over ${MAX_MESSAGE_BYTES} bytes`, [
      { field: "(body)", message: `over ${MAX_MESSAGE_BYTES} bytes` },
    ]);
  }
  // A message starts with header fields ("Name: value") and has a From.
  const head = rawBody.subarray(0, 64 * 1024).toString("latin1");
  if (!/^[\x21-\x39\x3b-\x7e]+:/.test(head) || !/(^|\r?\n)from:/i.test(head)) {
    throw invalid("(body)", "not an RFC 5322 message", "The body is not an e-mail: it has no header fields or no From");
  }
  let parsed;
  try {
    parsed = await simpleParser(rawBody, { skipHtmlToText: false, skipTextToHtml: true, skipImageLinks: true });
  } catch (err) {
    throw invalid("(body)", "unreadable MIME", `The e-mail cannot be parsed: ${(err as Error).message}`);
  }
  const from = firstAddress(parsed.from);
  if (!from) throw invalid("from", "no valid address", "The e-mail has no valid From address");
  let total = 0;
  for (const a of parsed.attachments) {
    if (a.size > MAX_ATTACHMENT_BYTES) {
      throw new AppError(
        "payload_too_large",
        `Attachment ${a.filename ?? "(unnamed)"} is over ${MAX_ATTACHMENT_BYTES} bytes`,
        [{ field: "attachments", message: `an attachment is over ${MAX_ATTACHMENT_BYTES} bytes` }],
      );
    }
    total += a.size;
  }
  if (total > MAX_ATTACHMENTS_BYTES) {
    throw new AppError("payload_too_large", `The attachments are over ${MAX_ATTACHMENTS_BYTES} bytes together`, [
      { field: "attachments", message: `over ${MAX_ATTACHMENTS_BYTES} bytes together` },
    ]);
  }
  const text = (parsed.text ?? (typeof parsed.html === "string" ? parsed.html.replace(/<[^>]*>/g, " ") : "")).trim();
  const references = Array.isArray(parsed.references)
    ? parsed.references
    : parsed.references
      ? [parsed.references]
      : [];
  return {
    eventId,
    // Without a Message-ID of its own the message is named by its delivery.
    messageId:
      normaliseMessageId(parsed.messageId) ?? `<event-${eventId.replace(/[^A-Za-z0-9._-]/g, "")}@support.invalid>`,
    inReplyTo: normaliseMessageId(parsed.inReplyTo),
    references: references.map((r) => normaliseMessageId(r)).filter((r): r is string => r !== null),
    fromAddress: from.address,
    fromName: from.name,
    subject: parsed.subject ?? null,
    text: text === "" ? "(no text)" : text,
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? "attachment",
      contentType: a.contentType ?? "application/octet-stream",
      content: a.content,
    })),
  };
}

const rawBodyOf = (req: Request): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

export function supportEmailWebhook(deps: Deps): Router {
  const router = Router();
  router.use("/support-email", keepContext(raw({ type: () => true, limit: MAX_MESSAGE_BYTES + 1 })));
  router.post(
    "/support-email",
    asyncRoute(async (req, res) => {
      const secret = deps.config.wizardWebhookSecret;
      if (!secret) throw new AppError("unavailable", "The support e-mail webhook has no secret configured");
      const rawBody = rawBodyOf(req);
      const problem = supportSignatureProblem(supportInboundKey(secret), req.get(SUPPORT_SIGNATURE_HEADER), rawBody);
      if (problem) throw new AppError("unauthenticated", `Invalid ${SUPPORT_SIGNATURE_HEADER}: ${problem}`);
      const eventId = req.get(EVENT_HEADER)?.trim() ?? "";
      if (!/^[\x21-\x7e]{1,200}$/.test(eventId)) {
        throw invalid(
          EVENT_HEADER,
          "required, 1 to 200 visible characters",
          `The ${EVENT_HEADER} header is missing or invalid`,
        );
      }
      const mail = await parseInbound(rawBody, eventId);
      const result = await receiveInbound(deps.prisma, mail);
      res.status(result.created ? 201 : 200).json({
        ticket_id: result.ticketId,
        message_id: result.messageId,
        created: result.created,
        duplicate: result.duplicate,
      });
    }),
  );
  router.use(errorHandler(deps.log));
  return router;
}
