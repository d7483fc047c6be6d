import { describe, expect, it } from "@jest/globals";
import { z } from "zod";
import { describeJsonSchema, describeSchema, errorKey, pathLabel, templateOf, type FormNode } from "./json-form.js";

describe("describeSchema", () => {
  const schema = z
    .object({
      name: z.string().min(1).max(120),
      body: z.string().max(5000).optional(),
      count: z.number().int().min(1).max(20),
      price: z.number().optional(),
      urgent: z.boolean().default(false),
      tone: z.enum(["warm", "plain"]).default("plain"),
      tags: z.array(z.string().min(1)).max(5).default([]),
      pages: z
        .array(
          z.object({
            slug: z.string().regex(/^[a-z-]+$/),
            sections: z.array(z.object({ heading: z.string() })).min(1),
          }),
        )
        .min(1),
      address: z.object({ city: z.string() }).optional(),
    })
    .strict();
  const form = describeSchema(schema);

  it("gives each field an input of its kind, required or not, with its default", () => {
    expect(form.kind).toBe("object");
    const fields = Object.fromEntries((form as Extract<FormNode, { kind: "object" }>).fields.map((f) => [f.key, f]));
    expect(fields.name).toEqual({
      key: "name",
      required: true,
      node: { kind: "text", long: false, minLength: 1, maxLength: 120 },
    });
    expect(fields.body!.node).toEqual({ kind: "text", long: true, maxLength: 5000 });
    expect(fields.body!.required).toBe(false);
    expect(fields.count!.node).toEqual({ kind: "number", integer: true, min: 1, max: 20 });
    expect(fields.price!.node).toEqual({ kind: "number", integer: false });
    expect(fields.urgent).toMatchObject({ required: false, default: false, node: { kind: "boolean" } });
    expect(fields.tone).toMatchObject({ default: "plain", node: { kind: "select", options: ["warm", "plain"] } });
    expect(fields.tags!.node).toMatchObject({ kind: "list", max: 5, item: { kind: "text" }, itemTemplate: "" });
    expect(fields.address!.node).toEqual({
      kind: "object",
      fields: [{ key: "city", required: true, node: { kind: "text", long: false } }],
    });
  });

  it("describes lists of objects with the template of a new row", () => {
    const fields = (form as Extract<FormNode, { kind: "object" }>).fields;
    const pages = fields.find((f) => f.key === "pages")!.node as Extract<FormNode, { kind: "list" }>;
    expect(pages.min).toBe(1);
    expect(pages.item.kind).toBe("object");
    expect(pages.itemTemplate).toEqual({ slug: "", sections: [{ heading: "" }] });
    expect((pages.item as Extract<FormNode, { kind: "object" }>).fields[0]!.node).toMatchObject({
      kind: "text",
      pattern: "^[a-z-]+$",
    });
  });

  it("starts an empty value from a template the schema's defaults and required fields fill", () => {
    expect(templateOf(form)).toEqual({
      name: "",
      count: 1,
      urgent: false,
      tone: "plain",
      tags: [],
      pages: [{ slug: "", sections: [{ heading: "" }] }],
    });
  });

  it("edits what it cannot describe as JSON", () => {
    expect(describeJsonSchema({})).toEqual({ kind: "json" });
    expect(describeJsonSchema({ type: "array" })).toEqual({ kind: "json" });
    expect(templateOf({ kind: "json" })).toBeNull();
  });

  it("makes a template's rows copies, never the description's own objects", () => {
    const list = describeSchema(z.array(z.object({ a: z.string() })).min(2)) as Extract<FormNode, { kind: "list" }>;
    const rows = templateOf(list) as Record<string, string>[];
    rows[0]!.a = "changed";
    expect(rows[1]!.a).toBe("");
    expect(list.itemTemplate).toEqual({ a: "" });
  });
});

describe("field paths", () => {
  it("reads as people write them, and keys the form's inputs", () => {
    expect(pathLabel(["generatedContent", "pages", 2, "title"])).toBe("generatedContent.pages[2].title");
    expect(pathLabel([0, "a"])).toBe("[0].a");
    expect(errorKey("generatedContent", ["pages", 2, "title"])).toBe("generatedContent.pages.2.title");
    expect(errorKey("requestData", [])).toBe("requestData");
  });
});
