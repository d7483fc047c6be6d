// The overdue invoices (pending or failed, due_at < now), most overdue first, with when each was last
// reminded: the Revenue page, GET /billing/invoices/overdue and the dashboard's "remind all" read it.
import type { InvoiceStatus, Language, Prisma, PrismaClient } from "@prisma/client";
import { afterCursor, decodeCursor, encodeCursor } from "../../../lib/keyset.js";
import { cents, money } from "../money.js";
import { daysBetween } from "../periods.js";
import { nextReminderAt, REMINDER_TEMPLATE, UNPAID_STATUSES } from "./rules.js";

export interface OverdueInvoice {
  id: number;
  invoiceNumber: string;
  status: InvoiceStatus;
  totalAmount: string;
  currency: string;
  issuedAt: string;
  dueAt: string;
  daysOverdue: number;
  customer: { id: number; name: string; email: string; language: Language };
  lastReminderAt: string | null;
  /** null: a reminder may be sent now. */
  nextReminderAt: string | null;
}

export interface OverdueInvoices {
  /** All overdue invoices, and what they add up to (in each currency). */
  total: number;
  totals: { currency: string; amount: string }[];
  /** The most overdue first. */
  data: OverdueInvoice[];
  nextCursor: string | null;
}

export type OverdueCursor = { dueAt: Date; id: number };

export function encodeOverdueCursor(row: OverdueCursor): string {
  return encodeCursor([row.dueAt, row.id]);
}

/** The position a cursor of this list names; 400 naming `cursor` when it is not one. */
export function decodeOverdueCursor(cursor: string): OverdueCursor {
  const [dueAt, id] = decodeCursor(cursor, ["date", "int"]);
  return { dueAt, id };
}

/** When each invoice was last reminded (its newest reminder e-mail). */
export async function lastReminders(
  db: Pick<PrismaClient, "emailLog"> | Prisma.TransactionClient,
  invoiceIds: number[],
): Promise<Map<number, Date>> {
  if (!invoiceIds.length) return new Map();
  const rows = await db.emailLog.groupBy({
    by: ["invoiceId"],
    where: { invoiceId: { in: invoiceIds }, template: REMINDER_TEMPLATE },
    _max: { createdAt: true },
  });
  return new Map(rows.map((r) => [r.invoiceId!, r._max.createdAt!]));
}

/** Overdue invoices, most overdue first, `limit` per page (keyset on due_at, id). */
export async function overdueInvoices(
  prisma: Pick<PrismaClient, "invoice" | "emailLog">,
  { now = new Date(), limit = 50, cursor }: { now?: Date; limit?: number; cursor?: OverdueCursor },
): Promise<OverdueInvoices> {
  const overdue: Prisma.InvoiceWhereInput = { status: { in: [...UNPAID_STATUSES] }, dueAt: { lt: now } };
  const after = cursor && (afterCursor(["dueAt", "id"], [cursor.dueAt, cursor.id]) as Prisma.InvoiceWhereInput);
  const [rows, sums] = await Promise.all([
    prisma.invoice.findMany({
      where: after ? { AND: [overdue, after] } : overdue,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: limit + 1,
      select: {
        id: true,
        invoiceNumber: true,
        status: true,
        totalAmount: true,
        currency: true,
        issuedAt: true,
        dueAt: true,
        customer: { select: { id: true, name: true, email: true, language: true } },
      },
    }),
    prisma.invoice.groupBy({ by: ["currency"], where: overdue, _sum: { totalAmount: true }, _count: true }),
  ]);
  const page = rows.slice(0, limit);
  const reminded = await lastReminders(
    prisma,
    page.map((r) => r.id),
  );
  const last = page[page.length - 1];
  return {
    total: sums.reduce((n, s) => n + s._count, 0),
    totals: sums
      .map((s) => ({ currency: s.currency, amount: cents(s._sum.totalAmount ?? money(0)).toFixed(2) }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    data: page.map((r) => {
      const lastAt = reminded.get(r.id) ?? null;
      return {
        id: r.id,
        invoiceNumber: r.invoiceNumber,
        status: r.status,
        totalAmount: r.totalAmount.toFixed(2),
        currency: r.currency,
        issuedAt: r.issuedAt.toISOString(),
        dueAt: r.dueAt!.toISOString(),
        daysOverdue: daysBetween(r.dueAt!, now),
        customer: r.customer,
        lastReminderAt: lastAt?.toISOString() ?? null,
        nextReminderAt: nextReminderAt(lastAt, now)?.toISOString() ?? null,
      };
    }),
    nextCursor: rows.length > limit && last ? encodeOverdueCursor({ dueAt: last.dueAt!, id: last.id }) : null,
  };
}
