// Keyset pagination: the cursor of a page is the ordering values of its last row, the id last, as an
// opaque string (base64url of a JSON array; a date as its ISO string). The next page is the rows after
// those values in the list's order, a condition any index on the ordering columns serves.
import { AppError } from "./errors.js";

/** The kinds a cursor value may have: what decodeCursor checks and gives back. */
export type KeyKind = "int" | "date" | "string";
type KeyValue<K extends KeyKind> = K extends "int" ? number : K extends "date" ? Date : string;
export type KeyValues<K extends readonly KeyKind[]> = { -readonly [I in keyof K]: KeyValue<K[I]> };

/** The cursor of a row from its ordering values, in the list's order (the id last). */
export function encodeCursor(values: readonly (number | string | Date)[]): string {
  const plain = values.map((v) => (v instanceof Date ? v.toISOString() : v));
  return Buffer.from(JSON.stringify(plain)).toString("base64url");
}

/** The 400 of a cursor that is not one of this list's, naming `cursor`. */
export const invalidCursor = (): AppError =>
  new AppError("validation", "cursor: invalid", [{ field: "cursor", message: "is not a cursor of this list" }]);

/** The values of a cursor, checked against the list's kinds; 400 naming `cursor` otherwise. */
export function decodeCursor<const K extends readonly KeyKind[]>(cursor: string, kinds: K): KeyValues<K> {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(values) || values.length !== kinds.length) throw invalidCursor();
  return kinds.map((kind, i) => {
    const value: unknown = values[i];
    if (kind === "int" && Number.isSafeInteger(value)) return value;
    if (kind === "date" && typeof value === "string" && !Number.isNaN(Date.parse(value))) return new Date(value);
    if (kind === "string" && typeof value === "string") return value;
    throw invalidCursor();
  }) as KeyValues<K>;
}

/**
 * The Prisma condition "after these values" in a list ordered by `columns`, all ascending or all
 * descending: (k1 > v1) OR (k1 = v1 AND k2 > v2) OR ... (< when descending).
 */
export function afterCursor(
  columns: readonly string[],
  values: readonly unknown[],
  direction: "asc" | "desc" = "asc",
): Record<string, unknown> {
  const op = direction === "asc" ? "gt" : "lt";
  const or = columns.map((column, i) => ({
    ...Object.fromEntries(columns.slice(0, i).map((c, j) => [c, values[j]])),
    [column]: { [op]: values[i] },
  }));
  return or.length === 1 ? or[0]! : { OR: or };
}
