// The support workflow (issue 17, item 5): inbound e-mail opens or continues a ticket, admins reply (by
// e-mail, in the thread) or leave internal notes, assign, change the status; the SLA round escalates
// breached tickets once and takes a ticket from an assignee silent too long. AdminJS, REST, the webhook
// and the job are thin callers of these functions. Each mutation is audited in its transaction; state
// changes are conditional updates (a race gets one winner and a 409).
import type {
  AdminUser,
  Prisma,
  PrismaClient,
  SupportPriority,
  SupportTicket,
  SupportTicketStatus,
} from "@prisma/client";
import type { Config } from "../../config.js";
import type { Queues } from "../../queues/queues.js";
import { writeAudit } from "../../lib/audit.js";
import { AppError } from "../../lib/errors.js";
import { dispatchNotifications } from "../../lib/email/outbox.js";
import { can, requirePermission } from "../auth/index.js";
import { nextAgent } from "./rules/round-robin.js";
import {
  deadlines,
  isActive,
  needsEscalation,
  needsReassignment,
  policiesOf,
  slaOf,
  type SlaPolicy,
} from "./rules/sla.js";
import { replyMessageId, replySubject, referencedIds, ticketSubject } from "./rules/threading.js";
import { supportMetrics, type SupportMetrics } from "./rules/metrics.js";

type Tx = Prisma.TransactionClient;

export const REPLY_TEMPLATE = "support.reply";

export interface SupportDeps {
  prisma: PrismaClient;
  config: Pick<Config, "mail">;
  queues: Pick<Queues, "byName">;
}

/** Serialises round-robin picks: two tickets arriving together go to two agents. */
const ROUND_ROBIN_LOCK = 1_707_170_017;

async function policies(tx: Tx | PrismaClient): Promise<Record<SupportPriority, SlaPolicy>> {
  return policiesOf(await tx.supportSlaPolicy.findMany());
}

/** Active admins who may reply (level 1), or who hold support.delete (level 2, escalations). */
async function agents(tx: Tx, level: 1 | 2): Promise<number[]> {
  const admins = await tx.adminUser.findMany({
    where: { status: "active" },
    select: { id: true, role: true, permissions: true, status: true },
    orderBy: { id: "asc" },
  });
  return admins
    .filter((a) => {
      const grantee = { role: a.role, status: a.status, permissions: a.permissions as string[] | null };
      return level === 1 ? can(grantee, "support", "reply") : can(grantee, "support", "delete");
    })
    .map((a) => a.id);
}

