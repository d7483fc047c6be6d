// The Queue IA workflow (issue 4, item 2): a state machine whose transitions are conditional updates
// (`WHERE id = ? AND status IN (...)`), each audited and recording its customer e-mail in the same
// transaction; the e-mails are handed to the mail queue after the commit. Permissions are checked here,
// with can() on the acting admin of the request context, so every path (AdminJS, REST, jobs) obeys them.
import { Prisma, type AiRequest, type AiRequestStatus, type PrismaClient } from "@prisma/client";
import { parseAmount } from "../../lib/format.js";
import { writeAudit } from "../../lib/audit.js";
import { type CurrentAdmin } from "../../lib/request-context.js";
import { AppError, fieldErrorsFromZod } from "../../lib/errors.js";
import type { Permission } from "../auth/permissions.js";
import type { Queues } from "../../queues/queues.js";
import { checkColumn, type RequestType } from "./schemas.js";
import { dispatchNotifications } from "../../lib/email/outbox.js";
import { recordNotification, type NotificationEvent } from "./notifications.js";
import { billAiRequest } from "../billing/ai-billing.js";
import { requirePermission } from "../../modules/auth/current-admin.js";
import { mayActGuard, mayActOnRequest } from "./assignee-rule.js";

export interface QueueDeps {
  prisma: PrismaClient;
  queues: Pick<Queues, "byName">;
}

export const TRANSITIONS = {
  take: { from: ["pending"], to: "processing" },
  release: { from: ["processing"], to: "pending" },
  complete: { from: ["processing"], to: "completed" },
  reject: { from: ["pending", "processing"], to: "rejected" },
  cancel: { from: ["pending"], to: "cancelled" },
} as const satisfies Record<string, { from: readonly AiRequestStatus[]; to: AiRequestStatus }>;

export type Transition = keyof typeof TRANSITIONS;

/** The status a transition leads to from `from`, or null when it is not allowed from there. */
export function nextStatus(transition: Transition, from: AiRequestStatus): AiRequestStatus | null {
  const rule = TRANSITIONS[transition];
  return (rule.from as readonly AiRequestStatus[]).includes(from) ? rule.to : null;
}

const NOTIFY: Partial<Record<Transition, NotificationEvent>> = {
  take: "in_progress",
  complete: "completed",
  reject: "rejected",
};

const actor = (permission: Permission<"ai_queue">): CurrentAdmin => requirePermission("ai_queue", permission);

async function conflict(db: Pick<PrismaClient, "aiRequest"> | Prisma.TransactionClient, id: number): Promise<never> {
  const current = await db.aiRequest.findUnique({ where: { id }, select: { status: true } });
  if (!current) throw new AppError("not_found", `AI request #${id} does not exist`);
  throw new AppError("conflict", `AI request #${id} is ${current.status}`);
}

async function load(prisma: PrismaClient, id: number): Promise<AiRequest> {
  const row = await prisma.aiRequest.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", `AI request #${id} does not exist`);
  return row;
}

/**
 * Runs one transition: the conditional update, the audit row and the e-mail record in one transaction,
 * then the e-mail dispatch. An admin's transition follows the assignee rule (assignee-rule.ts: a request
 * another admin holds is theirs, 403), checked on the row and again in the update's condition. `extra`
 * runs in the transaction after the update (billing).
 */
async function transition(
  deps: QueueDeps,
  id: number,
  name: Transition,
  admin: CurrentAdmin | null,
  data: Prisma.AiRequestUncheckedUpdateManyInput,
  guard: Prisma.AiRequestWhereInput = {},
  extra?: (tx: Prisma.TransactionClient, row: AiRequest) => Promise<void>,
): Promise<AiRequest> {
  const rule = TRANSITIONS[name];
  const event = NOTIFY[name];
  const { row, emailIds } = await deps.prisma.$transaction(async (tx) => {
    const before = await tx.aiRequest.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found", `AI request #${id} does not exist`);
    // A transition not allowed from the status is a conflict whoever asks; then the assignee rule.
    if (!(rule.from as readonly AiRequestStatus[]).includes(before.status)) return conflict(tx, id);
    if (admin && !mayActOnRequest(admin, before)) {
      throw new AppError("forbidden", `AI request #${id} is assigned to another admin`);
    }
    const { count } = await tx.aiRequest.updateMany({
      where: { AND: [guard, admin ? mayActGuard(admin) : {}], id, status: { in: [...rule.from] } },
      data: { ...data, status: rule.to },
    });
    if (count === 0) return conflict(tx, id);
    let after = await tx.aiRequest.findUniqueOrThrow({ where: { id } });
    if (extra) {
      await extra(tx, after);
      after = await tx.aiRequest.findUniqueOrThrow({ where: { id } });
    }
    await writeAudit(tx, { action: `ai_request.${name}`, resourceType: "ai_requests", resourceId: id, before, after });
    const emailIds = event ? [await recordNotification(tx, id, event)] : [];
    return { row: after, emailIds };
  });
  await dispatchNotifications(deps.queues, emailIds);
  return row;
}

/** pending -> processing, assigned to the acting admin. */
export async function takeRequest(deps: QueueDeps, id: number): Promise<AiRequest> {
  const admin = actor("process");
  const now = new Date();
  return transition(deps, id, "take", admin, { adminId: admin.id, assignedAt: now, startedAt: now });
}

/** processing -> pending, unassigned: by the assignee, or an admin. */
export async function releaseRequest(deps: QueueDeps, id: number): Promise<AiRequest> {
  const admin = actor("process");
  return transition(deps, id, "release", admin, { adminId: null, assignedAt: null, startedAt: null });
}

