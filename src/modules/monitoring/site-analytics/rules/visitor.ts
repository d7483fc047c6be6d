// Who a site's visitor is, without a cookie and without keeping the IP (like Plausible): a digest of
// the day's salt, the site, the IP and the user agent. The salt changes every UTC day and the old one is
// deleted, so a digest cannot be linked to the next day's, nor turned back into an IP.
import { createHash } from "node:crypto";

/** The day's visitor id of one browser on one site: 22 base64url characters (128 bits). */
export function visitorHash(salt: string, siteId: number, ip: string, userAgent: string): string {
  return createHash("sha256").update(`${salt}\n${siteId}\n${ip}\n${userAgent}`).digest("base64url").slice(0, 22);
}

/** A host as sites.domain holds it: lower case, no port, no trailing dot, no leading "www.". */
export function siteHost(host: string): string {
  const bare = host.trim().toLowerCase().replace(/\.$/, "").replace(/:\d+$/, "");
  return bare.startsWith("www.") ? bare.slice(4) : bare;
}

/**
 * The host a visitor came from, or null: none, not a http(s) URL, or the site itself (a click inside
 * the site is not a referral). The path and query of the referrer are never kept.
 */
export function referrerHost(referrer: string | undefined | null, ownHost: string): string | null {
  if (!referrer) return null;
  let url: URL;
  try {
    url = new URL(referrer);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  const host = siteHost(url.hostname);
  if (!host || host === siteHost(ownHost)) return null;
  return host.slice(0, 253);
}

/**
 * The page's path as stored: the URL's path only (a query string or fragment can carry e-mails and
 * tokens), without a trailing slash except the root, at most 512 characters.
 */
export function pagePath(url: URL): string {
  let path = url.pathname || "/";
  if (path.length > 1 && path.endsWith("/")) path = path.replace(/\/+$/, "") || "/";
  return path.slice(0, 512);
}