/** The next agent of the round, after whoever got the last assignment among them. */
async function pickAgent(tx: Tx, level: 1 | 2, exclude: number | null = null): Promise<number | null> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${ROUND_ROBIN_LOCK})`);
  const pool = await agents(tx, level);
  if (pool.length === 0) return null;
  const last = await tx.supportTicket.findFirst({
    where: { assigneeId: { in: pool }, assignedAt: { not: null } },
    orderBy: [{ assignedAt: "desc" }, { id: "desc" }],
    select: { assigneeId: true },
  });
  return nextAgent(pool, last?.assigneeId ?? null, exclude);
}

// ---------------------------------------------------------------------------------------------
// Inbound e-mail
// ---------------------------------------------------------------------------------------------

export interface InboundMail {
  eventId: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  fromAddress: string;
  fromName: string | null;
  subject: string | null;
  text: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export interface InboundResult {
  ticketId: number;
  messageId: number;
  created: boolean;
  duplicate: boolean;
}

/**
 * Stores an inbound e-mail: in the ticket of a message it answers (by Message-ID, In-Reply-To and
 * References), else in a new ticket, linked to the customer of the sender's address when there is one
 * and assigned round-robin. A delivery seen before (same event id or Message-ID) changes nothing.
 */
export async function receiveInbound(
  prisma: PrismaClient,
  mail: InboundMail,
  now = new Date(),
): Promise<InboundResult> {
  return prisma.$transaction(async (tx) => {
    const seen = await tx.supportMessage.findFirst({
      where: { OR: [{ eventId: mail.eventId }, { emailMessageId: mail.messageId }] },
      select: { id: true, ticketId: true },
    });
    if (seen) return { ticketId: seen.ticketId, messageId: seen.id, created: false, duplicate: true };

    const refs = referencedIds(mail.inReplyTo, mail.references);
    const earlier =
      refs.length === 0
        ? []
        : await tx.supportMessage.findMany({
            where: { emailMessageId: { in: refs } },
            select: { ticketId: true, emailMessageId: true, ticket: { select: { status: true } } },
          });
    // The most recent reference first; a closed ticket is not reopened: the mail opens a new one.
    const thread = refs
      .map((id) => earlier.find((m) => m.emailMessageId === id))
      .find((m) => m !== undefined && m.ticket.status !== "closed");

    let ticket: SupportTicket;
    let created = false;
    if (thread) {
      const before = await tx.supportTicket.findUniqueOrThrow({ where: { id: thread.ticketId } });
      ticket = await tx.supportTicket.update({
        where: { id: before.id },
        data: {
          // The customer wrote back: a ticket waiting for them or resolved is open again.
          status: "open",
          awaitingReplySince: before.awaitingReplySince ?? now,
          ...(before.status === "resolved" ? { resolvedAt: null } : {}),
        },
      });
      await writeAudit(tx, {
        action: "support.inbound",
        resourceType: "support_tickets",
        resourceId: ticket.id,
        before,
        after: ticket,
      });
    } else {
      const customer = await tx.customer.findFirst({
        where: { email: { equals: mail.fromAddress, mode: "insensitive" } },
        select: { id: true, name: true },
      });
      const priority: SupportPriority = "normal";
      const policy = (await policies(tx))[priority];
      const assigneeId = await pickAgent(tx, 1);
      ticket = await tx.supportTicket.create({
        data: {
          subject: ticketSubject(mail.subject, mail.fromAddress),
          status: "open",
          priority,
          customerId: customer?.id ?? null,
          requesterEmail: mail.fromAddress,
          requesterName: mail.fromName ?? customer?.name ?? null,
          assigneeId,
          assignedAt: assigneeId ? now : null,
          createdAt: now,
          awaitingReplySince: now,
          ...deadlines(now, policy),
        },
      });
      created = true;
      await writeAudit(tx, {
        action: "support.open",
        resourceType: "support_tickets",
        resourceId: ticket.id,
        after: ticket,
      });
    }
    const message = await tx.supportMessage.create({
      data: {
        ticketId: ticket.id,
        kind: "customer",
        fromAddress: mail.fromAddress,
        body: mail.text,
        emailMessageId: mail.messageId,
        inReplyTo: mail.inReplyTo,
        eventId: mail.eventId,
        createdAt: now,
        attachments: {
          create: mail.attachments.map((a) => ({
            filename: a.filename.slice(0, 255),
            contentType: a.contentType.slice(0, 255),
            sizeBytes: a.content.length,
            content: a.content.toString("base64"),
          })),
        },
      },
    });
    return { ticketId: ticket.id, messageId: message.id, created, duplicate: false };
  });
}

// ---------------------------------------------------------------------------------------------
// Replies, notes, assignment, status
// ---------------------------------------------------------------------------------------------

export interface ReplyInput {
  body: string;
  /** An internal note: kept on the ticket, never sent. */
  internal?: boolean;
  cannedReplyId?: number | null;
  /** The status the ticket takes after a reply (default pending: waiting for the customer). */
  status?: "open" | "pending" | "resolved";
}

/**
 * An admin's reply (e-mailed to the requester in the thread, through the outbox) or internal note. A
 * reply is the first response when there was none, and ends the wait for an answer.
 */
export async function replyToTicket(
  deps: SupportDeps,
  ticketId: number,
  input: ReplyInput,
  now = new Date(),
): Promise<{ ticket: SupportTicket; messageId: number }> {
  const admin = requirePermission("support", "reply");
  const body = input.body.replace(/\r\n?/g, "\n");
  if (body.trim() === "")
    throw new AppError("validation", "The message is empty", [{ field: "body", message: "required" }]);
  const result = await deps.prisma.$transaction(async (tx) => {
    const before = await tx.supportTicket.findUnique({ where: { id: ticketId } });
    if (!before) throw new AppError("not_found", `Ticket #${ticketId} does not exist`);
    if (before.status === "closed") throw new AppError("conflict", `Ticket #${ticketId} is closed`);
    if (input.cannedReplyId != null) {
      const canned = await tx.supportCannedReply.findUnique({
        where: { id: input.cannedReplyId },
        select: { id: true },
      });
      if (!canned)
        throw new AppError("validation", "No such canned reply", [{ field: "cannedReplyId", message: "unknown" }]);
    }
    const message = await tx.supportMessage.create({
      data: {
        ticketId,
        kind: input.internal ? "note" : "reply",
        authorId: admin.id,
        fromAddress: input.internal ? null : deps.config.mail.from,
        body,
        cannedReplyId: input.cannedReplyId ?? null,
        createdAt: now,
      },
    });
    if (input.internal) {
      await writeAudit(tx, {
        action: "support.note",
        resourceType: "support_messages",
        resourceId: message.id,
        after: message,
      });
      return { ticket: before, messageId: message.id, emailLogId: null };
    }
    const last = await tx.supportMessage.findFirst({
      where: { ticketId, emailMessageId: { not: null }, id: { not: message.id } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { emailMessageId: true },
    });
    const emailLog = await tx.emailLog.create({
      data: {
        template: REPLY_TEMPLATE,
        language:
          (await tx.customer.findFirst({ where: { id: before.customerId ?? -1 }, select: { language: true } }))
            ?.language ?? "fr",
        toAddress: before.requesterEmail,
        subject: replySubject(ticketId, before.subject),
        customerId: before.customerId,
      },
    });
    const reply = await tx.supportMessage.update({
      where: { id: message.id },
      data: {
        emailLogId: emailLog.id,
        emailMessageId: replyMessageId(ticketId, message.id, deps.config.mail.from),
        inReplyTo: last?.emailMessageId ?? null,
      },
    });
    const status = input.status ?? "pending";
    const { count } = await tx.supportTicket.updateMany({
      where: { id: ticketId, status: before.status },
      data: {
        status,
        awaitingReplySince: null,
        firstResponseAt: before.firstResponseAt ?? now,
        ...(status === "resolved" ? { resolvedAt: now } : {}),
        ...(before.assigneeId === null ? { assigneeId: admin.id, assignedAt: now } : {}),
      },
    });
    if (count === 0) throw new AppError("conflict", `Ticket #${ticketId} changed meanwhile: reload it`);
    const after = await tx.supportTicket.findUniqueOrThrow({ where: { id: ticketId } });
    await writeAudit(tx, {
      action: "support.reply",
      resourceType: "support_messages",
      resourceId: reply.id,
      after: reply,
    });
    await writeAudit(tx, {
      action: "support.reply",
      resourceType: "support_tickets",
      resourceId: ticketId,
      before,
      after,
    });
    return { ticket: after, messageId: reply.id, emailLogId: emailLog.id };
  });
  await dispatchNotifications(deps.queues, [result.emailLogId]);
  return { ticket: result.ticket, messageId: result.messageId };
}

