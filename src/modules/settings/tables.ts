import type { Role } from "../auth/permissions.js";
import { defineTable, type WriteDeps } from "../../db/table-spec.js";
import { AppError } from "../../lib/errors.js";
import { currentContext } from "../../lib/request-context.js";
import { createAdminUser } from "../auth/service.js";
import { ZNewAdmin } from "../auth/schemas.js";
import { isKnownPermission, MODULE_PERMISSIONS } from "../auth/permissions.js";

/** Every "module.permission" of the matrix. */
const KNOWN_PERMISSIONS = Object.entries(MODULE_PERMISSIONS).flatMap(([module, permissions]) =>
  permissions.map((permission) => `${module}.${permission}`),
);
import { PASSWORD_PROBLEM_TEXT, passwordProblem } from "./password-policy.js";
import { updateAdminUser, type AdminChanges } from "./service.js";
import { writeSetting } from "./values.js";

/** The form's or body's checked changes of an admin user, as updateAdminUser takes them. */
function adminChanges(data: Record<string, unknown>): AdminChanges {
  const changes: AdminChanges = {};
  if (typeof data.email === "string") changes.email = data.email;
  if (typeof data.name === "string") changes.name = data.name;
  if (typeof data.role === "string") changes.role = data.role as Role;
  if (data.status === "active" || data.status === "disabled") changes.status = data.status;
  if ("permissions" in data) {
    const value = data.permissions;
    changes.permissions = Array.isArray(value) ? value.map(String) : null;
  }
  return changes;
}

/**
 * Admin users change only through their services: the password policy and bcrypt on creation (the
 * password exists only then: afterwards its owner sets it, or a reset link), the roster rules, session
 * ending and a unique e-mail on every change.
 */
function adminUserWrites(deps: WriteDeps) {
  return {
    create: async (data: Record<string, unknown>) => {
      const password = String(data.password ?? "");
      const owner = { email: String(data.email ?? ""), name: String(data.name ?? "") };
      const problem = passwordProblem(password, owner);
      if (problem === "containsEmail" || problem === "containsName") {
        throw new AppError("validation", `password: ${PASSWORD_PROBLEM_TEXT[problem]}`, [
          { field: "password", message: PASSWORD_PROBLEM_TEXT[problem] },
        ]);
      }
      const permissions = Array.isArray(data.permissions) ? data.permissions.map(String) : undefined;
      const unknown = (permissions ?? []).filter((p) => !isKnownPermission(p.split(".")[0]!, p.split(".")[1] ?? ""));
      if (unknown.length) {
        throw new AppError("validation", `permissions: ${unknown.join(", ")} is not a permission of the matrix`, [
          { field: "permissions", message: `${unknown.join(", ")} is not a permission of the matrix` },
        ]);
      }
      const user = await createAdminUser(
        deps.prisma,
        { email: owner.email, name: owner.name, role: data.role as Role, password, permissions },
        deps.config.bcryptCost,
      );
      return user as unknown as Record<string, unknown>;
    },
    update: async (id: string, data: Record<string, unknown>) => {
      const row = await updateAdminUser(
        deps.prisma,
        currentContext()?.admin?.id ?? null,
        Number(id),
        adminChanges(data),
      );
      return row as unknown as Record<string, unknown>;
    },
  };
}

