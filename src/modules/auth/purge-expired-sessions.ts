import type { PrismaClient } from "@prisma/client";

/** Deletes expired form-login sessions and expired API tokens. Safe to run any number of times. */
export async function purgeExpiredSessions(prisma: PrismaClient): Promise<{ sessions: number; tokens: number }> {
  const now = new Date();
  const [sessions, tokens] = await prisma.$transaction([
    prisma.session.deleteMany({ where: { expire: { lt: now } } }),
    prisma.adminSession.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
  return { sessions: sessions.count, tokens: tokens.count };
}
