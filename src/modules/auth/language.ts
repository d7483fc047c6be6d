// The back-office's language, stored per admin (admin_users.language) so that it survives a reload and
// a new login. AdminJS decides its language in the browser (i18next) from the page it is served: the
// server puts the admin's language into that page (src/admin/index.ts, `locale` per request), so the
// bundle starts in it and `<html lang>` follows. Before login, the login page's FR | EN switch keeps
// the choice in a cookie, applied to the account at login.
import { Router, type Request, type RequestHandler, type Response } from "express";
import type { PrismaClient } from "@prisma/client";
import type { Deps } from "../../deps.js";
import { writeAudit } from "../../lib/audit.js";
import { AppError } from "../../lib/errors.js";
import { currentContext } from "../../lib/request-context.js";

export type AdminLanguage = "fr" | "en";
export const ADMIN_LANGUAGES: readonly AdminLanguage[] = ["fr", "en"];

/** The language last used in this browser: the login page opens in it. */
export const LANGUAGE_COOKIE = "admin_language";
/** Chosen on the login page: applied to the account that logs in next (then dropped). */
export const CHOSEN_LANGUAGE_COOKIE = "admin_language_chosen";

const YEAR_MS = 365 * 24 * 3600 * 1000;

export function isAdminLanguage(value: unknown): value is AdminLanguage {
  return value === "fr" || value === "en";
}

/** A language cookie's value from a Cookie header, or null (absent, or not a language). */
export function cookieLanguage(header: string | undefined, name: string = LANGUAGE_COOKIE): AdminLanguage | null {
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) {
      const value = part.slice(at + 1).trim();
      return isAdminLanguage(value) ? value : null;
    }
  }
  return null;
}

/** Stores an admin's language (audited when it changes); a conditional update, so a repeat is a no-op. */
export async function setAdminLanguage(prisma: PrismaClient, adminId: number, language: AdminLanguage): Promise<void> {
  if (!isAdminLanguage(language)) {
    throw new AppError("validation", "language: must be fr or en", [
      { field: "language", message: "must be fr or en" },
    ]);
  }
  await prisma.$transaction(async (tx) => {
    const changed = await tx.adminUser.updateMany({
      where: { id: adminId, language: { not: language } },
      data: { language },
    });
    if (changed.count === 0) return;
    await writeAudit(tx, {
      action: "update",
      resourceType: "admin_users",
      resourceId: adminId,
      before: { language: language === "fr" ? "en" : "fr" },
      after: { language },
    });
  });
}

function setLanguageCookies(res: Response, language: AdminLanguage, chosen: boolean): void {
  const options = { path: "/admin", sameSite: "lax" as const, httpOnly: true };
  res.cookie(LANGUAGE_COOKIE, language, { ...options, maxAge: YEAR_MS });
  if (chosen) res.cookie(CHOSEN_LANGUAGE_COOKIE, language, options);
}

/**
 * At login: the language chosen on the login page, if any, becomes the account's; the browser then
 * remembers the account's language for its next login page.
 */
export async function applyLoginLanguage(
  prisma: PrismaClient,
  req: Request | undefined,
  res: Response | undefined,
  adminId: number,
): Promise<AdminLanguage> {
  const chosen = cookieLanguage(req?.headers.cookie, CHOSEN_LANGUAGE_COOKIE);
  const row = await prisma.adminUser.findUnique({ where: { id: adminId }, select: { language: true } });
  let language: AdminLanguage = row?.language ?? "fr";
  if (chosen && chosen !== language) {
    await setAdminLanguage(prisma, adminId, chosen);
    language = chosen;
  }
  if (res) {
    res.clearCookie(CHOSEN_LANGUAGE_COOKIE, { path: "/admin" });
    setLanguageCookies(res, language, false);
  }
  return language;
}

/** Puts this browser's login-page language into the request's context (read by pageLanguageOf). */
export const languageCookieContext: RequestHandler = (req, _res, next) => {
  const context = currentContext();
  if (context) context.language = cookieLanguage(req.headers.cookie) ?? undefined;
  next();
};

/** Where to go back to after a switch: a back-office path of this site only. */
function backTo(value: unknown, fallback: string): string {
  return typeof value === "string" && /^\/admin(?:\/[^\\]*)?$/.test(value) && !value.startsWith("//")
    ? value
    : fallback;
}

/**
 * Routes under /admin:
 * - GET /language/:lang?next=/admin/login: the login page's FR | EN switch (a link: works before any
 *   script, and changes nothing but this browser's cookies);
 * - POST /account/language {language}: the logged-in admin's choice in the top bar, stored on their row.
 */
export function languageRoutes(deps: Deps): Router {
  const router = Router();
  router.use(languageCookieContext);
  router.get("/language/:lang", (req, res) => {
    const language = req.params.lang;
    if (!isAdminLanguage(language)) {
      res.status(404).type("text/plain").send("Unknown language");
      return;
    }
    setLanguageCookies(res, language, true);
    res.redirect(303, backTo(req.query.next, "/admin/login"));
  });
  router.post("/account/language", async (req, res, next) => {
    try {
      const admin = req.admin;
      if (!admin) throw new AppError("unauthenticated", "Log in first");
      const language: unknown = (req.body as { language?: unknown } | undefined)?.language;
      if (!isAdminLanguage(language)) {
        throw new AppError("validation", "language: must be fr or en", [
          { field: "language", message: "must be fr or en" },
        ]);
      }
      await setAdminLanguage(deps.prisma, admin.id, language);
      setLanguageCookies(res, language, false);
      res.status(204).end();
    } catch (error) {
      next(error);
    }
  });
  return router;
}
