// A logged-in admin changes their own password (the account page).
import type { PrismaClient } from "@prisma/client";
import type { Config } from "../../../config.js";
import { writeAudit } from "../../../lib/audit.js";
import { hashPassword, verifyPassword } from "../../auth/password.js";
import { refuse } from "../admin-user-error.js";
import { RESOURCE } from "../admin-users/roster.js";
import { endSessions, type EndedSessions } from "../end-sessions.js";
import { checkNewPassword } from "./password-rules.js";

/**
 * A logged-in admin changes their own password, giving the current one. Their other logins end (the
 * form sessions but `keepSid`, and every API token); the session making the change stays.
 */
export async function changeOwnPassword(
  deps: { prisma: PrismaClient; config: Pick<Config, "bcryptCost"> },
  adminId: number,
  input: { current: string; password: string; confirm: string },
  keepSid: string,
): Promise<EndedSessions> {
  const user = await deps.prisma.adminUser.findUnique({
    where: { id: adminId },
    select: { id: true, email: true, name: true, status: true, passwordHash: true },
  });
  if (!user || user.status !== "active") throw refuse.notLoggedIn();
  if (!(await verifyPassword(input.current, user.passwordHash))) throw refuse.currentPasswordWrong();
  checkNewPassword(input.password, input.confirm, user);
  if (await verifyPassword(input.password, user.passwordHash)) throw refuse.passwordUnchanged();
  const hash = await hashPassword(input.password, deps.config.bcryptCost);
  return deps.prisma.$transaction(async (tx) => {
    // Conditional on the hash checked above: a reset completed meanwhile is not silently overwritten.
    const changed = await tx.adminUser.updateMany({
      where: { id: adminId, passwordHash: user.passwordHash, status: "active" },
      data: { passwordHash: hash },
    });
    if (changed.count !== 1) throw refuse.passwordChangedElsewhere();
    const ended = await endSessions(tx, adminId, keepSid);
    await writeAudit(tx, {
      action: "password_change",
      resourceType: RESOURCE,
      resourceId: adminId,
      adminId,
      after: { ...ended },
    });
    return ended;
  });
}
