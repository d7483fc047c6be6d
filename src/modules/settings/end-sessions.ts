// Ending an admin's logins: what disabling an account, a forced logout and every password change do.
import type { Prisma } from "@prisma/client";

export interface EndedSessions {
  /** Form logins (rows of `session`). */
  loginSessionsEnded: number;
  /** REST API tokens (rows of admin_sessions). */
  apiSessionsEnded: number;
}

/**
 * Ends an admin's logins: the form sessions (table `session`, whose JSON names the admin in
 * sess.adminUser.id) and the API tokens (admin_sessions, checked on every API call). `keepSid` spares
 * the session making the request (a password change keeps its author logged in).
 */
export async function endSessions(
  tx: Prisma.TransactionClient,
  adminId: number,
  keepSid?: string,
): Promise<EndedSessions> {
  const id = String(adminId);
  const loginSessionsEnded =
    keepSid === undefined
      ? await tx.$executeRaw`DELETE FROM "session" WHERE (sess -> 'adminUser' ->> 'id') = ${id}`
      : await tx.$executeRaw`DELETE FROM "session" WHERE (sess -> 'adminUser' ->> 'id') = ${id} AND sid <> ${keepSid}`;
  const tokens = await tx.adminSession.deleteMany({ where: { adminId } });
  return { loginSessionsEnded, apiSessionsEnded: tokens.count };
}
