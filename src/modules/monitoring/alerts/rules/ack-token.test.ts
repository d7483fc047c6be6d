import { ackLink, signAckToken, verifyAckToken } from "./ack-token.js";

const SECRET = "a-test-secret-of-enough-length-0123456789";
const NOW = new Date("2026-12-01T10:00:00.000Z");
const LATER = new Date("2026-12-08T10:00:00.000Z");

describe("incident acknowledge token", () => {
  it("names its incident until it expires", () => {
    const token = signAckToken(SECRET, 42, LATER);
    expect(verifyAckToken(SECRET, token, NOW)).toEqual({ ok: true, incidentId: 42 });
    expect(verifyAckToken(SECRET, token, LATER)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a token whose incident, expiry or signature was changed, or signed with another secret", () => {
    const token = signAckToken(SECRET, 42, LATER);
    const [, exp, sig] = token.split(".");
    expect(verifyAckToken(SECRET, `43.${exp}.${sig}`, NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyAckToken(SECRET, `42.${Number(exp) + 1}.${sig}`, NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyAckToken(SECRET, `42.${exp}.${sig!.slice(0, -1)}A`, NOW).ok).toBe(false);
    expect(verifyAckToken("another-secret-0123456789-0123456789", token, NOW).ok).toBe(false);
    expect(verifyAckToken(SECRET, "", NOW).ok).toBe(false);
    expect(verifyAckToken(SECRET, "garbage", NOW).ok).toBe(false);
  });

  it("links to the page under /admin", () => {
    expect(ackLink("https://portal.example/", "1.2.x")).toBe(
      "https://portal.example/admin/monitoring/incidents/acknowledge?token=1.2.x",
    );
  });
});
