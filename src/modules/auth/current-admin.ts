import type { RequestHandler } from "express";
import type { PrismaClient } from "@prisma/client";
import { currentContext, setContextAdmin, type CurrentAdmin } from "../../lib/request-context.js";
import { AppError } from "../../lib/errors.js";
import { can, type Permission, type PermissionModule } from "./permissions.js";

/** The admin as the database has them now: a role change or a disabling takes effect on the next request. */
export async function loadCurrentAdmin(prisma: PrismaClient, id: number): Promise<CurrentAdmin | null> {
  const row = await prisma.adminUser.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, permissions: true, status: true, language: true },
  });
  if (!row) return null;
  const permissions = Array.isArray(row.permissions)
    ? row.permissions.filter((p): p is string => typeof p === "string")
    : null;
  return { ...row, permissions };
}

declare module "express-serve-static-core" {
  interface Request {
    admin?: CurrentAdmin;
  }
}

/**
 * For cookie sessions: loads the session's admin from the database. A session whose admin was deleted
 * or disabled is destroyed, so the request continues as logged out (login page, or 401 on the API).
 */
export function sessionAdmin(prisma: PrismaClient): RequestHandler {
  return (req, _res, next) => {
    const id = req.session?.adminUser?.id;
    if (id === undefined) return next();
    loadCurrentAdmin(prisma, id).then(
      (admin) => {
        if (admin && admin.status === "active") {
          req.admin = admin;
          setContextAdmin(admin);
          return next();
        }
        req.session.destroy((err) => next(err));
      },
      (err: unknown) => next(err),
    );
  };
}

/**
 * The acting admin of the running request, who must hold `module.permission`: services call it so that
 * every path (AdminJS, REST, scripts) obeys the same rule. 401 without an admin, 403 without it.
 */
export function requirePermission<M extends PermissionModule>(module: M, permission: Permission<M>): CurrentAdmin {
  const admin = currentContext()?.admin ?? null;
  if (!admin) throw new AppError("unauthenticated", "An admin must be logged in");
  if (!can(admin, module, permission)) {
    throw new AppError("forbidden", `This needs the permission ${module}.${permission}`);
  }
  return admin;
}
