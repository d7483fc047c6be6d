// Form-login sessions, stored in PostgreSQL (connect-pg-simple) so they survive restarts and are shared
// by every web process. Only {id, email, name, role} is ever stored (see modules/auth/service.ts).
import connectPgSimple from "connect-pg-simple";
import session from "express-session";
import type { Request } from "express";
import type { Deps } from "../deps.js";
import type { SessionAdmin } from "../modules/auth/service.js";

declare module "express-session" {
  interface SessionData {
    adminUser?: SessionAdmin;
    redirectTo?: string;
  }
}

export const SESSION_COOKIE = "locod_admin.sid";

export function sessionOptions(deps: Pick<Deps, "config" | "pool">): session.SessionOptions {
  const PgStore = connectPgSimple(session);
  const { config } = deps;
  return {
    name: SESSION_COOKIE,
    secret: config.session.secret,
    store: new PgStore({
      pool: deps.pool,
      tableName: "session",
      createTableIfMissing: false,
      // Expired rows are purged by the maintenance queue, not by a timer in every web process.
      pruneSessionInterval: false,
      // A login lasts SESSION_TTL_HOURS from the moment it was made, not from the last click: no UPDATE
      // of the session row on every request, and a stolen cookie does not live forever by being used.
      disableTouch: true,
    }),
    resave: false,
    saveUninitialized: false,
    rolling: false,
    proxy: config.trustProxy !== false,
    cookie: {
      httpOnly: true,
      sameSite: "strict",
      // "auto" marks the cookie Secure when the request came over TLS (directly or per trust proxy).
      secure: config.session.cookieSecure === "auto" ? "auto" : config.session.cookieSecure === "true",
      maxAge: config.session.ttlMs,
      path: "/",
    },
  };
}

/**
 * Replaces the session id (fixation defence) and keeps nothing of the anonymous session but the page
 * that sent the browser to the login (redirectTo: a path of ours, set by the server, never from input).
 */
export function regenerateSession(req: Request): Promise<void> {
  const back = req.session.redirectTo;
  return new Promise((resolve, reject) =>
    req.session.regenerate((err) => {
      if (err) return reject(err);
      if (back) req.session.redirectTo = back;
      resolve();
    }),
  );
}
