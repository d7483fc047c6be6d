// Guards of the REST API (/admin/api/v1): bearer-token authentication and can() per route.
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { setContextAdmin } from "../lib/request-context.js";
import { can, type PermissionModule } from "../modules/auth/permissions.js";
import { invalidToken, verifyApiToken, type TokenDeps } from "../modules/auth/tokens.js";
import { AppError } from "../lib/errors.js";

declare module "express-serve-static-core" {
  interface Request {
    /** The admin_sessions row of the bearer token the request came with. */
    apiSession?: { id: string; expiresAt: Date };
  }
}

// RFC 6750 token characters (base64url parts joined by dots, for a JWT).
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The bearer token of the request's Authorization header, or null without a well-formed one. */
export function bearerToken(req: Request): string | null {
  return BEARER.exec(req.get("authorization") ?? "")?.[1] ?? null;
}

/**
 * Every API request but login and the public document: a live token of an active admin, or 401.
 * The admin goes into the request context, so the audit trail names them as the actor.
 */
export function requireBearer(deps: TokenDeps): RequestHandler {
  return (req, _res, next) => {
    const token = bearerToken(req);
    if (!token) return next(invalidToken("Bearer token required: POST /admin/api/v1/auth/login"));
    verifyApiToken(deps, token).then(({ admin, session }) => {
      req.admin = admin;
      req.apiSession = session;
      setContextAdmin(admin);
      next();
    }, next);
  };
}

/** The route needs `module.permission` (DESIGN.md 5): the server refuses, whatever a client shows. */
export function requireApiPermission(module: PermissionModule, permission: string): RequestHandler {
  return (req, _res, next) => {
    if (can(req.admin, module, permission as never)) return next();
    next(new AppError("forbidden", `This needs the permission ${module}.${permission}`));
  };
}

/** Express 4 does not see a rejected promise: hands it to the error handler (problem+json). */
export function asyncRoute(
  handler: (req: Request, res: Response, next: NextFunction) => Promise<unknown>,
): RequestHandler {
  return (req, res, next) => {
    handler(req, res, next).catch(next);
  };
}
