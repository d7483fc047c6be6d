// The admin users and passwords service's former single entry point, kept as re-exports for the callers
// outside settings that still import it (the job registry, src/queues/registry.ts; the REST table routes,
// src/http/resource-routes.ts). New code imports the use case's own file under admin-users/ or passwords/.
export { AdminUserError } from "./admin-user-error.js";
export { endSessions, type EndedSessions } from "./end-sessions.js";
export { rosterRefusal, type RosterEntry } from "./admin-users/roster-rules.js";
export { updateAdminUser, type AdminChanges } from "./admin-users/update-admin-user.js";
export { disableAdmin, enableAdmin, setAdminStatus } from "./admin-users/admin-status.js";
export { forceLogout } from "./admin-users/force-logout.js";
export {
  RESET_TOKEN_TTL_MS,
  checkNewPassword,
  resetLink,
  resetMessage,
  tokenHash,
} from "./passwords/password-rules.js";
export { startPasswordReset, type ResetMailJob } from "./passwords/start-password-reset.js";
export { sendPasswordResetMail } from "./passwords/send-password-reset-mail.js";
export { completePasswordReset, inspectResetToken, type ResetTokenState } from "./passwords/complete-password-reset.js";
export { changeOwnPassword } from "./passwords/change-own-password.js";
