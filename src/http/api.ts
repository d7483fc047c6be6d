// The JSON REST API under /admin/api/v1 (DESIGN.md 4): bearer tokens, problem+json errors.
import { Router, json } from "express";
import type { Deps } from "../deps.js";
import type AdminJS from "adminjs";
import { AppError } from "./errors.js";

export function apiRoutes(_deps: Deps, _admin: AdminJS): Router {
  const router = Router();
  router.use(json({ limit: "1mb" }));
  router.use((_req, _res, next) => next(new AppError("unauthenticated", "Bearer token required")));
  return router;
}
