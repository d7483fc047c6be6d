import type { RequestHandler } from "express";
import { AppError } from "../lib/errors.js";
import { sendError } from "./error-page.js";
import { can, type Permission, type PermissionModule } from "../modules/auth/permissions.js";

/** AdminJS's own JSON API answers 401 without a session, instead of AdminJS's redirect to the form. */
export const requireSessionForApi: RequestHandler = (req, _res, next) => {
  if (!req.admin) return next(new AppError("unauthenticated", "Log in first: no valid session"));
  next();
};

/**
 * Pages outside AdminJS (Bull Board): no session -> the login form; no permission -> 403, an HTML page
 * in the portal's look for a browser (src/http/error-page.ts), problem+json for an API client.
 */
export function requirePermission<M extends PermissionModule>(module: M, permission: Permission<M>): RequestHandler {
  return (req, res, next) => {
    if (!req.admin) return res.redirect(302, "/admin/login");
    if (!can(req.admin, module, permission)) {
      return sendError(req, res, new AppError("forbidden", `This page needs the ${module}.${permission} permission`));
    }
    next();
  };
}

const FORBIDDEN_NOTICES = new Set(["forbiddenError", "anyForbiddenError"]);

/**
 * AdminJS answers an action the user may not run with HTTP 200 and an error notice; this gives it its
 * real status, 403, keeping the body (and its notice, which the AdminJS front end shows).
 */
export const forbiddenAs403: RequestHandler = (_req, res, next) => {
  const json = res.json.bind(res);
  res.json = (body?: unknown) => {
    const notice = (body as { notice?: { type?: string; message?: string } } | undefined)?.notice;
    if (res.statusCode === 200 && notice?.type === "error" && FORBIDDEN_NOTICES.has(notice.message ?? "")) {
      res.status(403);
    }
    return json(body);
  };
  next();
};
