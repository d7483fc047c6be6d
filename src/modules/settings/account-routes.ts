// Pages of /admin the portal serves itself, outside AdminJS:
// - /admin/reset-password?token=…: the e-mailed reset link (no session: the link is the credential);
// - /admin/account/password: a logged-in admin changes their own password (session required). A browser
//   opening it is sent to the account page inside the layout (/admin/pages/account,
//   components/AccountPassword.tsx), which posts here asking for JSON; a plain form post (no script)
//   still gets the HTML page.
// Mounted in app.ts after the session, the same-origin check and the form parser, before AdminJS's
// authenticated router. Plain HTML forms, French then English like the e-mail: no script, no external
// resource, inline styles only (the Content-Security-Policy of app.ts).
import { Router, type Request, type Response } from "express";
import type { Deps } from "../../deps.js";
import { settingsLocale } from "./locale.js";
import { AdminUserError } from "./admin-user-error.js";
import { changeOwnPassword } from "./passwords/change-own-password.js";
import { completePasswordReset, inspectResetToken } from "./passwords/complete-password-reset.js";
import { writeAudit } from "../../lib/audit.js";
import { attemptSucceeded, beginAttempt, throttleKeys } from "../auth/index.js";
import { wantsHtml } from "../../http/error-page.js";

type Words = readonly [string, string];

const TEXT = {
  resetTitle: ["Nouveau mot de passe", "New password"],
  changeTitle: ["Changer mon mot de passe", "Change my password"],
  current: ["Mot de passe actuel", "Current password"],
  password: ["Nouveau mot de passe", "New password"],
  confirm: ["Le même, une seconde fois", "The same, once more"],
  rules: [
    "12 à 64 caractères ; ni un mot de passe courant, ni votre e-mail ou votre nom. Une phrase de plusieurs mots fait un bon mot de passe.",
    "12 to 64 characters; not a common password, nor your e-mail or name. A sentence of several words makes a good password.",
  ],
  save: ["Enregistrer", "Save"],
  account: ["Compte", "Account"],
  askNewLink: [
    "Demandez un nouveau lien à un administrateur du back-office.",
    "Ask an administrator of the back-office for a new link.",
  ],
  resetDone: [
    "Votre mot de passe est enregistré. Toutes vos sessions ont pris fin : connectez-vous avec le nouveau.",
    "Your password is saved. All your sessions have ended: log in with the new one.",
  ],
  changeDone: [
    "Votre mot de passe est changé. Vos autres sessions (autres navigateurs, jetons API) ont pris fin.",
    "Your password is changed. Your other sessions (other browsers, API tokens) have ended.",
  ],
  login: ["Se connecter", "Log in"],
  locked: ["Trop de mots de passe erronés : réessayez plus tard.", "Too many wrong passwords: try again later."],
  back: ["Retour au back-office", "Back to the back-office"],
} as const satisfies Record<string, Words>;

