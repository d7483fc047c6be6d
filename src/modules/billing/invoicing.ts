// Invoices (issue 5, item 3): issuing a draft with its legal number, manual invoices and their lines, and
// the monthly invoicing run.
//
// Issuing: draft -> pending in one transaction: the totals recomputed from the lines, the next number of
// the issue year (numbering.ts: gapless, a rolled-back issue gives its number back), issued_at and due_at
// (+ settings billing.payment_terms_days). From then on the invoice is a legal record: only its payment
// fields change (INVOICE_PAYMENT_FIELDS), its lines are frozen, it never returns to draft. PostgreSQL
// enforces it (migration invoice_immutability, SQLSTATE LC409); the services refuse first, by name.
//
// Fee rule of the monthly run: a subscription is billed in advance per billing period. Each period whose
// start falls in the invoiced month is one line on that month's invoice, at the price (monthly or yearly,
// per the subscription's billing_interval) of the plan in effect at the period start according to
// subscription_history, described like "Pro (monthly) 2026-10-17 to 2026-11-17". Periods are
// nthPeriod(anchor, interval, k), the anchor being the subscription's start or its last "reactivated"
// history row (periodAnchor in subscriptions.ts; a period of an earlier run of periods counts only before
// the next reactivation). No line for a period that starts while the subscription is trialing, suspended
// or ended, or on a free plan (price 0 or none), and no fee line at all for a subscription with a
// stripe_subscription_id (Stripe bills its fee). Upgrade proration lines (subscriptions.ts) and Queue IA
// usage lines (ai-billing.ts) are already on the month's draft. The run takes each customer's draft of the
// month (keyed by customer_id and period_start, created when missing), adds the fee lines and issues it,
// one transaction per customer; a customer whose invoice of the month is already issued is skipped, so a
// month run twice creates nothing new.
import {
  Prisma,
  type BillingInterval,
  type Invoice,
  type InvoiceItem,
  type InvoiceStatus,
  type PrismaClient,
  type SubscriptionStatus,
} from "@prisma/client";
import { auditRecord, writeAudit } from "../../lib/audit.js";
import { currentContext } from "../../lib/request-context.js";
import { AppError, frozenRecordMessage, type FieldError } from "../../lib/errors.js";
import { readSetting } from "../settings/values.js";
import { cents, money, withVat, type Money } from "./money.js";
import { MRR_STATUSES, periodPrice, type PricedPlan } from "./mrr.js";
import { allocateInvoiceNumber } from "./numbering.js";
import { addMonths, intervalMonths, monthPeriod, nthPeriod } from "./periods.js";
import { draftInvoiceNumber } from "./draft-invoice.js";
import { recomputeInvoiceTotals } from "./invoice-totals.js";
import { renewSubscriptions } from "./subscriptions.js";
import { enqueueInvoicePush } from "./stripe/invoices.js";
import type { Queues } from "../../queues/queues.js";
import { requirePermission } from "../../modules/auth/current-admin.js";

type Tx = Prisma.TransactionClient;
type Data = Record<string, unknown>;

export interface InvoicingDeps {
  prisma: PrismaClient;
  /** With Stripe configured, issued invoices are handed to the billing queue's push job after commit. */
  queues?: Pick<Queues, "byName">;
  stripeEnabled?: boolean;
}

/** What may still change once an invoice is issued (the triggers of migration invoice_immutability agree). */
export const INVOICE_PAYMENT_FIELDS = [
  "status",
  "paidAt",
  "paymentMethod",
  "stripeInvoiceId",
  "stripePaymentIntentId",
  "amountRefunded",
  "notes",
] as const;

/** The statuses of an issued invoice. */
export const ISSUED_STATUSES: readonly InvoiceStatus[] = ["pending", "paid", "failed", "refunded"];

const DAY_MS = 86_400_000;
const INT4_MAX = 2 ** 31 - 1;
/** invoice_items.unit_price is DECIMAL(8,2), total_price DECIMAL(10,2). */
const UNIT_PRICE_LIMIT = money("1000000");
const TOTAL_PRICE_LIMIT = money("100000000");

const invalid = (errors: FieldError[]) =>
  new AppError("validation", errors.map((e) => `${e.field}: ${e.message}`).join("; "), errors);

