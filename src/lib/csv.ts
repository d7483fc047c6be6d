// CSV cells (RFC 4180) that a spreadsheet opens as data: text starting like a formula (= + - @, a tab
// or a CR) gets a leading apostrophe, and a cell with a quote, comma, line break or edge spaces is quoted.
import type { Response } from "express";

/** "text" cells are defused; "figure" cells (numbers, dates, ids) are written as they are. */
export type CsvCellKind = "text" | "figure";

export function csvField(value: string | null | undefined, kind: CsvCellKind): string {
  if (value === null || value === undefined) return "";
  let text = value;
  if (kind === "text" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// ---------------------------------------------------------------------------------------------
// A streamed CSV download
// ---------------------------------------------------------------------------------------------

export interface CsvColumn {
  header: string;
  kind: CsvCellKind;
}

/** One CSV line, CRLF-terminated: each value written as its column's kind. */
export const csvLine = (values: readonly (string | null | undefined)[], columns: readonly CsvColumn[]): string =>
  `${values.map((v, i) => csvField(v, columns[i]!.kind)).join(",")}\r\n`;

const BOM = "\uFEFF";
// Lines go out in chunks of about 64 kB: one write (and one HTTP chunk) per row would cost more in
// framing and system calls than the row itself.
const CHUNK = 64 * 1024;
const CLIENT_GONE = "ERR_STREAM_PREMATURE_CLOSE";

/** How a streamed CSV ended. */
export interface CsvOutcome {
  /** Rows read from the source. */
  rows: number;
  /** Every row was written; false when the source failed or the client went away. */
  completed: boolean;
  /** Why it did not complete. */
  error: unknown;
}

export interface StreamCsvOptions {
  /** The download's file name (Content-Disposition). */
  filename: string;
  columns: readonly CsvColumn[];
  /** The rows, one array of cells per row, in the columns' order; pulled as the client reads. */
  rows: AsyncIterable<readonly (string | null | undefined)[]>;
  /** A UTF-8 byte-order mark first, so Excel opens accents right. */
  bom?: boolean;
  /**
   * Runs before the response ends, whether the file is complete or not (the audit row of an export,
   * so a complete download always has one; releasing the source's connection).
   */
  beforeEnd?: (outcome: CsvOutcome) => Promise<void> | void;
}

/**
 * Streams a CSV download (RFC 4180, CRLF) into the response with backpressure: a row is pulled from the
 * source only when the client has taken what came before, so memory stays flat whatever the size. When
 * the client goes away, the source is closed (its iterator returned) and the response destroyed; a
 * failing source destroys the response too (headers and part of the file are out) and its error is
 * thrown. Returns the number of rows read.
 */
export async function streamCsv(res: Response, options: StreamCsvOptions): Promise<number> {
  const { filename, columns, rows, bom = false, beforeEnd } = options;
  let closed = false;
  const onClose = () => (closed = true);
  res.on("close", onClose);
  let count = 0;
  let failed: unknown = null;
  try {
    res.status(200).set({
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    });
    res.write(
      (bom ? BOM : "") +
        csvLine(
          columns.map((c) => c.header),
          columns,
        ),
    );
    let pending = "";
    for await (const row of rows) {
      if (closed) throw clientGone();
      count += 1;
      pending += csvLine(row, columns);
      if (pending.length < CHUNK) continue;
      const flushed = res.write(pending);
      pending = "";
      if (!flushed) await drained(res, () => closed);
    }
    if (closed) throw clientGone();
    if (pending) res.write(pending);
  } catch (error) {
    failed = error;
  } finally {
    res.off("close", onClose);
  }
  await beforeEnd?.({ rows: count, completed: failed === null, error: failed });
  if (failed) {
    // The only honest answer left once a file has started is a cut connection.
    res.destroy();
    if ((failed as { code?: string }).code !== CLIENT_GONE) throw failed;
    return count;
  }
  res.end();
  return count;
}

function clientGone(): Error {
  return Object.assign(new Error("The client closed the connection before the end of the file"), {
    code: CLIENT_GONE,
  });
}

/** Resolves when the response can take more, or is gone. */
function drained(res: Response, isClosed: () => boolean): Promise<void> {
  if (isClosed() || res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
