import { describe, expect, it } from "@jest/globals";
import {
  MAX_JSON_DEPTH,
  checkJsonTextDepth,
  dateProblem,
  forbiddenKeyPath,
  isHostname,
  isTimeZone,
  isRelativePath,
  jsonProblem,
  jsonTextDepth,
  jsonTextDepthAt,
  formFieldProblem,
  textProblem,
  zStorableJson,
  zStorableText,
} from "./input-rules.js";

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe("text that PostgreSQL can store", () => {
  it("refuses a NUL and lone surrogates, keeps paired ones", () => {
    expect(textProblem("a\u0000b")).toMatch(/NUL/);
    expect(textProblem("a\uD800b")).toMatch(/surrogate/);
    expect(textProblem("\uDC00")).toMatch(/surrogate/);
    expect(textProblem("end\uD83D")).toMatch(/surrogate/);
    expect(textProblem("ok 😀 é")).toBeNull();
  });

  it("zStorableText bounds the length and refuses what cannot be stored", () => {
    expect(zStorableText(5).safeParse("hello").success).toBe(true);
    expect(zStorableText(5).safeParse("hello!").success).toBe(false);
    expect(zStorableText(50).safeParse("a\u0000").success).toBe(false);
  });
});

describe("JSON that can be stored", () => {
  it("allows 32 levels, refuses 33 and a 5,000-deep value without recursing", () => {
    expect(jsonProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(jsonProblem(JSON.parse('{"a":[1e309]}'))).toMatch(/too large for JSON/);
    expect(jsonProblem(JSON.parse('{"a":[1e308]}'))).toBeNull();
    expect(jsonProblem(nested(MAX_JSON_DEPTH + 1))).toMatch(/deep/);
    expect(jsonProblem(nested(5000))).toMatch(/deep/);
  });

  it("refuses more than 64 KiB and unstorable text in keys or strings", () => {
    expect(jsonProblem({ a: "x".repeat(70_000) })).toMatch(/large/);
    expect(jsonProblem({ "k\u0000": 1 })).toMatch(/NUL/);
    expect(jsonProblem(["\uD800"])).toMatch(/surrogate/);
    expect(zStorableJson().safeParse({ a: [1, { b: "c" }] }).success).toBe(true);
    expect(zStorableJson().safeParse(nested(40)).success).toBe(false);
  });

  it("measures the depth of JSON text by its brackets, ignoring those inside strings", () => {
    expect(jsonTextDepth('{"a":[1,{"b":"[[[[{{{"}]}')).toBe(3);
    expect(jsonTextDepth('["\\"[[["]')).toBe(1);
    expect(jsonTextDepth("[".repeat(5000) + "]".repeat(5000))).toBe(5000);
    expect(() => checkJsonTextDepth("[".repeat(200_000))).toThrow(/nested too deeply/);
    expect(() => checkJsonTextDepth(JSON.stringify(nested(MAX_JSON_DEPTH)))).not.toThrow();
  });

  it("names the top-level field under which JSON text is too deep", () => {
    const deep = "[".repeat(200) + "]".repeat(200);
    expect(jsonTextDepthAt(`{"name":"x","reason":${deep}}`, MAX_JSON_DEPTH).key).toBe("reason");
    expect(jsonTextDepthAt(`{"a\\"b":{"c":${deep}}}`, MAX_JSON_DEPTH).key).toBe('a"b');
    expect(jsonTextDepthAt(deep, MAX_JSON_DEPTH).key).toBeNull();
    expect(() => checkJsonTextDepth(`{"ok":1,"reason":${deep}}`)).toThrow(/^reason: is nested too deeply/);
    expect(() => checkJsonTextDepth(deep)).toThrow(/^\(body\): is nested too deeply/);
  });

  it("finds __proto__, constructor and prototype keys by path", () => {
    expect(forbiddenKeyPath(JSON.parse('{"a":{"__proto__":{"x":1}}}'))).toBe("a.__proto__");
    expect(forbiddenKeyPath({ constructor: 1 })).toBe("constructor");
    expect(forbiddenKeyPath([{ prototype: 1 }])).toBe("0.prototype");
    expect(forbiddenKeyPath({ name: "constructor" })).toBeNull();
  });
});

describe("form field names", () => {
  it("refuses a name reaching a prototype or nested too deep, naming it", () => {
    expect(formFieldProblem(["name", "address.0"])).toBeNull();
    expect(formFieldProblem(["name", "__proto__.polluted"])).toEqual({
      field: "__proto__.polluted",
      message: "is a reserved name",
    });
    expect(formFieldProblem(["constructor.prototype.x"])?.field).toBe("constructor.prototype.x");
    expect(formFieldProblem(["key" + ".a".repeat(130)])?.message).toMatch(/nested too deeply/);
  });
});

describe("dates, hostnames and relative paths", () => {
  it("keeps dates between 2000-01-01 and 2100-12-31", () => {
    expect(dateProblem(new Date("2000-01-01T00:00:00Z"))).toBeNull();
    expect(dateProblem(new Date("2100-12-31T23:59:59Z"))).toBeNull();
    expect(dateProblem(new Date("1999-12-31T23:59:59Z"))).toMatch(/2000/);
    expect(dateProblem(new Date("1900-01-01"))).toMatch(/2000/);
    expect(dateProblem(new Date("0000-01-01"))).toMatch(/2000/);
    expect(dateProblem(new Date("2101-01-01"))).toMatch(/2100/);
    expect(dateProblem(new Date("nope"))).toBe("must be a date");
  });

  it("takes RFC 1123 hostnames only", () => {
    expect(isHostname("example.com")).toBe(true);
    expect(isHostname("www.boulangerie-dupont.fr")).toBe(true);
    expect(isHostname("javascript:alert(1)")).toBe(false);
    expect(isHostname("https://example.com")).toBe(false);
    expect(isHostname("exa mple.com")).toBe(false);
    expect(isHostname("-bad.com")).toBe(false);
    expect(isHostname("localhost")).toBe(false);
    expect(isHostname("1.2.3.4")).toBe(false);
    expect(isHostname(`${"a".repeat(64)}.com`)).toBe(false);
  });

  it("takes relative paths that stay inside their folder", () => {
    expect(isRelativePath("sites/42/config.json")).toBe(true);
    expect(isRelativePath("../../../etc/passwd")).toBe(false);
    expect(isRelativePath("a/../../b")).toBe(false);
    expect(isRelativePath("/etc/passwd")).toBe(false);
    expect(isRelativePath("a\\b")).toBe(false);
    expect(isRelativePath("a\u0000b")).toBe(false);
    expect(isRelativePath("file:///etc")).toBe(false);
    expect(isRelativePath("")).toBe(false);
  });
});

describe("isTimeZone", () => {
  it("takes IANA zone names and refuses anything else", () => {
    expect(["Europe/Paris", "UTC", "America/Argentina/Buenos_Aires", "Etc/GMT+2"].map(isTimeZone)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["NaN", "0000-01-01", "javascript:alert(1)", "", "Europe/Nowhere", "+02:00"].map(isTimeZone)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
