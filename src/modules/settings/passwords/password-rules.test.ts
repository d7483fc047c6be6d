// Reset links and new passwords (password-rules.ts), without a database.
import { AdminUserError } from "../admin-user-error.js";
import { checkNewPassword, resetLink, resetMessage, tokenHash, TOKEN_SHAPE } from "./password-rules.js";

function refusalOf(fn: () => void): AdminUserError | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof AdminUserError) return error;
    throw error;
  }
}

describe("reset links", () => {
  it("should store a token as its SHA-256 in hex only", () => {
    expect(tokenHash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(TOKEN_SHAPE.test("A".repeat(43))).toBe(true);
    expect(TOKEN_SHAPE.test("A".repeat(42))).toBe(false);
    expect(TOKEN_SHAPE.test(`${"A".repeat(42)}=`)).toBe(false);
  });

  it("should link to the reset page of the public address, with or without its trailing slash", () => {
    expect(resetLink("https://admin.example.com/", "tok")).toBe(
      "https://admin.example.com/admin/reset-password?token=tok",
    );
    expect(resetLink("https://admin.example.com", "tok")).toBe(
      "https://admin.example.com/admin/reset-password?token=tok",
    );
  });

  it("should word the e-mail in French then English, with the link and its end time in UTC", () => {
    const mail = resetMessage(
      { email: "ana@example.com", name: "Ana" },
      "https://x/admin/reset-password?token=t",
      new Date("2026-11-02T09:41:30Z"),
    );
    expect(mail.to).toBe("ana@example.com");
    expect(mail.text.indexOf("Bonjour Ana,")).toBeLessThan(mail.text.indexOf("Hello Ana,"));
    expect(mail.text.split("https://x/admin/reset-password?token=t")).toHaveLength(3);
    expect(mail.text).toContain("jusqu'au 2026-11-02 09:41 UTC");
    expect(mail.text).toContain("until 2026-11-02 09:41 UTC");
  });
});

describe("checkNewPassword", () => {
  it("should take a password of the policy given twice", () => {
    expect(refusalOf(() => checkNewPassword("correct horse battery", "correct horse battery", {}))).toBeNull();
  });

  it("should refuse a policy breach on password, and a differing confirmation on confirm", () => {
    expect(refusalOf(() => checkNewPassword("short", "short", {}))).toMatchObject({
      reason: "passwordTooShort",
      field: "password",
    });
    expect(
      refusalOf(() =>
        checkNewPassword("ana.martin@example.com!", "ana.martin@example.com!", { email: "ana.martin@example.com" }),
      )?.field,
    ).toBe("password");
    expect(refusalOf(() => checkNewPassword("correct horse battery", "correct horse batterY", {}))).toMatchObject({
      reason: "passwordMismatch",
      field: "confirm",
    });
  });
});
