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

  it("should word the e-mail in the admin's language, with the link and its end in Paris time", () => {
    const link = "https://x/admin/reset-password?token=t";
    const at = new Date("2026-11-02T09:41:30Z");
    const fr = resetMessage({ email: "ana@example.com", name: "Ana", language: "fr" }, link, at);
    expect(fr.to).toBe("ana@example.com");
    expect(fr.subject).toBe("Réinitialisation de votre mot de passe — Locod-AI");
    expect(fr.text).toContain("Bonjour Ana,");
    expect(fr.text).not.toContain("Hello");
    expect(fr.text.split(link)).toHaveLength(2);
    expect(fr.text).toContain("jusqu'au 2 nov. 2026, 10:41 UTC+1");

    const en = resetMessage({ email: "ana@example.com", name: "Ana", language: "en" }, link, at);
    expect(en.subject).toBe("Reset your password — Locod-AI");
    expect(en.text).toContain("Hello Ana,");
    expect(en.text).not.toContain("Bonjour");
    expect(en.text).toContain("until 2 Nov 2026, 10:41 CET");
    // An admin row without a language reads French, the portal's first language.
    expect(resetMessage({ email: "ana@example.com", name: "Ana" }, link, at).text).toContain("Bonjour Ana,");
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
