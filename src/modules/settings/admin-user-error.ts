// The refusals of the admin users and password use cases (admin-users/, passwords/), each with the
// message key the admin UI words and the form field it blames.
import { AppError, type ErrorCode } from "../../lib/errors.js";
import { PASSWORD_PROBLEM_TEXT, passwordMessageKey, type passwordProblem } from "./password-policy.js";

/**
 * A change refused by a rule of this module. `reason` is the message key the admin UI words in the
 * admin's language (src/admin/locale.ts `messages`); `field` the form field to blame, if any. It is an
 * AppError, so a JSON caller gets it as problem+json with the English text.
 */
export class AdminUserError extends AppError {
  constructor(
    code: ErrorCode,
    readonly reason: string,
    readonly field: string | null,
    english: string,
  ) {
    super(code, field ? `${field}: ${english}` : english, field ? [{ field, message: english }] : undefined);
    this.name = "AdminUserError";
  }
}

export const refuse = {
  notFound: () => new AdminUserError("not_found", "adminNotFound", null, "No such admin user"),
  selfDisable: () => new AdminUserError("conflict", "selfDisable", "status", "You cannot disable your own account"),
  lastSuperAdmin: (field: string) =>
    new AdminUserError(
      "conflict",
      "lastSuperAdmin",
      field,
      "This is the last active super admin: promote another admin to super_admin first",
    ),
  alreadyDisabled: () =>
    new AdminUserError("conflict", "alreadyDisabled", "status", "This account is already disabled"),
  alreadyActive: () => new AdminUserError("conflict", "alreadyActive", "status", "This account is already active"),
  emailTaken: () => new AdminUserError("conflict", "fieldTaken", "email", "Another admin user has this e-mail"),
  permissionUnknown: (names: string[]) =>
    new AdminUserError(
      "validation",
      "permissionUnknown",
      "permissions",
      `Unknown permission(s): ${names.join(", ")} (see the permission matrix)`,
    ),
  password: (problem: NonNullable<ReturnType<typeof passwordProblem>>, field = "password") =>
    new AdminUserError("validation", passwordMessageKey(problem), field, PASSWORD_PROBLEM_TEXT[problem]),
  passwordMismatch: () =>
    new AdminUserError("validation", "passwordMismatch", "confirm", "The two new passwords differ"),
  currentPasswordWrong: () =>
    new AdminUserError("validation", "currentPasswordWrong", "current", "The current password is wrong"),
  passwordUnchanged: () =>
    new AdminUserError(
      "validation",
      "passwordUnchanged",
      "password",
      "The new password must differ from the current one",
    ),
  passwordChangedElsewhere: () =>
    new AdminUserError("conflict", "passwordChangedElsewhere", null, "The password was changed meanwhile: try again"),
  resetToken: (state: "unknown" | "used" | "expired") =>
    new AdminUserError(
      "validation",
      `resetToken${state.charAt(0).toUpperCase()}${state.slice(1)}`,
      "token",
      state === "expired"
        ? "This reset link has expired"
        : state === "used"
          ? "This reset link has already been used"
          : "This reset link is not valid",
    ),
  notLoggedIn: () => new AdminUserError("unauthenticated", "notLoggedIn", null, "Log in first"),
};