/** The acting admin must hold billing.create_invoice. */
function requireInvoicing(): void {
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
const QUEUED = { maxWait: 15_000, timeout: 15_000 };

/** Runs `fn` in a transaction, answering a trigger's refusal as a 409. */
async function transaction<T>(prisma: PrismaClient, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await prisma.$transaction(fn, QUEUED);
  } catch (error) {
    throw asConflict(error);
  }
}

async function lockInvoice(tx: Tx, id: number): Promise<Invoice | null> {
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM invoices WHERE id = ${id} FOR UPDATE`;
  return locked.length ? tx.invoice.findUnique({ where: { id } }) : null;
}

// ---------------------------------------------------------------------------------------------
// Issuing
// ---------------------------------------------------------------------------------------------

/**
 * Issues a draft inside the caller's transaction: totals from its lines (recomputeInvoiceTotals), the
 * next legal number of `at`'s year, issued_at = at, due_at = at + billing.payment_terms_days, status
 * pending; audited.
 */
export async function issueInvoice(tx: Tx, invoiceId: number, at: Date): Promise<Invoice> {
  const before = await lockInvoice(tx, invoiceId);
  if (!before) throw new AppError("not_found", `Invoice #${invoiceId} does not exist`);
  if (before.status !== "draft") throw new AppError("conflict", `Invoice ${before.invoiceNumber} is already issued`);
  await recomputeInvoiceTotals(tx, invoiceId);
  const termsDays = await readSetting(tx, "billing.payment_terms_days");
  const totals = await tx.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    select: { amount: true, taxAmount: true, totalAmount: true },
  });
  return numberAndIssue(tx, before, totals, at, termsDays);
}

type Totals = Pick<Invoice, "amount" | "taxAmount" | "totalAmount">;

/**
 * The end of every issue, on a locked draft whose totals are known: the next number, then one statement
 * that updates the invoice and writes its audit row (lib/audit.ts auditRecord, the row writeAudit would
 * write). From the allocation to the commit the year's counter row is locked and every other issuer
 * waits: the monthly run issues thousands, so nothing else happens in between and the caller commits
 * right after.
 */
