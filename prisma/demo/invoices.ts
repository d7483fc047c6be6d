// Invoices of the last 90 days and their lines: the subscription of the period, billed in advance,
// and the AI requests completed since the previous invoice, billed in arrears at their actual cost.
// amount = sum of the lines, tax = 20 % of it rounded half-up to the cent, total = amount + tax.
import type { AiBillingStatus, InvoiceStatus, Prisma } from "@prisma/client";
import { aiRequestLine } from "../../src/modules/billing/invoicing/line-words.js";
import type { DemoAiRequest } from "./ai-requests.js";
import { periodStart, planAt, type DemoCustomer, type DemoSubscription } from "./customers.js";
import { sum, vatOn, type Money } from "./money.js";
import { createRng, type Rng } from "./random.js";
import { addMonthsUtc, addMs, dateBetween, DAY, dayOfYear, formatDateFr, HOUR, MINUTE } from "./time.js";

const BILLED_DAYS = 90;

export interface DemoInvoice {
  id: number;
  customerId: number;
  status: InvoiceStatus;
  issuedAt: Date;
  paidAt: Date | null;
  totalAmount: Money;
}

export interface DemoInvoices {
  invoices: Prisma.InvoiceCreateManyInput[];
  items: Prisma.InvoiceItemCreateManyInput[];
  /** billing_status of each invoiced AI request, by request id; the others stay "pending". */
  billingStatus: Map<number, AiBillingStatus>;
  summary: DemoInvoice[];
}

interface Line {
  description: string;
  unitPrice: Money;
  aiRequestId: number | null;
}

interface Draft {
  customerId: number;
  subscriptionId: number | null;
  issuedAt: Date;
  lines: Line[];
  forceFailed: boolean;
}

const PAYMENT_METHODS = { card: 70, sepa_debit: 25, transfer: 5 } as const;

const FAILED_NOTES = [
  "Paiement refusé par la banque (provision insuffisante). Relance envoyée.",
  "Carte expirée : le client a été prévenu par e-mail.",
] as const;

const REFUND_NOTES = [
  "Remboursé : geste commercial après une indisponibilité du site.",
  "Remboursé : double prélèvement constaté par le client.",
] as const;

function invoiceStatus(rng: Rng, now: Date, issuedAt: Date): InvoiceStatus {
  const age = now.getTime() - issuedAt.getTime();
  if (age < 3 * DAY) return rng.weighted<InvoiceStatus>({ draft: 0, pending: 55, paid: 45, failed: 0, refunded: 0 });
  if (age < 15 * DAY) return rng.weighted<InvoiceStatus>({ draft: 0, paid: 82, pending: 12, failed: 6, refunded: 0 });
  return rng.weighted<InvoiceStatus>({ draft: 0, paid: 92, failed: 4, refunded: 4, pending: 0 });
}

function billingStatusOf(status: InvoiceStatus): AiBillingStatus {
  if (status === "paid") return "paid";
  if (status === "refunded") return "refunded";
  return "billed";
}

function drafts(
  now: Date,
  customers: readonly DemoCustomer[],
  subscriptions: readonly DemoSubscription[],
  requests: readonly DemoAiRequest[],
): Draft[] {
  const windowStart = addMs(now, -BILLED_DAYS * DAY);
  const subOf = new Map(subscriptions.map((s) => [s.customerId, s]));
  const completedOf = new Map<number, DemoAiRequest[]>();
  for (const r of requests) {
    if (r.status === "completed") completedOf.set(r.customerId, [...(completedOf.get(r.customerId) ?? []), r]);
  }

  const out: Draft[] = [];
  for (const c of customers) {
    const sub = subOf.get(c.id);
    const completed = completedOf.get(c.id) ?? [];
    const stop = c.endedAt ?? now;
    const anchor = sub?.startedAt ?? c.createdAt;
    const aiLines = (from: Date | null, to: Date): Line[] =>
      completed
        .filter((r) => (!from || r.completedAt!.getTime() >= from.getTime()) && r.completedAt!.getTime() < to.getTime())
        .map((r) => ({
          description: aiRequestLine("fr", r.row.id, r.type, false),
          unitPrice: r.actualCost!,
          aiRequestId: r.row.id,
        }));

    let previous: Date | null = null;
    let firstInWindow = true;
    const own: Draft[] = [];
    // Free customers get their first invoice a month after signing up; subscribers pay in advance.
    for (let k = sub ? 0 : 1; ; k++) {
      const billedAt = addMonthsUtc(anchor, k);
      if (billedAt.getTime() > stop.getTime()) break;
      if (billedAt.getTime() < windowStart.getTime()) {
        previous = billedAt;
        continue;
      }
      const lines: Line[] = [];
      if (sub && (!sub.yearly || k % 12 === 0)) {
        const next = periodStart(sub, sub.yearly ? k / 12 + 1 : k + 1);
        // The plan in force when the period starts (subscription_history says the same).
        const plan = planAt(sub, billedAt);
        lines.push({
          description: `Abonnement ${plan.label} ${sub.yearly ? "annuel" : "mensuel"} du ${formatDateFr(billedAt)} au ${formatDateFr(addMs(next, -DAY))}`,
          unitPrice: sub.yearly ? plan.yearly : plan.monthly,
          aiRequestId: null,
        });
      }
      // The first invoice of the window also bills requests completed before it.
      lines.push(...aiLines(firstInWindow ? null : previous, billedAt));
      firstInWindow = false;
      previous = billedAt;
      if (lines.length > 0) {
        own.push({ customerId: c.id, subscriptionId: sub?.id ?? null, issuedAt: billedAt, lines, forceFailed: false });
      }
    }
    // A customer who leaves is billed what is left; a suspended one was suspended for an unpaid invoice.
    if (c.status === "cancelled" && c.endedAt) {
      const rest = aiLines(firstInWindow ? null : previous, c.endedAt);
      if (rest.length > 0) {
        own.push({
          customerId: c.id,
          subscriptionId: sub?.id ?? null,
          issuedAt: c.endedAt,
          lines: rest,
          forceFailed: false,
        });
      }
    }
    if (c.status === "suspended" && own.length > 0) own[own.length - 1]!.forceFailed = true;
    out.push(...own);
  }
  return out;
}

