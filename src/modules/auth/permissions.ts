// The permission matrix of DESIGN.md section 5, and the one function that decides: can().
// Roles are ceilings; a user's `permissions` array (module.permission strings) narrows the role when set.

export const MODULE_PERMISSIONS = {
  ai_queue: ["view", "process", "reject", "stats"],
  customers: ["view", "edit", "delete", "export"],
  billing: ["view", "create_invoice", "refund", "export"],
  sites: ["view", "edit", "delete", "backup"],
  templates: ["view", "edit", "create", "delete", "test"],
  monitoring: ["view", "configure_alerts", "backup"],
  analytics: ["view", "export", "configure"],
  campaigns: ["view", "create", "send", "delete"],
  settings: ["view", "edit", "delete", "system"],
  support: ["view", "reply", "delete"],
} as const;

export type PermissionModule = keyof typeof MODULE_PERMISSIONS;
export type Permission<M extends PermissionModule = PermissionModule> = (typeof MODULE_PERMISSIONS)[M][number];
export type Role = "super_admin" | "admin" | "editor" | "viewer";

type PermissionClass = "read" | "write" | "delete" | "system";

const CLASS_OF: Record<string, PermissionClass> = {
  view: "read",
  stats: "read",
  export: "read",
  process: "write",
  reject: "write",
  edit: "write",
  create: "write",
  create_invoice: "write",
  backup: "write",
  test: "write",
  configure_alerts: "write",
  configure: "write",
  send: "write",
  reply: "write",
  delete: "delete",
  refund: "delete",
  system: "system",
};

const ROLE_CEILING: Record<Role, ReadonlySet<PermissionClass>> = {
  viewer: new Set(["read"]),
  editor: new Set(["read", "write"]),
  admin: new Set(["read", "write", "delete"]),
  super_admin: new Set(["read", "write", "delete", "system"]),
};

export interface Grantee {
  role: Role;
  /** null/undefined: the role alone decides. An array narrows the role to the listed permissions. */
  permissions?: readonly string[] | null;
  status?: "active" | "disabled";
}

export function isKnownPermission(module: string, permission: string): boolean {
  const list = (MODULE_PERMISSIONS as Record<string, readonly string[]>)[module];
  return list !== undefined && list.includes(permission);
}

/** The single decision point: every AdminJS action, REST route and job asks it. */
export function can<M extends PermissionModule>(
  admin: Grantee | null | undefined,
  module: M,
  permission: Permission<M>,
): boolean {
  if (!admin || admin.status === "disabled") return false;
  if (!isKnownPermission(module, permission)) return false;
  const cls = CLASS_OF[permission];
  if (!cls || !ROLE_CEILING[admin.role]?.has(cls)) return false;
  if (admin.permissions == null) return true;
  return admin.permissions.includes(`${module}.${permission}`);
}

/** Every module.permission the admin holds, for /auth/me and the UI. */
export function effectivePermissions(admin: Grantee): string[] {
  return Object.entries(MODULE_PERMISSIONS).flatMap(([module, perms]) =>
    perms.filter((p) => can(admin, module as PermissionModule, p as never)).map((p) => `${module}.${p}`),
  );
}
