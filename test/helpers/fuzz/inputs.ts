// The bad inputs of the fuzz run: values for one field, whole-body changes and list parameters, each
// carrying the case's marker where it is text, so that the database check can find what was written.
import type { JsonSchema } from "./judge.js";

/** A marker unique to one generated case: lower case and digits, so case folding keeps it findable. */
export const marker = (n: number) => `fzm${n}x`;
export const MARKER_PATTERN = /fzm(\d+)x/gi;

/** JSON text nested `depth` deep: {"a":{"a":...}} or [[...]]. */
export function nestedJson(depth: number, kind: "object" | "array"): string {
  return kind === "object"
    ? '{"a":'.repeat(depth) + "1" + "}".repeat(depth)
    : "[".repeat(depth) + "1" + "]".repeat(depth);
}

/**
 * A value for one field. `json` is the raw JSON text of the value when JSON.stringify cannot say it
 * (1e309), `form` the text an AdminJS form posts for it.
 */
export interface BadValue {
  kind: string;
  json: string;
  form: string;
}

const text = (kind: string, value: string): BadValue => ({ kind, json: JSON.stringify(value), form: value });
const raw = (kind: string, json: string, form = json): BadValue => ({ kind, json, form });

export interface FieldInfo {
  name: string;
  schema?: JsonSchema;
  /** AdminJS property type (string, number, datetime, reference, mixed...), when known. */
  adminType?: string;
  enumValues?: readonly string[];
  /** An e-mail already stored in the table, for the case-folding duplicate. */
  takenEmail?: string;
}

function schemaTypes(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (branches) return branches.flatMap(schemaTypes);
  const type = schema.type;
  const types = Array.isArray(type) ? (type as string[]) : type ? [type as string] : [];
  if (schema.format === "date-time" || schema.format === "date") types.push("date");
  if (Array.isArray(schema.enum)) types.push("enum");
  return types;
}

/** The bad values that fit a field: every generic one, plus those of its kind (number, date, enum, e-mail). */
export function badValuesFor(field: FieldInfo, m: string): BadValue[] {
  const types = new Set([...schemaTypes(field.schema), field.adminType ?? ""]);
  const numeric = types.has("integer") || types.has("number") || types.has("reference") || types.has("currency");
  const dated = types.has("date") || types.has("datetime") || /At$|Date$|date$|^period/.test(field.name);
  const values: BadValue[] = [
    text("NUL byte", `${m}\u0000x`),
    text("lone surrogate", `${m}\ud800x`),
    text("10,000 characters", m + "a".repeat(10_000)),
    text("100,000 characters", m + "b".repeat(100_000)),
    raw("JSON nested 130 deep", nestedJson(130, "object"), nestedJson(130, "object")),
    raw("JSON nested 5,000 deep", nestedJson(5_000, "array"), nestedJson(5_000, "array")),
    raw("int4 overflow", "2147483648"),
    raw("negative amount", "-0.01"),
    text("NaN-like string", "NaN"),
    raw("1e309", "1e309"),
    text("date 0000-01-01", "0000-01-01"),
    text("date 1900-01-01", "1900-01-01"),
    text("date 9999-12-31", "9999-12-31"),
    text("date abc", `abc${m}`),
    text("javascript: URL", "javascript:alert(1)"),
    text("path traversal", "../../../etc/passwd"),
    raw("wrong type: object", `{"v":"${m}"}`, `{"v":"${m}"}`),
    raw("wrong type: array", `["${m}"]`),
    raw("wrong type: boolean", "true"),
    raw("null", "null", ""),
  ];
  if (numeric) values.push(raw("wrong type: string for number", JSON.stringify(`x${m}`), `x${m}`));
  else values.push(raw("wrong type: number for text", "12345"));
  if (numeric) values.push(raw("int8 overflow", "9223372036854775808"), raw("negative id", "-1"));
  if (dated) values.push(text("date 2026-02-30", "2026-02-30"), text("date with NUL", `2026-01-01\u0000${m}`));
  if (types.has("enum") || field.enumValues?.length) values.push(text("enum value not in the enum", `not_${m}`));
  if (/email/i.test(field.name)) {
    values.push(text("e-mail differing by case", (field.takenEmail ?? `${m}@fuzz.test`).toUpperCase()));
    values.push(text("e-mail with NUL", `${m}\u0000@fuzz.test`));
  }
  if (/domain|host|url/i.test(field.name)) values.push(text("bad hostname", "javascript:alert(1)"));
  return values;
}

