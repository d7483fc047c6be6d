// Internal notes on a customer (issue 17, item 3): who wrote them and when, the admins they @mention
// (by e-mail address), and every edit's previous body kept in customer_note_revisions. customers.edit
// writes; each write is audited in its transaction.
import type { Prisma, PrismaClient } from "@prisma/client";
import { writeAudit } from "../../lib/audit.js";
import { AppError } from "../../lib/errors.js";
import { requirePermission } from "../auth/index.js";
import { mentionedEmails } from "./rules/mentions.js";

export const NOTE_MAX_LENGTH = 10_000;

async function mentionIds(tx: Prisma.TransactionClient, body: string): Promise<number[]> {
  const emails = mentionedEmails(body);
  if (emails.length === 0) return [];
  const admins = await tx.adminUser.findMany({
    where: { email: { in: emails, mode: "insensitive" }, status: "active" },
    select: { id: true, email: true },
  });
  const unknown = emails.filter((email) => !admins.some((a) => a.email.toLowerCase() === email));
  if (unknown.length > 0) {
    const message = `No active admin has the address ${unknown.join(", ")}`;
    throw new AppError("validation", message, [{ field: "body", message }]);
  }
  return emails.map((email) => admins.find((a) => a.email.toLowerCase() === email)!.id);
}

function checkBody(body: string): string {
  const text = body.replace(/\r\n?/g, "\n");
  const message =
    text.trim().length === 0
      ? "A note needs some text"
      : text.length > NOTE_MAX_LENGTH
        ? `At most ${NOTE_MAX_LENGTH} characters`
        : null;
  if (message) throw new AppError("validation", message, [{ field: "body", message }]);
  return text;
}

const NOTE_SELECT = {
  id: true,
  customerId: true,
  body: true,
  mentions: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
  revisions: {
    orderBy: [{ editedAt: "desc" }, { id: "desc" }],
    select: { id: true, body: true, editedAt: true, editedBy: { select: { id: true, name: true } } },
  },
} satisfies Prisma.CustomerNoteSelect;

export type CustomerNoteView = Prisma.CustomerNoteGetPayload<{ select: typeof NOTE_SELECT }>;

export async function addNote(prisma: PrismaClient, customerId: number, body: string): Promise<CustomerNoteView> {
  const admin = requirePermission("customers", "edit");
  const text = checkBody(body);
  return prisma.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { id: true } });
    if (!customer) throw new AppError("not_found", `Customer #${customerId} does not exist`);
    const mentions = await mentionIds(tx, text);
    const note = await tx.customerNote.create({
      data: { customerId, authorId: admin.id, body: text, mentions },
      select: NOTE_SELECT,
    });
    await writeAudit(tx, {
      action: "customer_note.create",
      resourceType: "customer_notes",
      resourceId: note.id,
      after: { customerId, body: text, mentions },
    });
    return note;
  });
}

/**
 * Replaces a note's body, keeping the previous one as a revision. `expectedUpdatedAt` (the note's
 * updatedAt as the editor read it, null for a note never edited) makes it a conditional update: of
 * two admins editing the same version, one wins and the other gets a 409 instead of overwriting it.
 */
export async function editNote(
  prisma: PrismaClient,
  noteId: number,
  body: string,
  expectedUpdatedAt?: Date | null,
): Promise<CustomerNoteView> {
  const admin = requirePermission("customers", "edit");
  const text = checkBody(body);
  return prisma.$transaction(async (tx) => {
    const before = await tx.customerNote.findUnique({ where: { id: noteId } });
    if (!before) throw new AppError("not_found", `Note #${noteId} does not exist`);
    const version = expectedUpdatedAt === undefined ? before.updatedAt : expectedUpdatedAt;
    const mentions = await mentionIds(tx, text);
    const now = new Date();
    const { count } = await tx.customerNote.updateMany({
      where: { id: noteId, updatedAt: version },
      data: { body: text, mentions, updatedAt: now },
    });
    if (count === 0) throw new AppError("conflict", `Note #${noteId} was edited by someone else meanwhile`);
    await tx.customerNoteRevision.create({ data: { noteId, body: before.body, editedById: admin.id, editedAt: now } });
    await writeAudit(tx, {
      action: "customer_note.edit",
      resourceType: "customer_notes",
      resourceId: noteId,
      before: { body: before.body, mentions: before.mentions },
      after: { body: text, mentions },
    });
    return tx.customerNote.findUniqueOrThrow({ where: { id: noteId }, select: NOTE_SELECT });
  });
}

export async function customerNotes(prisma: PrismaClient, customerId: number, limit = 50): Promise<CustomerNoteView[]> {
  requirePermission("customers", "view");
  return prisma.customerNote.findMany({
    where: { customerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: NOTE_SELECT,
  });
}