async function numberAndIssue(tx: Tx, before: Invoice, totals: Totals, at: Date, termsDays: number): Promise<Invoice> {
  const dueAt = new Date(at.getTime() + termsDays * DAY_MS);
  const invoiceNumber = await allocateInvoiceNumber(tx, at);
  const after: Invoice = { ...before, ...totals, status: "pending", invoiceNumber, issuedAt: at, dueAt };
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
             amount = ${totals.amount}, tax_amount = ${totals.taxAmount}, total_amount = ${totals.totalAmount}
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

/**
 * "Issue" of a manual draft (AdminJS, REST): a draft with at least one line becomes a numbered invoice.
 * The draft of a month (Queue IA usage, proration) is the monthly run's: issued by hand, it would leave
 * that month's subscription fees unbilled.
 */
export async function issueDraft(deps: InvoicingDeps, invoiceId: number, at: Date = new Date()): Promise<Invoice> {
  requireInvoicing();
  const issued = await transaction(deps.prisma, async (tx) => {
    const lines = await tx.invoiceItem.count({ where: { invoiceId } });
    const invoice = await tx.invoice.findUnique({
      where: { id: invoiceId },
      select: { status: true, periodStart: true },
    });
    if (invoice?.status === "draft" && invoice.periodStart) {
      throw new AppError(
        "conflict",
        `Invoice #${invoiceId} is the draft of ${invoice.periodStart.toISOString().slice(0, 7)}: the monthly invoicing issues it`,
      );
    }
    if (invoice?.status === "draft" && lines === 0) {
      throw new AppError("conflict", `Invoice #${invoiceId} has no lines: there is nothing to issue`);
    }
    return issueInvoice(tx, invoiceId, at);
  });
  if (deps.stripeEnabled && deps.queues) await enqueueInvoicePush(deps.queues, issued.id);
  return issued;
}

// ---------------------------------------------------------------------------------------------
// Manual invoices: the draft and its lines (AdminJS forms and REST, through resource-kit RecordWrites)
// ---------------------------------------------------------------------------------------------

const isBlank = (value: unknown) => value === undefined || value === null || value === "";

function positiveInt(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 && n <= INT4_MAX ? n : null;
}

function amountOf(value: unknown): Money | null {
  if (isBlank(value)) return null;
  const text = Prisma.Decimal.isDecimal(value) ? (value as Prisma.Decimal).toFixed() : String(value).trim();
  return /^-?\d+(\.\d+)?$/.test(text) ? money(text) : null;
}

/** A value as compared for "did it change": money to the cent, instants to the millisecond. */
function comparable(value: unknown): string | null {
  if (isBlank(value)) return null;
  if (value instanceof Date) return value.toISOString();
  if (Prisma.Decimal.isDecimal(value)) return (value as Prisma.Decimal).toFixed(2);
  return String(value);
}

function sameValue(field: string, a: unknown, b: unknown): boolean {
  if (field === "amountRefunded") return comparable(amountOf(a)) === comparable(amountOf(b));
  if (field === "paidAt") {
    const time = (v: unknown) => (isBlank(v) ? null : new Date(v as string | Date).getTime());
    return time(a) === time(b);
  }
  return comparable(a) === comparable(b);
}

export interface NewInvoiceInput {
  customerId?: unknown;
  subscriptionId?: unknown;
  notes?: unknown;
  [field: string]: unknown;
}

/**
 * A manual invoice starts as a draft of a customer (with one of its subscriptions, optionally): numbered
 * LCD-DRAFT-M<id> until issued, amounts at zero until lines are added. Payment fields wait for the issue.
 */
export async function createDraftInvoice(deps: InvoicingDeps, input: NewInvoiceInput): Promise<Invoice> {
  requireInvoicing();
  const errors: FieldError[] = [];
  const customerId = positiveInt(input.customerId);
  if (customerId === null) errors.push({ field: "customerId", message: "is required" });
  const subscriptionId = isBlank(input.subscriptionId) ? null : positiveInt(input.subscriptionId);
  if (!isBlank(input.subscriptionId) && subscriptionId === null) {
    errors.push({ field: "subscriptionId", message: "must be a subscription id" });
  }
  if (!isBlank(input.status) && input.status !== "draft") {
    errors.push({ field: "status", message: "a new invoice is a draft; issue it once its lines are in" });
  }
  for (const field of INVOICE_PAYMENT_FIELDS) {
    if (field === "status" || field === "notes") continue;
    if (!isBlank(input[field]) && !(field === "amountRefunded" && amountOf(input[field])?.isZero())) {
      errors.push({ field, message: "is set once the invoice is issued" });
    }
  }
  if (errors.length) throw invalid(errors);
  return transaction(deps.prisma, async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: customerId! }, select: { id: true } });
    if (!customer) throw invalid([{ field: "customerId", message: `customer #${customerId} does not exist` }]);
    if (subscriptionId !== null) {
      const sub = await tx.customerSubscription.findUnique({
        where: { id: subscriptionId },
        select: { customerId: true },
      });
      if (sub?.customerId !== customerId) {
        throw invalid([{ field: "subscriptionId", message: "is not a subscription of this customer" }]);
      }
    }
    // The id first, so that the placeholder number can carry it.
    const [next] = await tx.$queryRaw<{ id: number }[]>`
      SELECT nextval(pg_get_serial_sequence('invoices', 'id'))::int AS id`;
    const id = next!.id;
    const created = await tx.invoice.create({
      data: {
        id,
        customerId: customerId!,
        subscriptionId,
        invoiceNumber: `LCD-DRAFT-M${id}`,
        amount: 0,
        taxAmount: 0,
        totalAmount: 0,
        currency: "EUR",
        status: "draft",
        issuedAt: new Date(),
        notes: isBlank(input.notes) ? null : String(input.notes),
      },
    });
    await writeAudit(tx, { action: "invoice.create", resourceType: "invoices", resourceId: id, after: created });
    return created;
  });
}

/**
 * Changes an invoice's editable fields. A draft takes notes only (its lines change through the items, its
 * status through the issue); an issued invoice takes its payment fields, its status among the issued ones.
 * The customer and subscription are set when the invoice is created. Fields sent unchanged are ignored.
 */
