import { certificateVerdict, chainCause, type CertificateFacts } from "./certificate.js";

const NOW = new Date("2026-12-01T12:00:00Z");
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const good: CertificateFacts = { validFrom: at(-30), validTo: at(60), authorizationError: null, hostMismatch: null };

describe("monitoring certificateVerdict", () => {
  it("passes a trusted certificate far from its expiry", () => {
    expect(certificateVerdict(good, NOW, 14)).toEqual({ isUp: true, cause: null, daysLeft: 60 });
  });

  it("fails a certificate expiring within the warning days, naming the days left", () => {
    expect(certificateVerdict({ ...good, validTo: at(5.5) }, NOW, 14)).toMatchObject({
      isUp: false,
      cause: "certificate expires in 5 days",
    });
    expect(certificateVerdict({ ...good, validTo: at(1.2) }, NOW, 14).cause).toBe("certificate expires in 1 day");
    expect(certificateVerdict({ ...good, validTo: at(0.5) }, NOW, 14).cause).toBe(
      "certificate expires in less than a day",
    );
  });

  it("passes the same certificate when the warning is shorter, and never warns at 0 days", () => {
    expect(certificateVerdict({ ...good, validTo: at(5.5) }, NOW, 5).isUp).toBe(true);
    expect(certificateVerdict({ ...good, validTo: at(0.5) }, NOW, 0).isUp).toBe(true);
  });

  it("reports an expired certificate as expired, even when its chain is not trusted either", () => {
    const expired = { ...good, validTo: at(-2), authorizationError: "DEPTH_ZERO_SELF_SIGNED_CERT" };
    expect(certificateVerdict(expired, NOW, 14)).toEqual({
      isUp: false,
      cause: "certificate has expired",
      daysLeft: -2,
    });
  });

  it("names a self-signed certificate, an unknown issuer and a host mismatch", () => {
    expect(certificateVerdict({ ...good, authorizationError: "DEPTH_ZERO_SELF_SIGNED_CERT" }, NOW, 14).cause).toBe(
      "self-signed certificate",
    );
    expect(chainCause("UNABLE_TO_VERIFY_LEAF_SIGNATURE")).toBe("certificate chain is not trusted (unknown issuer)");
    expect(chainCause("SOMETHING_ELSE")).toBe("certificate is not trusted (SOMETHING_ELSE)");
    expect(certificateVerdict({ ...good, hostMismatch: "other.example" }, NOW, 14).cause).toBe(
      "certificate does not match the host (other.example)",
    );
  });

  it("fails a certificate that is not valid yet", () => {
    expect(certificateVerdict({ ...good, validFrom: at(1) }, NOW, 14).cause).toBe("certificate is not valid yet");
  });
});
