// The CSAT link sent after resolution: /support/csat/<ticket>/<signature>, the signature an HMAC of the
// ticket id under the server's secret, so that nobody rates a ticket not theirs.
import { createHmac, timingSafeEqual } from "node:crypto";

export function csatSignature(secret: string, ticketId: number): string {
  return createHmac("sha256", secret).update(`support-csat:${ticketId}`).digest("base64url");
}

export function verifyCsatSignature(secret: string, ticketId: number, signature: string): boolean {
  const expected = Buffer.from(csatSignature(secret, ticketId));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A CSAT score: an integer from 1 to 5. */
export function isCsatScore(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5;
}
