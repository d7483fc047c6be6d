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

/**
 * How long a test file may take to seed every table: the demo data and the rows around it take seconds
 * on a quiet machine, minutes on a busy one, and seeding is not what these tests check.
 */
export const SEED_SETUP_MS = 600_000;

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
    await prisma.caughtEmail.create({
      data: {
        fromAddress: "Locod-AI <no-reply@locod-ai.local>",
        toAddress: request.customer.email,
        subject: `Matrix ${i}`,
        text: `Matrix ${i}`,
        html: `<p>Matrix ${i}</p>`,
      },
    });
    await prisma.securityAlert.create({ data: { kind: "account_locked", adminId: someone.id } });
    await prisma.passwordResetToken.create({
      data: { adminId: someone.id, tokenHash: `hash-${i}`, expiresAt: new Date(Date.now() + 3600_000) },
    });
    await prisma.adminSession.create({
      data: { id: `matrix-${i}`, adminId: someone.id, expiresAt: new Date(Date.now() + 3600_000) },
    });
  }
  // Stripe's events, refunds and billing alerts (src/modules/billing/stripe), which the demo leaves empty.
  const paid = await prisma.invoice.findFirstOrThrow({ where: { status: "paid" }, orderBy: { id: "asc" } });
  for (let i = 0; i < 3; i++) {
    await prisma.stripeEvent.create({
      data: { id: `evt_matrix_${i}`, type: "invoice.paid", payload: { id: `evt_matrix_${i}` }, status: "processed" },
    });
    await prisma.refund.create({
      data: { invoiceId: paid.id, amount: "0.01", reason: `Matrix ${i}`, status: "succeeded", adminId: someone.id },
    });
    await prisma.billingAlert.create({
      data: {
        kind: "payment_failed",
        invoiceId: paid.id,
        customerId: paid.customerId,
        details: { subject: `matrix:${i}` },
      },
    });
  }
  // Site analytics' raw events (the demo has only the daily rollups).
  const live = await prisma.site.findFirstOrThrow({ where: { status: "active" }, orderBy: { id: "asc" } });
  await prisma.siteAnalyticsEvent.createMany({
    data: [0, 1, 2].map((i) => ({
      siteId: live.id,
      day: new Date(new Date().toISOString().slice(0, 10)),
      kind: "pageview" as const,
      path: `/matrix-${i}`,
      visitorHash: `matrix-visitor-${i}`,
    })),
  });
  // A second correction of the demo's corrected note: customer_note_revisions has one row in the demo.
  const revised = await prisma.customerNoteRevision.findFirstOrThrow({ orderBy: { id: "asc" } });
  await prisma.customerNoteRevision.create({
    data: { noteId: revised.noteId, body: "Matrix revision", editedById: someone.id, editedAt: new Date() },
  });
  // Direct e-mails to a customer (customers CRM), each with the outbox row it was sent through.
  const template = await prisma.customerEmailTemplate.findFirstOrThrow({ orderBy: { id: "asc" } });
  for (let i = 0; i < 3; i++) {
    const log = await prisma.emailLog.create({
      data: {
        template: "customers.direct",
        toAddress: request.customer.email,
        subject: `Direct ${i}`,
        customerId: request.customerId,
      },
    });
    await prisma.customerEmail.create({
      data: {
        customerId: request.customerId,
        templateId: template.id,
        emailLogId: log.id,
        subject: `Direct ${i}`,
        body: `Direct e-mail ${i}`,
        sentById: someone.id,
      },
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

/** A REST route of a module's workflow (beside the table routes, which the REST walk derives). */
export interface ModuleRoute {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** Below /admin/api/v1, with {id} for a record id. */
  path: string;
  module: string;
  permission: string;
}

/** The workflow routes and the permission each needs (DESIGN.md 5), for the tests that walk them. */
export const MODULE_ROUTES: ModuleRoute[] = [
  // Invoices (src/modules/billing/invoicing-routes.ts; walked by test/integration/invoicing.test.ts).
  { method: "post", path: "/billing/invoices/{id}/issue", module: "billing", permission: "create_invoice" },
  { method: "post", path: "/billing/invoicing/runs", module: "billing", permission: "create_invoice" },
  // Refunds and billing alerts (src/modules/billing/refund-and-alert-routes.ts; walked by test/integration/refunds.test.ts).
  { method: "get", path: "/billing/invoices/{id}/refunds", module: "billing", permission: "view" },
  { method: "post", path: "/billing/invoices/{id}/refunds", module: "billing", permission: "refund" },
  { method: "post", path: "/billing/billing_alerts/{id}/acknowledge", module: "billing", permission: "create_invoice" },
  // Invoice PDF and accounting export (src/modules/billing/document-routes.ts; walked by
  // test/integration/invoice-pdf.test.ts and test/integration/billing-export.test.ts).
  { method: "get", path: "/billing/invoices/{id}/pdf", module: "billing", permission: "view" },
  { method: "get", path: "/billing/export/invoices.csv", module: "billing", permission: "export" },
  { method: "get", path: "/billing/export/items.csv", module: "billing", permission: "export" },
  // Revenue metrics, overdue invoices and reminders (src/modules/billing/revenue-routes.ts; walked by
  // test/integration/dunning.test.ts).
  { method: "get", path: "/billing/metrics", module: "billing", permission: "view" },
  { method: "get", path: "/billing/invoices/overdue", module: "billing", permission: "view" },
  { method: "post", path: "/billing/invoices/{id}/reminders", module: "billing", permission: "create_invoice" },
  // The dashboard's alert thresholds (src/modules/analytics/routes.ts; walked by test/integration/analytics.test.ts).
  { method: "get", path: "/analytics/alert-thresholds", module: "analytics", permission: "view" },
  { method: "put", path: "/analytics/alert-thresholds", module: "analytics", permission: "configure" },
  // The dashboard's quick action (src/modules/dashboard/routes.ts; walked by test/integration/dashboard.test.ts).
  { method: "post", path: "/dashboard/overdue-reminders", module: "billing", permission: "create_invoice" },
  // A site's audience (src/modules/monitoring/site-analytics/routes.ts; walked by its site-analytics.int.test.ts).
  { method: "get", path: "/monitoring/sites/{id}/analytics", module: "monitoring", permission: "view" },
];
