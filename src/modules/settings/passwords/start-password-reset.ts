// An admin starts a password reset for another admin (or themself); the mail queue's job sends the link.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { writeAudit } from "../../../lib/audit.js";
import { MAIL_JOB_OPTIONS } from "../../../lib/email/mailer.js";
import type { Queues } from "../../../queues/queues.js";
import { refuse } from "../admin-user-error.js";
import { RESOURCE } from "../admin-users/roster.js";
import { RESET_TOKEN_TTL_MS, tokenHash } from "./password-rules.js";

export interface ResetMailJob {
  resetId: number;
}

/**
 * An admin starts a password reset for another admin (or themself): a one-time link, valid one hour,
 * is e-mailed to the account's address. The admin never sees the link nor chooses the password.
 *
 * No token exists yet when this returns: the mail job mints it (sendPasswordResetMail), so the token
 * is never in Redis, in the job's data or in Bull Board, where a super admin could read it. Until then
 * the row holds the hash of a random value nobody knows. A newer reset makes the older unused links
 * of the account stop working.
 */
export async function startPasswordReset(
  deps: { prisma: PrismaClient; queues: Pick<Queues, "byName"> },
  actorId: number | null,
  targetId: number,
): Promise<{ resetId: number; expiresAt: Date }> {
  const now = new Date();
  const reset = await deps.prisma.$transaction(async (tx) => {
    const target = await tx.adminUser.findUnique({ where: { id: targetId }, select: { id: true } });
    if (!target) throw refuse.notFound();
    await tx.passwordResetToken.updateMany({
      where: { adminId: targetId, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    const row = await tx.passwordResetToken.create({
      data: {
        adminId: targetId,
        tokenHash: tokenHash(randomBytes(32).toString("base64url")),
        expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS),
        requestedBy: actorId,
      },
      select: { id: true, expiresAt: true },
    });
    await writeAudit(tx, {
      action: "password_reset_requested",
      resourceType: RESOURCE,
      resourceId: targetId,
      after: { resetId: row.id, expiresAt: row.expiresAt },
    });
    return row;
  });
  const job: ResetMailJob = { resetId: reset.id };
  // One job per reset (the job id): adding it again is a no-op.
  await deps.queues.byName.mail.add("password-reset", job, {
    ...MAIL_JOB_OPTIONS,
    jobId: `password-reset-${reset.id}`,
  });
  return { resetId: reset.id, expiresAt: reset.expiresAt };
}
