// The JSON REST API under /admin/api/v1 (DESIGN.md 4): bearer tokens, problem+json errors.
// Mounted before the cookie session and the same-origin check: no cookie is read here, so a forged
// cross-site request carries no credentials, and CORS stays closed unless CORS_ORIGINS opens it.
import { Router, json, type RequestHandler } from "express";
import type { Deps } from "../deps.js";
import { errorHandler, notFoundHandler } from "./errors.js";
import { AppError } from "../lib/errors.js";
import { keepContext } from "./context.js";
import { requireBearer } from "./bearer-auth.js";
import { crudRoutes } from "./crud-routes.js";
import { MODULES } from "../modules.js";
import type { ModuleDefinition } from "../module.js";
import { docsPage, openApiDocument } from "./openapi.js";
import { jsonBodyVerify, refuseForbiddenKeys } from "../lib/input-rules.js";

const TITLE = "Locod-AI Admin API";

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
    res.set("Access-Control-Expose-Headers", "Location, Retry-After, Content-Disposition, WWW-Authenticate");
    if (preflight) {
      res.set({
        "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE",
        "Access-Control-Allow-Headers": "Authorization, Content-Type",
        "Access-Control-Max-Age": "600",
      });
      return res.status(204).end();
    }
    next();
  };
}

/** The REST API of the modules given (the portal's list by default). */
export async function apiRoutes(deps: Deps, modules: readonly ModuleDefinition[] = MODULES): Promise<Router> {
  const resources = await crudRoutes(
    deps,
    modules.flatMap((module) => module.tables ?? []),
  );
  const document = openApiDocument(
    [
      ...modules.flatMap((module) => [
        ...(module.publicApi?.operations ?? []),
        ...(module.api ?? []).flatMap((api) => api.operations),
      ]),
      ...resources.operations,
    ],
    {
      title: TITLE,
      version: "1",
    },
  );
  const docs = docsPage(document, TITLE);

  const router = Router();
  router.use(cors(deps.config.corsOrigins));
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
  router.use(keepContext(json({ limit: "1mb", verify: jsonBodyVerify() })), refuseForbiddenKeys);
  // The modules' own routes, in list order, then the generic table routes: a module's path that looks
  // like a row (/billing/invoices/overdue, /billing/invoices/:id/pdf) reaches its module first.
  for (const module of modules) for (const api of module.api ?? []) router.use(api.routes(deps));
  router.use(resources.router);
  router.use(notFoundHandler);
  router.use(errorHandler(deps.log));
  return router;
}
