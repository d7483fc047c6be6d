// Issuing an invoice: draft -> pending in one transaction: the totals recomputed from the lines, the next
// number of the issue year (numbering.ts: gapless, a rolled-back issue gives its number back), issued_at
// and due_at (+ settings billing.payment_terms_days), and the seller's details and VAT rate it is issued
// with (settings billing.seller and billing.vat_rate, kept on the invoice: its document shows them
// whatever the settings say later). From then on the invoice is a legal record: only its
// payment fields change (INVOICE_PAYMENT_FIELDS in invoice-fields.ts), its lines are frozen, it never
// returns to draft. PostgreSQL enforces it (migration invoice_immutability, SQLSTATE LC409); the services
// refuse first, by name.
//
// This file imports nothing that leads back to Stripe: the Stripe mirror of an invoice
// (stripe/invoices.ts) issues through it, and the manual issue (issue-draft.ts) then hands the invoice to
// Stripe.
import { Prisma, type Invoice } from "@prisma/client";
import { auditRecord } from "../../../lib/audit.js";
import { AppError } from "../../../lib/errors.js";
import { readSetting, type SettingValue } from "../../settings/values.js";
import { recomputeInvoiceTotals } from "./invoice-totals.js";
import { lockInvoice, type Tx } from "./invoice-transaction.js";
import { allocateInvoiceNumber } from "./numbering.js";

const DAY_MS = 86_400_000;

/**
 * Issues a draft inside the caller's transaction: totals from its lines (recomputeInvoiceTotals), the
 * next legal number of `at`'s year, issued_at = at, due_at = at + billing.payment_terms_days, status
 * pending, the seller and VAT rate of the settings kept on it; audited.
 */
export async function issueInvoice(tx: Tx, invoiceId: number, at: Date): Promise<Invoice> {
  const before = await lockInvoice(tx, invoiceId);
  if (!before) throw new AppError("not_found", `Invoice #${invoiceId} does not exist`);
  if (before.status !== "draft") throw new AppError("conflict", `Invoice ${before.invoiceNumber} is already issued`);
  await recomputeInvoiceTotals(tx, invoiceId);
  const termsDays = await readSetting(tx, "billing.payment_terms_days");
  const snapshot = await issueSnapshot(tx);
  const totals = await tx.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    select: { amount: true, taxAmount: true, totalAmount: true },
  });
  return numberAndIssue(tx, before, totals, at, termsDays, snapshot);
}

export type Totals = Pick<Invoice, "amount" | "taxAmount" | "totalAmount">;

/** What an invoice keeps of the settings when it is issued. */
export interface IssueSnapshot {
  seller: SettingValue<"billing.seller">;
  /** VAT rate in percent ("20.00"). */
  vatRate: string;
}

/** The settings an invoice issued now keeps (billing.seller, billing.vat_rate). */
export async function issueSnapshot(tx: Parameters<typeof readSetting>[0]): Promise<IssueSnapshot> {
  const [seller, vatRate] = await Promise.all([readSetting(tx, "billing.seller"), readSetting(tx, "billing.vat_rate")]);
  return { seller, vatRate };
}

/**
 * The end of every issue, on a locked draft whose totals are known: the next number, then one statement
 * that updates the invoice and writes its audit row (lib/audit.ts auditRecord, the row writeAudit would
 * write). From the allocation to the commit the year's counter row is locked and every other issuer
 * waits: the monthly run issues thousands, so nothing else happens in between and the caller commits
 * right after.
 */
export async function numberAndIssue(
  tx: Tx,
  before: Invoice,
  totals: Totals,
  at: Date,
  termsDays: number,
  snapshot: IssueSnapshot,
): Promise<Invoice> {
  const dueAt = new Date(at.getTime() + termsDays * DAY_MS);
  const invoiceNumber = await allocateInvoiceNumber(tx, at);
  const seller = snapshot.seller as Prisma.JsonObject;
  const vatRate = new Prisma.Decimal(snapshot.vatRate);
  const after: Invoice = {
    ...before,
    ...totals,
    status: "pending",
    invoiceNumber,
    issuedAt: at,
    dueAt,
    seller,
    vatRate,
  };
  const audit = auditRecord({
    action: "invoice.issue",
    resourceType: "invoices",
    resourceId: before.id,
    before,
    after,
  });
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  const written = await tx.$executeRaw`
    WITH issued AS (
      UPDATE invoices
         SET status = 'pending', invoice_number = ${invoiceNumber}, issued_at = ${at}, due_at = ${dueAt},
             amount = ${totals.amount}, tax_amount = ${totals.taxAmount}, total_amount = ${totals.totalAmount},
             seller = ${JSON.stringify(seller)}::jsonb, vat_rate = ${vatRate}
       WHERE id = ${before.id} AND status = 'draft'
      RETURNING id)
    INSERT INTO admin_activity_log (admin_id, action, resource_type, resource_id, old_values, new_values, ip_address,
                                    user_agent)
    SELECT ${audit.adminId}, ${audit.action}, ${audit.resourceType}, issued.id, ${json(audit.oldValues)}::jsonb,
           ${json(audit.newValues)}::jsonb, ${audit.ipAddress}, ${audit.userAgent}
      FROM issued`;
  // The draft is locked by the caller: it cannot have been issued meanwhile.
  if (written !== 1) throw new AppError("conflict", `Invoice ${before.invoiceNumber} is already issued`);
  return after;
}
