// Demo data for an empty database: deterministic (same rows on every run) and plausible.
import type { PrismaClient } from "@prisma/client";
import { hashPassword } from "../src/modules/auth/password.js";

export const DEMO_ADMINS = [
  { email: "super@locod-ai.local", name: "Sophie Martin", role: "super_admin", password: "demo-super-admin-2026" },
  { email: "admin@locod-ai.local", name: "Antoine Dubois", role: "admin", password: "demo-admin-2026!" },
  { email: "editor@locod-ai.local", name: "Emma Leroy", role: "editor", password: "demo-editor-2026!" },
  { email: "viewer@locod-ai.local", name: "Victor Moreau", role: "viewer", password: "demo-viewer-2026!" },
] as const;

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  const [admins, customers] = await Promise.all([prisma.adminUser.count(), prisma.customer.count()]);
  return admins === 0 && customers === 0;
}

export async function seedDemoData(prisma: PrismaClient, options: { bcryptCost: number }): Promise<void> {
  for (const a of DEMO_ADMINS) {
    const passwordHash = await hashPassword(a.password, options.bcryptCost);
    await prisma.adminUser.upsert({
      where: { email: a.email },
      update: {},
      create: { email: a.email, name: a.name, role: a.role, passwordHash },
    });
  }
}