/** A valid-looking value for a required field of a create body, from its JSON schema. */
export function baseValue(
  name: string,
  schema: JsonSchema | undefined,
  m: string,
  ids: (field: string) => number,
): unknown {
  if (!schema) return m;
  if (Object.keys(schema).length === 0) return {};
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (branches) {
    const branch = branches.find((b) => b.type !== "null") ?? branches[0];
    return baseValue(name, branch, m, ids);
  }
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((t) => t !== "null") : schema.type;
  const pattern = typeof schema.pattern === "string" ? schema.pattern : "";
  if (type === "integer" || type === "number") {
    if (/id$/i.test(name)) return ids(name);
    const min = typeof schema.minimum === "number" ? schema.minimum : 1;
    return Math.max(min, 1);
  }
  if (type === "boolean") return true;
  if (type === "array") return [];
  if (type === "object") return {};
  if (schema.format === "date-time") return "2026-06-01T10:00:00.000Z";
  if (schema.format === "date") return "2026-06-01";
  if (pattern.includes("@") || /email/i.test(name)) return `${m}@fuzz.test`;
  if (pattern.startsWith("^\\d{4}-")) return "2026-01";
  if (pattern.includes("[a-z_]+\\.[a-z_]+")) return "customers.view";
  if (/^\^\\d\+\$$/.test(pattern) || /^\^-\?\\d/.test(pattern)) return String(ids(name));
  if (/amount|price|cost/i.test(name)) return "1.00";
  if (/password/i.test(name)) return `Fz-${m}-Passw0rd!long`;
  if (/id$/i.test(name) && /^\^/.test(pattern) === false && type === undefined) return ids(name);
  return `${m} ${name}`;
}

/** application/x-www-form-urlencoded text; lone surrogates go as the bytes a client would send (ED A0 80). */
export function formEncode(pairs: readonly (readonly [string, string])[]): string {
  const encode = (s: string) =>
    Array.from(s)
      .map((ch) => {
        const code = ch.charCodeAt(0);
        if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
          const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
          return bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join("");
        }
        return encodeURIComponent(ch);
      })
      .join("");
  return pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join("&");
}

/** A JSON object's text from raw member texts (so that 1e309 and __proto__ reach the server as written). */
export function jsonObject(members: readonly (readonly [string, string])[]): string {
  return `{${members.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`;
}

/** A value's JSON text parsed back, as the server's JSON parser will see it (for the schema check). */
export function parsedJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** A short text of a value for the report: long values by their length. */
export function shorten(value: string, max = 160): string {
  const printable = Array.from(value, (c) =>
    c.charCodeAt(0) < 0x20 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}` : c,
  ).join("");
  return printable.length > max
    ? `${printable.slice(0, 60)}…<${value.length} chars>…${printable.slice(-20)}`
    : printable;
}

/** Bad values of list parameters (REST limit/cursor, AdminJS page/perPage/sortBy/direction). */
export const BAD_PAGING: readonly string[] = [
  "-1",
  "0",
  "100000",
  "abc",
  "1e309",
  "NaN",
  "2147483648",
  "9223372036854775808",
  "1.5",
  "../../../etc/passwd",
];

export function badCursors(m: string): string[] {
  const b64 = (s: string) => Buffer.from(s).toString("base64url");
  return [
    "../../../etc/passwd",
    `!!${m}!!`,
    b64(`["${m}"]`),
    b64("[2147483648]"),
    b64('[1e309, "x"]'),
    b64(nestedJson(5_000, "array")),
    b64('{"__proto__":{"polluted":true}}'),
    "a".repeat(10_000),
    `${m}\u0000`,
  ];
}
