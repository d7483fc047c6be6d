// The fuzz judge: what counts as naming the refused field, and how each answer is classed.
import {
  adminNames,
  isStateConflict,
  judgeAdmin,
  judgeRest,
  pathNames,
  problemNames,
  schemaForbids,
  textNames,
} from "./judge.js";

const problem = (status: number, body: object) => ({
  status,
  contentType: "application/problem+json; charset=utf-8",
  body,
});
const strict = { fields: ["email"], forbidden: false, allowNotFound: false };

describe("naming the field", () => {
  it("finds the field in an errors entry's field or path, by segment, in any case convention", () => {
    expect(problemNames({ errors: [{ field: "email", message: "taken" }] }, ["email"])).toBe(true);
    expect(problemNames({ errors: [{ path: ["body", "planType"], message: "x" }] }, ["planType"])).toBe(true);
    expect(problemNames({ errors: [{ field: "generatedContent", message: "x" }] }, ["generated_content"])).toBe(true);
    expect(problemNames({ errors: [{ field: "configData.a.b", message: "x" }] }, ["configData"])).toBe(true);
    expect(problemNames({ errors: [{ field: "name", message: "x" }] }, ["email"])).toBe(false);
  });

  it("finds the field in the detail as a word, not inside another word", () => {
    expect(problemNames({ detail: "priceYearly: is out of range" }, ["priceYearly"])).toBe(true);
    expect(problemNames({ detail: "is out of range" }, ["priceYearly"])).toBe(false);
    expect(textNames("emailAddress is wrong", "email")).toBe(false);
    expect(textNames("$t(resources.settings.properties.key) — $t(messages.fieldRequired)", "key")).toBe(true);
  });

  it("matches a dotted or bracketed path on one of its segments", () => {
    expect(pathNames("filters.status", "status")).toBe(true);
    expect(pathNames("items[0].unitPrice", "unitPrice")).toBe(true);
    expect(pathNames("statusCode", "status")).toBe(false);
  });

  it("finds an AdminJS property in the record errors, the base error or the notice", () => {
    expect(adminNames({ record: { errors: { priority: { message: "x" } } } }, ["priority"])).toBe(true);
    expect(
      adminNames({ record: { errors: {}, baseError: { message: "trafficSplit: too big" } } }, ["trafficSplit"]),
    ).toBe(true);
    expect(
      adminNames({ notice: { type: "error", message: "is out of range" }, record: { errors: {} } }, ["priceYearly"]),
    ).toBe(false);
  });
});

describe("judging a REST answer", () => {
  it("fails every 5xx, and a 4xx that is not problem+json or names no field", () => {
    expect(judgeRest(problem(500, { detail: "An unexpected error occurred" }), strict)).toEqual({
      outcome: "failure",
      failure: "5xx",
    });
    expect(judgeRest({ status: 400, contentType: "text/html", body: "Bad" }, strict).failure).toBe(
      "4xx not problem+json",
    );
    expect(judgeRest(problem(400, { detail: "Bad request" }), strict).failure).toBe("4xx not naming the field");
    expect(judgeRest(problem(400, { errors: [{ field: "email", message: "x" }] }), strict)).toEqual({
      outcome: "refused",
    });
  });

  it("takes a 404 for a missing record, a body or URL too large, and a conflict of the record's state", () => {
    expect(judgeRest(problem(404, { detail: "No customers row with id 2147483648" }), strict).outcome).toBe("refused");
    expect(judgeRest(problem(413, { detail: "Bad request" }), strict).outcome).toBe("refused");
    expect(judgeRest({ status: 431, contentType: "", body: "" }, strict).outcome).toBe("refused");
    expect(judgeRest(problem(409, { detail: "Invoice F-1 is already issued" }), strict).outcome).toBe("refused");
    expect(isStateConflict(problem(409, { detail: "email: is already taken" }))).toBe(false);
    expect(isStateConflict(problem(409, { detail: "x", errors: [{ field: "email", message: "taken" }] }))).toBe(false);
  });

  it("fails a 2xx only for input openapi.json forbids", () => {
    const ok = { status: 201, contentType: "application/json", body: {} };
    expect(judgeRest(ok, strict).outcome).toBe("accepted");
    expect(judgeRest(ok, { ...strict, forbidden: true }).failure).toBe("2xx for input openapi.json forbids");
  });
});

describe("judging an AdminJS answer", () => {
  const json = (status: number, body: object) => ({ status, contentType: "application/json; charset=utf-8", body });

  it("accepts a success, takes a named refusal or AdminJS's own access refusal, fails an unnamed one", () => {
    expect(
      judgeAdmin(json(200, { notice: { type: "success", message: "successfullyCreated" } }), ["name"]).outcome,
    ).toBe("accepted");
    expect(
      judgeAdmin(json(200, { notice: { type: "error" }, record: { errors: { name: { message: "x" } } } }), ["name"]),
    ).toEqual({
      outcome: "refused",
    });
    expect(judgeAdmin(json(403, { notice: { type: "error", message: "forbiddenError" } }), ["name"]).outcome).toBe(
      "refused",
    );
    expect(
      judgeAdmin(json(200, { notice: { type: "error", message: "is out of range" }, record: { errors: {} } }), [
        "priceYearly",
      ]),
    ).toEqual({
      outcome: "failure",
      failure: "AdminJS error not naming the property",
    });
    expect(judgeAdmin(problem(500, {}), ["page"]).failure).toBe("5xx");
    expect(judgeAdmin(problem(400, { errors: [{ field: "perPage", message: "x" }] }), ["perPage"]).outcome).toBe(
      "refused",
    );
  });
});

describe("what openapi.json forbids", () => {
  it("judges type, enum, bounds and every branch of anyOf", () => {
    expect(schemaForbids({ type: "string", enum: ["fr", "en"] }, "de")).toBe(true);
    expect(schemaForbids({ type: "integer", maximum: 2147483647 }, 2147483648)).toBe(true);
    expect(schemaForbids({ type: "number" }, 3)).toBe(false);
    expect(schemaForbids({ type: ["string", "null"] }, null)).toBe(false);
    expect(schemaForbids({ anyOf: [{ type: "string", maxLength: 5 }, { type: "null" }] }, "too long")).toBe(true);
    expect(schemaForbids({}, { any: "thing" })).toBe(false);
    expect(schemaForbids({ type: "string" }, true)).toBe(true);
  });
});
