// createApp(deps) -> the Express app, without listening: the server, the tests and the bench mount it.
import express, { type Express } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import AdminJSExpress from "@adminjs/express";
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
import type { Deps } from "./deps.js";
import { ADMIN_ROOT, buildAdmin, bundleComponents } from "./admin/index.js";
import { ADMIN_JS_TMP_DIR, COMPONENTS_OUTPUT_PATH } from "adminjs/bundler";
import path from "node:path";
import { ASSETS_PATH, adminHtml, buildAssets, serveAssets } from "./http/assets.js";
import { errorHandler, notFoundHandler } from "./http/errors.js";
import { healthRoutes } from "./http/health.js";
import { favicon } from "./http/favicon.js";
import session from "express-session";
import { regenerateSession, sessionOptions, SESSION_COOKIE } from "./http/session.js";
import { forbiddenAs403, requirePermission, requireSessionForApi } from "./http/auth-guards.js";
import { authenticate } from "./modules/auth/service.js";
import { sessionAdmin } from "./modules/auth/current-admin.js";
import { applyLoginLanguage } from "./modules/auth/language.js";
import { keepContext, requestContext } from "./http/context.js";
import { allowedOrigins, sameOriginOnly } from "./http/csrf.js";
import { apiRoutes } from "./http/api.js";
import { requestLogOptions } from "./http/request-log.js";
import { adminActionGuard, strictPaths } from "./http/admin-action-guard.js";
import { formLoginRefusal, loginThrottle } from "./http/login-throttle.js";
import { adminBodies, loginBody } from "./http/admin-bodies.js";
import { cspNonce, nonceAdminPages, scriptSources } from "./http/csp.js";
import { MODULES } from "./modules.js";
import type { ModuleDefinition } from "./module.js";

export interface AppOptions {
  /** The modules to serve: the portal's list (src/modules.ts) unless a test gives its own. */
  modules?: readonly ModuleDefinition[];
  /** Bundle the React components (skipped by API-level tests, which never load the browser bundle). */
  bundle?: boolean;
}