/** Gives the ticket to an agent who may reply (or to nobody). */
export async function assignTicket(
  prisma: PrismaClient,
  ticketId: number,
  assigneeId: number | null,
  now = new Date(),
): Promise<SupportTicket> {
  requirePermission("support", "reply");
  return prisma.$transaction(async (tx) => {
    const before = await tx.supportTicket.findUnique({ where: { id: ticketId } });
    if (!before) throw new AppError("not_found", `Ticket #${ticketId} does not exist`);
    if (assigneeId !== null && !(await agents(tx, 1)).includes(assigneeId)) {
      throw new AppError("validation", "The assignee cannot answer tickets", [
        { field: "assigneeId", message: "not an active admin with support.reply" },
      ]);
    }
    const { count } = await tx.supportTicket.updateMany({
      where: { id: ticketId, assigneeId: before.assigneeId, status: { in: ["open", "pending"] } },
      data: { assigneeId, assignedAt: assigneeId === null ? null : now },
    });
    if (count === 0)
      throw new AppError("conflict", `Ticket #${ticketId} is no longer active or was reassigned meanwhile`);
    const after = await tx.supportTicket.findUniqueOrThrow({ where: { id: ticketId } });
    await writeAudit(tx, {
      action: "support.assign",
      resourceType: "support_tickets",
      resourceId: ticketId,
      before,
      after,
    });
    return after;
  });
}

const TRANSITIONS: Record<SupportTicketStatus, readonly SupportTicketStatus[]> = {
  open: ["pending", "resolved", "closed"],
  pending: ["open", "resolved", "closed"],
  resolved: ["open", "closed"],
  closed: [],
};

