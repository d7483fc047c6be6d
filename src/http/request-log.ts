// One log line per request: "GET /admin/resources/customers 200 12 ms", with its request id (reqId),
// and nothing else: no header dump (cookies and tokens stay out of logs), no query string (reset
// tokens and search terms travel there). Static assets are logged at debug outside production.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Options } from "pino-http";
import { requestId } from "./request-id.js";

const QUIET = new Set(["/healthz", "/readyz"]);
const ASSET = /^\/(favicon\.(svg|ico)$|admin\/(assets|frontend\/assets|queues\/static)\/)/;

/** The request's path without its query string. */
function pathOf(url: string | undefined): string {
  const path = (url ?? "/").split("?", 1)[0]!;
  return path || "/";
}

/** "GET /admin 200 12 ms" ("GET /admin 500" when the time is not known). */
export function requestLine(method: string | undefined, url: string | undefined, status: number, ms?: number): string {
  const line = `${method ?? "?"} ${pathOf(url)} ${status}`;
  return ms === undefined ? line : `${line} ${Math.round(ms)} ms`;
}

/** Whether a path is a static asset (logged at debug in development). */
export function isAssetPath(url: string | undefined): boolean {
  return ASSET.test(pathOf(url));
}

type Req = IncomingMessage & { originalUrl?: string };

export function requestLogOptions(isProduction: boolean): Options<Req, ServerResponse> {
  const url = (req: Req) => req.originalUrl ?? req.url;
  return {
    genReqId: requestId,
    quietReqLogger: true,
    quietResLogger: true,
    autoLogging: { ignore: (req) => QUIET.has(pathOf(req.url)) },
    customLogLevel: (req, res, err) => {
      if (err || res.statusCode >= 500) return "error";
      if (res.statusCode >= 400) return "warn";
      return !isProduction && isAssetPath(url(req)) ? "debug" : "info";
    },
    customSuccessObject: () => ({}),
    customErrorObject: (_req, _res, err, val) => ({ err, ms: (val as { responseTime?: number }).responseTime }),
    customSuccessMessage: (req, res, ms) => requestLine(req.method, url(req), res.statusCode, ms),
    customErrorMessage: (req, res) => requestLine(req.method, url(req), res.statusCode),
  };
}
