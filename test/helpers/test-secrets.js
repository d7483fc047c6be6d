// Random signing secrets for this test run, set in the environment the jest workers inherit.
// No secret has a default (src/config.ts): each run gets its own, never a value written anywhere.
import { randomBytes } from "node:crypto";

export const SIGNING_SECRETS = ["SESSION_SECRET", "JWT_SECRET", "WIZARD_WEBHOOK_SECRET"];

export function setTestSecrets(env = process.env) {
  for (const name of SIGNING_SECRETS) if (!env[name]) env[name] = randomBytes(48).toString("base64url");
}

/** jest globalSetup of the unit project (the other projects call setTestSecrets from global-setup.js). */
export default function unitGlobalSetup() {
  setTestSecrets();
}