export const adminUserTable = defineTable({
  model: "AdminUser",
  module: "settings",
  actions: {
    list: "system",
    search: "system",
    show: "system",
    new: "system",
    edit: "system",
    delete: "system",
    bulkDelete: "system",
    disable: "system",
    enable: "system",
    resetPassword: "system",
    forceLogout: "system",
  },
  // On creation only: hashed by the service, never stored as typed, never returned.
  createInputs: { password: ZNewAdmin.shape.password },
  writes: adminUserWrites,
  writable: {
    email: { email: true, lowercase: true },
    name: {},
    role: {},
    permissions: { json: "string-array", itemPattern: "^[a-z_]+\\.[a-z_]+$", itemValues: KNOWN_PERMISSIONS },
    status: {},
  },
  secrets: ["passwordHash"],
  list: ["id", "name", "email", "role", "status", "lastLogin", "createdAt"],
  title: ["name"],
  related: [{ table: "admin_activity_log", via: "adminId" }],
  filters: ["name", "email", "role", "status", "lastLogin", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

export const adminSessionTable = defineTable({
  model: "AdminSession",
  module: "settings",
  actions: {
    list: "system",
    search: "system",
    show: "system",
    new: null,
    edit: null,
    delete: "system",
    bulkDelete: "system",
  },
  writable: {},
  list: ["admin", "ipAddress", "userAgent", "createdAt", "expiresAt"],
  title: ["ipAddress", "admin.name"],
  filters: ["admin", "ipAddress", "createdAt", "expiresAt"],
  order: { by: "createdAt", direction: "desc" },
});

export const adminActivityLogTable = defineTable({
  model: "AdminActivityLog",
  module: "settings",
  actions: { new: null, edit: null, delete: null, bulkDelete: null },
  writable: {},
  list: ["id", "createdAt", "admin", "action", "resourceType", "resourceId", "ipAddress"],
  recordLink: { table: "resourceType", id: "resourceId", action: "action" },
  filters: ["admin", "action", "resourceType", "resourceId", "ipAddress", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

export const securityAlertTable = defineTable({
  model: "SecurityAlert",
  module: "settings",
  actions: { new: null, edit: null, delete: null, bulkDelete: null, acknowledge: "edit", bulkAcknowledge: "edit" },
  writable: {},
  list: ["id", "createdAt", "kind", "admin", "email", "ipAddress", "acknowledgedAt"],
  title: ["email", "createdAt"],
  filters: ["kind", "admin", "email", "ipAddress", "createdAt", "acknowledgedAt"],
  order: { by: "createdAt", direction: "desc" },
});

export const passwordResetTokenTable = defineTable({
  model: "PasswordResetToken",
  module: "settings",
  actions: {
    list: "system",
    search: "system",
    show: "system",
    new: null,
    edit: null,
    delete: "system",
    bulkDelete: "system",
  },
  writable: {},
  secrets: ["tokenHash"],
  list: ["id", "admin", "requester", "createdAt", "expiresAt", "usedAt"],
  title: ["admin.name", "createdAt"],
  filters: ["admin", "requester", "createdAt", "expiresAt", "usedAt"],
  order: { by: "createdAt", direction: "desc" },
});

export const emailLogTable = defineTable({
  model: "EmailLog",
  module: "settings",
  actions: { new: null, edit: null, delete: null, bulkDelete: null },
  writable: {},
  list: ["id", "createdAt", "template", "toAddress", "status", "attempts", "sentAt"],
  filters: ["template", "toAddress", "status", "customer", "aiRequest", "invoice", "createdAt", "sentAt"],
  title: ["subject", "toAddress"],
  // Its caught copy, when it left without SMTP_URL (shown to those who may read caught e-mails).
  related: [{ table: "caught_emails", via: "emailLogId" }],
  order: { by: "createdAt", direction: "desc" },
});

/**
 * E-mails caught instead of sent (no SMTP_URL outside production, src/lib/email/mailer.ts): read by the
 * admins who hold settings.delete (admins and super admins), who may also empty the box.
 */
export const caughtEmailTable = defineTable({
  model: "CaughtEmail",
  module: "settings",
  actions: {
    list: "delete",
    search: "delete",
    show: "delete",
    new: null,
    edit: null,
    delete: "delete",
    bulkDelete: "delete",
    deleteAll: "delete",
  },
  writable: {},
  list: ["createdAt", "toAddress", "subject"],
  title: ["subject", "toAddress"],
  filters: ["toAddress", "subject", "emailLog", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

export const settingTable = defineTable({
  model: "Setting",
  module: "settings",
  actions: { new: "edit", edit: "edit", delete: null, bulkDelete: null },
  // Known keys are checked against their schema and their own permission (values.ts writeSetting).
  writes: (deps) => ({
    create: (data) => writeSetting(deps.prisma, String(data.key ?? ""), data.value),
    update: (id, data) => {
      // The key names the setting: a different one is another setting, not this one renamed.
      if (data.key !== undefined && data.key !== id) {
        throw new AppError("validation", "A setting's key cannot change", [
          { field: "key", message: "cannot change: create the other setting instead" },
        ]);
      }
      return writeSetting(deps.prisma, id, data.value);
    },
  }),
  writable: {
    key: { createOnly: true },
    value: { json: "any" },
  },
  list: ["key", "value", "updatedAt", "updater"],
  title: ["key"],
  filters: ["key", "updatedAt"],
  order: { by: "updatedAt", direction: "desc" },
});

/** The tables of the module, in menu order. */
export const settingsTables = [
  adminUserTable,
  adminSessionTable,
  adminActivityLogTable,
  securityAlertTable,
  passwordResetTokenTable,
  emailLogTable,
  caughtEmailTable,
  settingTable,
];
