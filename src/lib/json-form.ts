// A JSON column edited through a form: the form is described from the value's zod schema (through its
// JSON Schema, the documented shape of z.toJSONSchema), as plain data the server sends to the browser,
// where components/json-form.tsx renders it (labelled inputs, lists with add/remove rows, fieldsets) and
// the raw JSON editor stays one toggle away. The schema stays the one check: the server validates what
// the form sends with it, and names a refused value by its path (`pages[2].title`).
import { z } from "zod";

/** One input of the form, by the kind of value it edits. */
export type FormNode =
  /** Text; `long` is a textarea. */
  | { kind: "text"; long: boolean; minLength?: number; maxLength?: number; pattern?: string }
  | { kind: "number"; integer: boolean; min?: number; max?: number }
  | { kind: "boolean" }
  /** One value of a list. */
  | { kind: "select"; options: string[] }
  /** Rows of the item's input, added and removed; `itemTemplate` is a new row's value. */
  | { kind: "list"; item: FormNode; itemTemplate: unknown; min?: number; max?: number }
  /** A fieldset of named fields. */
  | { kind: "object"; fields: FormField[] }
  /** A value the form cannot describe: edited as JSON text. */
  | { kind: "json" };

export interface FormField {
  key: string;
  required: boolean;
  /** The schema's default, which the value takes when the field is left out. */
  default?: unknown;
  node: FormNode;
}

/** Text this long or longer is typed in a textarea. */
export const LONG_TEXT = 500;

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
};

const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** The form of a JSON Schema (the subset z.toJSONSchema writes for plain objects, lists and scalars). */
export function describeJsonSchema(schema: JsonSchema): FormNode {
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === "string")) {
    return { kind: "select", options: schema.enum as string[] };
  }
  switch (schema.type) {
    case "string":
      return defined({
        kind: "text" as const,
        long: (schema.maxLength ?? 0) >= LONG_TEXT,
        minLength: schema.minLength,
        maxLength: schema.maxLength,
        pattern: schema.pattern,
      });
    case "integer":
    case "number":
      return defined({
        kind: "number" as const,
        integer: schema.type === "integer",
        min: schema.minimum,
        max: schema.maximum,
      });
    case "boolean":
      return { kind: "boolean" };
    case "array": {
      if (!schema.items) return { kind: "json" };
      const item = describeJsonSchema(schema.items);
      return defined({
        kind: "list" as const,
        item,
        itemTemplate: templateOf(item),
        min: schema.minItems,
        max: schema.maxItems,
      });
    }
    case "object": {
      const required = new Set(schema.required ?? []);
      return {
        kind: "object",
        fields: Object.entries(schema.properties ?? {}).map(([key, property]) =>
          defined({
            key,
            required: required.has(key),
            default: property.default,
            node: describeJsonSchema(property),
          }),
        ),
      };
    }
    default:
      return { kind: "json" };
  }
}

/** The form of a zod schema: its input side (a field with a default may be left out). */
export function describeSchema(schema: z.ZodType): FormNode {
  return describeJsonSchema(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema);
}

/**
 * A value to start from when the column is empty: every required field filled with an empty value of its
 * kind, lists with as many rows as they need, defaults where the schema has them.
 */
export function templateOf(node: FormNode): unknown {
  switch (node.kind) {
    case "text":
      return "";
    case "number":
      return node.min ?? 0;
    case "boolean":
      return false;
    case "select":
      return node.options[0] ?? "";
    case "list":
      return Array.from({ length: node.min ?? 0 }, () => structuredClone(node.itemTemplate));
    case "object":
      return Object.fromEntries(
        node.fields
          .filter((f) => f.required || f.default !== undefined)
          .map((f) => [f.key, f.default !== undefined ? structuredClone(f.default) : templateOf(f.node)]),
      );
    case "json":
      return null;
  }
}

/** A value's path as people read it: `pages[2].title`. */
export function pathLabel(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i ? "." : ""}${String(key)}`)).join("");
}

/** The key of a value's field error on the form: `generatedContent.pages.2.title`. */
export function errorKey(property: string, path: readonly PropertyKey[]): string {
  return [property, ...path.map(String)].join(".");
}
