// The `password-reset` job of the mail queue: the reset link, minted and e-mailed.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import type { Config } from "../../../config.js";
import type { Logger } from "../../../lib/logger.js";
import { sendMail } from "../../../lib/email/mailer.js";
import { resetLink, resetMessage, tokenHash } from "./password-rules.js";
import type { ResetMailJob } from "./start-password-reset.js";

/**
 * The `password-reset` job of the mail queue: mints the token, stores its hash, e-mails the link.
 * Each attempt mints a new token, so a retry after a failed send leaves only the link it sends
 * working. A reset already used, expired or replaced by a newer one sends nothing.
 */
export async function sendPasswordResetMail(
  deps: { prisma: PrismaClient; config: Pick<Config, "publicBaseUrl" | "mail">; log?: Logger },
  job: ResetMailJob,
): Promise<{ sent: boolean }> {
  const token = randomBytes(32).toString("base64url");
  const minted = await deps.prisma.passwordResetToken.updateMany({
    where: { id: job.resetId, usedAt: null, expiresAt: { gt: new Date() } },
    data: { tokenHash: tokenHash(token) },
  });
  if (minted.count === 0) {
    deps.log?.info({ resetId: job.resetId }, "password reset no longer pending: no mail sent");
    return { sent: false };
  }
  const reset = await deps.prisma.passwordResetToken.findUniqueOrThrow({
    where: { id: job.resetId },
    select: { expiresAt: true, admin: { select: { email: true, name: true, language: true } } },
  });
  await sendMail(
    deps.config.mail,
    resetMessage(reset.admin, resetLink(deps.config.publicBaseUrl, token), reset.expiresAt),
    { prisma: deps.prisma },
  );
  return { sent: true };
}