export async function updateInvoice(deps: InvoicingDeps, id: number, data: Data): Promise<Invoice> {
  requireInvoicing();
  return transaction(deps.prisma, async (tx) => {
    const before = await lockInvoice(tx, id);
    if (!before) throw new AppError("not_found", `Invoice #${id} does not exist`);
    const current = before as unknown as Data;
    const changed = Object.keys(data).filter((field) => !sameValue(field, data[field], current[field]));
    const errors: FieldError[] = [];
    const update: Prisma.InvoiceUncheckedUpdateInput = {};
    const issued = before.status !== "draft";
    for (const field of changed) {
      const value = data[field];
      if (field === "customerId" || field === "subscriptionId") {
        errors.push({ field, message: "is set when the invoice is created" });
      } else if (field === "notes") {
        update.notes = isBlank(value) ? null : String(value);
      } else if (!(INVOICE_PAYMENT_FIELDS as readonly string[]).includes(field)) {
        errors.push({
          field,
          message: issued ? "cannot change on an issued invoice" : "is set when the draft is issued",
        });
      } else if (!issued) {
        errors.push({
          field,
          message:
            field === "status"
              ? "a draft is issued with the Issue action (POST /billing/invoices/{id}/issue)"
              : "is set once the invoice is issued",
        });
      } else if (field === "status") {
        if (!ISSUED_STATUSES.includes(value as InvoiceStatus)) {
          errors.push({
            field,
            message: "an issued invoice is pending, paid, failed or refunded; never a draft again",
          });
        } else update.status = value as InvoiceStatus;
      } else if (field === "paidAt") {
        const at = isBlank(value) ? null : new Date(value as string | Date);
        if (at && Number.isNaN(at.getTime())) errors.push({ field, message: "must be a date" });
        else update.paidAt = at;
      } else if (field === "amountRefunded") {
        const amount = amountOf(value);
        if (!amount || amount.isNegative() || amount.gt(before.totalAmount)) {
          errors.push({ field, message: `must be an amount from 0 to ${before.totalAmount.toFixed(2)}` });
        } else update.amountRefunded = cents(amount);
      } else {
        (update as Data)[field] = isBlank(value) ? null : String(value);
      }
    }
    if (errors.length) throw invalid(errors);
    if (!Object.keys(update).length) return before;
    const after = await tx.invoice.update({ where: { id }, data: update });
    await writeAudit(tx, { action: "invoice.update", resourceType: "invoices", resourceId: id, before, after });
    return after;
  });
}

/** The invoice of a line, locked, and still a draft (409 otherwise). */
async function lockDraft(tx: Tx, invoiceId: number, field?: string): Promise<Invoice> {
  const invoice = await lockInvoice(tx, invoiceId);
  if (!invoice) {
    if (field) throw invalid([{ field, message: `invoice #${invoiceId} does not exist` }]);
    throw new AppError("not_found", `Invoice #${invoiceId} does not exist`);
  }
  if (invoice.status !== "draft") {
    throw new AppError("conflict", `Invoice ${invoice.invoiceNumber} is issued: its lines cannot change`);
  }
  return invoice;
}

interface LineValues {
  description: string;
  quantity: number;
  unitPrice: Money;
  totalPrice: Money;
}

/** A line's fields from the form or body, over the current ones; total = quantity x unit price. */
function lineValues(data: Data, current?: InvoiceItem): LineValues {
  const errors: FieldError[] = [];
  const description = data.description !== undefined ? String(data.description ?? "").trim() : current?.description;
  if (!description) errors.push({ field: "description", message: "is required" });
  const quantity = data.quantity !== undefined ? positiveInt(data.quantity) : (current?.quantity ?? 1);
  if (quantity === null) errors.push({ field: "quantity", message: "must be a whole number from 1" });
  const unitPrice = data.unitPrice !== undefined ? amountOf(data.unitPrice) : (current?.unitPrice ?? null);
  if (!unitPrice || unitPrice.isNegative() || cents(unitPrice).gte(UNIT_PRICE_LIMIT)) {
    errors.push({ field: "unitPrice", message: "must be an amount from 0.00 to 999999.99" });
  }
  if (errors.length) throw invalid(errors);
  const price = cents(unitPrice!);
  const totalPrice = cents(price.mul(quantity!));
  if (totalPrice.gte(TOTAL_PRICE_LIMIT)) throw invalid([{ field: "quantity", message: "makes the line too large" }]);
  return { description: description!, quantity: quantity!, unitPrice: price, totalPrice };
}

