// What every invoicing use case shares: its dependencies, the permission it needs, and its transaction,
// in which a write refused by the immutability triggers (migration invoice_immutability, SQLSTATE LC409)
// comes out as the 409 it is.
import type { Invoice, Prisma, PrismaClient } from "@prisma/client";
import { AppError, frozenRecordMessage } from "../../../lib/errors.js";
import type { Queues } from "../../../queues/queues.js";
import { requirePermission } from "../../auth/current-admin.js";

export type Tx = Prisma.TransactionClient;

export interface InvoicingDeps {
  prisma: PrismaClient;
  /** With Stripe configured, issued invoices are handed to the billing queue's push job after commit. */
  queues?: Pick<Queues, "byName">;
  stripeEnabled?: boolean;
}

/** The acting admin must hold billing.create_invoice. */
export function requireInvoicing(): void {
  requirePermission("billing", "create_invoice");
}

/** A write refused by the immutability triggers, as the 409 it is; anything else unchanged. */
function asConflict(error: unknown): unknown {
  const frozen = frozenRecordMessage(error);
  return frozen === null ? error : new AppError("conflict", frozen);
}

/**
 * Issuers queue on the year's counter row (and on the connection pool) behind each other: a burst of
 * them waits its turn rather than failing after Prisma's default 2 s.
 */
export const QUEUED = { maxWait: 15_000, timeout: 15_000 };

/** Runs `fn` in a transaction, answering a trigger's refusal as a 409. */
export async function transaction<T>(prisma: PrismaClient, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await prisma.$transaction(fn, QUEUED);
  } catch (error) {
    throw asConflict(error);
  }
}

/** The invoice, row-locked for the rest of the transaction; null when it does not exist. */
export async function lockInvoice(tx: Tx, id: number): Promise<Invoice | null> {
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM invoices WHERE id = ${id} FOR UPDATE`;
  return locked.length ? tx.invoice.findUnique({ where: { id } }) : null;
}
