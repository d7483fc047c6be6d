// The AI request's JSON columns in the back-office: the form of each request type's request_data and
// generated_content (described from the schemas of schemas.ts), and the schema check's refusals as the
// form's field errors, keyed by the input they belong to and worded in the admin's language.
import type { z } from "zod";
import { describeSchema, errorKey, pathLabel, templateOf, type FormNode } from "../../lib/json-form.js";
import { COLUMN_SCHEMAS, REQUEST_TYPES, checkColumn, type JsonColumn, type RequestType } from "./schemas.js";

/** The form of a column, by request type: the data its components receive (property `custom.forms`). */
export function columnForms(column: JsonColumn): Record<RequestType, FormNode> {
  return Object.fromEntries(
    REQUEST_TYPES.map((type) => [type, describeSchema(COLUMN_SCHEMAS[column][type] as z.ZodType)]),
  ) as Record<RequestType, FormNode>;
}

/** The property options' `custom` of a column: its forms and each one's empty value, by request type. */
export function columnFormData(column: JsonColumn) {
  const forms = columnForms(column);
  const templates = Object.fromEntries(Object.entries(forms).map(([type, node]) => [type, templateOf(node)]));
  return { forms, templates };
}

const m = (key: string) => `$t(messages.${key})`;

/** One schema refusal in the admin's words (messages of ../locale.ts and src/admin/locale.ts). */
export function issueWords(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return value === undefined || value === null ? m("fieldRequired") : m("jsonFieldWrongType");
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1 ? m("fieldRequired") : `${m("jsonFieldMinLength")} ${issue.minimum}`;
      }
      if (issue.origin === "array") return `${m("jsonFieldMinItems")} ${issue.minimum}`;
      return `${m("jsonFieldMin")} ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "string") return `${m("jsonFieldMaxLength")} ${issue.maximum}`;
      if (issue.origin === "array") return `${m("jsonFieldMaxItems")} ${issue.maximum}`;
      return `${m("jsonFieldMax")} ${issue.maximum}`;
    case "invalid_value":
      return m("fieldInvalidChoice");
    case "invalid_format":
      return m("fieldInvalidFormat");
    case "unrecognized_keys":
      return `${m("jsonFieldUnknown")} ${issue.keys.join(", ")}`;
    default:
      return m("fieldInvalidFormat");
  }
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined,
    value,
  );
}

export type ColumnFieldErrors = Record<string, { message: string }>;

/**
 * A column's value checked as every path checks it (checkColumn): null when it passes, else one error
 * per refused input, keyed `generatedContent.pages.2.title` and worded
 * `generatedContent.pages[2].title: <the problem>`. An unknown key is the error of the object holding it.
 */
export function columnErrors(column: JsonColumn, type: RequestType, value: unknown): ColumnFieldErrors | null {
  const parsed = checkColumn(column, type, value);
  if (parsed.success) return null;
  const errors: ColumnFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path as PropertyKey[];
    const key = errorKey(column, path);
    if (errors[key]) continue;
    errors[key] = { message: `${pathLabel([column, ...path])}: ${issueWords(issue, at(value, path))}` };
  }
  return errors;
}
