import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureLocalSecrets, LOCAL_SECRETS_FILE } from "./local-secrets.js";
import { loadConfig } from "./config.js";

describe("ensureLocalSecrets", () => {
  let root: string;
  let messages: string[];
  const log = (message: string) => messages.push(message);

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "locod-secrets-"));
    messages = [];
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("generates the unset secrets once, keeps them in a 0600 file, and reuses them next start", () => {
    const first: NodeJS.ProcessEnv = { NODE_ENV: "development" };
    const result = ensureLocalSecrets(first, { root, log });
    const file = path.join(root, LOCAL_SECRETS_FILE);
    expect(result.generated).toEqual(["SESSION_SECRET", "JWT_SECRET", "WIZARD_WEBHOOK_SECRET"]);
    expect(first.SESSION_SECRET).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(first.JWT_SECRET).not.toBe(first.SESSION_SECRET);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
      SESSION_SECRET: first.SESSION_SECRET,
      JWT_SECRET: first.JWT_SECRET,
      WIZARD_WEBHOOK_SECRET: first.WIZARD_WEBHOOK_SECRET,
    });
    expect(messages.join("\n")).toContain(`SESSION_SECRET, JWT_SECRET, WIZARD_WEBHOOK_SECRET not set: generated`);
    expect(messages.join("\n")).toContain(file);
    // The config then loads: no public default was needed.
    expect(loadConfig(first).jwtSecret).toBe(first.JWT_SECRET);

    const second: NodeJS.ProcessEnv = {};
    expect(ensureLocalSecrets(second, { root, log }).reused).toHaveLength(3);
    expect(second.SESSION_SECRET).toBe(first.SESSION_SECRET);
    expect(second.WIZARD_WEBHOOK_SECRET).toBe(first.WIZARD_WEBHOOK_SECRET);
  });

  it("leaves a variable that is set alone, and adds only what the file lacks", () => {
    writeFileSync(path.join(root, LOCAL_SECRETS_FILE), JSON.stringify({ JWT_SECRET: "j".repeat(40) }));
    const env: NodeJS.ProcessEnv = { SESSION_SECRET: "s".repeat(40) };
    const result = ensureLocalSecrets(env, { root, log });
    expect(env.SESSION_SECRET).toBe("s".repeat(40));
    expect(env.JWT_SECRET).toBe("j".repeat(40));
    expect(result.reused).toEqual(["JWT_SECRET"]);
    expect(result.generated).toEqual(["WIZARD_WEBHOOK_SECRET"]);
  });

  it("does nothing in production, where the secrets must be given", () => {
    const env: NodeJS.ProcessEnv = { NODE_ENV: "production" };
    expect(ensureLocalSecrets(env, { root, log }).file).toBeNull();
    expect(env.SESSION_SECRET).toBeUndefined();
    expect(() => loadConfig(env)).toThrow(/SESSION_SECRET: required/);
  });
});
