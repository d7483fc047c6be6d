// Pages of /admin reachable without a session (password reset by e-mailed link).
import { Router } from "express";
import type { Deps } from "../../deps.js";

export function accountRoutes(_deps: Deps): Router {
  return Router();
}
