// The monthly invoicing run. Upgrade proration lines (subscriptions.ts) and Queue IA usage lines
// (ai-billing.ts) are already on the month's draft. The run takes each customer's draft of the month
// (keyed by customer_id and period_start, created when missing), adds the fee lines (fee-lines.ts) and
// issues it, one transaction per customer; a customer whose invoice of the month is already issued is
// skipped, so a month run twice creates nothing new.
import type { Invoice, InvoiceStatus, Prisma, PrismaClient } from "@prisma/client";
import { writeAudit } from "../../../lib/audit.js";
import { currentContext } from "../../../lib/request-context.js";
import { readSetting } from "../../settings/values.js";
import { cents, money, withVat } from "../money.js";
import { renewSubscriptions } from "../subscriptions.js";
import { draftInvoiceNumber } from "./draft-invoice.js";
import { QUEUED, requireInvoicing, type InvoicingDeps } from "./invoice-transaction.js";
import { invoicingMonth, monthJustEnded } from "./invoicing-month.js";
import { issueSnapshot, numberAndIssue, type IssueSnapshot } from "./issue-invoice.js";
import { plannedWork, type CustomerWork } from "./monthly-plan.js";

export interface InvoicingRunResult {
  period: string;
  /** Invoices issued by this run. */
  issued: number;
  /** Customers whose invoice of the month was already issued. */
  skipped: number;
  /** Customers of the month: already invoiced, or with something to bill (fee lines, a non-empty draft). */
  customers: number;
  /** Customers whose transaction failed (retried by the next run of the month). */
  failed: number;
  /** What the renewal before the run did (subscriptions.ts renewSubscriptions). */
  renewed: number;
  ended: number;
}

export interface InvoicingRunOptions {
  /** Customer transactions in flight at once. */
  concurrency?: number;
  /** Told of a customer whose transaction failed (the run goes on with the others). */
  onError?: (customerId: number, error: unknown) => void;
}

/** Jobs and the command line run without an admin; a request must come from one who may invoice. */
function mayRunInvoicing(): void {
  const context = currentContext();
  if (!context || context.via === "job" || context.via === "cli") return;
  requireInvoicing();
}

type CustomerOutcome = "issued" | "skipped" | "empty";

/** What every issue of a run reads from the settings, read once when the run starts. */
interface RunSettings extends IssueSnapshot {
  termsDays: number;
}

interface InvoiceRow {
  id: number;
  customer_id: number;
  subscription_id: number | null;
  invoice_number: string;
  amount: Prisma.Decimal;
  tax_amount: Prisma.Decimal;
  total_amount: Prisma.Decimal;
  currency: string;
  status: InvoiceStatus;
  issued_at: Date;
  due_at: Date | null;
  paid_at: Date | null;
  stripe_invoice_id: string | null;
  payment_method: string | null;
  notes: string | null;
  period_start: Date | null;
  period_end: Date | null;
  stripe_payment_intent_id: string | null;
  amount_refunded: Prisma.Decimal;
  seller: Prisma.JsonValue;
  vat_rate: Prisma.Decimal | null;
}

const invoiceOf = (r: InvoiceRow): Invoice => ({
  id: r.id,
  customerId: r.customer_id,
  subscriptionId: r.subscription_id,
  invoiceNumber: r.invoice_number,
  amount: money(r.amount),
  taxAmount: money(r.tax_amount),
  totalAmount: money(r.total_amount),
  currency: r.currency,
  status: r.status,
  issuedAt: r.issued_at,
  dueAt: r.due_at,
  paidAt: r.paid_at,
  stripeInvoiceId: r.stripe_invoice_id,
  paymentMethod: r.payment_method,
  notes: r.notes,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  stripePaymentIntentId: r.stripe_payment_intent_id,
  amountRefunded: money(r.amount_refunded),
  seller: r.seller,
  vatRate: r.vat_rate === null ? null : money(r.vat_rate),
});

/**
 * One customer's invoice of the month, in one transaction of five statements (the run issues thousands):
 * the draft of the month taken or created and locked, the fee lines added with the lines' sum, then the
 * end of issueInvoice with the totals of recomputeInvoiceTotals's rule (amount = sum of the lines, VAT
 * of the settings half-up) and the run's settings.
 */