export async function createApp(shared: Deps, options: AppOptions = {}): Promise<Express> {
  const modules = options.modules ?? MODULES;
  // The same connections; the modules' handlers also learn which modules tell a customer's story.
  const deps: Deps = { ...shared, timelineTellers: modules };
  const { config, log } = deps;
  const admin = await buildAdmin(deps, modules);
  const bundled = options.bundle ?? true;
  if (bundled) await bundleComponents(admin);
  const assets = await buildAssets({
    baseUrl: `${ADMIN_ROOT}${ASSETS_PATH}`,
    cacheDir: path.join(ADMIN_JS_TMP_DIR, "assets"),
    componentsBundle: bundled ? COMPONENTS_OUTPUT_PATH : undefined,
  });

  const app = express();
  app.set("trust proxy", config.trustProxy);
  // Routes match exactly what they say (case, trailing slash), so the action guard and AdminJS agree.
  app.set("case sensitive routing", true);
  app.disable("x-powered-by");
  // Customer sites' beacons (site analytics), first: they serve no page (no CSP or nonce to set, their
  // own CORS and CORP headers), and the request log would write a line per page view of every site.
  for (const module of modules) if (module.rootRoutes) app.use(module.rootRoutes.routes(deps));
  app.use(cspNonce);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Inline scripts only with this response's nonce (src/http/csp.ts). Styles stay inline:
          // styled-components injects <style> tags at run time (README, Security).
          "script-src": scriptSources,
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:", "blob:"],
          "font-src": ["'self'", "data:"],
          "connect-src": ["'self'"],
          "upgrade-insecure-requests": config.isProduction ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
      // Not helmet's "no-referrer": under it browsers send `Origin: null` on form posts, and the
      // same-origin check (http/csrf.ts) could not tell the portal's own forms from a forged one.
      referrerPolicy: { policy: "same-origin" },
    }),
  );
  app.use(strictPaths);
  // Nothing under /admin is kept by a browser or a proxy, except static assets: ours (hashed names,
  // immutable), AdminJS's and Bull Board's (revalidated by ETag; Bull Board's names are hashed too).
  app.use(ADMIN_ROOT, (req, res, next) => {
    if (!/^\/(frontend\/assets|assets|queues\/static)\//.test(req.path)) res.set("Cache-Control", "no-store");
    next();
  });
  // Registered before the nonce rewrite so that it runs after it, on the rewritten page.
  app.use(ADMIN_ROOT, adminHtml(assets, ADMIN_ROOT));
  app.use(ADMIN_ROOT, nonceAdminPages);
  app.use(pinoHttp({ logger: log, ...requestLogOptions(config.isProduction) }));

  app.use(healthRoutes(deps));
  // Before the session: the login page needs them too, and they carry nothing private.
  app.use(`${ADMIN_ROOT}${ASSETS_PATH}`, serveAssets(assets));
  app.use(requestContext);
  app.get(["/favicon.svg", "/favicon.ico"], favicon);
  // Signed on the raw body (HMAC): its own raw parser, no session, no cookie.
  for (const module of modules) if (module.webhooks) app.use("/webhooks", module.webhooks(deps));

  // Bearer tokens, JSON bodies, no cookies: mounted before the session and the same-origin check,
  // and before AdminJS, whose authenticated router redirects every path under /admin to its login.
  app.use(`${ADMIN_ROOT}/api/v1`, await apiRoutes(deps, modules));

  // One session middleware for everything under /admin: AdminJS, Bull Board and the API guards share it.
  // AdminJS's router runs express-session again, which is a no-op once req.session exists.
  const sessions = sessionOptions(deps);
  app.use(ADMIN_ROOT, keepContext(session(sessions)));
  app.use(ADMIN_ROOT, sameOriginOnly(allowedOrigins(config.publicBaseUrl, config.isProduction)));
  // Bodies are read here (src/http/admin-bodies.ts), in the request's context; AdminJS's own parser then
  // finds them parsed and does nothing. Before the session is known: the login forms only.
  app.use(ADMIN_ROOT, keepContext(loginBody()));
  app.use(ADMIN_ROOT, sessionAdmin(deps.prisma));
  app.post(`${ADMIN_ROOT}/login`, loginThrottle(deps, admin));

  // AdminJS's own JSON API answers 401 without a session, rather than redirecting to the form.
  app.use(`${ADMIN_ROOT}/api`, requireSessionForApi, adminActionGuard(admin), forbiddenAs403);
  // An admin's bodies, once the session and the action guard let the request through (Bull Board reads its own).
  app.use(ADMIN_ROOT, keepContext(adminBodies({ skip: (req) => req.path.startsWith("/queues/") })));
  for (const module of modules) if (module.adminRoutes) app.use(ADMIN_ROOT, module.adminRoutes(deps));

  const board = new ExpressAdapter();
  board.setBasePath(`${ADMIN_ROOT}/queues`);
  createBullBoard({
    queues: Object.values(deps.queues.byName).map((q) => new BullMQAdapter(q)),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: "Locod-AI queues" } },
  });
  app.use(`${ADMIN_ROOT}/queues`, requirePermission("settings", "system"), board.getRouter());

  const adminRouter = AdminJSExpress.buildAuthenticatedRouter(
    admin,
    {
      cookieName: SESSION_COOKIE,
      cookiePassword: config.session.secret,
      authenticate: async (email: string, password: string, ctx?: { req: express.Request; res: express.Response }) => {
        const req = ctx?.req;
        // Throttled inside authenticate(), as the REST login is; a lock answers 429 with Retry-After.
        const user = await authenticate(deps, String(email ?? ""), String(password ?? ""), {
          ip: req?.ip,
          userAgent: req?.get("user-agent"),
        }).catch((err: unknown) => formLoginRefusal(err, ctx?.res, log));
        // A new session id at login: an id planted before login (fixation) is worth nothing after it.
        if (user && req) await regenerateSession(req);
        // The login page's language choice becomes the account's; the page then opens in the account's.
        if (user) return { ...user, language: await applyLoginLanguage(deps.prisma, req, ctx?.res, user.id) };
        return user;
      },
    },
    express.Router({ caseSensitive: true }),
    // The same options (and store): AdminJS builds its own middleware from them, which then finds the
    // session already loaded and does nothing.
    sessions,
  );
  app.use(ADMIN_ROOT, adminRouter);

  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app;
}
