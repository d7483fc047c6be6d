import { signEmailWebhook, verifyEmailWebhook } from "./signature.js";

const secret = "s".repeat(40);
const body = Buffer.from('{"event_id":"e1"}');

describe("e-mail webhook signature", () => {
  it("should accept its own signature within five minutes", () => {
    expect(verifyEmailWebhook(secret, signEmailWebhook(secret, body, 1000), body, 1200)).toBe(true);
  });
  it("should refuse another body, another secret, an old time, junk", () => {
    const h = signEmailWebhook(secret, body, 1000);
    expect(verifyEmailWebhook(secret, h, Buffer.from('{"event_id":"e2"}'), 1000)).toBe(false);
    expect(verifyEmailWebhook("t".repeat(40), h, body, 1000)).toBe(false);
    expect(verifyEmailWebhook(secret, h, body, 1400)).toBe(false);
    for (const junk of [undefined, "", "t=1000", "v1=00", "t=x,v1=zz"])
      expect(verifyEmailWebhook(secret, junk, body, 1000)).toBe(false);
  });
});
