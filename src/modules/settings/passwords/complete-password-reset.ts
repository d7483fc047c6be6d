// The reset page: what a link is worth, and the new password set from it.
import type { PrismaClient } from "@prisma/client";
import type { Config } from "../../../config.js";
import { writeAudit } from "../../../lib/audit.js";
import { hashPassword } from "../../auth/password.js";
import { refuse } from "../admin-user-error.js";
import { RESOURCE } from "../admin-users/roster.js";
import { endSessions } from "../end-sessions.js";
import { TOKEN_SHAPE, checkNewPassword, tokenHash } from "./password-rules.js";

export type ResetTokenState =
  | { state: "valid"; resetId: number; admin: { id: number; email: string; name: string } }
  | { state: "unknown" | "used" | "expired" };

/** What a reset link is worth now (the reset page shows its form only for a valid one). */
export async function inspectResetToken(prisma: PrismaClient, token: string): Promise<ResetTokenState> {
  if (!TOKEN_SHAPE.test(token)) return { state: "unknown" };
  const row = await prisma.passwordResetToken.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: { id: true, usedAt: true, expiresAt: true, admin: { select: { id: true, email: true, name: true } } },
  });
  if (!row) return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt.getTime() <= Date.now()) return { state: "expired" };
  return { state: "valid", resetId: row.id, admin: row.admin };
}

/**
 * Sets a new password from a reset link. The token is spent by a conditional update (unused and not
 * expired at that instant): of two submissions of one link, one wins and the other is told it was
 * used. Every login of the account ends (whoever asked for the reset feared someone else had it).
 */
export async function completePasswordReset(
  deps: { prisma: PrismaClient; config: Pick<Config, "bcryptCost"> },
  input: { token: string; password: string; confirm: string },
): Promise<{ adminId: number; email: string }> {
  const found = await inspectResetToken(deps.prisma, input.token);
  if (found.state !== "valid") throw refuse.resetToken(found.state);
  checkNewPassword(input.password, input.confirm, found.admin);
  // bcrypt takes a quarter of a second: outside the transaction.
  const hash = await hashPassword(input.password, deps.config.bcryptCost);
  return deps.prisma.$transaction(async (tx) => {
    const now = new Date();
    const spent = await tx.passwordResetToken.updateMany({
      where: { id: found.resetId, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (spent.count !== 1) throw refuse.resetToken("used");
    await tx.adminUser.update({ where: { id: found.admin.id }, data: { passwordHash: hash } });
    const ended = await endSessions(tx, found.admin.id);
    await writeAudit(tx, {
      action: "password_reset",
      resourceType: RESOURCE,
      resourceId: found.admin.id,
      // Nobody is logged in on the reset page: the account's owner acts, by the link they received.
      adminId: found.admin.id,
      after: { resetId: found.resetId, ...ended },
    });
    return { adminId: found.admin.id, email: found.admin.email };
  });
}
