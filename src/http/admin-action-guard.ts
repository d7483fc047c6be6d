// Checks the permission of an AdminJS API call before AdminJS handles it. AdminJS checks isAccessible
// too, but only after it has loaded the record (a missing record answers 404, telling a forbidden user
// which ids exist) and after the action's `before` hooks ran; this answers 403 first, every time.
import type { RequestHandler } from "express";
import type AdminJS from "adminjs";
import { KitPrismaResource } from "../admin/resource-kit.js";
import { contextCan, permissionFor } from "../admin/access.js";
import { checkAdminListRequest } from "../admin/list-params.js";
import { AppError } from "../lib/errors.js";

const ACTION_PATH =
  /^\/resources\/([^/]+)\/(?:actions\/([^/?]+)|records\/[^/]+\/([^/?]+)|bulk\/([^/?]+)|search(?:\/|$))/;

/** Mounted at /admin/api, after the session is loaded. */
export function adminActionGuard(admin: AdminJS): RequestHandler {
  const resources = new Map(
    admin.resources.filter((r): r is KitPrismaResource => r instanceof KitPrismaResource).map((r) => [r.tableName, r]),
  );
  return (req, res, next) => {
    const match = ACTION_PATH.exec(req.path);
    if (!match) return next();
    const resource = resources.get(decodeURIComponent(match[1]!));
    if (!resource) return next();
    const action = decodeURIComponent(match[2] ?? match[3] ?? match[4] ?? "search");
    const permission = permissionFor(resource.access, action);
    if (permission !== null && contextCan(resource.access.module, permission)) {
      return checkAdminListRequest(resource, action, req, res, next);
    }
    // Shaped as AdminJS answers a forbidden action, so its front end shows the notice.
    res.status(403).json({
      record: { params: {}, populated: {}, errors: {} },
      records: [],
      notice: { message: "forbiddenError", type: "error" },
    });
  };
}

/**
 * What to do with a request path before routing, so that the action guard sees exactly the path AdminJS
 * routes: repeated slashes are collapsed (308 to the clean path); an encoded slash or backslash, or a
 * dot segment (`/./`, `/../`, encoded or not), is refused (404). Null: the path is already clean.
 */
export function pathVerdict(path: string): { redirect: string } | { refuse: true } | null {
  if (/%2f|%5c|\\/i.test(path)) return { refuse: true };
  if (/(^|\/)(\.|%2e){1,2}(\/|$)/i.test(path)) return { refuse: true };
  if (path.includes("//")) return { redirect: path.replace(/\/{2,}/g, "/") };
  return null;
}

/** Mounted first: applies pathVerdict to every request. */
export const strictPaths: RequestHandler = (req, res, next) => {
  const [path = "", query] = req.originalUrl.split(/\?(.*)/s, 2);
  const verdict = pathVerdict(path);
  if (!verdict) return next();
  if ("refuse" in verdict) return next(new AppError("not_found", "No such path"));
  res.redirect(308, query === undefined ? verdict.redirect : `${verdict.redirect}?${query}`);
};
