// REST authentication (/admin/api/v1/auth): login for a bearer token, logout, and who am I.
import { json, Router } from "express";
import { z } from "zod";
import { keepContext } from "../../http/context.js";
import { parseBody } from "../../http/params.js";
import { asyncRoute, requireBearer } from "../../http/bearer-auth.js";
import type { ApiOperation } from "../../http/openapi.js";
import type { Deps } from "../../deps.js";
import type { CurrentAdmin } from "../../lib/request-context.js";
import { loadCurrentAdmin } from "./current-admin.js";
import { effectivePermissions } from "./permissions.js";
import { authenticate, INVALID_CREDENTIALS } from "./service.js";
import { issueApiToken, revokeApiToken } from "./tokens.js";
import { AppError } from "../../lib/errors.js";
import { isStorableText, jsonBodyVerify } from "../../lib/input-rules.js";

export const ZLogin = z.object({
  email: z
    .string("is required")
    .trim()
    .min(1, "is required")
    .max(254, "is too long")
    .refine(isStorableText, "must not contain a NUL character or a lone surrogate"),
  password: z
    .string("is required")
    .min(1, "is required")
    .max(1024, "is too long")
    .refine(isStorableText, "must not contain a NUL character or a lone surrogate"),
});

const ZAdminSummary = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(["super_admin", "admin", "editor", "viewer"]),
});

const ZPermissions = z.array(z.string()).describe("every module.permission the admin holds (DESIGN.md 5)");

export const ZLoginAnswer = z.object({
  token: z.string().describe("send as `Authorization: Bearer <token>`"),
  tokenType: z.literal("Bearer"),
  expiresAt: z.iso.datetime(),
  admin: ZAdminSummary,
  permissions: ZPermissions,
});

export const ZMe = z.object({
  admin: ZAdminSummary,
  permissions: ZPermissions,
  expiresAt: z.iso.datetime().describe("when the token in use expires"),
});

const summary = (admin: CurrentAdmin) => ({ id: admin.id, email: admin.email, name: admin.name, role: admin.role });

export const AUTH_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/auth/login",
    tag: "auth",
    summary: "Log in with e-mail and password; get a bearer token",
    description:
      "The token lasts JWT_TTL_MINUTES; its session (admin_sessions) can be revoked at any time. Failed logins are throttled per account and IP.",
    permission: null,
    body: { name: "Login", schema: ZLogin },
    example: { email: "admin@locod-ai.local", password: "a long pass phrase" },
    responses: {
      200: { description: "Logged in", schema: { name: "LoginAnswer", schema: ZLoginAnswer } },
      401: { description: "Wrong e-mail or password, or a disabled account (one message for all)" },
      429: { description: "Too many failed logins", headers: { "Retry-After": "seconds to wait" } },
    },
  },
  {
    method: "post",
    path: "/auth/logout",
    tag: "auth",
    summary: "Revoke the token in use",
    permission: "",
    responses: { 204: { description: "Revoked: the token no longer works" } },
  },
  {
    method: "get",
    path: "/auth/me",
    tag: "auth",
    summary: "The logged-in admin and their effective permissions",
    permission: "",
    responses: { 200: { description: "The admin", schema: { name: "Me", schema: ZMe } } },
  },
];

export function authRoutes(deps: Deps): Router {
  const router = Router();
  router.post(
    "/auth/login",
    keepContext(json({ limit: "16kb", verify: jsonBodyVerify() })),
    asyncRoute(async (req, res) => {
      const input = parseBody(ZLogin, req.body ?? {});
      const origin = { ip: req.ip, userAgent: req.get("user-agent") };
      // Throttling, the audit of the attempt and the single failure message all live in authenticate().
      const user = await authenticate(deps, input.email, input.password, origin);
      const admin = await loadCurrentAdmin(deps.prisma, user.id);
      if (!admin || admin.status !== "active") throw new AppError("invalid_credentials", INVALID_CREDENTIALS);
      const issued = await issueApiToken(deps, admin.id, origin);
      res.set("Cache-Control", "no-store").json({
        token: issued.token,
        tokenType: "Bearer",
        expiresAt: issued.expiresAt.toISOString(),
        admin: summary(admin),
        permissions: effectivePermissions(admin),
      } satisfies z.input<typeof ZLoginAnswer>);
    }),
  );
  router.post(
    "/auth/logout",
    requireBearer(deps),
    asyncRoute(async (req, res) => {
      await revokeApiToken(deps.prisma, req.apiSession!.id);
      res.status(204).end();
    }),
  );
  router.get("/auth/me", requireBearer(deps), (req, res) => {
    res.json({
      admin: summary(req.admin!),
      permissions: effectivePermissions(req.admin!),
      expiresAt: req.apiSession!.expiresAt.toISOString(),
    } satisfies z.input<typeof ZMe>);
  });
  return router;
}