export function buildInvoices(
  seed: number,
  now: Date,
  customers: readonly DemoCustomer[],
  subscriptions: readonly DemoSubscription[],
  requests: readonly DemoAiRequest[],
): DemoInvoices {
  const rng = createRng(seed, "invoices");
  const all = drafts(now, customers, subscriptions, requests).sort(
    (a, b) => a.issuedAt.getTime() - b.issuedAt.getTime() || a.customerId - b.customerId,
  );

  const invoices: Prisma.InvoiceCreateManyInput[] = [];
  const items: Prisma.InvoiceItemCreateManyInput[] = [];
  const billingStatus = new Map<number, AiBillingStatus>();
  const summary: DemoInvoice[] = [];
  // Numbers run per calendar year; the demo starts mid-year, after the invoices it does not show.
  const sequence = new Map<number, number>();
  all.forEach((d, index) => {
    const id = index + 1;
    const year = d.issuedAt.getUTCFullYear();
    const n = (sequence.get(year) ?? (sequence.size === 0 ? dayOfYear(d.issuedAt) * 3 : 0)) + 1;
    sequence.set(year, n);

    const amount = sum(d.lines.map((l) => l.unitPrice));
    const taxAmount = vatOn(amount);
    const totalAmount = amount.plus(taxAmount);
    const status = d.forceFailed ? "failed" : invoiceStatus(rng, now, d.issuedAt);
    const paymentMethod = rng.weighted(PAYMENT_METHODS);
    const paidAt =
      status === "paid" || status === "refunded"
        ? dateBetween(
            rng,
            addMs(d.issuedAt, MINUTE),
            addMs(d.issuedAt, Math.min(72 * HOUR, now.getTime() - d.issuedAt.getTime())),
          )
        : null;
    invoices.push({
      id,
      customerId: d.customerId,
      subscriptionId: d.subscriptionId,
      invoiceNumber: `LCD-${year}-${String(n).padStart(6, "0")}`,
      amount,
      taxAmount,
      totalAmount,
      currency: "EUR",
      status,
      issuedAt: d.issuedAt,
      dueAt: addMs(d.issuedAt, (paymentMethod === "transfer" ? 30 : 14) * DAY),
      paidAt,
      // No Stripe ids: these invoices never went through Stripe.
      stripeInvoiceId: null,
      paymentMethod,
      notes: status === "failed" ? rng.pick(FAILED_NOTES) : status === "refunded" ? rng.pick(REFUND_NOTES) : null,
    });
    summary.push({ id, customerId: d.customerId, status, issuedAt: d.issuedAt, paidAt, totalAmount });
    for (const line of d.lines) {
      items.push({
        id: items.length + 1,
        invoiceId: id,
        aiRequestId: line.aiRequestId,
        description: line.description,
        quantity: 1,
        unitPrice: line.unitPrice,
        totalPrice: line.unitPrice,
        createdAt: d.issuedAt,
      });
      if (line.aiRequestId !== null) billingStatus.set(line.aiRequestId, billingStatusOf(status));
    }
  });
  return { invoices, items, billingStatus, summary };
}
