// Factories of billing rows. Issued invoices are built as the portal builds them: a draft, its lines,
// then the status (an issued invoice's lines are frozen: migration invoice_immutability).
import type { BillingInterval, InvoiceStatus, Prisma, PrismaClient, SubscriptionStatus } from "@prisma/client";
import { makeCustomer } from "./index.js";

export { actingAs } from "./index.js";
import { readSetting } from "../../src/modules/settings/values.js";
import { cents, money, sum, withVat } from "../../src/modules/billing/money.js";
import { allocateInvoiceNumber } from "../../src/modules/billing/invoicing/numbering.js";
import { recordHistory } from "../../src/modules/billing/subscriptions.js";
import { periodAt } from "../../src/modules/billing/periods.js";

let n = 0;
const next = () => ++n;

/** A plan; prices 29.00 a month and 290.00 a year unless told. */
export async function makePlan(prisma: PrismaClient, overrides: Partial<Prisma.BillingPlanUncheckedCreateInput> = {}) {
  return prisma.billingPlan.create({
    data: { name: `Plan ${next()}-${process.pid}`, priceMonthly: "29.00", priceYearly: "290.00", ...overrides },
  });
}

export interface SubscriptionOptions {
  customerId?: number;
  planId?: number;
  billingInterval?: BillingInterval;
  status?: SubscriptionStatus;
  startedAt?: Date;
  stripeSubscriptionId?: string;
}

/**
 * A subscription with its first subscription_history row (as createSubscription writes it), its current
 * period the one containing `startedAt`.
 */
export async function makeSubscription(prisma: PrismaClient, options: SubscriptionOptions = {}) {
  const customerId = options.customerId ?? (await makeCustomer(prisma)).id;
  const planId = options.planId ?? (await makePlan(prisma)).id;
  const billingInterval = options.billingInterval ?? "monthly";
  const startedAt = options.startedAt ?? new Date();
  const period = periodAt(startedAt, billingInterval, startedAt);
  return prisma.$transaction(async (tx) => {
    const sub = await tx.customerSubscription.create({
      data: {
        customerId,
        planId,
        billingInterval,
        status: options.status ?? "active",
        startedAt,
        currentPeriodStart: period.start,
        currentPeriodEnd: period.end,
        stripeSubscriptionId: options.stripeSubscriptionId ?? null,
      },
    });
    await recordHistory(tx, sub, "created", startedAt);
    return sub;
  });
}

export interface LineInput {
  description?: string;
  quantity?: number;
  unitPrice: Prisma.Decimal.Value;
  /** quantity x unitPrice unless told. */
  totalPrice?: Prisma.Decimal.Value;
  aiRequestId?: number | null;
}

function lineData(line: LineInput, i: number) {
  const quantity = line.quantity ?? 1;
  const unitPrice = cents(money(line.unitPrice));
  return {
    description: line.description ?? `Line ${i + 1}`,
    quantity,
    unitPrice,
    totalPrice: line.totalPrice !== undefined ? money(line.totalPrice) : cents(unitPrice.mul(quantity)),
    aiRequestId: line.aiRequestId ?? null,
  };
}

export type DraftOptions = Partial<Prisma.InvoiceUncheckedCreateInput> & { lines?: LineInput[] };

/** A draft invoice with its lines and totals; a placeholder number (LCD-DRAFT-...). */
export async function makeDraftInvoice(prisma: PrismaClient, options: DraftOptions = {}) {
  const { lines = [], ...invoice } = options;
  const customerId = invoice.customerId ?? (await makeCustomer(prisma)).id;
  const items = lines.map(lineData);
  const amount = sum(items.map((l) => l.totalPrice));
  const { tax, total } = withVat(amount, await readSetting(prisma, "billing.vat_rate"));
  return prisma.invoice.create({
    data: {
      invoiceNumber: `LCD-DRAFT-T${process.pid}-${next()}`,
      ...invoice,
      customerId,
      amount: cents(amount),
      taxAmount: tax,
      totalAmount: total,
      status: "draft",
      items: { create: items },
    },
  });
}

export type IssuedOptions = Omit<Partial<Prisma.InvoiceUncheckedCreateInput>, "status"> & {
  lines?: LineInput[];
  status?: Exclude<InvoiceStatus, "draft">;
};

/**
 * An issued invoice: inserted as a draft with its lines (one 100.00 line unless told), then given its
 * status, number and figures in one update. The number is the next legal one of its issue year unless
 * `invoiceNumber` is given; amount, tax and total follow the lines (VAT of the settings) unless given.
 */
export async function makeIssuedInvoice(prisma: PrismaClient, options: IssuedOptions = {}) {
  const {
    lines = [{ description: "Service", unitPrice: "100.00" }],
    status = "pending",
    invoiceNumber,
    amount,
    taxAmount,
    totalAmount,
    amountRefunded,
    ...rest
  } = options;
  const customerId = rest.customerId ?? (await makeCustomer(prisma)).id;
  const issuedAt = rest.issuedAt ? new Date(rest.issuedAt) : new Date();
  const items = lines.map(lineData);
  const lineSum = cents(sum(items.map((l) => l.totalPrice)));
  const vat = withVat(lineSum, await readSetting(prisma, "billing.vat_rate"));
  return prisma.$transaction(async (tx) => {
    const draft = await tx.invoice.create({
      data: {
        ...rest,
        customerId,
        issuedAt,
        invoiceNumber: `LCD-DRAFT-T${process.pid}-${next()}`,
        amount: 0,
        taxAmount: 0,
        totalAmount: 0,
        status: "draft",
        items: { create: items },
      },
    });
    return tx.invoice.update({
      where: { id: draft.id },
      data: {
        status,
        invoiceNumber: invoiceNumber ?? (await allocateInvoiceNumber(tx, issuedAt)),
        amount: amount ?? lineSum,
        taxAmount: taxAmount ?? vat.tax,
        totalAmount: totalAmount ?? vat.total,
        ...(amountRefunded !== undefined ? { amountRefunded } : {}),
      },
    });
  });
}
