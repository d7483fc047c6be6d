import { auditRecord, changes, isSecretKey, redact, REDACTED } from "./audit.js";

describe("audit redaction", () => {
  it.each([
    "jti",
    "JTI",
    "sessionId",
    "session_id",
    "sid",
    "token",
    "accessToken",
    "refresh_token",
    "tokenHash",
    "passwordHash",
    "password_hash",
    "password",
    "newPassword",
    "secret",
    "webhookSecret",
    "apiKey",
    "api_key",
    "API-KEY",
    "privateKey",
    "cookie",
    "authorization",
  ])("treats %s as a credential", (key) => {
    expect(isSecretKey(key)).toBe(true);
  });

  it.each(["id", "email", "name", "inputTokens", "output_tokens", "status", "role", "amountCents"])(
    "keeps %s",
    (key) => {
      expect(isSecretKey(key)).toBe(false);
    },
  );

  it("redacts nested objects and arrays, and keeps the rest", () => {
    expect(
      redact("metadata", {
        note: "kept",
        auth: { token: "t-123", nested: [{ apiKey: "k-1", label: "x" }] },
        Session_ID: "s-1",
      }),
    ).toEqual({
      note: "kept",
      auth: { token: REDACTED, nested: [{ apiKey: REDACTED, label: "x" }] },
      Session_ID: REDACTED,
    });
  });

  it("never writes a credential's value in old or new values", () => {
    const { oldValues, newValues } = changes(
      { id: 1, passwordHash: "$2b$old", settings: { jti: "abc" } },
      { id: 1, passwordHash: "$2b$new", settings: { jti: "def" } },
    );
    expect(JSON.stringify([oldValues, newValues])).not.toMatch(/\$2b|abc|def/);
    expect(newValues).toEqual({ passwordHash: REDACTED, settings: { jti: REDACTED } });
  });

  it("keeps a session's id (a token's jti) out of the record, as resource id and as a value", () => {
    const jti = "Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4";
    const record = auditRecord({
      action: "create",
      resourceType: "admin_sessions",
      resourceId: jti,
      adminId: 1,
      after: { id: jti, adminId: 1, expiresAt: new Date(0), ipAddress: "127.0.0.1" },
    });
    expect(JSON.stringify(record)).not.toContain(jti);
    expect(record.newValues).toMatchObject({ id: REDACTED, adminId: 1 });
    const logout = auditRecord({
      action: "logout",
      resourceType: "admin_sessions",
      resourceId: jti,
      before: { id: jti },
    });
    expect(JSON.stringify(logout)).not.toContain(jti);
  });
});
