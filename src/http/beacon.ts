// The public ingestion routes that customer sites' browsers call from any origin (site analytics'
// /collect, A/B tests' /ab/events): CORS for any origin without credentials, a JSON body sent as
// text/plain (navigator.sendBeacon, which makes no preflight) under a size limit, and refusals as
// problem+json without the portal's request log. Mounted before helmet (src/app.ts): the headers that
// matter here are set here.
import { text, type ErrorRequestHandler, type Request, type RequestHandler } from "express";
import type { Logger } from "../lib/logger.js";
import { AppError } from "../lib/errors.js";
import { sendProblem } from "./errors.js";

/** Any origin may call: the route reads no credentials and answers nothing private. */
export function beaconCors(methods: string): RequestHandler {
  return (req, res, next) => {
    res.set("X-Content-Type-Options", "nosniff");
    res.set("Access-Control-Allow-Origin", "*");
    res.set("Cross-Origin-Resource-Policy", "cross-origin");
    if (req.method === "OPTIONS") {
      res.set({
        "Access-Control-Allow-Methods": methods,
        "Access-Control-Allow-Headers": "Content-Type",
        "Access-Control-Max-Age": "86400",
      });
      return res.status(204).end();
    }
    next();
  };
}

/** The body read as text whatever its type, at most `limit` bytes (a larger one: 413 problem+json). */
export function beaconBody(limit: number): [RequestHandler, ErrorRequestHandler] {
  const tooLarge: ErrorRequestHandler = (err, _req, res, next) => {
    if ((err as { type?: string }).type === "entity.too.large")
      return sendProblem(res, new AppError("payload_too_large", `The body must be at most ${limit} bytes`));
    next(err);
  };
  return [text({ type: () => true, limit }), tooLarge];
}

/** The text body as JSON; anything else is a 400 naming the body. */
export function beaconJson(req: Request): unknown {
  try {
    return JSON.parse(typeof req.body === "string" ? req.body : "");
  } catch {
    throw new AppError("validation", "The body must be a JSON object", [
      { field: "(body)", message: "must be a JSON object" },
    ]);
  }
}

/** The routes' own errors as problem+json; only what is not a refusal is logged, as `what`. */
export function beaconErrors(log: Pick<Logger, "error">, what: string): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    if (!(err instanceof AppError) && !((err as { status?: number }).status! < 500)) log.error({ err }, what);
    sendProblem(res, err);
  };
}
