// The signature of /webhooks/support-email: the mail gateway posts the raw MIME message with
// X-Locod-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of `${t}.${raw body}`>, under the support
// inbound key. Checked on the raw bytes before anything is parsed.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SUPPORT_SIGNATURE_HEADER = "X-Locod-Signature";
export const SUPPORT_SIGNATURE_TOLERANCE_SECONDS = 300;

/** The key of the support webhook, derived from the portal's webhook secret (one secret to keep). */
export function supportInboundKey(webhookSecret: string): Buffer {
  return createHmac("sha256", webhookSecret).update("support-email-webhook").digest();
}

export function signSupportEmail(key: Buffer, t: number, rawBody: Buffer): string {
  const mac = createHmac("sha256", key).update(`${t}.`).update(rawBody).digest("hex");
  return `t=${t},v1=${mac}`;
}

/** Why a signature is refused, or null when it holds. */
export function supportSignatureProblem(
  key: Buffer,
  header: string | undefined,
  rawBody: Buffer,
  now = Math.floor(Date.now() / 1000),
): string | null {
  if (!header) return "missing";
  const parts = new Map(
    header.split(",").map((p) => {
      const i = p.indexOf("=");
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const t = parts.get("t");
  const v1 = parts.get("v1");
  if (!t || !/^\d{1,12}$/.test(t) || !v1 || !/^[0-9a-f]{64}$/i.test(v1)) return "malformed";
  if (Math.abs(now - Number(t)) > SUPPORT_SIGNATURE_TOLERANCE_SECONDS) return "timestamp outside the tolerance";
  const expected = Buffer.from(createHmac("sha256", key).update(`${t}.`).update(rawBody).digest("hex"), "hex");
  const given = Buffer.from(v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : "signature mismatch";
}