/** Adds a line to a draft invoice; the invoice's amount, tax and total follow. */
export async function addInvoiceItem(deps: InvoicingDeps, data: Data): Promise<InvoiceItem> {
  requireInvoicing();
  const invoiceId = positiveInt(data.invoiceId);
  if (invoiceId === null) throw invalid([{ field: "invoiceId", message: "is required" }]);
  if (!isBlank(data.aiRequestId)) {
    throw invalid([{ field: "aiRequestId", message: "is set when the AI request is billed" }]);
  }
  const values = lineValues(data);
  return transaction(deps.prisma, async (tx) => {
    await lockDraft(tx, invoiceId, "invoiceId");
    const item = await tx.invoiceItem.create({ data: { invoiceId, ...values } });
    await recomputeInvoiceTotals(tx, invoiceId);
    await writeAudit(tx, {
      action: "invoice_item.create",
      resourceType: "invoice_items",
      resourceId: item.id,
      after: item,
    });
    return item;
  });
}

/** The line and its invoice, locked in that order's reverse (invoice first, as every writer does). */
async function lockItem(tx: Tx, id: number): Promise<InvoiceItem> {
  const found = await tx.invoiceItem.findUnique({ where: { id }, select: { invoiceId: true } });
  if (!found) throw new AppError("not_found", `Invoice item #${id} does not exist`);
  await lockDraft(tx, found.invoiceId);
  const item = await tx.invoiceItem.findUnique({ where: { id } });
  if (!item) throw new AppError("not_found", `Invoice item #${id} does not exist`);
  return item;
}

/** Changes a line of a draft invoice (description, quantity, unit price); the totals follow. */
export async function updateInvoiceItem(deps: InvoicingDeps, id: number, data: Data): Promise<InvoiceItem> {
  requireInvoicing();
  return transaction(deps.prisma, async (tx) => {
    const before = await lockItem(tx, id);
    if (data.invoiceId !== undefined && positiveInt(data.invoiceId) !== before.invoiceId) {
      throw invalid([{ field: "invoiceId", message: "a line stays on its invoice" }]);
    }
    if (data.aiRequestId !== undefined && (positiveInt(data.aiRequestId) ?? null) !== before.aiRequestId) {
      throw invalid([{ field: "aiRequestId", message: "is set when the AI request is billed" }]);
    }
    const values = lineValues(data, before);
    const after = await tx.invoiceItem.update({ where: { id }, data: values });
    await recomputeInvoiceTotals(tx, before.invoiceId);
    await writeAudit(tx, {
      action: "invoice_item.update",
      resourceType: "invoice_items",
      resourceId: id,
      before,
      after,
    });
    return after;
  });
}

/**
 * Removes a line of a draft invoice; the totals follow. A Queue IA line stays (its request is billed
 * exactly once): its price can be set to 0.00 instead.
 */
export async function deleteInvoiceItem(deps: InvoicingDeps, id: number): Promise<void> {
  requireInvoicing();
  await transaction(deps.prisma, async (tx) => {
    const before = await lockItem(tx, id);
    if (before.aiRequestId !== null) {
      throw new AppError(
        "conflict",
        `The line of AI request #${before.aiRequestId} is billed once and stays: set its unit price to 0.00 instead`,
      );
    }
    await tx.invoiceItem.delete({ where: { id } });
    await recomputeInvoiceTotals(tx, before.invoiceId);
    await writeAudit(tx, { action: "invoice_item.delete", resourceType: "invoice_items", resourceId: id, before });
  });
}

// ---------------------------------------------------------------------------------------------
// The fee rule (plain functions, unit-tested in invoicing.test.ts)
// ---------------------------------------------------------------------------------------------

/** One state of a subscription from `validFrom` (a subscription_history row). */
export interface SubscriptionState {
  planId: number;
  status: SubscriptionStatus;
  validFrom: Date;
  reason: string;
}

export interface FeeSubscription {
  id: number;
  planId: number;
  status: SubscriptionStatus;
  billingInterval: BillingInterval;
  startedAt: Date;
  stripeSubscriptionId: string | null;
}

export interface FeePlan extends PricedPlan {
  name: string;
}

