import { z } from "zod";
import { AppError } from "../lib/errors.js";
import { MAX_ID, parseBody, parseId } from "./params.js";

const thrown = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (err) {
    return err as AppError;
  }
  throw new Error("did not throw");
};

describe("parseId", () => {
  it("reads a positive int4 id", () => {
    expect(parseId("1")).toBe(1);
    expect(parseId("42", "invoice")).toBe(42);
    expect(parseId(String(MAX_ID))).toBe(MAX_ID);
    expect(parseId("007")).toBe(7);
  });

  it.each([undefined, "", "0", "-1", "1.5", "1e3", " 1", "0x10", "abc", String(MAX_ID + 1), "99999999999"])(
    "answers 404 for %p",
    (raw) => {
      const err = thrown(() => parseId(raw, "invoice"));
      expect(err).toBeInstanceOf(AppError);
      expect(err.code).toBe("not_found");
      expect(err.status).toBe(404);
      expect(err.message).toBe("No such invoice");
    },
  );
});

describe("parseBody", () => {
  const schema = z.object({ name: z.string().min(1), age: z.number().int().optional() }).strict();

  it("gives back the parsed input", () => {
    expect(parseBody(schema, { name: "Ada", age: 36 })).toEqual({ name: "Ada", age: 36 });
  });

  it("answers 400 naming each field", () => {
    const err = thrown(() => parseBody(schema, { name: "", age: 1.5 }));
    expect(err.status).toBe(400);
    expect(err.errors?.map((e) => e.field)).toEqual(["name", "age"]);
    expect(err.message).toMatch(/^name: .+; age: .+$/);
  });

  it("names the whole input (body) when it is not an object, or the prefix when given", () => {
    expect(thrown(() => parseBody(schema, "text")).errors?.map((e) => e.field)).toEqual(["(body)"]);
    expect(thrown(() => parseBody(schema, "text", "request_data")).errors?.map((e) => e.field)).toEqual([
      "request_data",
    ]);
    expect(thrown(() => parseBody(schema, { name: "" }, "request_data")).errors?.map((e) => e.field)).toEqual([
      "request_data.name",
    ]);
  });
});
