// The CSV export of business_metrics for a range of days (analytics.export), downloaded from the
// Analytics screen. Its columns and formats are those of the REST export
// (GET /admin/api/v1/analytics/business_metrics/export.csv, the generic table export): the Prisma field
// names, dates as YYYY-MM-DD, money with a dot and two decimals, created_at in ISO 8601 UTC; one row per
// day, oldest first. Streamed from a PostgreSQL cursor, RFC 4180 with CRLF, formula-safe cells (lib/csv's
// streamCsv), and one audit row per export. Every cell is a figure or a date, so the file is plain ASCII
// and needs no byte-order mark.
import type { Response } from "express";
import type { PrismaClient } from "@prisma/client";
import type pg from "pg";
import QueryStream from "pg-query-stream";
import { writeAudit } from "../../lib/audit.js";
import { streamCsv } from "../../lib/csv.js";
import { rangeBounds, type ExportRange } from "../billing/export.js";

export interface MetricsExportDeps {
  prisma: PrismaClient;
  pool: pg.Pool;
}

const COLUMNS = [
  ["id", "id::text"],
  ["metricDate", "to_char(metric_date, 'YYYY-MM-DD')"],
  ["totalCustomers", "total_customers::text"],
  ["activeCustomers", "active_customers::text"],
  ["newCustomers", "new_customers::text"],
  ["churnedCustomers", "churned_customers::text"],
  ["totalSites", "total_sites::text"],
  ["activeSites", "active_sites::text"],
  ["monthlyRevenue", "monthly_revenue::text"],
  ["aiRequestsCount", "ai_requests_count::text"],
  ["aiRevenue", "ai_revenue::text"],
  ["createdAt", `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`],
] as const;

export const METRICS_CSV_HEADER = COLUMNS.map(([name]) => name).join(",");

// Figures and dates only: no cell can start like a formula, so none needs the text cells' apostrophe.
const CELLS = COLUMNS.map(([header]) => ({ header, kind: "figure" as const }));
const SQL = `SELECT ${COLUMNS.map(([, sql]) => sql).join(", ")}
               FROM business_metrics
              WHERE metric_date >= $1::date AND metric_date < $2::date
              ORDER BY metric_date`;

export const metricsFileName = (range: ExportRange): string =>
  `locod-ai-business-metrics-${range.from}_${range.to}.csv`;

const AS_TEXT = { getTypeParser: () => (value: string) => value };
const BATCH = 500;

/**
 * Streams the days of the range into the response, then writes the audit row before ending it. A
 * client that goes away mid-way closes the cursor; the partial export is audited as such.
 */
export async function streamMetricsCsv(deps: MetricsExportDeps, range: ExportRange, res: Response): Promise<number> {
  const { start, end } = rangeBounds(range);
  const client = await deps.pool.connect();
  let released = false;
  const release = (error?: unknown) => {
    if (released) return;
    released = true;
    client.release(error instanceof Error ? error : undefined);
  };
  try {
    return await streamCsv(res, {
      filename: metricsFileName(range),
      columns: CELLS,
      rows: client.query(
        new QueryStream(SQL, [start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)], {
          rowMode: "array",
          types: AS_TEXT,
          batchSize: BATCH,
        }),
      ),
      beforeEnd: async ({ rows, completed, error }) => {
        release(error);
        await writeAudit(deps.prisma, {
          action: "export",
          resourceType: "business_metrics",
          after: { format: "csv", from: range.from, to: range.to, rows, completed },
        });
      },
    });
  } finally {
    release();
  }
}