export interface FeeLine {
  subscriptionId: number;
  description: string;
  unitPrice: Money;
  periodStart: Date;
  periodEnd: Date;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The state in effect at `at`: the last one that started at or before it (history sorted by time). */
export function stateAt(history: readonly SubscriptionState[], at: Date): SubscriptionState | null {
  let found: SubscriptionState | null = null;
  for (const state of history) {
    if (state.validFrom.getTime() > at.getTime()) break;
    found = state;
  }
  return found;
}

/**
 * The fee lines of one subscription on the invoice of `month` ([start, end), UTC), by the fee rule in
 * this file's header. `history` is the subscription's states in time order; a subscription without any
 * is taken as its own row in effect since its start.
 */
export function subscriptionFeeLines(
  sub: FeeSubscription,
  history: readonly SubscriptionState[],
  plans: ReadonlyMap<number, FeePlan>,
  month: { start: Date; end: Date },
): FeeLine[] {
  if (sub.stripeSubscriptionId) return [];
  const states: readonly SubscriptionState[] = history.length
    ? history
    : [{ planId: sub.planId, status: sub.status, validFrom: sub.startedAt, reason: "created" }];
  const anchors = [
    sub.startedAt,
    ...states.filter((s) => s.reason === "reactivated" && s.validFrom > sub.startedAt).map((s) => s.validFrom),
  ].sort((a, b) => a.getTime() - b.getTime());
  const months = intervalMonths(sub.billingInterval);
  const lines: FeeLine[] = [];
  anchors.forEach((anchor, i) => {
    const until = anchors[i + 1]?.getTime() ?? Number.POSITIVE_INFINITY;
    const monthsBefore =
      (month.start.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + month.start.getUTCMonth() - anchor.getUTCMonth();
    let k = Math.max(0, Math.floor(monthsBefore / months) - 1);
    while (nthPeriod(anchor, sub.billingInterval, k).start < month.start) k += 1;
    for (; ; k += 1) {
      const period = nthPeriod(anchor, sub.billingInterval, k);
      if (period.start >= month.end || period.start.getTime() >= until) break;
      const state = stateAt(states, period.start);
      if (!state || !MRR_STATUSES.includes(state.status)) continue;
      const plan = plans.get(state.planId);
      const price = plan ? periodPrice(plan, sub.billingInterval) : null;
      if (!plan || price === null || price.isZero()) continue;
      lines.push({
        subscriptionId: sub.id,
        description: `${plan.name} (${sub.billingInterval}) ${isoDay(period.start)} to ${isoDay(period.end)}`,
        unitPrice: cents(price),
        periodStart: period.start,
        periodEnd: period.end,
      });
    }
  });
  return lines;
}

// ---------------------------------------------------------------------------------------------
// The monthly run
// ---------------------------------------------------------------------------------------------

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

/** A calendar month, "YYYY-MM". */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Jobs and the command line run without an admin; a request must come from one who may invoice. */
function mayRunInvoicing(): void {
  const context = currentContext();
  if (!context || context.via === "job" || context.via === "cli") return;
  requireInvoicing();
}

/** The calendar month "YYYY-MM" to invoice, which must have ended by `now` (400 naming `period`). */
export function invoicingMonth(period: unknown, now: Date): { start: Date; end: Date } {
  if (typeof period !== "string" || !PERIOD_PATTERN.test(period)) {
    throw invalid([{ field: "period", message: "must be a month like 2026-10" }]);
  }
  const month = monthPeriod(period);
  if (month.end.getTime() > now.getTime()) {
    throw invalid([
      { field: "period", message: `${period} has not ended yet: it can be invoiced from ${isoDay(month.end)}` },
    ]);
  }
  return month;
}

/** The month just ended at `now` ("YYYY-MM"): what the job of the 1st invoices. */
export function monthJustEnded(now: Date): string {
  const previous = addMonths(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), -1);
  return `${previous.getUTCFullYear()}-${String(previous.getUTCMonth() + 1).padStart(2, "0")}`;
}

interface LiveSubscriptionRow {
  id: number;
  customer_id: number;
  plan_id: number;
  status: SubscriptionStatus;
  billing_interval: BillingInterval;
  started_at: Date;
}

interface HistoryRow {
  subscription_id: number;
  plan_id: number;
  status: SubscriptionStatus;
  valid_from: Date;
  reason: string;
}

/**
 * Local subscriptions live (active or past_due per subscription_history) at some time in the month: in
 * such a state at its start, or entering one during it; a subscription without history by its own status.
 */
const LIVE_IN_MONTH = (start: Date, end: Date) => Prisma.sql`
  SELECT s.id, s.customer_id, s.plan_id, s.status::text AS status, s.billing_interval::text AS billing_interval,
         s.started_at
    FROM customer_subscriptions s
   WHERE s.stripe_subscription_id IS NULL AND s.started_at < ${end}
     AND (EXISTS (SELECT 1 FROM subscription_history h
                   WHERE h.subscription_id = s.id AND h.valid_from >= ${start} AND h.valid_from < ${end}
                     AND h.status IN ('active', 'past_due'))
          OR (SELECT h.status FROM subscription_history h
               WHERE h.subscription_id = s.id AND h.valid_from < ${start}
               ORDER BY h.valid_from DESC, h.id DESC LIMIT 1) IN ('active', 'past_due')
          OR (s.status IN ('active', 'past_due')
              AND NOT EXISTS (SELECT 1 FROM subscription_history h WHERE h.subscription_id = s.id)))`;

interface CustomerWork {
  customerId: number;
  subscriptionId: number | null;
  lines: FeeLine[];
}

/** Every customer with something to bill for the month, with its fee lines; and those already invoiced. */
async function plannedWork(
  prisma: PrismaClient,
  month: { start: Date; end: Date },
): Promise<{ work: CustomerWork[]; invoiced: Set<number> }> {
  const [subs, history, plans, drafts, issued] = await Promise.all([
    prisma.$queryRaw<LiveSubscriptionRow[]>(LIVE_IN_MONTH(month.start, month.end)),
    prisma.$queryRaw<HistoryRow[]>`
      WITH live AS (${LIVE_IN_MONTH(month.start, month.end)})
      SELECT h.subscription_id, h.plan_id, h.status::text AS status, h.valid_from, h.reason
        FROM subscription_history h JOIN live ON live.id = h.subscription_id
       WHERE h.valid_from < ${month.end}
       ORDER BY h.subscription_id, h.valid_from, h.id`,
    prisma.billingPlan.findMany({ select: { id: true, name: true, priceMonthly: true, priceYearly: true } }),
    prisma.$queryRaw<{ customer_id: number }[]>`
      SELECT DISTINCT i.customer_id FROM invoices i
       WHERE i.status = 'draft' AND i.period_start = ${month.start}::date
         AND EXISTS (SELECT 1 FROM invoice_items it WHERE it.invoice_id = i.id)`,
    prisma.$queryRaw<{ customer_id: number }[]>`
      SELECT customer_id FROM invoices WHERE period_start = ${month.start}::date AND status <> 'draft'`,
  ]);
  const planById = new Map(plans.map((p) => [p.id, p]));
  const statesOf = new Map<number, SubscriptionState[]>();
  for (const h of history) {
    const states = statesOf.get(h.subscription_id) ?? [];
    states.push({ planId: h.plan_id, status: h.status, validFrom: h.valid_from, reason: h.reason });
    statesOf.set(h.subscription_id, states);
  }
  const byCustomer = new Map<number, CustomerWork>();
  const workOf = (customerId: number) => {
    let work = byCustomer.get(customerId);
    if (!work) byCustomer.set(customerId, (work = { customerId, subscriptionId: null, lines: [] }));
    return work;
  };
  for (const s of subs) {
    const lines = subscriptionFeeLines(
      {
        id: s.id,
        planId: s.plan_id,
        status: s.status,
        billingInterval: s.billing_interval,
        startedAt: s.started_at,
        stripeSubscriptionId: null,
      },
      statesOf.get(s.id) ?? [],
      planById,
      month,
    );
    if (!lines.length) continue;
    const work = workOf(s.customer_id);
    work.lines.push(...lines);
    work.subscriptionId = s.id;
  }
  for (const { customer_id } of drafts) workOf(customer_id);
  return {
    work: [...byCustomer.values()].sort((a, b) => a.customerId - b.customerId),
    invoiced: new Set(issued.map((r) => r.customer_id)),
  };
}

type CustomerOutcome = "issued" | "skipped" | "empty";

/** What every issue of a run reads from the settings, read once when the run starts. */
interface RunSettings {
  vatRate: string;
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
                period_start, period_end, stripe_payment_intent_id, amount_refunded`;
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
    await numberAndIssue(tx, invoiceOf(row), { amount, taxAmount: tax, totalAmount: total }, now, settings.termsDays);
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
 * non-empty draft for the month (the fee rule in this file's header), one transaction per customer, a few
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
    vatRate: await readSetting(deps.prisma, "billing.vat_rate"),
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
