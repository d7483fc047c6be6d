// The demo admins (one per role) and who does what in the demo history.
import type { AdminRole, Prisma } from "@prisma/client";
import { addMs, DAY } from "./time.js";

export interface DemoAdminInput {
  email: string;
  name: string;
  role: AdminRole;
  passwordHash: string;
}

/** Admin ids by the part they play in the demo history. */
export interface Staff {
  superAdmin: number;
  admin: number;
  editor: number;
  viewer: number;
}

const JOINED_DAYS_AGO: Record<AdminRole, number> = { super_admin: 540, admin: 480, editor: 300, viewer: 120 };

export function buildAdmins(now: Date, admins: readonly DemoAdminInput[]) {
  const rows: Prisma.AdminUserCreateManyInput[] = admins.map((a, i) => ({
    id: i + 1,
    email: a.email,
    name: a.name,
    role: a.role,
    passwordHash: a.passwordHash,
    status: "active",
    createdAt: addMs(now, -JOINED_DAYS_AGO[a.role] * DAY + (9 + i) * 3600_000),
  }));
  const idOf = (role: AdminRole) => {
    const index = admins.findIndex((a) => a.role === role);
    if (index < 0) throw new Error(`The demo needs an admin with role ${role}`);
    return index + 1;
  };
  const staff: Staff = {
    superAdmin: idOf("super_admin"),
    admin: idOf("admin"),
    editor: idOf("editor"),
    viewer: idOf("viewer"),
  };
  return { rows, staff };
}
