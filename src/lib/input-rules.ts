// What any input must be before it is stored, whatever path brings it (REST, AdminJS, webhooks, CLIs):
// text PostgreSQL can encode, JSON of bounded depth and size, dates of this era, hostnames and relative
// paths that cannot be turned into something else. Pure rules; columns.ts and the hand-written schemas
// build on them.
import type { RequestHandler } from "express";
import { z } from "zod";
import { AppError } from "./errors.js";

/** Deepest nesting of arrays and objects a JSON value may have. */
export const MAX_JSON_DEPTH = 32;
/** Largest JSON value a column stores, in bytes of its text. */
export const MAX_JSON_BYTES = 64 * 1024;
/** Dates people set lie in this range (inclusive). */
export const MIN_DATE = new Date(Date.UTC(2000, 0, 1));
export const MAX_DATE = new Date(Date.UTC(2100, 11, 31, 23, 59, 59, 999));
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

// A NUL, or a UTF-16 surrogate without its pair: neither can be stored as UTF-8 text.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be stored, or null when it can. */
export function textProblem(text: string): string | null {
  const match = UNSTORABLE.exec(text);
  if (!match) return null;
  return match[0] === "\u0000" ? "must not contain a NUL character" : "must not contain a lone surrogate";
}

export const isStorableText = (text: string): boolean => textProblem(text) === null;

/**
 * Why a JSON value cannot be stored (too deep, too large, a number beyond JSON's range, unstorable text in a
 * key or string), or null.
 */
export function jsonProblem(value: unknown, maxDepth = MAX_JSON_DEPTH, maxBytes = MAX_JSON_BYTES): string | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length) {
    const { value: item, depth } = stack.pop()!;
    if (typeof item === "string") {
      const problem = textProblem(item);
      if (problem) return problem;
    } else if (typeof item === "number" && !Number.isFinite(item)) {
      // 1e309 parses to Infinity, which JSON cannot hold: it would be stored as null.
      return "holds a number too large for JSON";
    } else if (item !== null && typeof item === "object") {
      if (depth + 1 > maxDepth) return `is nested too deeply (at most ${maxDepth} levels)`;
      if (Array.isArray(item)) {
        for (const child of item) stack.push({ value: child, depth: depth + 1 });
      } else {
        for (const [key, child] of Object.entries(item)) {
          const problem = textProblem(key);
          if (problem) return problem;
          stack.push({ value: child, depth: depth + 1 });
        }
      }
    }
  }
  // Depth is bounded now, so stringify cannot recurse too far.
  const text = JSON.stringify(value) ?? "";
  if (Buffer.byteLength(text, "utf8") > maxBytes) return `is too large (at most ${maxBytes} bytes)`;
  return null;
}

/** Why a date cannot be stored, or null: invalid, or outside 2000-01-01..2100-12-31. */
export function dateProblem(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return "must be a date";
  if (date < MIN_DATE || date > MAX_DATE) return `must be between ${MIN_YEAR}-01-01 and ${MAX_YEAR}-12-31`;
  return null;
}

/**
 * Why a date cannot be a bound of a filter or a cursor, or null: queries may reach further than stored
 * dates (`createdAt[lt]=1999-01-01`), but not beyond the years 1 to 9999 that PostgreSQL and ISO 8601 share.
 */
export function queryDateProblem(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return "must be a date";
  const year = date.getUTCFullYear();
  return year < 1 || year > 9999 ? "must be a date between the years 1 and 9999" : null;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

/** A hostname (RFC 1123): dot-separated labels, no scheme, port, path or space; at most 253 characters. */
export function isHostname(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false;
  const labels = text.replace(/\.$/, "").split(".");
  return labels.length >= 2 && labels.every((l) => LABEL.test(l)) && !/^\d+$/.test(labels.at(-1)!);
}

/** An IANA time zone name that Intl knows ("Europe/Paris", "UTC"); not an offset or an abbreviation. */
export function isTimeZone(text: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(text)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: text });
    return true;
  } catch {
    return false;
  }
}

/** A relative path inside a folder: no `..` segment, no leading `/`, no backslash, no NUL, not empty. */
export function isRelativePath(text: string): boolean {
  if (text.length === 0 || text.startsWith("/") || text.includes("\\") || text.includes("\u0000")) return false;
  if (/^[a-z]+:/i.test(text)) return false;
  return !text.split("/").some((segment) => segment === "..");
}

/** Keys that would reach an object's prototype when copied. */
export const FORBIDDEN_KEYS = ["__proto__", "constructor", "prototype"] as const;

