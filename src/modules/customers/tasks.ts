// Follow-up tasks on a customer (issue 17, item 3): a title, a due date, an owner, done or not. The
// owner sees their open tasks on the dashboard (openTasksOf). Marking done is a conditional update: of
// two admins ticking it at once, one wins and the other gets a 409. Audited in each transaction.
import type { Prisma, PrismaClient } from "@prisma/client";
import { writeAudit } from "../../lib/audit.js";
import { AppError } from "../../lib/errors.js";
import { requirePermission } from "../auth/index.js";

const TASK_SELECT = {
  id: true,
  customerId: true,
  title: true,
  dueAt: true,
  done: true,
  doneAt: true,
  createdAt: true,
  owner: { select: { id: true, name: true } },
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.CustomerTaskSelect;

export type CustomerTaskView = Prisma.CustomerTaskGetPayload<{ select: typeof TASK_SELECT }>;

export interface NewTask {
  title: string;
  dueAt?: Date | null;
  /** The admin who owns the task; the author when not given. */
  ownerId?: number | null;
}

export async function createTask(prisma: PrismaClient, customerId: number, input: NewTask): Promise<CustomerTaskView> {
  const admin = requirePermission("customers", "edit");
  const title = input.title.trim();
  if (!title) throw new AppError("validation", "A task needs a title", [{ field: "title", message: "Required" }]);
  return prisma.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { id: true } });
    if (!customer) throw new AppError("not_found", `Customer #${customerId} does not exist`);
    const ownerId = input.ownerId ?? admin.id;
    const owner = await tx.adminUser.findFirst({ where: { id: ownerId, status: "active" }, select: { id: true } });
    if (!owner) {
      const message = `No active admin #${ownerId}`;
      throw new AppError("validation", message, [{ field: "ownerId", message }]);
    }
    const task = await tx.customerTask.create({
      data: { customerId, title, dueAt: input.dueAt ?? null, ownerId, createdById: admin.id },
      select: TASK_SELECT,
    });
    await writeAudit(tx, {
      action: "customer_task.create",
      resourceType: "customer_tasks",
      resourceId: task.id,
      after: { customerId, title, dueAt: task.dueAt, ownerId },
    });
    return task;
  });
}

export async function completeTask(prisma: PrismaClient, taskId: number, now = new Date()): Promise<CustomerTaskView> {
  requirePermission("customers", "edit");
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.customerTask.updateMany({
      where: { id: taskId, done: false },
      data: { done: true, doneAt: now },
    });
    if (count === 0) {
      const exists = await tx.customerTask.findUnique({ where: { id: taskId }, select: { id: true } });
      throw exists
        ? new AppError("conflict", `Task #${taskId} is already done`)
        : new AppError("not_found", `Task #${taskId} does not exist`);
    }
    await writeAudit(tx, {
      action: "customer_task.done",
      resourceType: "customer_tasks",
      resourceId: taskId,
      before: { done: false, doneAt: null },
      after: { done: true, doneAt: now },
    });
    return tx.customerTask.findUniqueOrThrow({ where: { id: taskId }, select: TASK_SELECT });
  });
}

export async function customerTasks(prisma: PrismaClient, customerId: number, limit = 50): Promise<CustomerTaskView[]> {
  requirePermission("customers", "view");
  return prisma.customerTask.findMany({
    where: { customerId },
    orderBy: [{ done: "asc" }, { dueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: limit,
    select: TASK_SELECT,
  });
}

/** An admin's open tasks, soonest due first (the dashboard), with their customer's name. */
export async function openTasksOf(prisma: PrismaClient, ownerId: number, limit = 10) {
  return prisma.customerTask.findMany({
    where: { ownerId, done: false },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: limit,
    select: { id: true, title: true, dueAt: true, customer: { select: { id: true, name: true } } },
  });
}
