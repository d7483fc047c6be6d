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
import { docsPage, openApiDocument } from "./openapi.js";
import { AUTH_OPERATIONS, authRoutes } from "../modules/auth/routes.js";
import { AI_QUEUE_OPERATIONS, aiQueueRoutes } from "../modules/ai-queue/routes.js";
import { aiQueueStatsRoutes } from "../modules/ai-queue/stats-routes.js";
import { SUBSCRIPTION_OPERATIONS, subscriptionRoutes } from "../modules/billing/subscription-routes.js";
import { BILLING_DOCUMENT_OPERATIONS, billingDocumentRoutes } from "../modules/billing/document-routes.js";
import { REVENUE_OPERATIONS, revenueRoutes } from "../modules/billing/revenue-routes.js";
import { BILLING_STRIPE_OPERATIONS, billingStripeRoutes } from "../modules/billing/stripe-routes.js";
import { INVOICING_OPERATIONS, invoicingRoutes } from "../modules/billing/invoicing-routes.js";
import { ANALYTICS_OPERATIONS, analyticsRoutes } from "../modules/analytics/routes.js";
import { DASHBOARD_OPERATIONS, dashboardRoutes } from "../modules/dashboard/routes.js";

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

export async function apiRoutes(deps: Deps): Promise<Router> {
  const resources = await crudRoutes(
    deps,
    MODULES.flatMap((module) => module.tables ?? []),
  );
  const document = openApiDocument(
    [
      ...AUTH_OPERATIONS,
      ...AI_QUEUE_OPERATIONS,
      ...SUBSCRIPTION_OPERATIONS,
      ...BILLING_DOCUMENT_OPERATIONS,
      ...REVENUE_OPERATIONS,
      ...BILLING_STRIPE_OPERATIONS,
      ...INVOICING_OPERATIONS,
      ...ANALYTICS_OPERATIONS,
      ...DASHBOARD_OPERATIONS,
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
  router.use(authRoutes(deps));
  // Everything below needs a live token; bodies are read only once the caller is known.
  router.use(requireBearer(deps));
  // Answers carry customer and admin data: no shared or browser cache keeps them.
  router.use((_req, res, next) => {
    res.set("Cache-Control", "no-store");
    next();
  });
  router.use(keepContext(json({ limit: "1mb" })));
  router.use(aiQueueRoutes(deps));
  router.use(aiQueueStatsRoutes(deps));
  router.use(subscriptionRoutes({ prisma: deps.prisma, subscriptionGateway: deps.subscriptionGateway ?? null }));
  // Before the table routes: /billing/invoices/:id/pdf and /billing/export/*.csv are not rows.
  router.use(billingDocumentRoutes(deps));
  // Metrics, overdue invoices and reminders; before the table routes (/billing/invoices/overdue is not a row).
  router.use(revenueRoutes(deps));
  // Refunds and billing alerts; before the table routes (/billing/invoices/:id/refunds is not a row).
  router.use(billingStripeRoutes(deps));
  // Issue a draft, run a month's invoicing; before the table routes (/billing/invoices/:id/issue is not a row).
  router.use(invoicingRoutes({ prisma: deps.prisma, queues: deps.queues, stripeEnabled: Boolean(deps.stripe) }));
  // The dashboard in one call, and its "send reminders for all overdue invoices" quick action.
  router.use(dashboardRoutes({ prisma: deps.prisma, queues: deps.queues }));
  // The dashboard's alert thresholds (GET, PUT); before the table routes.
  router.use(analyticsRoutes(deps));
  router.use(resources.router);
  router.use(notFoundHandler);
  router.use(errorHandler(deps.log));
  return router;
}
