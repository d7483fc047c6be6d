// The one mapper of PostgreSQL refusals for generic writes: SQLSTATE and constraint -> an AppError
// naming the field at fault, in the words of the column reasons (src/db/columns.ts). The constraint's
// own name never reaches the caller.
import { AppError, FROZEN_RECORD_SQLSTATE } from "../lib/errors.js";
import { REASONS, reasonText, type Column, type ColumnError, type Reason } from "./columns.js";

export interface AdapterErrorCause {
  kind?: string;
  originalCode?: string;
  originalMessage?: string;
  constraint?: { fields?: string[]; index?: string };
}

/** What PostgreSQL said under a Prisma error (wrapped or raw driver adapter error). */
export function adapterCause(error: unknown): AdapterErrorCause | undefined {
  const e = error as { meta?: { driverAdapterError?: { cause?: AdapterErrorCause } }; cause?: AdapterErrorCause };
  return e?.meta?.driverAdapterError?.cause ?? (error instanceof Error && e.cause ? e.cause : undefined);
}

/** A refusal that names fields, as a generic write reports it (400 or 409, each field with its reason). */
export class ColumnRefusal extends AppError {
  constructor(
    code: "validation" | "conflict",
    readonly columnErrors: ColumnError[],
  ) {
    const errors = columnErrors.map((e) => ({ field: e.field, message: reasonText(e) }));
    super(code, errors.map((e) => `${e.field}: ${e.message}`).join("; "), errors);
  }
}

/**
 * Data exceptions PostgreSQL raises for a value it cannot take (class 22, and 54000 for a value too
 * large for its index): the reason a field gets. The column layer refuses these first; this is the net.
 */
const DATA_EXCEPTIONS: Record<string, Reason> = {
  "22021": "fieldUnstorableText", // character not in repertoire (NUL)
  "22P05": "fieldUnstorableText", // untranslatable character
  "22001": "fieldTooLong", // string data right truncation
  "22003": "fieldRange", // numeric value out of range (an int4 id too)
  "22008": "fieldDateRange", // datetime field overflow
  "22007": "fieldDate", // invalid datetime format
  "22P02": "fieldInvalidFormat", // invalid text representation
  "54000": "fieldTooLong", // index row too large
};

/** The column a PostgreSQL message or detail names, if it names one of the table's. */
function columnNamed(context: TableErrorContext, text: string): string | undefined {
  const named = /column "([^"]+)"/.exec(text)?.[1];
  return named ? context.columns.find((c) => c.dbName === named || c.name === named)?.name : undefined;
}

/** A column of an index or constraint, from its expression: `lower(email::text)` -> `email`. */
export function indexedColumn(expression: string): string {
  // The driver cuts the key at its first ")": `lower(email::text` as often as `lower(email::text)`.
  const inner = /^\s*\w+\(+\s*"?(\w+)"?/.exec(expression);
  return (inner ? inner[1]! : expression).replace(/^"|"$/g, "");
}

export interface TableErrorContext {
  table: string;
  columns: readonly Column[];
  /** Constraints two columns break together: the field to blame, its message key and English words. */
  constraints?: Record<string, { field: string; message: string; text: string }>;
}

/**
 * A database error of a generic write as an AppError, or the error itself when it is not a refusal the
 * caller can fix (a 500 then). Unique -> 409 "is already taken"; foreign key -> 400 "refers to a record
 * that does not exist" (409 "still referenced" on delete); CHECK -> 400 naming the column; a trigger that
 * freezes a record -> 409 with its message; a row gone meanwhile -> 404.
 */
export function tableWriteError(context: TableErrorContext, error: unknown, operation: "write" | "delete"): unknown {
  if (error instanceof AppError) return error;
  if ((error as { code?: string })?.code === "P2025") return new AppError("not_found", `No such ${context.table} row`);
  const cause = adapterCause(error);
  const code = cause?.originalCode;
  if (code === FROZEN_RECORD_SQLSTATE)
    return new AppError("conflict", cause?.originalMessage ?? "This record cannot change");
  const dataReason = code ? DATA_EXCEPTIONS[code] : undefined;
  if (dataReason) {
    const field = columnNamed(context, cause?.originalMessage ?? "") ?? "(body)";
    return new ColumnRefusal("validation", [{ field, reason: dataReason }]);
  }
  if (code !== "23505" && code !== "23503" && code !== "23514") return error;
  if (code === "23503" && operation === "delete") {
    return new AppError("conflict", `This ${context.table} row is still referenced by other records`);
  }
  const constraint = cause?.constraint?.index ?? /constraint "([^"]+)"/.exec(cause?.originalMessage ?? "")?.[1] ?? "";
  const known = context.constraints?.[constraint];
  if (known) return new ColumnRefusal("validation", [{ field: known.field, reason: known.message, text: known.text }]);
  const dbColumns =
    code === "23505" && cause?.constraint?.fields?.length
      ? cause.constraint.fields.map(indexedColumn)
      : [
          constraint
            .replace(`${context.table}_`, "")
            .replace(/_(key|fkey|check)$/, "")
            .replace(/_(lower|range|nonnegative|hostname)$/, ""),
        ];
  const fields = dbColumns
    .map((name) => context.columns.find((c) => c.dbName === name || c.name === name)?.name)
    .filter((f): f is string => Boolean(f));
  if (code === "23514" && !/^new row for relation/.test(cause?.originalMessage ?? "")) {
    // A trigger's refusal (it names its constraint at the end of its message) says why in its own words.
    const message = cause?.originalMessage?.replace(/ \(constraint "[^"]+"\)$/, "") ?? REASONS.fieldCheck;
    const named = fields.length ? fields : ["(body)"];
    return new AppError(
      "validation",
      named.map((f) => `${f}: ${message}`).join("; "),
      named.map((field) => ({ field, message })),
    );
  }
  const reason: Reason = code === "23505" ? "fieldTaken" : code === "23503" ? "fieldReferenceMissing" : "fieldCheck";
  if (!fields.length) return new AppError(code === "23505" ? "conflict" : "validation", REASONS[reason]);
  return new ColumnRefusal(
    code === "23505" ? "conflict" : "validation",
    fields.map((field) => ({ field, reason })),
  );
}
