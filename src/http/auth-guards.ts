import type { RequestHandler } from "express";
import { AppError } from "./errors.js";
import type { SessionAdmin } from "../modules/auth/service.js";

/** AdminJS's own JSON API answers 401 without a session, instead of AdminJS's redirect to the form. */
export const requireSessionForApi: RequestHandler = (req, _res, next) => {
  if (!req.session?.adminUser) return next(new AppError("unauthenticated", "Log in first: no valid session"));
  next();
};

/** Pages: no session -> the login form. Wrong role -> 403. */
export function requireRole(...roles: SessionAdmin["role"][]): RequestHandler {
  return (req, res, next) => {
    const user = req.session?.adminUser;
    if (!user) return res.redirect(302, "/admin/login");
    if (!roles.includes(user.role)) return next(new AppError("forbidden", "This page is for super admins only"));
    next();
  };
}
