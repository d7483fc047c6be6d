import { signSupportEmail, supportInboundKey, supportSignatureProblem } from "./signature.js";

describe("support e-mail webhook signature", () => {
  const key = supportInboundKey("a webhook secret of at least thirty-two characters");
  const body = Buffer.from("From: a@b.test\r\n\r\nhello");

  it("accepts its own signature within the tolerance and refuses the rest, saying why", () => {
    const header = signSupportEmail(key, 1_000_000, body);
    expect(supportSignatureProblem(key, header, body, 1_000_100)).toBeNull();
    expect(supportSignatureProblem(key, header, Buffer.from("From: a@b.test\r\n\r\nhellO"), 1_000_100)).toBe(
      "signature mismatch",
    );
    expect(supportSignatureProblem(key, header, body, 1_000_400)).toBe("timestamp outside the tolerance");
    expect(supportSignatureProblem(supportInboundKey("another secret"), header, body, 1_000_000)).toBe(
      "signature mismatch",
    );
    expect(supportSignatureProblem(key, undefined, body)).toBe("missing");
    expect(supportSignatureProblem(key, "t=1,v1=zz", body)).toBe("malformed");
  });
});
