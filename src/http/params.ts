// What a route reads from a request: the id in its path, and a body or query string checked by a zod
// schema. Both answer problem+json through AppError: 404 for an id that cannot name a row, 400 naming
// each field at fault.
import type { z } from "zod";
import { AppError, fieldErrorsFromZod } from "../lib/errors.js";

/** The largest id of an int4 primary key. */
export const MAX_ID = 2 ** 31 - 1;

/**
 * The positive integer id of a path (`req.params.id`); 404 "No such <what>" for anything else (not
 * digits, zero, beyond an int4), since no row can have it.
 */
export function parseId(raw: string | undefined, what = "record"): number {
  const id = raw !== undefined && /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!(id >= 1 && id <= MAX_ID)) throw new AppError("not_found", `No such ${what}`);
  return id;
}

/**
 * Parses with zod, or throws 400 naming the fields ("(body)" for the whole input). `prefix` names where
 * a nested input sits ("request_data" -> "request_data.title").
 */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown, prefix = ""): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const errors = fieldErrorsFromZod(parsed.error).map((e) => ({
    field: prefix ? (e.field === "(body)" ? prefix : `${prefix}.${e.field}`) : e.field,
    message: e.message,
  }));
  throw new AppError("validation", errors.map((e) => `${e.field}: ${e.message}`).join("; "), errors);
}
