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
  if (code !== "23505" && code !== "23503" && code !== "23514") return error;
  if (code === "23503" && operation === "delete") {
    return new AppError("conflict", `This ${context.table} row is still referenced by other records`);
  }
  const constraint = cause?.constraint?.index ?? /constraint "([^"]+)"/.exec(cause?.originalMessage ?? "")?.[1] ?? "";
  const known = context.constraints?.[constraint];
  if (known) return new ColumnRefusal("validation", [{ field: known.field, reason: known.message, text: known.text }]);
  const dbColumns =
    code === "23505" && cause?.constraint?.fields?.length
      ? cause.constraint.fields
      : [constraint.replace(`${context.table}_`, "").replace(/_(key|fkey|check)$/, "")];
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
