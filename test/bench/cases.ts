// The list pages the bench measures, each as the AdminJS request and as its floor: the SQL a hand-written
// page would run for the same answer.
//
// What "the same answer" means here:
// - the same records in the same order: same WHERE, the ORDER BY Prisma sends, same LIMIT/OFFSET;
// - the same columns AdminJS puts in each record's params: every column but the JSON documents the
//   list does not show (src/admin/prisma-resource.ts leaves those out of list pages);
// - for each reference column the list shows, the referenced row's title (AdminJS populates it with
//   its id and title); references the list does not show are not looked up by either side;
// - the same total for the pager, from the count query the resource runs for that filter: the
//   planner's estimate (EXPLAIN) for sets above the exact-count threshold, count(*) below it. The
//   resource reuses an estimate for ten seconds; the floor asks for it every time, beside its page
//   query (floor.ts runs both at once, as a hand-written route would).
// The runner checks ids, order, totals, titles and the number of columns on the first answer of each
// case and stops if the two sides disagree, so a module changing its list columns cannot silently
// leave this floor answering something else.

export const PER_PAGE = 20; // AdminJS settings.defaultPerPage in src/admin/index.ts

export type FloorCount =
  /** The planner's row estimate for the same WHERE (EXPLAIN), as the resource does above the threshold. */
  { kind: "estimate"; sql: string; params?: unknown[] } | { kind: "exact"; sql: string; params?: unknown[] };

export interface BenchCase {
  name: string;
  /** The references the list shows: AdminJS's populated key -> the floor's title column. */
  titles: Record<string, string>;
  /** AdminJS resource id (the table name, see src/admin/resource-kit.ts). */
  resource: string;
  /** Query string of the AdminJS list request. */
  query: Record<string, string>;
  floor: { rows: string; params?: unknown[]; count: FloorCount };
}

interface ListShape {
  table: string;
  /** The columns AdminJS answers for this list ("*" when that is all of them). */
  columns: string;
  orderBy: string;
  /** For each reference the list shows: its property (AdminJS's populated key), title select and join. */
  titles: { property: string; select: string; join: string }[];
}

const SHAPES: Record<string, ListShape> = {
  ai_requests: {
    table: "ai_requests",
    // request_data and generated_content are JSON documents the list does not show.
    columns:
      "id, customer_id, site_id, request_type, business_type, terminology, status, priority, estimated_cost, " +
      "actual_cost, created_at, assigned_at, started_at, completed_at, admin_id, admin_notes, customer_feedback, " +
      "customer_notes, billing_status, idempotency_key, idempotency_hash",
    orderBy: "created_at DESC",
    titles: [
      {
        property: "customer",
        select: "c.name AS customer_title",
        join: "LEFT JOIN customers c ON c.id = p.customer_id",
      },
      { property: "admin", select: "a.name AS admin_title", join: "LEFT JOIN admin_users a ON a.id = p.admin_id" },
    ],
  },
  customers: { table: "customers", columns: "*", orderBy: "created_at DESC", titles: [] },
  invoices: {
    table: "invoices",
    // seller is the JSON document of the seller at issue, which the list does not show.
    columns:
      "id, customer_id, subscription_id, invoice_number, amount, tax_amount, total_amount, currency, status, " +
      "issued_at, due_at, paid_at, stripe_invoice_id, payment_method, notes, amount_refunded, period_end, " +
      "period_start, stripe_payment_intent_id, vat_rate",
    orderBy: "issued_at DESC",
    titles: [
      {
        property: "customer",
        select: "c.name AS customer_title",
        join: "LEFT JOIN customers c ON c.id = p.customer_id",
      },
    ],
  },
};

/** The page first, then its titles: joining before the LIMIT would join every skipped row of page 1000. */
function pageSql(shape: ListShape, where: string, page: number): string {
  const offset = (page - 1) * PER_PAGE;
  const titles = shape.titles.map((t) => `, ${t.select}`).join("");
  const joins = shape.titles.map((t) => ` ${t.join}`).join("");
  return (
    `WITH p AS (SELECT ${shape.columns} FROM ${shape.table}${where ? ` WHERE ${where}` : ""}` +
    ` ORDER BY ${shape.orderBy} LIMIT ${PER_PAGE} OFFSET ${offset})` +
    ` SELECT p.*${titles} FROM p${joins} ORDER BY p.${shape.orderBy}`
  );
}

function listCase(
  name: string,
  resource: keyof typeof SHAPES,
  opts: { page?: number; filter?: { param: string; value: string; where: string }; count: "estimate" | "exact" },
): BenchCase {
  const shape = SHAPES[resource]!;
  const page = opts.page ?? 1;
  const where = opts.filter?.where ?? "";
  const params = opts.filter ? [opts.filter.value] : [];
  const query: Record<string, string> = { page: String(page) };
  if (opts.filter) query[`filters.${opts.filter.param}`] = opts.filter.value;
  const countSql =
    opts.count === "estimate"
      ? `SELECT 1 FROM ${shape.table}${where ? ` WHERE ${where}` : ""}`
      : `SELECT count(*) AS n FROM ${shape.table}${where ? ` WHERE ${where}` : ""}`;
  return {
    name,
    titles: Object.fromEntries(shape.titles.map((t) => [t.property, `${t.property}_title`])),
    resource,
    query,
    floor: { rows: pageSql(shape, where, page), params, count: { kind: opts.count, sql: countSql, params } },
  };
}

// Filters: what staff filter on every day. The AI queue's open work (a few thousand rows: exact count),
// the paying "pro" customers (about 15%: exact), failed invoices (about 4%: exact), one filter
// matching most of the table (completed requests: above the threshold, estimated), and a rare status
// paged deep (rejected requests, 5%: exact).
export const CASES: BenchCase[] = [
  listCase("ai_requests first page", "ai_requests", { count: "estimate" }),
  listCase("ai_requests status=pending", "ai_requests", {
    filter: { param: "status", value: "pending", where: "status = $1::ai_request_status" },
    count: "exact",
  }),
  listCase("ai_requests status=completed", "ai_requests", {
    filter: { param: "status", value: "completed", where: "status = $1::ai_request_status" },
    count: "estimate",
  }),
  listCase("ai_requests page 1000", "ai_requests", { page: 1000, count: "estimate" }),
  // A rare status deep in the list: what the (status, created_at) index is for.
  listCase("ai_requests status=rejected page 1000", "ai_requests", {
    page: 1000,
    filter: { param: "status", value: "rejected", where: "status = $1::ai_request_status" },
    count: "exact",
  }),
  listCase("customers first page", "customers", { count: "exact" }),
  listCase("customers planType=pro", "customers", {
    filter: { param: "planType", value: "pro", where: "plan_type = $1::plan_type" },
    count: "exact",
  }),
  listCase("customers page 1000", "customers", { page: 1000, count: "exact" }),
  listCase("invoices first page", "invoices", { count: "estimate" }),
  listCase("invoices status=failed", "invoices", {
    filter: { param: "status", value: "failed", where: "status = $1::invoice_status" },
    count: "exact",
  }),
  listCase("invoices page 1000", "invoices", { page: 1000, count: "estimate" }),
];
