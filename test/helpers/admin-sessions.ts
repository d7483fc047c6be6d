// An admin's logins as the rows that hold them (form sessions, API tokens), their audit rows, and the
// refusal of a settings use case: for the admin users and password tests.
import type { PrismaClient } from "@prisma/client";
import { AdminUserError } from "../../src/modules/settings/admin-user-error.js";

/** `prisma` is read at each call: test files set their client in beforeAll. */
export function adminSessions(prisma: () => PrismaClient) {
  /** A form-login session row, as connect-pg-simple stores it. */
  async function loginSession(adminId: number, sid = `sid-${adminId}-${Math.random().toString(36).slice(2)}`) {
    await prisma().session.create({
      data: {
        sid,
        sess: { cookie: { path: "/" }, adminUser: { id: adminId, email: "x@test.local", name: "X", role: "admin" } },
        expire: new Date(Date.now() + 3600_000),
      },
    });
    return sid;
  }

  async function apiToken(adminId: number) {
    const id = `jti-${adminId}-${Math.random().toString(36).slice(2)}`;
    await prisma().adminSession.create({ data: { id, adminId, expiresAt: new Date(Date.now() + 3600_000) } });
    return id;
  }

  async function sessionsOf(adminId: number) {
    const rows = await prisma().$queryRaw<{ sid: string }[]>`
      SELECT sid FROM "session" WHERE (sess -> 'adminUser' ->> 'id') = ${String(adminId)}`;
    return { login: rows.map((r) => r.sid), api: await prisma().adminSession.count({ where: { adminId } }) };
  }

  const audits = (action: string, resourceId: number) =>
    prisma().adminActivityLog.findMany({ where: { action, resourceId } });

  return { loginSession, apiToken, sessionsOf, audits };
}

/** The AdminUserError a settings use case refuses with (the test fails if it succeeds or throws another). */
export async function refusal(promise: Promise<unknown>): Promise<AdminUserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdminUserError);
  return error as AdminUserError;
}
