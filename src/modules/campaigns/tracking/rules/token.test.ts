import { signToken, trackingKey, verifyToken } from "./token.js";

const key = trackingKey("a server secret of some length");

describe("tracking tokens", () => {
  it("should read back what was signed", () => {
    for (const t of [
      { kind: "open", sendId: 1 },
      { kind: "click", sendId: 123456, link: 3 },
      { kind: "unsubscribe", sendId: 99 },
    ] as const) {
      expect(verifyToken(key, signToken(key, t))).toEqual(t);
    }
  });

  it("should refuse a tampered token, another key's token, and junk", () => {
    const token = signToken(key, { kind: "click", sendId: 42, link: 0 });
    const other = token.replace("c.16.0", "c.17.0");
    expect(other).not.toBe(token);
    expect(verifyToken(key, other)).toBeNull();
    expect(verifyToken(trackingKey("another secret"), token)).toBeNull();
    const lastChar = token.at(-1) === "A" ? "B" : "A";
    expect(verifyToken(key, token.slice(0, -1) + lastChar)).toBeNull();
    for (const junk of ["", ".", "o", "o.1", "x.1.abc", "a".repeat(200)]) expect(verifyToken(key, junk)).toBeNull();
  });
});
