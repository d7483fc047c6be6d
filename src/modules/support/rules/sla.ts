// SLA rules of support tickets (issue 17, item 5): deadlines per priority, the colour of a deadline,
// when a ticket has breached and escalates (once), and when a silent assignee loses the ticket.
import type { SupportPriority, SupportTicketStatus } from "@prisma/client";

export interface SlaPolicy {
  firstResponseMinutes: number;
  resolutionMinutes: number;
  reassignAfterMinutes: number;
}

export const PRIORITIES: readonly SupportPriority[] = ["urgent", "high", "normal", "low"];

/** The targets used for a priority without a support_sla_policies row. */
export const DEFAULT_SLA: Readonly<Record<SupportPriority, SlaPolicy>> = {
  urgent: { firstResponseMinutes: 60, resolutionMinutes: 8 * 60, reassignAfterMinutes: 60 },
  high: { firstResponseMinutes: 4 * 60, resolutionMinutes: 24 * 60, reassignAfterMinutes: 4 * 60 },
  normal: { firstResponseMinutes: 8 * 60, resolutionMinutes: 48 * 60, reassignAfterMinutes: 8 * 60 },
  low: { firstResponseMinutes: 24 * 60, resolutionMinutes: 120 * 60, reassignAfterMinutes: 24 * 60 },
};

const MINUTE = 60_000;

/** The policy of each priority: the stored rows over the defaults. */
export function policiesOf(
  rows: readonly ({ priority: SupportPriority } & SlaPolicy)[],
): Record<SupportPriority, SlaPolicy> {
  const all = { ...DEFAULT_SLA };
  for (const row of rows) {
    all[row.priority] = {
      firstResponseMinutes: row.firstResponseMinutes,
      resolutionMinutes: row.resolutionMinutes,
      reassignAfterMinutes: row.reassignAfterMinutes,
    };
  }
  return all;
}

/** The deadlines of a ticket opened at `openedAt` under `policy`. */
export function deadlines(openedAt: Date, policy: SlaPolicy): { firstResponseDueAt: Date; resolutionDueAt: Date } {
  return {
    firstResponseDueAt: new Date(openedAt.getTime() + policy.firstResponseMinutes * MINUTE),
    resolutionDueAt: new Date(openedAt.getTime() + policy.resolutionMinutes * MINUTE),
  };
}

/** What the inbox shows of one deadline: met in time, green, amber (a quarter of the time left), red. */
export type SlaTone = "met" | "ok" | "warning" | "breached" | "none";

export function deadlineTone(startedAt: Date, dueAt: Date | null, doneAt: Date | null, now: Date): SlaTone {
  if (!dueAt) return "none";
  if (doneAt) return doneAt.getTime() <= dueAt.getTime() ? "met" : "breached";
  if (now.getTime() > dueAt.getTime()) return "breached";
  const window = dueAt.getTime() - startedAt.getTime();
  const left = dueAt.getTime() - now.getTime();
  return window > 0 && left <= window / 4 ? "warning" : "ok";
}

export interface SlaTicket {
  status: SupportTicketStatus;
  createdAt: Date;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  escalationLevel: number;
}

const ACTIVE: readonly SupportTicketStatus[] = ["open", "pending"];

export function isActive(status: SupportTicketStatus): boolean {
  return ACTIVE.includes(status);
}

/** The ticket's two deadlines and the worse of them (its colour in the inbox). */
export function slaOf(ticket: SlaTicket, now: Date): { firstResponse: SlaTone; resolution: SlaTone; tone: SlaTone } {
  const firstResponse = deadlineTone(ticket.createdAt, ticket.firstResponseDueAt, ticket.firstResponseAt, now);
  const resolution = deadlineTone(ticket.createdAt, ticket.resolutionDueAt, ticket.resolvedAt, now);
  const rank: Record<SlaTone, number> = { breached: 4, warning: 3, ok: 2, met: 1, none: 0 };
  const active = isActive(ticket.status);
  // A ticket no longer active shows how its deadlines ended; an active one the worse of its live ones.
  const tone = active
    ? rank[firstResponse] >= rank[resolution]
      ? firstResponse
      : resolution
    : resolution === "none"
      ? firstResponse
      : resolution;
  return { firstResponse, resolution, tone };
}

/** Breached: an active ticket past a deadline it has not met. */
export function isBreached(ticket: SlaTicket, now: Date): boolean {
  if (!isActive(ticket.status)) return false;
  const late = (due: Date | null, done: Date | null) => due !== null && done === null && now > due;
  return late(ticket.firstResponseDueAt, ticket.firstResponseAt) || late(ticket.resolutionDueAt, ticket.resolvedAt);
}

/** An active breached ticket still at the first level escalates, once. */
export function needsEscalation(ticket: SlaTicket, now: Date): boolean {
  return ticket.escalationLevel < 2 && isBreached(ticket, now);
}

/**
 * An assignee who has left the customer's message unanswered for the policy's silence loses the ticket.
 * The silence counts from the later of the customer's message and the assignment.
 */
export function needsReassignment(
  ticket: {
    status: SupportTicketStatus;
    assigneeId: number | null;
    assignedAt: Date | null;
    awaitingReplySince: Date | null;
  },
  policy: Pick<SlaPolicy, "reassignAfterMinutes">,
  now: Date,
): boolean {
  if (ticket.status !== "open" || ticket.assigneeId === null || ticket.awaitingReplySince === null) return false;
  const since = Math.max(ticket.awaitingReplySince.getTime(), ticket.assignedAt?.getTime() ?? 0);
  return now.getTime() - since >= policy.reassignAfterMinutes * MINUTE;
}
