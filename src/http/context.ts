import { AsyncResource } from "node:async_hooks";
import type { RequestHandler } from "express";
import { runWithContext, type RequestContext } from "../lib/request-context.js";

function viaOf(path: string): RequestContext["via"] {
  if (path.startsWith("/admin/api/v1")) return "api";
  if (path.startsWith("/webhooks")) return "webhook";
  return "admin";
}

/** Opens the request's context (who, from where) for everything the request runs. */
export const requestContext: RequestHandler = (req, _res, next) => {
  runWithContext(
    { admin: null, ip: req.ip ?? null, userAgent: req.get("user-agent") ?? null, via: viaOf(req.originalUrl) },
    next,
  );
};

/**
 * Middleware that call `next` from a stream or socket event (body parsers, session stores) would run
 * the rest of the request outside its context: this binds `next` to the context it was given in.
 */
export function keepContext(middleware: RequestHandler): RequestHandler {
  return (req, res, next) => middleware(req, res, AsyncResource.bind(next));
}
