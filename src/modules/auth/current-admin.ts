import type { RequestHandler } from "express";
import type { PrismaClient } from "@prisma/client";
import { setContextAdmin, type CurrentAdmin } from "../../lib/request-context.js";

/** The admin as the database has them now: a role change or a disabling takes effect on the next request. */
export async function loadCurrentAdmin(prisma: PrismaClient, id: number): Promise<CurrentAdmin | null> {
  const row = await prisma.adminUser.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, permissions: true, status: true },
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
