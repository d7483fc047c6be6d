// Throttling of the login form (POST /admin/login), before AdminJS sees the request. The counting and
// the lock decision live in authenticate() (modules/auth/service.ts), the same for the REST login: this
// only gives a locked account or IP its answer as a page, 429 with Retry-After, without a password check.
import type { RequestHandler, Response } from "express";
import type AdminJS from "adminjs";
import type { Deps } from "../deps.js";
import { refuseIfLocked } from "../modules/auth/service.js";
import { AppError } from "../lib/errors.js";

/** The login form's message key (locale.ts), the same for every account, known or not. */
export const LOCKED_MESSAGE = "tooManyLoginAttempts";

export function loginThrottle(deps: Deps, admin: AdminJS): RequestHandler {
  return (req, res, next) => {
    const email = typeof req.fields?.email === "string" ? req.fields.email : "";
    refuseIfLocked(deps, email, { ip: req.ip, userAgent: req.get("user-agent") })
      .then(async (lock) => {
        if (!lock) return false;
        keepLockedStatus(res, lock.retryAfter);
        const page = await admin.renderLogin({ action: admin.options.loginPath, errorMessage: LOCKED_MESSAGE });
        res.type("html").send(page);
        return true;
      })
      // Outside the promise chain above, so that an error further down the stack is not caught here.
      .then((answered) => answered || next(), next);
  };
}

/**
 * For a lock that authenticate() finds after this middleware let the request through (a race with
 * another attempt): AdminJS answers every error of its authenticate callback with 400, which would hide
 * the 429. Sets 429 and Retry-After, and keeps them.
 */
export function keepLockedStatus(res: Response, retryAfter: number): void {
  res.status(429).set("Retry-After", String(retryAfter));
  res.status = () => res;
}

/**
 * The answer of AdminJS's authenticate callback when authenticate() refuses: null for wrong credentials
 * (AdminJS shows invalidCredentials); a lock keeps its 429 and is thrown as the message key AdminJS
 * shows. Anything else (Redis or the database down) is logged and shown as a failed login, never as
 * its error text.
 */
export function formLoginRefusal(err: unknown, res: Response | undefined, log: Deps["log"]): null {
  if (err instanceof AppError && err.code === "too_many_requests") {
    if (res) keepLockedStatus(res, Number(err.headers?.["Retry-After"] ?? 60));
    throw new Error(LOCKED_MESSAGE);
  }
  if (!(err instanceof AppError && err.code === "invalid_credentials")) log.error({ err }, "login failed");
  return null;
}
