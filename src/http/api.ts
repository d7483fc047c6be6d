// The JSON REST API under /admin/api/v1 (DESIGN.md 4): bearer tokens, problem+json errors.
// Mounted before the cookie session and the same-origin check: no cookie is read here, so a forged
// cross-site request carries no credentials, and CORS stays closed unless CORS_ORIGINS opens it.
import { Router, json, type ErrorRequestHandler, type RequestHandler } from "express";
import type { Deps } from "../deps.js";
import { errorHandler, notFoundHandler, sendProblem } from "./errors.js";
import { AppError } from "../lib/errors.js";
import { keepContext } from "./context.js";
import { requireBearer } from "./bearer-auth.js";
import { crudRoutes } from "./crud-routes.js";
import { MODULES } from "../modules.js";
import type { ModuleDefinition } from "../module.js";
import { docsPage, openApiDocument, type ApiOperation } from "./openapi.js";
import type { WriteDeps } from "../db/table-spec.js";
import { jsonBodyVerify, refuseForbiddenKeys } from "../lib/input-rules.js";
import { bearerKey, rateLimit } from "./rate-limit.js";
import { idempotency } from "./idempotency.js";

const TITLE = "Locod-AI Admin API";
const BODY_LIMIT = "1mb";
/** The body types the API reads: JSON, and JSON-based types such as application/merge-patch+json. */
const JSON_TYPES = ["application/json", "application/*+json"];

/** 415 for a body that is not JSON: it would be read as no body at all. */
const jsonBodiesOnly: RequestHandler = (req, res, next) => {
  const hasBody = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  if (!hasBody || req.is(JSON_TYPES)) return next();
  const detail = `The body must be application/json, not ${req.get("content-type") ?? "untyped"}`;
  sendProblem(res, new AppError("unsupported_media_type", detail));
};

/** 413 for a body over the limit (body-parser's error), before the generic handler words it. */
const bodyTooLarge: ErrorRequestHandler = (err, _req, res, next) => {
  if ((err as { type?: string }).type !== "entity.too.large") return next(err);
  sendProblem(res, new AppError("payload_too_large", `The body must be at most ${BODY_LIMIT}`));
};

/**
 * 405 with Allow for a known path asked with a method it does not take (the documented operations
 * are the routes), where the table routes have not answered it already.
 */
function methodNotAllowed(operations: readonly { method: string; path: string }[]): RequestHandler {
  const byPath = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  for (const op of operations) {
    let entry = byPath.get(op.path);
    if (!entry) {
      const source = op.path
        .split(/\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
        .join("[^/]+");
      entry = { pattern: new RegExp(`^${source}/?$`), methods: new Set() };
      byPath.set(op.path, entry);
    }
    entry.methods.add(op.method.toUpperCase());
  }
  return (req, res, next) => {
    const allowed = new Set<string>();
    for (const { pattern, methods } of byPath.values()) {
      if (pattern.test(req.path)) for (const m of methods) allowed.add(m);
    }
    if (!allowed.size || allowed.has(req.method) || (req.method === "HEAD" && allowed.has("GET"))) return next();
    const allow = [...allowed].sort().join(", ");
    const detail = `${req.method} is not allowed here; allowed: ${allow}`;
    sendProblem(res, new AppError("method_not_allowed", detail, undefined, { Allow: allow }));
  };
}

/**
 * Cross-origin browsers get answers only from the configured origins (none by default). Tokens travel
 * in a header, never a cookie, so no credentials mode is offered.
 */
function cors(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.get("origin");
    const preflight = req.method === "OPTIONS" && req.get("access-control-request-method") !== undefined;
    if (allowed.size) res.vary("Origin");
    if (!origin || !allowed.has(origin)) {
      if (preflight) return next(new AppError("forbidden", "Cross-origin requests are not allowed from this origin"));
      return next();
    }
    res.set("Access-Control-Allow-Origin", origin);
    res.set(
      "Access-Control-Expose-Headers",
      "Location, Retry-After, Content-Disposition, WWW-Authenticate, ETag, X-Request-Id, RateLimit, RateLimit-Policy, Idempotent-Replayed",
    );
    if (preflight) {
      res.set({
        "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE",
        "Access-Control-Allow-Headers": "Authorization, Content-Type, Idempotency-Key, If-Match, X-Request-Id",
        "Access-Control-Max-Age": "600",
      });
      return res.status(204).end();
    }
    next();
  };
}

