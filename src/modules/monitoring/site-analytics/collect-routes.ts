// GET /collect.js and POST /collect: the site analytics of customer sites (issue 14, item 5), at the
// portal's root for browsers of any origin. No session, no cookie is read or set, and the visitor's IP
// only enters the day's digest (rules/visitor.ts) and the per-IP rate limit's key, itself a digest:
// it is never stored, logged or answered.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ApiOperation } from "../../../http/openapi.js";
import { Router, type Request, type RequestHandler } from "express";
import type { Deps } from "../../../deps.js";
import { AppError } from "../../../lib/errors.js";
import { PROJECT_ROOT } from "../../../lib/project-root.js";
import { beaconBody, beaconCors, beaconErrors, beaconJson } from "../../../http/beacon.js";
import { parseBody } from "../../../http/params.js";
import { rateLimit } from "../../../http/rate-limit.js";
import { ZCollectEvent, type CollectEvent } from "./rules/event.js";
import { pagePath, referrerHost, siteHost, visitorHash } from "./rules/visitor.js";
import { isoDay } from "./rules/period.js";
import { saltStore } from "./salts.js";
import { siteDirectory } from "./site-directory.js";
import { eventBuffer, type EventBuffer } from "./event-buffer.js";

/** The largest event body: a URL and a referrer of 2,048 characters each fit. */
export const COLLECT_BODY_LIMIT = 8 * 1024;

export interface CollectLimits {
  /** Events per window per site; 0: no limit. */
  perSite: number;
  /** Events per window per visitor IP; 0: no limit. */
  perIp: number;
  windowSeconds: number;
}

/**
 * A busy small-business site peaks far below 100 events a second; one browser sends a page view, a few
 * goals and three vitals per page.
 */
export const DEFAULT_COLLECT_LIMITS: CollectLimits = { perSite: 6_000, perIp: 120, windowSeconds: 60 };

export interface CollectOptions {
  limits?: CollectLimits;
  /** The clock (tests move it to the next day). */
  now?: () => Date;
  /** Where accepted events go (tests flush it); by default a buffer of multi-row inserts. */
  buffer?: EventBuffer;
}

