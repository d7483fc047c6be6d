import type { RequestHandler } from "express";
import { AppError } from "../lib/errors.js";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated state changes must come from the portal's own pages: the Origin header (or,
 * when a browser sends none, the Referer) must be the configured public URL's origin. SameSite=Strict
 * cookies already stop most cross-site requests; this also stops same-site ones from other ports and
 * subdomains, and browsers that ignore SameSite.
 */
export function sameOriginOnly(publicBaseUrl: string): RequestHandler {
  const allowed = new URL(publicBaseUrl).origin;
  return (req, _res, next) => {
    if (SAFE.has(req.method)) return next();
    const origin = req.get("origin");
    const referer = req.get("referer");
    let source: string | null = null;
    if (origin && origin !== "null") source = origin;
    else if (referer) {
      try {
        source = new URL(referer).origin;
      } catch {
        source = null;
      }
    }
    if (source === allowed) return next();
    next(
      new AppError(
        "forbidden",
        source ? `Cross-origin request refused (from ${source})` : "Request refused: no Origin or Referer header",
      ),
    );
  };
}
