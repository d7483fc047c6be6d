// The fuzz run's judge: pure functions that say whether one answer to a bad input is acceptable.
// A refusal must name what it refuses (a REST problem+json `errors` entry or its detail; an AdminJS
// record error or notice); nothing may answer 5xx; a REST answer may not accept what openapi.json forbids.

export type Outcome = "accepted" | "refused" | "failure";

export interface Verdict {
  outcome: Outcome;
  /** Set when outcome is "failure": the class the report groups by. */
  failure?: string;
}

/** What the judge sees of an answer. */
export interface Answer {
  status: number;
  contentType: string;
  body: unknown;
}

/** Field names compared without case, `_`, `-` or `$` (snake_case and camelCase name the same column). */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[_\-$\s]/g, "");
}

/** The path of an `errors` entry as a dotted string: `field`, `path` (string or array), `param`, `property`. */
function entryPath(entry: unknown): string[] {
  if (entry === null || typeof entry !== "object") return [];
  const out: string[] = [];
  for (const key of ["field", "path", "param", "property", "name"] as const) {
    const value = (entry as Record<string, unknown>)[key];
    if (typeof value === "string") out.push(value);
    else if (Array.isArray(value)) out.push(value.map(String).join("."));
  }
  return out;
}

/** True when a dotted or bracketed path names the field: equal, or the field is one of its segments. */
export function pathNames(path: string, field: string): boolean {
  const wanted = normalizeName(field);
  if (normalizeName(path) === wanted) return true;
  return path
    .split(/[.[\]/]+/)
    .filter(Boolean)
    .some((segment) => normalizeName(segment) === wanted);
}

/** True when free text (a detail, a notice message) mentions the field as a word. */
export function textNames(text: string, field: string): boolean {
  const wanted = normalizeName(field);
  if (!wanted) return false;
  return text
    .split(/[^A-Za-z0-9_$\-.]+/)
    .flatMap((word) => [word, ...word.split(".")])
    .some((word) => word !== "" && normalizeName(word) === wanted);
}

/** Does a problem+json body name one of the fields (an errors entry, or the detail)? */
export function problemNames(body: unknown, fields: readonly string[]): boolean {
  if (body === null || typeof body !== "object") return false;
  const problem = body as { errors?: unknown; detail?: unknown };
  const paths = Array.isArray(problem.errors) ? problem.errors.flatMap(entryPath) : [];
  return fields.some(
    (field) =>
      paths.some((path) => pathNames(path, field)) ||
      (typeof problem.detail === "string" && textNames(problem.detail, field)),
  );
}

const isProblem = (answer: Answer) => /^application\/problem\+json/.test(answer.contentType);

/**
 * A 409 about the record's state (already issued, still referenced, in the wrong status), with no
 * field errors: the path's record refuses, not a field of the input. A taken unique value must name its field.
 */
export function isStateConflict(answer: Answer): boolean {
  if (answer.status !== 409 || !isProblem(answer)) return false;
  const body = (answer.body ?? {}) as { errors?: unknown; detail?: unknown };
  if (Array.isArray(body.errors) && body.errors.length) return false;
  return !/unique|taken|already exists|duplicate/i.test(String(body.detail ?? ""));
}

/**
 * Node's HTTP parser refuses a request line or headers too large (431, 414) before the portal sees
 * it: no field can be named, and nothing was read.
 */
const TOO_LARGE_FOR_NODE = new Set([414, 431]);

/** A 4xx/5xx answer of the REST API or of a refused AdminJS request judged as problem+json. */
function judgeProblem(answer: Answer, fields: readonly string[], allowNotFound: boolean): Verdict {
  if (answer.status >= 500) return { outcome: "failure", failure: "5xx" };
  if (!isProblem(answer)) return { outcome: "failure", failure: "4xx not problem+json" };
  // A missing record is no input error: there is no field to name.
  if (answer.status === 404 && allowNotFound) return { outcome: "refused" };
  // A body too large for the parser is refused whole, before any field is read.
  if (answer.status === 413) return { outcome: "refused" };
  if (isStateConflict(answer)) return { outcome: "refused" };
  if (!problemNames(answer.body, fields)) return { outcome: "failure", failure: "4xx not naming the field" };
  return { outcome: "refused" };
}