/** The script site developers add, without its comment lines and indentation (one read). */
let script: string | null = null;
function collectScript(): string {
  script ??= readFileSync(path.join(PROJECT_ROOT, "public", "collect.js"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("//") && !line.startsWith("/*"))
    .join("\n");
  return script;
}

interface Accepted {
  event: CollectEvent;
  url: URL;
  siteId: number;
  day: string;
  at: Date;
  salt: string;
}

export function collectRoutes(
  deps: Pick<Deps, "pool" | "redis" | "config" | "log">,
  options: CollectOptions = {},
): Router {
  const limits = options.limits ?? DEFAULT_COLLECT_LIMITS;
  const now = options.now ?? (() => new Date());
  const salts = saltStore(deps.redis, deps.config.queuePrefix);
  const sites = siteDirectory(deps.pool);
  const buffer =
    options.buffer ??
    eventBuffer(deps.pool, (err, lost) =>
      deps.log.error({ err: err.message, lost }, "site analytics events not written"),
    );
  const accepted = new WeakMap<Request, Accepted>();

  // The event, its site and the day's salt; refusals name the field.
  const readEvent: RequestHandler = (req, _res, next) => {
    (async () => {
      const event = parseBody(ZCollectEvent, beaconJson(req));
      const url = new URL(event.url);
      const field = event.domain !== undefined ? "domain" : "url";
      const siteId = await sites.siteOf(siteHost(event.domain ?? url.hostname));
      if (siteId === null)
        throw new AppError("validation", `No active site has this ${field === "domain" ? "domain" : "URL's host"}`, [
          { field, message: "no active site has this domain" },
        ]);
      const at = now();
      const day = isoDay(at);
      accepted.set(req, { event, url, siteId, day, at, salt: await salts.forDay(day) });
    })().then(() => next(), next);
  };

  const limited = rateLimit(
    deps.redis,
    [
      {
        name: "site",
        limit: () => limits.perSite,
        windowSeconds: () => limits.windowSeconds,
        keyOf: (req) => String(accepted.get(req)?.siteId ?? "") || null,
      },
      {
        name: "ip",
        limit: () => limits.perIp,
        windowSeconds: () => limits.windowSeconds,
        // The IP's digest under the day's salt: Redis never holds the IP either.
        keyOf: (req) => {
          const a = accepted.get(req);
          return a ? visitorHash(a.salt, 0, req.ip ?? "", "") : null;
        },
      },
    ],
    {
      keyPrefix: `${deps.config.queuePrefix}:site-analytics`,
      onRedisError: (err) => deps.log.warn({ err: err.message }, "site analytics rate limit not counted"),
    },
  );

  const store: RequestHandler = (req, res) => {
    const a = accepted.get(req)!;
    const { event } = a;
    buffer.push({
      siteId: a.siteId,
      day: a.day,
      occurredAt: a.at,
      kind: event.type,
      path: pagePath(a.url),
      referrerHost: event.type === "pageview" ? referrerHost(event.referrer, a.url.hostname) : null,
      visitorHash: visitorHash(a.salt, a.siteId, req.ip ?? "", req.get("user-agent") ?? ""),
      goal: event.goal ?? null,
      metric: event.metric ?? null,
      value: event.value ?? null,
    });
    res.status(204).end();
  };

  const anyOrigin = beaconCors("POST");
  const router = Router({ caseSensitive: true, strict: true });
  router.get("/collect.js", (_req, res) => {
    res.set({
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
      "Cross-Origin-Resource-Policy": "cross-origin",
      "Access-Control-Allow-Origin": "*",
      "X-Content-Type-Options": "nosniff",
    });
    res.send(collectScript());
  });
  router.options("/collect", anyOrigin);
  router.post("/collect", anyOrigin, ...beaconBody(COLLECT_BODY_LIMIT), readEvent, limited, store);
  // The router's own errors (refusals) as problem+json, without reaching the portal's request log.
  router.use("/collect", beaconErrors(deps.log, "site analytics event failed"));
  return router;
}

/** /collect.js and /collect in the OpenAPI document, at the portal's root. */
export const COLLECT_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/collect.js",
    server: "/",
    tag: "site analytics",
    summary: "The analytics script for customer sites (no cookie; page views, goals, Web Vitals)",
    description:
      "Load it from every page with a deferred script element whose src is https://PORTAL/collect.js and whose " +
      "data-domain attribute is the site's domain (needed only where the pages are served under another host); " +
      'call `locod("Goal name")` for a conversion goal.',
    permission: null,
    responses: { 200: { description: "The script", contentType: "text/javascript" } },
  },
  {
    method: "post",
    path: "/collect",
    server: "/",
    tag: "site analytics",
    summary: "One event of a customer site's visitor: a page view, a goal or a Web Vital",
    description:
      "Any origin, no credentials; the body is JSON sent as text/plain (navigator.sendBeacon) or application/json. " +
      "The site is the active site whose domain is `domain`, else the URL's host (without `www.`). No IP is stored: " +
      "a visitor is a digest of the site, the IP and the user agent under a salt that changes every UTC day. " +
      `Rate limited per site (${DEFAULT_COLLECT_LIMITS.perSite}) and per visitor IP (${DEFAULT_COLLECT_LIMITS.perIp}) ` +
      `per ${DEFAULT_COLLECT_LIMITS.windowSeconds} s.`,
    permission: null,
    body: { name: "CollectEvent", schema: ZCollectEvent },
    example: { type: "pageview", url: "https://boulangerie-martin.fr/tarifs", referrer: "https://www.google.com/" },
    responses: {
      204: { description: "Counted (written within a fraction of a second)" },
      400: { description: "A field is invalid, or no active site has the domain: `errors` names `url` or `domain`" },
      413: { description: `The body is over ${COLLECT_BODY_LIMIT} bytes` },
      415: { description: "The body's charset is not one the portal reads (UTF-8)" },
    },
  },
];
