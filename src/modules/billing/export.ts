// The accounting export (issue 5, item 7): two CSV files for a range of issue dates, invoices and their
// lines, for the accountant's spreadsheet or ledger import.
//
// - Range: issued_at from `from` (inclusive) to `to` (inclusive), whole UTC days as the billing module
//   counts them (periods.ts); drafts are not invoices yet and are left out.
// - Streamed from PostgreSQL through a server-side cursor (pg-query-stream, on pg-cursor): rows arrive in
//   batches as the client reads, with backpressure, so memory stays flat whatever the range holds.
//   pg-query-stream rather than pg-cursor alone because it is a Readable: it pipes into the response
//   and is destroyed (cursor closed) when the client goes away.
// - Figures are PostgreSQL's numeric text ("1234.50"): a dot, exactly two decimals, never a float.
// - RFC 4180: CRLF line ends, fields with a quote, comma or line break quoted, quotes doubled. Text cells
//   starting with = + - @ (or a tab or CR) get a leading apostrophe, so a spreadsheet never runs a
//   customer's name as a formula. UTF-8 with a BOM, so Excel opens French accents right.
// - No totals line: accountants sum the columns themselves, and a summary row would be summed with them.
import type { Response } from "express";
import type { PrismaClient } from "@prisma/client";
import type pg from "pg";
import QueryStream from "pg-query-stream";
import { z } from "zod";
import { AppError, fieldErrorsFromZod } from "../../lib/errors.js";
import { writeAudit } from "../../lib/audit.js";
import { streamCsv, type CsvColumn } from "../../lib/csv.js";

export type ExportKind = "invoices" | "items";

export interface ExportRange {
  /** "YYYY-MM-DD", inclusive. */
  from: string;
  /** "YYYY-MM-DD", inclusive. */
  to: string;
}

const isCalendarDate = (value: string): boolean => {
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
};

const ZDay = z
  .string()
  // abort: a malformed date is not also reported as "not a calendar date".
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date like 2026-01-31", abort: true })
  .refine(isCalendarDate, "is not a calendar date");

export const ZExportQuery = z
  .strictObject({
    from: ZDay.meta({ description: "First issue date, inclusive (YYYY-MM-DD, UTC)" }),
    to: ZDay.meta({ description: "Last issue date, inclusive (YYYY-MM-DD, UTC)" }),
  })
  .refine((range) => range.from <= range.to, { path: ["to"], message: "must be on or after from" });

/** The range of a query string, or 400 naming `from` and/or `to`. */
export function parseExportRange(query: unknown): ExportRange {
  const parsed = ZExportQuery.safeParse(query ?? {});
  if (parsed.success) return parsed.data;
  // A parameter the export does not take is named itself, not as the whole query.
  const unknown = parsed.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys" ? issue.keys.map((key) => ({ field: key, message: "is not a parameter" })) : [],
  );
  const errors = [...fieldErrorsFromZod(parsed.error).filter((e) => e.field !== "(body)"), ...unknown];
  throw new AppError("validation", errors.map((e) => `${e.field}: ${e.message}`).join("; "), errors);
}

/** [start, end) timestamps of an inclusive range of UTC days. */
export function rangeBounds(range: ExportRange): { start: Date; end: Date } {
  const start = new Date(`${range.from}T00:00:00Z`);
  const end = new Date(`${range.to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { start, end };
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

const DAY = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
const INSTANT = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

interface ExportDefinition {
  columns: readonly CsvColumn[];
  /** $1, $2: the [start, end) bounds. Every column selected as text. */
  sql: string;
  /** The audit trail's table. */
  table: string;
}

const text = (header: string): CsvColumn => ({ header, kind: "text" });
const figure = (header: string): CsvColumn => ({ header, kind: "figure" });

const RANGE_WHERE = "i.status <> 'draft' AND i.issued_at >= $1 AND i.issued_at < $2";

export const EXPORTS: Record<ExportKind, ExportDefinition> = {
  invoices: {
    table: "invoices",
    columns: [
      text("invoice_number"),
      figure("issue_date"),
      figure("due_date"),
      figure("customer_id"),
      text("customer_name"),
      text("customer_email"),
      text("status"),
      text("currency"),
      figure("amount_excl_vat"),
      figure("vat_amount"),
      figure("total_amount"),
      figure("paid_at"),
      figure("amount_refunded"),
      text("payment_method"),
      text("stripe_invoice_id"),
    ],
    sql: `
      SELECT i.invoice_number, ${DAY("i.issued_at")}, ${DAY("i.due_at")}, i.customer_id::text, c.name, c.email,
             i.status::text, i.currency, i.amount::text, i.tax_amount::text, i.total_amount::text,
             ${INSTANT("i.paid_at")}, i.amount_refunded::text, i.payment_method, i.stripe_invoice_id
        FROM invoices i
        JOIN customers c ON c.id = i.customer_id
       WHERE ${RANGE_WHERE}
       ORDER BY i.issued_at, i.id`,
  },
  items: {
    table: "invoice_items",
    columns: [
      text("invoice_number"),
      figure("issue_date"),
      text("description"),
      figure("quantity"),
      figure("unit_price"),
      figure("line_total"),
      figure("ai_request_id"),
    ],
    sql: `
      SELECT i.invoice_number, ${DAY("i.issued_at")}, it.description, it.quantity::text, it.unit_price::text,
             it.total_price::text, it.ai_request_id::text
        FROM invoice_items it
        JOIN invoices i ON i.id = it.invoice_id
       WHERE ${RANGE_WHERE}
       ORDER BY i.issued_at, i.id, it.id`,
  },
};

export const exportFileName = (kind: ExportKind, range: ExportRange): string =>
  `locod-ai-${kind}-${range.from}_${range.to}.csv`;

// Every column is selected as text: no Date or number is built per cell, and nothing gets reformatted.
const AS_TEXT = { getTypeParser: () => (value: string) => value };
const BATCH = 1000;

export interface ExportDeps {
  pool: pg.Pool;
  prisma: PrismaClient;
}

/**
 * Streams one CSV of the range into the response, then writes the audit row (who, range, rows) before
 * ending it: a complete download always has its audit row. A client that goes away mid-way closes the
 * cursor; the partial export is audited as such.
 */
export async function streamAccountingExport(
  deps: ExportDeps,
  kind: ExportKind,
  range: ExportRange,
  res: Response,
): Promise<number> {
  const definition = EXPORTS[kind];
  const { start, end } = rangeBounds(range);
  const client = await deps.pool.connect();
  let released = false;
  // A connection left mid-cursor is not handed to the next caller.
  const release = (error?: unknown) => {
    if (released) return;
    released = true;
    client.release(error instanceof Error ? error : undefined);
  };
  try {
    return await streamCsv(res, {
      filename: exportFileName(kind, range),
      columns: definition.columns,
      bom: true,
      rows: client.query(
        new QueryStream(definition.sql, [start.toISOString(), end.toISOString()], {
          rowMode: "array",
          types: AS_TEXT,
          batchSize: BATCH,
          highWaterMark: BATCH,
        }),
      ),
      beforeEnd: async ({ rows, completed, error }) => {
        release(error);
        await auditExport(deps.prisma, definition.table, range, rows, completed);
      },
    });
  } finally {
    release();
  }
}

async function auditExport(
  prisma: PrismaClient,
  table: string,
  range: ExportRange,
  rows: number,
  completed: boolean,
): Promise<void> {
  await writeAudit(prisma, {
    action: "export",
    resourceType: table,
    after: { format: "accounting csv", from: range.from, to: range.to, rows, completed },
  });
}