/** The path of the first forbidden key in a JSON value ("a.__proto__"), or null. */
export function forbiddenKeyPath(value: unknown, path = ""): string | null {
  if (value === null || typeof value !== "object") return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  // Object.entries skips an own "__proto__" made by JSON.parse only when it is not own: check names too.
  for (const key of Array.isArray(value) ? [] : Object.getOwnPropertyNames(value)) {
    if ((FORBIDDEN_KEYS as readonly string[]).includes(key)) return path ? `${path}.${key}` : key;
  }
  for (const [key, child] of entries) {
    const found = forbiddenKeyPath(child, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

/**
 * The first refused name among a form's field names ("a.b.c" paths, as AdminJS flattens records): a
 * segment reaching a prototype, or a path nested deeper than MAX_JSON_DEPTH. Null when all are fine.
 */
export function formFieldProblem(names: Iterable<string>): { field: string; message: string } | null {
  for (const name of names) {
    const segments = name.split(".");
    if (segments.some((s) => (FORBIDDEN_KEYS as readonly string[]).includes(s))) {
      return { field: name, message: "is a reserved name" };
    }
    if (segments.length > MAX_JSON_DEPTH) {
      return { field: name.slice(0, 80), message: `is nested too deeply (at most ${MAX_JSON_DEPTH} levels)` };
    }
  }
  return null;
}

/** A zod check (`.superRefine(storable)`) that a text can be stored: no NUL, no lone surrogate. */
export function storable(text: string, ctx: z.RefinementCtx): void {
  const problem = textProblem(text);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}

/** Text that PostgreSQL can store: no NUL, no lone surrogate, at most `max` characters. */
export function zStorableText(max: number) {
  return z.string().max(max, `must be at most ${max} characters`).superRefine(storable);
}

/** Any JSON value that can be stored: bounded depth and size, storable strings and keys. */
export function zStorableJson() {
  return z.unknown().superRefine((value, ctx) => {
    const problem = jsonProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

/**
 * The nesting depth of JSON text, found by scanning its bytes (brackets outside strings), so a body too
 * deep for JSON.parse's recursion is refused before it is parsed; with the top-level key under which the
 * deepest point (or the first one past `stopAbove`) lies, when the text is an object.
 */
export function jsonTextDepthAt(
  bytes: Uint8Array | string,
  stopAbove = Infinity,
): { depth: number; key: string | null } {
  const data = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
  let depth = 0;
  let max = 0;
  let maxKey: string | null = null;
  let inString = false;
  let stringStart = -1;
  let lastString: [number, number] | null = null;
  let key: string | null = null;
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) {
        inString = false;
        if (depth === 1) lastString = [stringStart, i + 1];
      }
    } else if (c === 0x22) {
      inString = true;
      stringStart = i;
    } else if (c === 0x3a && depth === 1 && lastString) {
      key = keyText(data, lastString);
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) {
        max = depth;
        maxKey = depth > 1 ? key : null;
        if (max > stopAbove) return { depth: max, key: maxKey };
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return { depth: max, key: maxKey };
}

function keyText(data: Uint8Array, [start, end]: [number, number]): string | null {
  try {
    const text: unknown = JSON.parse(Buffer.from(data.subarray(start, end)).toString("utf8"));
    return typeof text === "string" && textProblem(text) === null ? text : null;
  } catch {
    return null;
  }
}

/** The nesting depth of JSON text (see jsonTextDepthAt). */
export function jsonTextDepth(bytes: Uint8Array | string, stopAbove = Infinity): number {
  return jsonTextDepthAt(bytes, stopAbove).depth;
}

/** The refusal of a value nested deeper than MAX_JSON_DEPTH, naming its top-level field when known. */
function tooDeep(field: string | null): AppError {
  const message = `is nested too deeply (at most ${MAX_JSON_DEPTH} levels)`;
  const name = field ?? "(body)";
  const error = new AppError("validation", `${name}: ${message}`, [{ field: name, message }]);
  // body-parser sets `status` on an error thrown by `verify`: an own, writable 400 keeps it a 400.
  Object.defineProperty(error, "status", { value: 400, writable: true, enumerable: false });
  return error;
}

/** Throws 400 naming the field (or the body) when raw JSON text is nested deeper than MAX_JSON_DEPTH. */
export function checkJsonTextDepth(bytes: Uint8Array | string): void {
  const { depth, key } = jsonTextDepthAt(bytes, MAX_JSON_DEPTH);
  if (depth > MAX_JSON_DEPTH) throw tooDeep(key);
}

/** express.json's `verify` option: refuses a body too deep before JSON.parse sees it. */
export function jsonBodyVerify(): (req: unknown, res: unknown, buf: Buffer) => void {
  return (_req, _res, buf) => checkJsonTextDepth(buf);
}

/** After express.json: a parsed body holding `__proto__`, `constructor` or `prototype` keys is refused by name. */
export const refuseForbiddenKeys: RequestHandler = (req, _res, next) => {
  const path = forbiddenKeyPath(req.body);
  if (!path) return next();
  const message = "is a reserved name";
  next(new AppError("validation", `${path}: ${message}`, [{ field: path, message }]));
};
