// The Claude draft's prompt, the reading of its answer, and its cost: no network here.
import {
  buildPrompt,
  costUsd,
  DraftOutputError,
  expectedJsonSchema,
  extractJson,
  parseAnswer,
  validateContent,
} from "./claude.js";
import { buildBrief } from "./brief.js";

const services = { services: [{ name: "Pain au levain", description: "Cuit chaque matin au feu de bois." }] };
const answer = (text: string, stop_reason = "end_turn") => ({ content: [{ type: "text", text }], stop_reason });

describe("buildPrompt", () => {
  const prompt = buildPrompt({
    requestType: "services",
    businessType: "boulangerie",
    terminology: "fournil, viennoiseries",
    requestData: { servicesWanted: 3, tone: "chaleureux" },
  });

  it("carries the business type, terminology, request type and request data", () => {
    expect(prompt).toContain("Request type: services");
    expect(prompt).toContain("Business type: boulangerie");
    expect(prompt).toContain("fournil, viennoiseries");
    expect(prompt).toContain('"servicesWanted": 3');
    expect(prompt).toContain('"tone": "chaleureux"');
  });

  it("asks for JSON of the request type's schema", () => {
    expect(prompt).toContain(JSON.stringify(expectedJsonSchema("services"), null, 2));
    expect(prompt).toMatch(/single JSON object/);
  });

  it("says when no terminology was given", () => {
    const p = buildPrompt({ requestType: "images", businessType: "fleuriste", terminology: null, requestData: {} });
    expect(p).toContain("Terminology (words the business uses): (none given)");
  });
});

describe("expectedJsonSchema", () => {
  it("describes each request type's generated_content", () => {
    const schema = expectedJsonSchema("full_site") as {
      type: string;
      required: string[];
      additionalProperties: boolean;
    };
    expect(schema.type).toBe("object");
    expect(schema.required).toEqual(expect.arrayContaining(["tagline", "pages", "services"]));
    expect(schema.additionalProperties).toBe(false);
    expect(expectedJsonSchema("images")).toHaveProperty("properties.images.type", "array");
  });
});

describe("extractJson", () => {
  it("reads bare JSON, a fenced block, and JSON inside a sentence", () => {
    expect(extractJson(JSON.stringify(services))).toEqual(services);
    expect(extractJson("Voici :\n```json\n" + JSON.stringify(services) + "\n```\n")).toEqual(services);
    expect(extractJson(`Here it is: ${JSON.stringify(services)} Hope it helps.`)).toEqual(services);
  });

  it("says so when there is no JSON", () => {
    expect(() => extractJson("I cannot help with that.")).toThrow(DraftOutputError);
    expect(() => extractJson("{not json}")).toThrow(/contains no JSON object/);
  });
});

describe("validateContent / parseAnswer", () => {
  it("returns the validated content", () => {
    expect(validateContent("services", services)).toEqual(services);
    expect(parseAnswer("services", answer(JSON.stringify(services)))).toEqual(services);
  });

  it("lists what does not match the schema", () => {
    expect(() => validateContent("services", { services: [{ name: "x" }] })).toThrow(
      /does not match the services schema: services\.0\.description/,
    );
    expect(() => validateContent("content", { pages: [], extra: 1 })).toThrow(DraftOutputError);
  });

  it("refuses a truncated answer, a refusal and an empty one", () => {
    expect(() => parseAnswer("services", answer(JSON.stringify(services), "max_tokens"))).toThrow(/cut off/);
    expect(() => parseAnswer("services", answer("", "refusal"))).toThrow(/declined/);
    expect(() => parseAnswer("services", { content: [], stop_reason: "end_turn" })).toThrow(/no text/);
  });
});

describe("costUsd", () => {
  it("prices tokens by model, matching dated model ids by prefix", () => {
    // claude-sonnet-4-5: $3 / $15 per million tokens.
    expect(costUsd("claude-sonnet-4-5", { input_tokens: 1_000, output_tokens: 500 })).toBe("0.0105");
    expect(costUsd("claude-sonnet-4-5-20250929", { input_tokens: 1_000_000, output_tokens: 0 })).toBe("3.0000");
    // The longest prefix wins: opus 4.1 is not priced as opus 4.5.
    expect(costUsd("claude-opus-4-1-20250805", { input_tokens: 0, output_tokens: 1_000 })).toBe("0.0750");
    expect(costUsd("claude-haiku-4-5", { input_tokens: 10, output_tokens: 10 })).toBe("0.0001");
  });

  it("leaves an unknown model's cost empty rather than guessed", () => {
    expect(costUsd("some-other-model", { input_tokens: 1_000, output_tokens: 1_000 })).toBeNull();
  });
});

describe("buildBrief", () => {
  it("is Markdown with the request and the expected JSON schema", () => {
    const brief = buildBrief({
      id: 42,
      requestType: "services",
      businessType: "boulangerie",
      terminology: null,
      requestData: { servicesWanted: 2 },
      priority: 1,
      status: "processing",
      createdAt: new Date("2026-01-02T03:04:05Z"),
    });
    expect(brief).toMatch(/^# Locod-AI request #42: services for "boulangerie"/);
    expect(brief).toContain('"servicesWanted": 2');
    expect(brief).toContain(JSON.stringify(expectedJsonSchema("services"), null, 2));
    expect(brief).toContain("request-42.json");
  });
});