/** The modules' own operations, then their table routes'. */
function apiOperations(modules: readonly ModuleDefinition[], tableOperations: ApiOperation[]): ApiOperation[] {
  return [
    ...modules.flatMap((module) => [
      ...(module.publicApi?.operations ?? []),
      ...(module.api ?? []).flatMap((api) => api.operations),
      ...(module.rootRoutes?.operations ?? []),
    ]),
    ...tableOperations,
  ];
}

/**
 * The OpenAPI document of the modules given, built without a server: the table routes are built but
 * never called, so nothing connects to PostgreSQL or Redis (what they would use throws if touched).
 */
export async function apiDocument(modules: readonly ModuleDefinition[] = MODULES) {
  const unused = (name: string) =>
    new Proxy({} as never, {
      get: (_target, key) => {
        throw new Error(`Building the API document uses no ${name} (${String(key)} was read)`);
      },
    });
  const offline: WriteDeps = { prisma: unused("database"), config: unused("configuration"), queues: unused("queue") };
  const resources = await crudRoutes(
    offline,
    modules.flatMap((module) => module.tables ?? []),
  );
  return openApiDocument(apiOperations(modules, resources.operations), { title: TITLE, version: "1" });
}

/** The REST API of the modules given (the portal's list by default). */
export async function apiRoutes(deps: Deps, modules: readonly ModuleDefinition[] = MODULES): Promise<Router> {
  const resources = await crudRoutes(
    deps,
    modules.flatMap((module) => module.tables ?? []),
  );
  const operations = apiOperations(modules, resources.operations);
  const document = openApiDocument(operations, { title: TITLE, version: "1" });
  const docs = docsPage(document, TITLE);

  const router = Router();
  router.use(cors(deps.config.corsOrigins));
  const limits = deps.config.rateLimit;
  const onRedisError = (err: Error) => deps.log.warn({ err: err.message }, "rate limit not counted");
  // Per client IP and per bearer token, before anything else (logins and bad tokens count too), in
  // one Redis round trip.
  router.use(
    rateLimit(
      deps.redis,
      [
        {
          name: "ip",
          limit: () => limits.perIp,
          windowSeconds: () => limits.windowSeconds,
          keyOf: (req) => req.ip ?? null,
        },
        { name: "token", limit: () => limits.perToken, windowSeconds: () => limits.windowSeconds, keyOf: bearerKey },
      ],
      { keyPrefix: deps.config.queuePrefix, onRedisError },
    ),
  );
  router.get("/openapi.json", (_req, res) => {
    res.json(document);
  });
  router.get("/docs", (_req, res) => {
    res.type("html").send(docs);
  });
  for (const module of modules) if (module.publicApi) router.use(module.publicApi.routes(deps));
  // Everything below needs a live token; bodies are read only once the caller is known.
  router.use(requireBearer(deps));
  // Answers carry customer and admin data: no shared or browser cache keeps them.
  router.use((_req, res, next) => {
    res.set("Cache-Control", "no-store");
    next();
  });
  router.use(jsonBodiesOnly);
  router.use(keepContext(json({ limit: BODY_LIMIT, type: JSON_TYPES, verify: jsonBodyVerify() })));
  router.use(bodyTooLarge, refuseForbiddenKeys);
  router.use(idempotency(deps.redis, deps.config.queuePrefix));
  // The modules' own routes, in list order, then the generic table routes: a module's path that looks
  // like a row (/billing/invoices/overdue, /billing/invoices/:id/pdf) reaches its module first.
  for (const module of modules) for (const api of module.api ?? []) router.use(api.routes(deps));
  router.use(resources.router);
  router.use(methodNotAllowed(operations.filter((op) => !op.server)));
  router.use(notFoundHandler);
  router.use(errorHandler(deps.log));
  return router;
}