export interface CompleteInput {
  generatedContent: unknown;
  /** An amount as typed ("2.50", "2,50", "€2.50") or a number; defaults to the estimated cost. */
  actualCost?: string | number | null;
  adminNotes?: string | null;
}

const COST = /^\d{1,3}(\.\d{1,2})?$/;

/**
 * The actual cost as typed in French or English, read once for AdminJS, REST and imports alike; null when
 * not given. "1,234" reads two ways and is refused.
 */
export function readActualCost(input: string | number | null | undefined): Prisma.Decimal | null {
  const text = input == null ? "" : String(input).trim();
  if (text === "") return null;
  const read = parseAmount(text);
  if (!read.ok || !COST.test(read.value)) {
    const message =
      !read.ok && read.reason === "fieldMoneyAmbiguous"
        ? 'ambiguous: "1,234" reads as 1.234 or as 1234'
        : "an amount like 2.50 or 2,50 (0 to 999.99)";
    throw new AppError("validation", `actual_cost: ${message}`, [{ field: "actual_cost", message }]);
  }
  return new Prisma.Decimal(read.value);
}

/** processing -> completed, with validated content; billed in the same transaction. */
export async function completeRequest(deps: QueueDeps, id: number, input: CompleteInput): Promise<AiRequest> {
  const admin = actor("process");
  const current = await load(deps.prisma, id);
  const parsed = checkColumn("generatedContent", current.requestType as RequestType, input.generatedContent);
  if (!parsed.success) {
    const errors = fieldErrorsFromZod(parsed.error).map((e) => ({
      field: e.field === "(body)" ? "generated_content" : `generated_content.${e.field}`,
      message: e.message,
    }));
    throw new AppError("validation", `The generated content does not match the ${current.requestType} schema`, errors);
  }
  const actualCost = readActualCost(input.actualCost) ?? current.estimatedCost;
  return transition(
    deps,
    id,
    "complete",
    admin,
    {
      generatedContent: parsed.data as Prisma.InputJsonValue,
      actualCost,
      completedAt: new Date(),
      ...(input.adminNotes != null ? { adminNotes: input.adminNotes } : {}),
    },
    {},
    async (tx, row) => {
      await billAiRequest(tx, row.id);
    },
  );
}

/** pending|processing -> rejected, with the reason the customer is told: by the assignee, or an admin. */
export async function rejectRequest(deps: QueueDeps, id: number, adminNotes: string): Promise<AiRequest> {
  const admin = actor("reject");
  const notes = (adminNotes ?? "").trim();
  if (!notes) {
    throw new AppError("validation", "A reason is required to reject a request", [
      { field: "admin_notes", message: "required" },
    ]);
  }
  await load(deps.prisma, id);
  return transition(deps, id, "reject", admin, { adminNotes: notes, completedAt: new Date() });
}

/** pending -> cancelled, by the customer who owns the request (the wizard webhook). */
export async function cancelRequest(deps: QueueDeps, id: number, customerId: number): Promise<AiRequest> {
  const row = await deps.prisma.aiRequest.findUnique({ where: { id } });
  if (!row || row.customerId !== customerId) throw new AppError("not_found", `AI request #${id} does not exist`);
  return transition(deps, id, "cancel", null, {}, { customerId });
}

/** The customer's rating (1-5) and words on a completed request of theirs. */
export async function leaveFeedback(
  deps: QueueDeps,
  id: number,
  customerId: number,
  rating: number,
  notes?: string | null,
): Promise<AiRequest> {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    throw new AppError("validation", "rating must be 1 to 5", [{ field: "rating", message: "an integer from 1 to 5" }]);
  }
  return deps.prisma.$transaction(async (tx) => {
    const before = await tx.aiRequest.findUnique({ where: { id } });
    if (!before || before.customerId !== customerId)
      throw new AppError("not_found", `AI request #${id} does not exist`);
    const { count } = await tx.aiRequest.updateMany({
      where: { id, customerId, status: "completed" },
      data: { customerFeedback: rating, customerNotes: notes ?? null },
    });
    if (count === 0) return conflict(tx, id);
    const after = await tx.aiRequest.findUniqueOrThrow({ where: { id } });
    await writeAudit(tx, { action: "ai_request.feedback", resourceType: "ai_requests", resourceId: id, before, after });
    return after;
  });
}

/**
 * A generic edit of a request (the AdminJS form, REST PATCH): the columns the table spec lets it write,
 * with request_data checked against the request type's schema as the wizard's intake checks it (and
 * stored as the schema reads it); refused by field (`request_data.<path>`), nothing written. Audited.
 */
export async function updateRequestFields(
  prisma: PrismaClient,
  id: number,
  data: Record<string, unknown>,
): Promise<AiRequest> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.aiRequest.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found", `AI request #${id} does not exist`);
    const write = { ...data };
    if (write.requestData !== undefined) {
      const parsed = checkColumn("requestData", before.requestType as RequestType, write.requestData);
      if (!parsed.success) {
        const errors = fieldErrorsFromZod(parsed.error).map((e) => ({
          field: e.field === "(body)" ? "request_data" : `request_data.${e.field}`,
          message: e.message,
        }));
        throw new AppError("validation", `The request data does not match the ${before.requestType} schema`, errors);
      }
      write.requestData = parsed.data as Prisma.InputJsonValue;
    }
    const after = await tx.aiRequest.update({ where: { id }, data: write as Prisma.AiRequestUncheckedUpdateInput });
    await writeAudit(tx, { action: "update", resourceType: "ai_requests", resourceId: id, before, after });
    return after;
  });
}