/** Moves the ticket to `status` (open, pending, resolved, closed) where the transition exists. */
export async function setTicketStatus(
  prisma: PrismaClient,
  ticketId: number,
  status: SupportTicketStatus,
  now = new Date(),
): Promise<SupportTicket> {
  requirePermission("support", "reply");
  return prisma.$transaction(async (tx) => {
    const before = await tx.supportTicket.findUnique({ where: { id: ticketId } });
    if (!before) throw new AppError("not_found", `Ticket #${ticketId} does not exist`);
    if (!TRANSITIONS[before.status].includes(status)) {
      throw new AppError("conflict", `Ticket #${ticketId} cannot go from ${before.status} to ${status}`);
    }
    const { count } = await tx.supportTicket.updateMany({
      where: { id: ticketId, status: before.status },
      data: {
        status,
        ...(status === "resolved" ? { resolvedAt: now, awaitingReplySince: null } : {}),
        ...(status === "closed"
          ? { closedAt: now, resolvedAt: before.resolvedAt ?? now, awaitingReplySince: null }
          : {}),
        ...(status === "open" && before.status === "resolved" ? { resolvedAt: null } : {}),
      },
    });
    if (count === 0) throw new AppError("conflict", `Ticket #${ticketId} changed meanwhile: reload it`);
    const after = await tx.supportTicket.findUniqueOrThrow({ where: { id: ticketId } });
    await writeAudit(tx, {
      action: "support.status",
      resourceType: "support_tickets",
      resourceId: ticketId,
      before,
      after,
    });
    return after;
  });
}

// ---------------------------------------------------------------------------------------------
// The SLA round (a repeatable job)
// ---------------------------------------------------------------------------------------------

/**
 * Escalates each active ticket past a deadline to the second level, once (escalation_level 1 -> 2,
 * given to an admin-level agent), and takes each open ticket from an assignee silent for the policy's
 * time, giving it to the next agent. Idempotent: conditional updates, audited as the system.
 */
export async function runSlaRound(
  prisma: PrismaClient,
  now = new Date(),
): Promise<{ escalated: number[]; reassigned: number[] }> {
  const escalated: number[] = [];
  const reassigned: number[] = [];
  const candidates = await prisma.supportTicket.findMany({
    where: {
      status: { in: ["open", "pending"] },
      escalationLevel: 1,
      OR: [
        { firstResponseAt: null, firstResponseDueAt: { lt: now } },
        { resolvedAt: null, resolutionDueAt: { lt: now } },
      ],
    },
    orderBy: { id: "asc" },
    take: 500,
  });
  for (const c of candidates) {
    if (!needsEscalation(c, now)) continue;
    await prisma.$transaction(async (tx) => {
      const to = await pickAgent(tx, 2);
      const { count } = await tx.supportTicket.updateMany({
        where: { id: c.id, escalationLevel: 1 },
        data: { escalationLevel: 2, escalatedAt: now, ...(to !== null ? { assigneeId: to, assignedAt: now } : {}) },
      });
      if (count === 0) return;
      const after = await tx.supportTicket.findUniqueOrThrow({ where: { id: c.id } });
      await writeAudit(tx, {
        action: "support.escalate",
        resourceType: "support_tickets",
        resourceId: c.id,
        before: c,
        after,
        adminId: null,
      });
      escalated.push(c.id);
    });
  }
  const all = await policies(prisma);
  const silent = await prisma.supportTicket.findMany({
    where: { status: "open", assigneeId: { not: null }, awaitingReplySince: { not: null } },
    orderBy: { id: "asc" },
    take: 500,
  });
  for (const s of silent) {
    if (!needsReassignment(s, all[s.priority], now)) continue;
    await prisma.$transaction(async (tx) => {
      const to = await pickAgent(tx, s.escalationLevel === 2 ? 2 : 1, s.assigneeId);
      if (to === null) return;
      const { count } = await tx.supportTicket.updateMany({
        where: { id: s.id, assigneeId: s.assigneeId, assignedAt: s.assignedAt, status: "open" },
        data: { assigneeId: to, assignedAt: now },
      });
      if (count === 0) return;
      const after = await tx.supportTicket.findUniqueOrThrow({ where: { id: s.id } });
      await writeAudit(tx, {
        action: "support.reassign",
        resourceType: "support_tickets",
        resourceId: s.id,
        before: s,
        after,
        adminId: null,
      });
      reassigned.push(s.id);
    });
  }
  return { escalated, reassigned };
}

