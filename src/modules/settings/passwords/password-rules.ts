// Reset links and new passwords: the token's shape and stored form, the link and the e-mail carrying it,
// and the check of a new password with its confirmation. Plain functions, unit-tested in
// password-rules.test.ts.
import { formatDate, type Language } from "../../../lib/format.js";
import { createHash } from "node:crypto";
import { refuse } from "../admin-user-error.js";
import { passwordProblem, type PasswordOwner } from "../password-policy.js";

/** How long an e-mailed reset link works. */
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

/** A reset token as the link carries it: 32 random bytes in base64url. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** SHA-256 (hex) of a reset token: the only form in which the database ever holds one. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Checks a new password and its confirmation against the policy, for its owner. */
export function checkNewPassword(password: string, confirm: string, owner: PasswordOwner): void {
  const problem = passwordProblem(password, owner);
  if (problem) throw refuse.password(problem);
  if (password !== confirm) throw refuse.passwordMismatch();
}

/** The reset page's link, as the e-mail carries it. */
export function resetLink(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, "")}/admin/reset-password?token=${token}`;
}

/** The e-mail, in the admin's language (admin_users.language), with the link's end in Paris time. */
export function resetMessage(
  to: { email: string; name: string; language?: Language | null },
  link: string,
  expiresAt: Date,
) {
  const language = to.language === "en" ? "en" : "fr";
  const until = formatDate(expiresAt, language, "timestamp");
  const lines =
    language === "fr"
      ? [
          `Bonjour ${to.name},`,
          "",
          "Un administrateur du back-office Locod-AI a demandé la réinitialisation de votre mot de passe.",
          `Pour en choisir un nouveau, ouvrez ce lien (valable une seule fois, jusqu'au ${until}) :`,
          "",
          link,
          "",
          "Si vous n'attendiez pas ce message, ignorez-le : votre mot de passe actuel reste valable.",
          "",
        ]
      : [
          `Hello ${to.name},`,
          "",
          "An administrator of the Locod-AI back-office asked for your password to be reset.",
          `To choose a new one, open this link (it works once, until ${until}):`,
          "",
          link,
          "",
          "If you did not expect this message, ignore it: your current password stays valid.",
          "",
        ];
  return {
    to: to.email,
    subject: language === "fr" ? "Réinitialisation de votre mot de passe — Locod-AI" : "Reset your password — Locod-AI",
    text: lines.join("\n"),
  };
}
