// The customer 360 page (issue 17, item 2): identity and plan, sites with their status, the billing
// summary (MRR, lifetime value, overdue), the health score, notes, tasks, the reusable e-mail
// templates, and the first page of the timeline. customers.view.
import { Prisma } from "@prisma/client";
import type { Deps } from "../../deps.js";
import type { CustomerTimelineEvent } from "../../module.js";
import { AppError } from "../../lib/errors.js";
import { requirePermission } from "../auth/index.js";
import { customerFacts, type CustomerFacts } from "./customer-facts.js";
import { customerNotes, type CustomerNoteView } from "./notes.js";
import { customerTasks, type CustomerTaskView } from "./tasks.js";
import { customerStory } from "./timeline.js";

export interface Customer360 {
  customer: {
    id: number;
    name: string;
    email: string;
    planType: string;
    status: string;
    language: string;
    createdAt: Date;
  };
  subscription: {
    id: number;
    plan: string;
    status: string;
    billingInterval: string;
    currentPeriodEnd: Date | null;
  } | null;
  sites: { id: number; name: string; domain: string | null; status: string; openIncidents: number }[];
  billing: { mrr: string; lifetimeValue: string; overdue: { count: number; amount: string } };
  facts: CustomerFacts;
  notes: CustomerNoteView[];
  tasks: CustomerTaskView[];
  templates: { id: number; name: string }[];
  timeline: CustomerTimelineEvent[];
}

export async function customer360(deps: Deps, customerId: number, now = new Date()): Promise<Customer360> {
  requirePermission("customers", "view");
  const { prisma } = deps;
  const customer = await prisma.customer.findUnique({
    where: { id: customerId },
    select: { id: true, name: true, email: true, planType: true, status: true, language: true, createdAt: true },
  });
  if (!customer) throw new AppError("not_found", `Customer #${customerId} does not exist`);
  const [subscription, sites, money, facts, notes, tasks, templates, timeline] = await Promise.all([
    prisma.customerSubscription.findFirst({
      where: { customerId },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        status: true,
        billingInterval: true,
        currentPeriodEnd: true,
        plan: { select: { name: true } },
      },
    }),
    prisma.site.findMany({
      where: { customerId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 100,
      select: {
        id: true,
        name: true,
        domain: true,
        status: true,
        _count: { select: { incidents: { where: { resolvedAt: null } } } },
      },
    }),
    prisma.$queryRaw<{ ltv: string; overdue_count: number; overdue_amount: string }[]>`
      SELECT COALESCE(sum(total_amount - amount_refunded) FILTER (WHERE status IN ('paid', 'refunded')), 0)::text AS ltv,
             count(*) FILTER (WHERE status IN ('pending', 'failed') AND due_at < ${now})::int AS overdue_count,
             COALESCE(sum(total_amount) FILTER (WHERE status IN ('pending', 'failed') AND due_at < ${now}), 0)::text AS overdue_amount
        FROM invoices WHERE customer_id = ${customerId}`,
    customerFacts(prisma, [customerId], now),
    customerNotes(prisma, customerId),
    customerTasks(prisma, customerId),
    prisma.customerEmailTemplate.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    customerStory(deps, customerId),
  ]);
  const sums = money[0]!;
  return {
    customer,
    subscription: subscription
      ? {
          id: subscription.id,
          plan: subscription.plan.name,
          status: subscription.status,
          billingInterval: subscription.billingInterval,
          currentPeriodEnd: subscription.currentPeriodEnd,
        }
      : null,
    sites: sites.map((site) => ({
      id: site.id,
      name: site.name,
      domain: site.domain,
      status: site.status,
      openIncidents: site._count.incidents,
    })),
    billing: {
      mrr: facts[0]!.mrr,
      lifetimeValue: new Prisma.Decimal(sums.ltv).toFixed(2),
      overdue: { count: sums.overdue_count, amount: new Prisma.Decimal(sums.overdue_amount).toFixed(2) },
    },
    facts: facts[0]!,
    notes,
    tasks,
    templates,
    timeline,
  };
}