// ---------------------------------------------------------------------------------------------
// Reading: the inbox, a ticket, the metrics
// ---------------------------------------------------------------------------------------------

export const INBOX_TABS = ["mine", "unassigned", "all", "breached"] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

const breachedWhere = (now: Date): Prisma.SupportTicketWhereInput => ({
  status: { in: ["open", "pending"] },
  OR: [
    { firstResponseAt: null, firstResponseDueAt: { lt: now } },
    { resolvedAt: null, resolutionDueAt: { lt: now } },
  ],
});

export async function inbox(
  prisma: PrismaClient,
  tab: InboxTab,
  options: { limit?: number; offset?: number } = {},
  now = new Date(),
) {
  const admin = requirePermission("support", "view");
  const where: Prisma.SupportTicketWhereInput =
    tab === "mine"
      ? { assigneeId: admin.id, status: { in: ["open", "pending"] } }
      : tab === "unassigned"
        ? { assigneeId: null, status: { in: ["open", "pending"] } }
        : tab === "breached"
          ? breachedWhere(now)
          : {};
  const [total, rows] = await Promise.all([
    prisma.supportTicket.count({ where }),
    prisma.supportTicket.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: Math.min(options.limit ?? 50, 200),
      skip: options.offset ?? 0,
      include: {
        assignee: { select: { id: true, name: true } },
        customer: { select: { id: true, name: true, email: true } },
      },
    }),
  ]);
  return {
    tab,
    total,
    tickets: rows.map((t) => ({ ...t, sla: slaOf(t, now) })),
  };
}

export async function ticketDetail(prisma: PrismaClient, ticketId: number, now = new Date()) {
  requirePermission("support", "view");
  const ticket = await prisma.supportTicket.findUnique({
    where: { id: ticketId },
    include: {
      assignee: { select: { id: true, name: true, email: true } },
      customer: {
        select: { id: true, name: true, email: true, planType: true, status: true, language: true, createdAt: true },
      },
      site: { select: { id: true, name: true, domain: true, status: true } },
      aiRequest: { select: { id: true, requestType: true, status: true, createdAt: true } },
      invoice: { select: { id: true, invoiceNumber: true, status: true, totalAmount: true, dueAt: true } },
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          kind: true,
          body: true,
          fromAddress: true,
          createdAt: true,
          emailMessageId: true,
          author: { select: { id: true, name: true } },
          attachments: { select: { id: true, filename: true, contentType: true, sizeBytes: true } },
        },
      },
    },
  });
  if (!ticket) throw new AppError("not_found", `Ticket #${ticketId} does not exist`);
  // The customer's context: their other tickets and sites.
  const [otherTickets, sites] = ticket.customerId
    ? await Promise.all([
        prisma.supportTicket.findMany({
          where: { customerId: ticket.customerId, id: { not: ticketId } },
          orderBy: { createdAt: "desc" },
          take: 5,
          select: { id: true, subject: true, status: true, createdAt: true },
        }),
        prisma.site.findMany({
          where: { customerId: ticket.customerId },
          orderBy: { id: "asc" },
          take: 10,
          select: { id: true, name: true, domain: true, status: true },
        }),
      ])
    : [[], []];
  return {
    ...ticket,
    invoice: ticket.invoice ? { ...ticket.invoice, totalAmount: ticket.invoice.totalAmount.toFixed(2) } : null,
    sla: slaOf(ticket, now),
    context: { otherTickets, sites },
  };
}

export async function metrics(
  prisma: PrismaClient,
  days: number,
  now = new Date(),
): Promise<SupportMetrics & { days: number; from: string; to: string; agents: Pick<AdminUser, "id" | "name">[] }> {
  requirePermission("support", "view");
  const from = new Date(now.getTime() - days * 86_400_000);
  const tickets = await prisma.supportTicket.findMany({
    where: { createdAt: { gte: from, lt: now } },
    select: { createdAt: true, assigneeId: true, firstResponseAt: true, resolvedAt: true, csatScore: true },
  });
  const figures = supportMetrics(tickets);
  const ids = figures.perAgent.map((a) => a.assigneeId).filter((id): id is number => id !== null);
  const agentsNamed = await prisma.adminUser.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true },
    orderBy: { id: "asc" },
  });
  return { days, from: from.toISOString(), to: now.toISOString(), ...figures, agents: agentsNamed };
}

export { isActive };
