// The acknowledge link of an alert e-mail: `<incident id>.<expiry, unix seconds>.<HMAC-SHA256>`, signed
// with a key derived from the server's JWT secret for this one purpose. It names one incident and
// expires; it grants nothing by itself: the page still needs a logged-in admin holding
// monitoring.configure_alerts, and the acknowledgement is a conditional update, so it works once.
import { createHmac, timingSafeEqual } from "node:crypto";

const PURPOSE = "locod.incident-ack.v1";

function signature(secret: string, payload: string): Buffer {
  const key = createHmac("sha256", secret).update(PURPOSE).digest();
  return createHmac("sha256", key).update(payload).digest();
}

export function signAckToken(secret: string, incidentId: number, expiresAt: Date): string {
  const payload = `${incidentId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${signature(secret, payload).toString("base64url")}`;
}

export type AckTokenCheck = { ok: true; incidentId: number } | { ok: false; reason: "invalid" | "expired" };

export function verifyAckToken(secret: string, token: string, now: Date): AckTokenCheck {
  const match = /^([1-9]\d{0,9})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: "invalid" };
  const [, id, exp, sig] = match as unknown as [string, string, string, string];
  const expected = signature(secret, `${id}.${exp}`);
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
  if (Number(exp) * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, incidentId: Number(id) };
}

/** The page the link opens (under /admin: the session's login comes first). */
export const ACK_PATH = "/monitoring/incidents/acknowledge";

export function ackLink(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, "")}/admin${ACK_PATH}?token=${encodeURIComponent(token)}`;
}
