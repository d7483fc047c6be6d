import type { RequestHandler } from "express";
import { AppError } from "../lib/errors.js";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];

/**
 * The origins whose pages may post: the public URL's, and outside production, when that URL names this
 * machine (localhost, 127.0.0.1 or [::1]), the same scheme and port under the other loopback names, so
 * that a newcomer may open either address `npm start` could mean.
 */
export function allowedOrigins(publicBaseUrl: string, isProduction: boolean): string[] {
  const url = new URL(publicBaseUrl);
  if (isProduction || !LOOPBACK.includes(url.hostname)) return [url.origin];
  const port = url.port ? `:${url.port}` : "";
  return [url.origin, ...LOOPBACK.map((host) => `${url.protocol}//${host}${port}`).filter((o) => o !== url.origin)];
}

/**
 * Cookie-authenticated state changes must come from the portal's own pages: the Origin header (or,
 * when a browser sends none, the Referer) must be the configured public URL's origin. SameSite=Strict
 * cookies already stop most cross-site requests; this also stops same-site ones from other ports and
 * subdomains, and browsers that ignore SameSite.
 */
export function sameOriginOnly(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
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
    if (source && allowed.has(source)) return next();
    next(
      new AppError(
        "forbidden",
        source ? `Cross-origin request refused (from ${source})` : "Request refused: no Origin or Referer header",
      ),
    );
  };
}
