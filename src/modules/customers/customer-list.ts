// The customer list of what matters (issue 17, item 1): each customer with plan, MRR, sites, open
// tickets, last activity and health, newest first by keyset pages; and the CSV export of a selection
// (customers.export, audited). The list's own filters are plan and status.
import type { Response } from "express";
import type { CustomerStatus, PlanType, Prisma } from "@prisma/client";
import { z } from "zod";
import type { Deps } from "../../deps.js";
import { writeAudit } from "../../lib/audit.js";
import { streamCsv, type CsvColumn } from "../../lib/csv.js";
import { afterCursor, decodeCursor, encodeCursor } from "../../lib/keyset.js";
import { requirePermission } from "../auth/index.js";
import { customerFacts, type CustomerFacts } from "./customer-facts.js";

export const ZCustomerListQuery = z.strictObject({
  plan: z
    .enum(["free", "starter", "pro", "enterprise"])
    .optional()
    .meta({ description: "Only customers of this plan" }),
  status: z
    .enum(["active", "suspended", "cancelled"])
    .optional()
    .meta({ description: "Only customers in this status" }),
  cursor: z.string().max(200).optional().meta({ description: "nextCursor of the previous page" }),
  limit: z.coerce.number().int().min(1).max(200).optional().meta({ description: "Rows per page (default 50)" }),
});
export type CustomerListQuery = z.infer<typeof ZCustomerListQuery>;

export interface CustomerListRow extends Omit<CustomerFacts, "inputs" | "customerId"> {
  id: number;
  name: string;
  email: string;
  planType: PlanType;
  status: CustomerStatus;
  createdAt: string;
}

export async function customerList(
  deps: Pick<Deps, "prisma">,
  query: CustomerListQuery,
): Promise<{ rows: CustomerListRow[]; nextCursor: string | null }> {
  requirePermission("customers", "view");
  const limit = query.limit ?? 50;
  const where: Prisma.CustomerWhereInput = { planType: query.plan, status: query.status };
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor, ["date", "int"] as const);
    Object.assign(where, { AND: [afterCursor(["createdAt", "id"], [createdAt, id], "desc")] });
  }
  const customers = await deps.prisma.customer.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, name: true, email: true, planType: true, status: true, createdAt: true },
  });
  const page = customers.slice(0, limit);
  const facts = await customerFacts(
    deps.prisma,
    page.map((c) => c.id),
  );
  const rows = page.map((c, i) => {
    const { inputs: _inputs, customerId: _id, ...shown } = facts[i]!;
    return { ...c, createdAt: c.createdAt.toISOString(), ...shown };
  });
  const last = page.at(-1);
  return { rows, nextCursor: customers.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null };
}

export const ZCustomerExport = z.strictObject({
  ids: z.array(z.number().int().min(1)).min(1).max(1000).meta({ description: "The selected customers' ids" }),
});

const EXPORT_COLUMNS: CsvColumn[] = [
  { header: "id", kind: "figure" },
  { header: "name", kind: "text" },
  { header: "email", kind: "text" },
  { header: "plan", kind: "text" },
  { header: "status", kind: "text" },
  { header: "mrr", kind: "figure" },
  { header: "sites", kind: "figure" },
  { header: "open_tickets", kind: "figure" },
  { header: "last_activity_at", kind: "figure" },
  { header: "health", kind: "figure" },
  { header: "health_grade", kind: "text" },
  { header: "created_at", kind: "figure" },
];

/** The selected customers as a CSV download, in the order selected; audited once the file is out. */
export async function exportCustomers(
  deps: Pick<Deps, "prisma">,
  ids: readonly number[],
  res: Response,
): Promise<number> {
  requirePermission("customers", "export");
  const unique = [...new Set(ids)];
  const customers = await deps.prisma.customer.findMany({
    where: { id: { in: unique } },
    select: { id: true, name: true, email: true, planType: true, status: true, createdAt: true },
  });
  const byId = new Map(customers.map((c) => [c.id, c]));
  const facts = await customerFacts(deps.prisma, unique);
  async function* rows() {
    for (const fact of facts) {
      const c = byId.get(fact.customerId)!;
      yield [
        String(c.id),
        c.name,
        c.email,
        c.planType,
        c.status,
        fact.mrr,
        String(fact.sites),
        String(fact.openTickets),
        fact.lastActivityAt,
        String(fact.health.score),
        fact.health.grade,
        c.createdAt.toISOString(),
      ];
    }
  }
  return streamCsv(res, {
    filename: "customers.csv",
    columns: EXPORT_COLUMNS,
    rows: rows(),
    bom: true,
    beforeEnd: async (outcome) => {
      await deps.prisma.$transaction((tx) =>
        writeAudit(tx, {
          action: "customers.export",
          resourceType: "customers",
          after: { ids: facts.map((f) => f.customerId), rows: outcome.rows, completed: outcome.completed },
        }),
      );
    },
  });
}
