// The e-mail provider's webhook signature: X-Locod-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
// `${t}.${raw body}`>, within five minutes of now.
import { createHmac, timingSafeEqual } from "node:crypto";

export const EMAIL_SIGNATURE_HEADER = "X-Locod-Signature";
export const SIGNATURE_TOLERANCE_S = 300;

export function signEmailWebhook(secret: string, rawBody: Buffer | string, t: number): string {
  const v1 = createHmac("sha256", secret).update(`${t}.`).update(rawBody).digest("hex");
  return `t=${t},v1=${v1}`;
}

/** Whether the header signs this body with this secret, recently enough. */
export function verifyEmailWebhook(secret: string, header: string | undefined, rawBody: Buffer, nowS: number): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(
    header.split(",").map((p) => {
      const i = p.indexOf("=");
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
    }),
  );
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowS - t) > SIGNATURE_TOLERANCE_S) return false;
  const expected = Buffer.from(signEmailWebhook(secret, rawBody, t).split("v1=")[1]!, "hex");
  const given = /^[0-9a-f]{64}$/i.test(parts.v1 ?? "") ? Buffer.from(parts.v1!, "hex") : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