export interface RestCase {
  /** The names an acceptable refusal may give for what was wrong (the field, the parameter...). */
  fields: readonly string[];
  /** The generated input broke openapi.json's own schema (an answer 2xx is then a failure). */
  forbidden: boolean;
  /** The input made the path's id one that cannot exist: 404 is then a right answer. */
  allowNotFound: boolean;
}

export function judgeRest(answer: Answer, c: RestCase): Verdict {
  if (TOO_LARGE_FOR_NODE.has(answer.status)) return { outcome: "refused" };
  if (answer.status >= 200 && answer.status < 300) {
    return c.forbidden
      ? { outcome: "failure", failure: "2xx for input openapi.json forbids" }
      : { outcome: "accepted" };
  }
  if (answer.status < 400) return { outcome: "failure", failure: `unexpected ${answer.status}` };
  return judgeProblem(answer, c.fields, c.allowNotFound || answer.status === 404);
}

interface AdminBody {
  notice?: { type?: string; message?: string };
  record?: { errors?: Record<string, unknown>; baseError?: { message?: unknown } | null };
  records?: unknown;
}

/** Does an AdminJS answer name one of the fields (a record error's key, its base error or the notice's message)? */
export function adminNames(body: unknown, fields: readonly string[]): boolean {
  if (body === null || typeof body !== "object") return false;
  const { notice, record } = body as AdminBody;
  const keys = Object.keys(record?.errors ?? {});
  const texts = [notice?.message, record?.baseError?.message].filter((t): t is string => typeof t === "string");
  return fields.some(
    (field) => keys.some((key) => pathNames(key, field)) || texts.some((text) => textNames(text, field)),
  );
}

/**
 * An AdminJS answer: a 4xx problem+json naming the parameter, or a 200 that is either a success
 * (accepted) or an error notice whose record errors or message name the property. AdminJS's own
 * access refusal (forbiddenError, an action the table switches off) refuses without a field.
 */
export function judgeAdmin(answer: Answer, fields: readonly string[]): Verdict {
  if (TOO_LARGE_FOR_NODE.has(answer.status)) return { outcome: "refused" };
  const notice = (answer.body as AdminBody | null)?.notice;
  if (notice?.type === "error" && notice.message === "forbiddenError") return { outcome: "refused" };
  if (answer.status >= 400) return judgeProblem(answer, fields, answer.status === 404);
  if (answer.status !== 200) return { outcome: "failure", failure: `unexpected ${answer.status}` };
  const body = (answer.body ?? {}) as AdminBody;
  const errors = Object.keys(body.record?.errors ?? {});
  if (body.notice?.type !== "error" && errors.length === 0) return { outcome: "accepted" };
  return adminNames(body, fields)
    ? { outcome: "refused" }
    : { outcome: "failure", failure: "AdminJS error not naming the property" };
}

// ---------------------------------------------------------------------------------------------
// What openapi.json forbids
// ---------------------------------------------------------------------------------------------

export type JsonSchema = Record<string, unknown>;

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** True when the value can match no branch of the (dereferenced) JSON schema, judged on type, enum and bounds. */
export function schemaForbids(schema: JsonSchema | undefined, value: unknown): boolean {
  if (!schema || typeof schema !== "object") return false;
  for (const key of ["anyOf", "oneOf"] as const) {
    const branches = schema[key];
    if (Array.isArray(branches)) return branches.every((b) => schemaForbids(b as JsonSchema, value));
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((v) => v === value)) return true;
  if ("const" in schema && schema.const !== value) return true;
  const type = schema.type;
  if (type !== undefined) {
    const types = Array.isArray(type) ? (type as string[]) : [type as string];
    const actual = jsonType(value);
    const ok = types.some((t) => t === actual || (t === "number" && actual === "integer"));
    if (!ok) return true;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return true;
    if (typeof schema.maximum === "number" && value > schema.maximum) return true;
    if (typeof schema.minimum === "number" && value < schema.minimum) return true;
  }
  if (typeof value === "string") {
    if (typeof schema.maxLength === "number" && value.length > schema.maxLength) return true;
    if (typeof schema.minLength === "number" && value.length < schema.minLength) return true;
  }
  return false;
}
