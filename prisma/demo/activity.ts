// A few entries of the audit trail (admin_activity_log) that match the demo rows they describe,
// and the admins' last logins that go with them.
import type { Prisma } from "@prisma/client";
import type { DemoAiRequest } from "./ai-requests.js";
import type { DemoCustomer } from "./customers.js";
import type { DemoInvoice } from "./invoices.js";
import type { Staff } from "./staff.js";
import { addMs, DAY, HOUR, MINUTE, minDate } from "./time.js";
import { USER_AGENTS } from "./vocabulary.js";

type Entry = Omit<Prisma.AdminActivityLogCreateManyInput, "createdAt"> & { createdAt: Date };

interface ActivityInput {
  now: Date;
  staff: Staff;
  requests: readonly DemoAiRequest[];
  invoices: readonly DemoInvoice[];
  customers: readonly DemoCustomer[];
  templateVersions: readonly Prisma.TemplateVersionCreateManyInput[];
  abTests: readonly Prisma.TemplateAbTestCreateManyInput[];
  campaigns: readonly Prisma.EmailCampaignCreateManyInput[];
}

interface Where {
  ipAddress: string;
  userAgent: string;
}

/** Documentation addresses (RFC 5737): never a real office. */
const OFFICE: Where = { ipAddress: "203.0.113.24", userAgent: USER_AGENTS[0] };
const REMOTE: Where = { ipAddress: "198.51.100.77", userAgent: USER_AGENTS[1] };

export function buildActivityLog(input: ActivityInput) {
  const { now, staff } = input;
  const entries: Entry[] = [];
  const at = (daysAgo: number, hour: number, minute: number) =>
    addMs(now, -daysAgo * DAY + hour * HOUR + minute * MINUTE);

  const logins: [number, Date, Where][] = [
    [staff.superAdmin, at(2, 8, 5), OFFICE],
    [staff.superAdmin, at(1, 8, 12), OFFICE],
    [staff.admin, at(1, 9, 3), OFFICE],
    [staff.editor, at(3, 13, 30), REMOTE],
    [staff.editor, at(1, 8, 47), REMOTE],
    [staff.viewer, at(6, 10, 15), OFFICE],
  ];
  for (const [adminId, createdAt, where] of logins) entries.push({ adminId, action: "login", createdAt, ...where });

  const latest = (status: DemoAiRequest["status"], adminId?: number) =>
    [...input.requests]
      .reverse()
      .find((r) => r.status === status && (adminId === undefined || r.row.adminId === adminId));
  const completed = latest("completed", staff.editor);
  if (completed) {
    entries.push({
      adminId: staff.editor,
      action: "update",
      resourceType: "ai_requests",
      resourceId: completed.row.id,
      oldValues: { status: "processing" },
      newValues: { status: "completed", actual_cost: completed.actualCost!.toFixed(2) },
      createdAt: completed.completedAt!,
      ...REMOTE,
    });
  }
  const rejected = latest("rejected");
  if (rejected?.row.adminId) {
    entries.push({
      adminId: rejected.row.adminId,
      action: "update",
      resourceType: "ai_requests",
      resourceId: rejected.row.id,
      oldValues: { status: "pending" },
      newValues: { status: "rejected", admin_notes: rejected.row.adminNotes },
      createdAt: rejected.row.assignedAt as Date,
      ...OFFICE,
    });
  }
  const refunded = [...input.invoices].reverse().find((i) => i.status === "refunded");
  if (refunded) {
    entries.push({
      adminId: staff.admin,
      action: "update",
      resourceType: "invoices",
      resourceId: refunded.id,
      oldValues: { status: "paid" },
      newValues: { status: "refunded", refunded_amount: refunded.totalAmount.toFixed(2) },
      createdAt: minDate(addMs(refunded.paidAt!, 2 * DAY), addMs(now, -HOUR)),
      ...OFFICE,
    });
  }
  for (const v of input.templateVersions.filter((tv) => tv.isActive)) {
    entries.push({
      adminId: staff.admin,
      action: "update",
      resourceType: "template_versions",
      resourceId: v.id!,
      oldValues: { is_active: false },
      newValues: { is_active: true, version: v.version },
      createdAt: addMs(v.createdAt as Date, DAY),
      ...OFFICE,
    });
  }
  const running = input.abTests.find((t) => t.status === "running");
  if (running) {
    entries.push({
      adminId: staff.superAdmin,
      action: "create",
      resourceType: "template_ab_tests",
      resourceId: running.id!,
      newValues: { name: running.name, traffic_split: running.trafficSplit, status: "draft" },
      createdAt: running.createdAt as Date,
      ...OFFICE,
    });
    entries.push({
      adminId: staff.superAdmin,
      action: "update",
      resourceType: "template_ab_tests",
      resourceId: running.id!,
      oldValues: { status: "draft" },
      newValues: { status: "running" },
      createdAt: addMs(running.startDate as Date, 9 * HOUR),
      ...OFFICE,
    });
  }
  const sent = input.campaigns.find((c) => c.status === "sent");
  if (sent) {
    entries.push({
      adminId: staff.admin,
      action: "update",
      resourceType: "email_campaigns",
      resourceId: sent.id!,
      oldValues: { status: "scheduled" },
      newValues: { status: "sending" },
      createdAt: sent.sentAt as Date,
      ...OFFICE,
    });
  }
  // Suspensions after an unpaid invoice are done by the system (no admin).
  for (const c of input.customers.filter((cu) => cu.status === "suspended").slice(-2)) {
    entries.push({
      adminId: null,
      action: "update",
      resourceType: "customers",
      resourceId: c.id,
      oldValues: { status: "active" },
      newValues: { status: "suspended", reason: "unpaid_invoice" },
      createdAt: c.endedAt!,
      userAgent: "locod-worker",
    });
  }

  entries.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const rows: Prisma.AdminActivityLogCreateManyInput[] = entries.map((e, i) => ({ ...e, id: i + 1 }));
  const lastLogin = new Map<number, Date>();
  for (const [adminId, createdAt] of logins) lastLogin.set(adminId, createdAt);
  return { rows, lastLogin };
}
