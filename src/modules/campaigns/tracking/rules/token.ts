// Signed tracking tokens: an open pixel, a click on one of the campaign's links, an unsubscribe. The
// token names the send (and the link's index), signed with HMAC-SHA256; a token changed by one character
// is refused, and a click can only name a link frozen on the campaign (no open redirect).
import { createHmac, timingSafeEqual } from "node:crypto";

export type TrackingToken =
  | { kind: "open"; sendId: number }
  | { kind: "click"; sendId: number; link: number }
  | { kind: "unsubscribe"; sendId: number };

const PREFIX = { open: "o", click: "c", unsubscribe: "u" } as const;

/** The key the tokens are signed with, derived from a server secret for this use only. */
export function trackingKey(serverSecret: string): Buffer {
  return createHmac("sha256", serverSecret).update("campaign-tracking-v1").digest();
}

function mac(key: Buffer, payload: string): string {
  return createHmac("sha256", key).update(payload).digest("base64url").slice(0, 22);
}

export function signToken(key: Buffer, token: TrackingToken): string {
  const parts: (string | number)[] = [PREFIX[token.kind], token.sendId.toString(36)];
  if (token.kind === "click") parts.push(token.link.toString(36));
  const payload = parts.join(".");
  return `${payload}.${mac(key, payload)}`;
}

const ID = /^[0-9a-z]{1,12}$/;

/** The token's meaning, or null when it is malformed or its signature does not match. */
export function verifyToken(key: Buffer, text: string): TrackingToken | null {
  if (text.length > 80) return null;
  const parts = text.split(".");
  const signature = parts.pop();
  if (!signature || parts.length < 2) return null;
  const expected = Buffer.from(mac(key, parts.join(".")));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [kind, sendText, linkText] = parts;
  if (!ID.test(sendText!)) return null;
  const sendId = parseInt(sendText!, 36);
  if (kind === "o" && parts.length === 2) return { kind: "open", sendId };
  if (kind === "u" && parts.length === 2) return { kind: "unsubscribe", sendId };
  if (kind === "c" && parts.length === 3 && ID.test(linkText!))
    return { kind: "click", sendId, link: parseInt(linkText!, 36) };
  return null;
}
