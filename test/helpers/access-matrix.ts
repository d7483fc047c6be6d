// The permission matrix of DESIGN.md section 5 as test tables, shared by the AdminJS and REST walks.
import type { PrismaClient } from "@prisma/client";
import { seedDemoData } from "../../prisma/seed.js";

export type Role = "viewer" | "editor" | "admin" | "super_admin";

// DESIGN.md 5, restated independently of src/modules/auth/permissions.ts.
export const CLASS_OF: Record<string, "read" | "write" | "delete" | "system"> = {
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
export const ROLES_OF_CLASS = {
  read: ["viewer", "editor", "admin", "super_admin"],
  write: ["editor", "admin", "super_admin"],
  delete: ["admin", "super_admin"],
  system: ["super_admin"],
} as const;

export interface User {
  label: string;
  role: Role;
  permissions: string[] | null;
}

export const USERS: User[] = [
  { label: "viewer", role: "viewer", permissions: null },
  { label: "editor", role: "editor", permissions: null },
  { label: "admin", role: "admin", permissions: null },
  { label: "super_admin", role: "super_admin", permissions: null },
  {
    label: "restricted editor",
    role: "editor",
    permissions: ["customers.view", "ai_queue.view", "ai_queue.process"],
  },
];

export function expectedAllowed(user: User, module: string, permission: string | null): boolean {
  if (permission === null) return false;
  const cls = CLASS_OF[permission];
  if (!cls || !(ROLES_OF_CLASS[cls] as readonly string[]).includes(user.role)) return false;
  return user.permissions === null || user.permissions.includes(`${module}.${permission}`);
}

/** Demo data, plus rows for the tables the demo leaves empty: every table has at least two rows. */
export async function seedEveryTable(prisma: PrismaClient): Promise<void> {
  await seedDemoData(prisma, { bcryptCost: 4 });
  const someone = await prisma.adminUser.findFirstOrThrow({ orderBy: { id: "asc" } });
  const request = await prisma.aiRequest.findFirstOrThrow({ orderBy: { id: "asc" }, include: { customer: true } });
  for (let i = 0; i < 3; i++) {
    await prisma.aiGeneration.create({ data: { aiRequestId: request.id, adminId: someone.id, model: "claude-test" } });
    await prisma.emailLog.create({
      data: {
        template: `matrix.${i}`,
        toAddress: request.customer.email,
        subject: `Matrix ${i}`,
        customerId: request.customerId,
        aiRequestId: request.id,
      },
    });
    await prisma.setting.create({ data: { key: `matrix.${i}`, value: { i } } });
    await prisma.securityAlert.create({ data: { kind: "account_locked", adminId: someone.id } });
    await prisma.passwordResetToken.create({
      data: { adminId: someone.id, tokenHash: `hash-${i}`, expiresAt: new Date(Date.now() + 3600_000) },
    });
    await prisma.adminSession.create({
      data: { id: `matrix-${i}`, adminId: someone.id, expiresAt: new Date(Date.now() + 3600_000) },
    });
  }
}

/** The primary key property of a resource (most tables have `id`; settings has `key`). */
export function idPath(resource: { properties(): { isId(): boolean; path(): string }[] }): string {
  return resource
    .properties()
    .find((p) => p.isId())!
    .path();
}
