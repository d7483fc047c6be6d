// Whether a site's certificate passes: trusted chain, matching name, within its validity dates, and not
// expiring within the monitor's warning days. One cause per failure, in words an operator acts on.

const DAY_MS = 86_400_000;

export interface CertificateFacts {
  validFrom: Date;
  validTo: Date;
  /** OpenSSL's verification error code (tls socket.authorizationError), null when the chain is trusted. */
  authorizationError: string | null;
  /** The host name check's message, null when the certificate names the host. */
  hostMismatch: string | null;
}

export interface CertificateVerdict {
  isUp: boolean;
  /** Why it fails; null when it passes. */
  cause: string | null;
  /** Whole days left before it expires (negative once expired). */
  daysLeft: number;
}

const SELF_SIGNED = new Set(["DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN"]);
const UNKNOWN_ISSUER = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
]);

/** The words of a chain that does not verify. */
export function chainCause(code: string): string {
  if (SELF_SIGNED.has(code)) return "self-signed certificate";
  if (UNKNOWN_ISSUER.has(code)) return "certificate chain is not trusted (unknown issuer)";
  if (code === "CERT_HAS_EXPIRED") return "certificate has expired";
  if (code === "CERT_NOT_YET_VALID") return "certificate is not valid yet";
  if (code === "CERT_REVOKED") return "certificate has been revoked";
  return `certificate is not trusted (${code})`;
}

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/** The verdict on a certificate at `now`, failing `warningDays` days before it expires (0: only once expired). */
export function certificateVerdict(facts: CertificateFacts, now: Date, warningDays: number): CertificateVerdict {
  const leftMs = facts.validTo.getTime() - now.getTime();
  const daysLeft = Math.floor(leftMs / DAY_MS);
  const fail = (cause: string) => ({ isUp: false, cause, daysLeft });
  // The dates first: an expired certificate is that, whoever signed it.
  if (leftMs <= 0) return fail("certificate has expired");
  if (facts.validFrom.getTime() > now.getTime()) return fail("certificate is not valid yet");
  if (facts.authorizationError) return fail(chainCause(facts.authorizationError));
  if (facts.hostMismatch) return fail(`certificate does not match the host (${facts.hostMismatch})`);
  if (leftMs < warningDays * DAY_MS) {
    return fail(daysLeft < 1 ? "certificate expires in less than a day" : `certificate expires in ${days(daysLeft)}`);
  }
  return { isUp: true, cause: null, daysLeft };
}
