import { can, effectivePermissions, MODULE_PERMISSIONS, type PermissionModule, type Role } from "./permissions.js";
// DESIGN.md section 5 restated as test tables, independently of permissions.ts.
import { CLASS_OF, ROLES_OF_CLASS } from "../../../test/helpers/access-matrix.js";

const cases = (Object.keys(MODULE_PERMISSIONS) as PermissionModule[]).flatMap((module) =>
  (MODULE_PERMISSIONS[module] as readonly string[]).flatMap((permission) =>
    (["viewer", "editor", "admin", "super_admin"] as Role[]).map((role) => ({
      role,
      module,
      permission,
      allowed: (ROLES_OF_CLASS[CLASS_OF[permission]!] as readonly string[]).includes(role),
    })),
  ),
);

describe("permissions can", () => {
  it.each(cases)("$role -> $module.$permission: $allowed", ({ role, module, permission, allowed }) => {
    expect(can({ role }, module, permission as never)).toBe(allowed);
  });

  it("narrows a role to the user's permission list, never widens it", () => {
    const restricted = {
      role: "editor" as const,
      permissions: ["customers.view", "ai_queue.view", "ai_queue.process", "customers.delete"],
    };
    expect(can(restricted, "customers", "view")).toBe(true);
    expect(can(restricted, "ai_queue", "process")).toBe(true);
    expect(can(restricted, "ai_queue", "reject")).toBe(false);
    expect(can(restricted, "billing", "view")).toBe(false);
    // Listed, but above the editor ceiling.
    expect(can(restricted, "customers", "delete")).toBe(false);
    expect(effectivePermissions(restricted)).toEqual(["ai_queue.view", "ai_queue.process", "customers.view"]);
  });

  it("gives settings.system to super admins only, and nothing to a disabled or missing user", () => {
    expect(can({ role: "admin" }, "settings", "system")).toBe(false);
    expect(can({ role: "super_admin" }, "settings", "system")).toBe(true);
    expect(can({ role: "super_admin", status: "disabled" }, "customers", "view")).toBe(false);
    expect(can(null, "customers", "view")).toBe(false);
    expect(can({ role: "super_admin" }, "customers", "fly" as never)).toBe(false);
  });
});