async function invoiceCustomer(
  prisma: PrismaClient,
  work: CustomerWork,
  month: { start: Date; end: Date },
  now: Date,
  settings: RunSettings,
): Promise<CustomerOutcome> {
  return prisma.$transaction(async (tx) => {
    // The draft of the month, keyed as lockDraftInvoice keys it (customer_id, period_start), created when
    // missing and row-locked either way: ON CONFLICT DO UPDATE locks the row it finds, after waiting for a
    // concurrent writer (a Queue IA completion) to commit.
    const [row] = await tx.$queryRaw<InvoiceRow[]>`
      INSERT INTO invoices (customer_id, subscription_id, invoice_number, amount, tax_amount, total_amount, currency,
                            status, issued_at, period_start, period_end)
      VALUES (${work.customerId}, ${work.subscriptionId}, ${draftInvoiceNumber(work.customerId, month.start)}, 0, 0, 0,
              'EUR', 'draft', ${now}, ${month.start}::date, ${month.end}::date)
      ON CONFLICT (customer_id, period_start) DO UPDATE
         SET subscription_id = CASE WHEN invoices.status = 'draft'
                                    THEN COALESCE(invoices.subscription_id, EXCLUDED.subscription_id)
                                    ELSE invoices.subscription_id END
      RETURNING id, customer_id, subscription_id, invoice_number, amount, tax_amount, total_amount, currency,
                status::text AS status, issued_at, due_at, paid_at, stripe_invoice_id, payment_method, notes,
                period_start, period_end, stripe_payment_intent_id, amount_refunded, seller, vat_rate`;
    if (!row || row.status !== "draft") return "skipped";
    // The fee lines, and the sum of all the lines (a statement's snapshot does not see its own inserts:
    // the new lines are added to the sum of those already there).
    const [sums] = await tx.$queryRaw<{ amount: Prisma.Decimal | null; lines: number }[]>`
      WITH fee AS (
        INSERT INTO invoice_items (invoice_id, description, quantity, unit_price, total_price)
        SELECT ${row.id}, d, 1, p, p FROM unnest(${work.lines.map((l) => l.description)}::text[],
                                                  ${work.lines.map((l) => l.unitPrice.toFixed(2))}::numeric[]) AS f(d, p)
        RETURNING total_price)
      SELECT (SELECT COALESCE(sum(total_price), 0) FROM invoice_items WHERE invoice_id = ${row.id})
             + (SELECT COALESCE(sum(total_price), 0) FROM fee) AS amount,
             ((SELECT count(*) FROM invoice_items WHERE invoice_id = ${row.id}) + (SELECT count(*) FROM fee))::int AS lines`;
    if (!sums || sums.lines === 0) return "empty";
    const amount = cents(money(sums.amount ?? 0));
    const { tax, total } = withVat(amount, settings.vatRate);
    await numberAndIssue(tx, invoiceOf(row), { amount, taxAmount: tax, totalAmount: total }, now, settings.termsDays, {
      seller: settings.seller,
      vatRate: settings.vatRate,
    });
    return "issued";
  }, QUEUED);
}

/** Runs `fn` over `items`, `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}

/**
 * Invoices the calendar month `period` ("YYYY-MM"), which must have ended by `now`: renews the local
 * subscriptions to the end of the month, then issues one invoice per customer with fee lines or a
 * non-empty draft for the month (the fee rule of fee-lines.ts), one transaction per customer, a few
 * at a time. Idempotent: a customer whose invoice of the month is issued is skipped. One audit row for
 * the run, besides the one of each issued invoice.
 */
export async function runMonthlyInvoicing(
  deps: InvoicingDeps,
  period: string,
  now: Date = new Date(),
  options: InvoicingRunOptions = {},
): Promise<InvoicingRunResult> {
  mayRunInvoicing();
  const month = invoicingMonth(period, now);
  const { renewed, ended } = await renewSubscriptions(deps.prisma, month.end);
  const { work, invoiced } = await plannedWork(deps.prisma, month);
  const settings: RunSettings = {
    ...(await issueSnapshot(deps.prisma)),
    termsDays: await readSetting(deps.prisma, "billing.payment_terms_days"),
  };
  const todo = work.filter((w) => !invoiced.has(w.customerId));
  const result: InvoicingRunResult = {
    period,
    issued: 0,
    skipped: invoiced.size,
    customers: todo.length + invoiced.size,
    failed: 0,
    renewed,
    ended,
  };
  await eachLimited(todo, options.concurrency ?? 4, async (w) => {
    try {
      const outcome = await invoiceCustomer(deps.prisma, w, month, now, settings);
      if (outcome === "issued") result.issued += 1;
      else if (outcome === "skipped") result.skipped += 1;
    } catch (error) {
      result.failed += 1;
      options.onError?.(w.customerId, error);
    }
  });
  await deps.prisma.$transaction((tx) =>
    writeAudit(tx, { action: "invoicing.run", resourceType: "invoices", after: { ...result, at: now } }),
  );
  // The sweep pushes every issued invoice not yet in Stripe, in one job rather than one per invoice.
  if (result.issued && deps.stripeEnabled && deps.queues) await deps.queues.byName.billing.add("sweep-stripe", {});
  return result;
}

/**
 * The "monthly-invoicing" job (maintenance queue, 01:00 UTC on the 1st): the month just ended, or the
 * job's `period`. A customer that failed makes the job fail after the others are done, so that BullMQ
 * retries it; the retry skips what was issued.
 */
export async function monthlyInvoicingJob(
  deps: InvoicingDeps & { log: { warn: (obj: object, msg: string) => void } },
  data: { period?: string } | undefined,
  now: Date = new Date(),
): Promise<InvoicingRunResult> {
  const period = data?.period ?? monthJustEnded(now);
  const result = await runMonthlyInvoicing(deps, period, now, {
    onError: (customerId, error) =>
      deps.log.warn({ customerId, period, err: (error as Error).message }, "monthly invoicing: customer failed"),
  });
  if (result.failed) throw new Error(`Monthly invoicing of ${period}: ${result.failed} customers failed`);
  return result;
}
