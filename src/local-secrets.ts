// Development secrets without public defaults: an unset SESSION_SECRET, JWT_SECRET or
// WIZARD_WEBHOOK_SECRET gets a random value on first start, kept in .secrets.local.json (mode 0600,
// git-ignored) in the project root and reused on every later start. Production is left alone:
// there, config.ts refuses a missing, short or publicly known secret.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MIN_SECRET_LENGTH, SIGNING_SECRETS, type SigningSecret } from "./config.js";
import { PROJECT_ROOT } from "./lib/project-root.js";

export const LOCAL_SECRETS_FILE = ".secrets.local.json";

export interface LocalSecretsResult {
  /** Variables given a new random value (and written to the file). */
  generated: SigningSecret[];
  /** Variables taken from the file. */
  reused: SigningSecret[];
  /** The file, when it was read or written. */
  file: string | null;
}

/** A new secret: 48 random bytes, base64url (64 characters). */
export function newSecret(): string {
  return randomBytes(48).toString("base64url");
}

function readFile(file: string): Partial<Record<SigningSecret, string>> {
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new Error(`${file} is not valid JSON: fix or delete it (new secrets are then generated)`);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
  const kept: Partial<Record<SigningSecret, string>> = {};
  for (const name of SIGNING_SECRETS) {
    const value = (parsed as Record<string, unknown>)[name];
    if (typeof value === "string" && value.length >= MIN_SECRET_LENGTH) kept[name] = value;
  }
  return kept;
}

/**
 * Fills the unset signing secrets of `env` (outside production) from the local file, generating and
 * saving those the file lacks. Says what it did through `log`.
 */
export function ensureLocalSecrets(
  env: NodeJS.ProcessEnv = process.env,
  options: { root?: string; log?: (message: string) => void } = {},
): LocalSecretsResult {
  const result: LocalSecretsResult = { generated: [], reused: [], file: null };
  if (env.NODE_ENV === "production") return result;
  const missing = SIGNING_SECRETS.filter((name) => !env[name]);
  if (missing.length === 0) return result;

  const file = path.join(options.root ?? PROJECT_ROOT, LOCAL_SECRETS_FILE);
  const stored = readFile(file);
  for (const name of missing) {
    const value = stored[name];
    if (value) {
      env[name] = value;
      result.reused.push(name);
    } else {
      stored[name] = env[name] = newSecret();
      result.generated.push(name);
    }
  }
  if (result.generated.length > 0) {
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    // writeFileSync's mode applies to a new file only: an existing one is narrowed too.
    chmodSync(file, 0o600);
  }
  result.file = file;
  const log = options.log ?? ((message: string) => console.log(message));
  if (result.generated.length > 0)
    log(`${result.generated.join(", ")} not set: generated and saved in ${file} (kept for the next starts)`);
  if (result.reused.length > 0) log(`${result.reused.join(", ")} not set: read from ${file}`);
  return result;
}