/** A message of this module's locale (the key of an AdminUserError), in both languages. */
function message(key: string): Words {
  const messages = settingsLocale.messages ?? {};
  return (Object.hasOwn(messages, key) ? messages[key] : undefined) ?? [key, key];
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** French, then English in grey. */
function both([french, english]: Words): string {
  return `${escape(french)}<br><span style="color:#6b7280">${escape(english)}</span>`;
}

function field(req: Request, name: string): string {
  const value = (req.fields as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : "";
}

function send(res: Response, status: number, title: Words, body: string): void {
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escape(title[0])} / ${escape(title[1])} — Locod-AI</title>
<link rel="icon" href="/favicon.svg">
</head>
<body style="margin:0;background:#f6f7fb;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2937">
<main style="max-width:28rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12)">
<h1 style="font-size:1.25rem;margin:0 0 1.5rem">${both(title)}</h1>
${body}
</main>
</body>
</html>`;
  // The reset page's URL holds the token: nothing of it is cached.
  res.status(status).set("Cache-Control", "no-store").type("html").send(html);
}

function notice(kind: "error" | "success", words: Words): string {
  const [color, background] = kind === "error" ? ["#991b1b", "#fef2f2"] : ["#166534", "#f0fdf4"];
  return `<p role="${kind === "error" ? "alert" : "status"}" style="padding:.75rem 1rem;border-radius:6px;color:${color};background:${background}">${both(words)}</p>`;
}

function link(href: string, words: Words): string {
  return `<p><a href="${escape(href)}" style="color:#4268F6">${escape(words[0])} / ${escape(words[1])}</a></p>`;
}

interface Input {
  name: string;
  label: Words;
  autocomplete: string;
}

function form(action: string, inputs: Input[], errors: Record<string, Words>, hidden: Record<string, string>): string {
  const general = errors[""] ? notice("error", errors[""]) : "";
  const fields = inputs
    .map((input) => {
      const error = errors[input.name];
      return `<label for="${input.name}" style="display:block;font-weight:600;margin:1rem 0 .25rem">${both(input.label)}</label>
<input type="password" id="${input.name}" name="${input.name}" autocomplete="${input.autocomplete}" required
 style="box-sizing:border-box;width:100%;padding:.6rem;border:1px solid ${error ? "#dc2626" : "#d1d5db"};border-radius:6px;font-size:1rem"${error ? ` aria-invalid="true" aria-describedby="${input.name}-error"` : ""}>
${error ? `<p id="${input.name}-error" style="color:#dc2626;margin:.25rem 0 0;font-size:.9rem">${both(error)}</p>` : ""}`;
    })
    .join("\n");
  const hiddenInputs = Object.entries(hidden)
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join("\n");
  return `${general}
<form method="post" action="${escape(action)}">
${hiddenInputs}
${fields}
<p style="font-size:.85rem;color:#4b5563;margin:1rem 0">${both(TEXT.rules)}</p>
<button type="submit" style="padding:.6rem 1.2rem;border:0;border-radius:6px;background:#4268F6;color:#fff;font-size:1rem;cursor:pointer">${escape(TEXT.save[0])} / ${escape(TEXT.save[1])}</button>
</form>`;
}

/** A service refusal as the page shows it: next to its field, or above the form. */
function formErrors(error: AdminUserError): Record<string, Words> {
  return { [error.field ?? ""]: message(error.reason) };
}

const RESET_INPUTS: Input[] = [
  { name: "password", label: TEXT.password, autocomplete: "new-password" },
  { name: "confirm", label: TEXT.confirm, autocomplete: "new-password" },
];

const CHANGE_INPUTS: Input[] = [
  { name: "current", label: TEXT.current, autocomplete: "current-password" },
  ...RESET_INPUTS,
];

export function accountRoutes(deps: Deps): Router {
  const { prisma, config } = deps;
  // The admin users' reset action (resource.ts) queues its mail job on these.
  const router = Router();

  const badLink = (res: Response, state: "unknown" | "used" | "expired") => {
    const key = `resetToken${state.charAt(0).toUpperCase()}${state.slice(1)}`;
    send(res, 400, TEXT.resetTitle, `${notice("error", message(key))}<p>${both(TEXT.askNewLink)}</p>`);
  };

  router.get("/reset-password", async (req, res, next) => {
    try {
      const token = typeof req.query.token === "string" ? req.query.token : "";
      const found = await inspectResetToken(prisma, token);
      if (found.state !== "valid") return badLink(res, found.state);
      const who = `<p>${escape(TEXT.account[0])} / ${escape(TEXT.account[1])} : <strong>${escape(found.admin.email)}</strong></p>`;
      send(res, 200, TEXT.resetTitle, who + form(req.baseUrl + req.path, RESET_INPUTS, {}, { token }));
    } catch (error) {
      next(error);
    }
  });

  router.post("/reset-password", async (req, res, next) => {
    const token = field(req, "token");
    try {
      await completePasswordReset(deps, { token, password: field(req, "password"), confirm: field(req, "confirm") });
      send(res, 200, TEXT.resetTitle, notice("success", TEXT.resetDone) + link(`${req.baseUrl}/login`, TEXT.login));
    } catch (error) {
      if (!(error instanceof AdminUserError)) return next(error);
      if (error.field === "token")
        return badLink(
          res,
          error.reason === "resetTokenExpired" ? "expired" : error.reason === "resetTokenUsed" ? "used" : "unknown",
        );
      send(
        res,
        error.status,
        TEXT.resetTitle,
        form(req.baseUrl + req.path, RESET_INPUTS, formErrors(error), { token }),
      );
    }
  });

  router.get("/account/password", (req, res) => {
    if (!req.admin) return res.redirect(302, `${req.baseUrl}/login`);
    if (wantsHtml(req)) return res.redirect(302, `${req.baseUrl}/pages/account`);
    const who = `<p>${escape(TEXT.account[0])} / ${escape(TEXT.account[1])} : <strong>${escape(req.admin.email)}</strong></p>`;
    send(
      res,
      200,
      TEXT.changeTitle,
      who + form(req.baseUrl + req.path, CHANGE_INPUTS, {}, {}) + link(req.baseUrl, TEXT.back),
    );
  });

  router.post("/account/password", async (req, res, next) => {
    if (!req.admin) return res.redirect(302, `${req.baseUrl}/login`);
    const adminId = req.admin.id;
    // The account page (AccountPassword.tsx) asks for JSON: message keys of the settings locale.
    const json = req.accepts(["text/html", "application/json"]) === "application/json";
    // A wrong current password counts against the account's login lock (and this IP's), as a failed
    // login does: the form is no way around the throttle, and a lock shows here as on the login form.
    const keys = throttleKeys(config.queuePrefix, req.admin.email, req.ip);
    let attempt: Awaited<ReturnType<typeof beginAttempt>> | null = null;
    try {
      attempt = await beginAttempt(deps.redis, keys);
      if (!attempt.allowed) {
        await writeAudit(prisma, {
          action: "password_change_failed",
          resourceType: "admin_users",
          resourceId: adminId,
          adminId,
          after: { reason: "locked", scope: attempt.lock.scope, retryAfter: attempt.lock.retryAfter },
        });
        res.set("Retry-After", String(attempt.lock.retryAfter));
        if (json) return res.status(429).set("Cache-Control", "no-store").json({ error: "accountLocked", field: null });
        return send(res, 429, TEXT.changeTitle, notice("error", TEXT.locked) + link(req.baseUrl, TEXT.back));
      }
      await changeOwnPassword(
        { prisma, config },
        adminId,
        { current: field(req, "current"), password: field(req, "password"), confirm: field(req, "confirm") },
        req.sessionID,
      );
      await attemptSucceeded(deps.redis, keys, attempt);
      if (json) return res.set("Cache-Control", "no-store").json({ done: "accountPasswordChanged" });
      send(res, 200, TEXT.changeTitle, notice("success", TEXT.changeDone) + link(req.baseUrl, TEXT.back));
    } catch (error) {
      if (!attempt?.allowed) return next(error);
      try {
        if (error instanceof AdminUserError && error.reason === "currentPasswordWrong")
          await writeAudit(prisma, {
            action: "password_change_failed",
            resourceType: "admin_users",
            resourceId: adminId,
            adminId,
            after: {
              reason: "current_password_wrong",
              ...(attempt.accountLockSeconds ? { accountLockedFor: attempt.accountLockSeconds } : {}),
            },
          });
        // The current password was right (or never checked): the attempt is not a failure.
        else await attemptSucceeded(deps.redis, keys, attempt);
      } catch (bookkeeping) {
        return next(bookkeeping);
      }
      if (!(error instanceof AdminUserError)) return next(error);
      if (json)
        return res
          .status(error.status)
          .set("Cache-Control", "no-store")
          .json({ error: error.reason, field: error.field ?? null });
      send(
        res,
        error.status,
        TEXT.changeTitle,
        form(req.baseUrl + req.path, CHANGE_INPUTS, formErrors(error), {}) + link(req.baseUrl, TEXT.back),
      );
    }
  });

  return router;
}
