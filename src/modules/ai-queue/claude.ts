// Claude drafts (issue 4, item 3): the prompt a request becomes, the model's answer read back as the
// request_type's generated_content, and what the call cost. Pure functions: the job (drafts.ts) calls
// the API, the Claude Code brief (brief.ts) reuses the schema and the JSON extraction.
import { z } from "zod";
import { checkColumn, ZGeneratedContent, type GeneratedContent, type RequestType } from "./schemas.js";

/** What a prompt is built from: the request as the wizard sent it. */
export interface DraftSubject {
  requestType: RequestType;
  businessType: string;
  terminology: string | null;
  requestData: unknown;
}

/** The JSON Schema of a request type's generated_content, as Claude (or Claude Code) must answer it. */
export function expectedJsonSchema(type: RequestType): Record<string, unknown> {
  const schema = z.toJSONSchema(ZGeneratedContent[type], { target: "draft-2020-12" }) as Record<string, unknown>;
  delete schema.$schema;
  return schema;
}

const WHAT: Record<RequestType, string> = {
  services: "the descriptions of the services the business offers",
  content: "the text of the website pages requested",
  images: "image-generation prompts and alt texts for the subjects requested",
  full_site: "a complete small website: tagline, pages and services",
};

export const SYSTEM_PROMPT =
  "You write website content for small businesses (mostly French-speaking) for Locod-AI, a website builder. " +
  "Write in the language of the request (French unless the request is clearly in another language), " +
  "in the tone asked for, using the business's own terminology. Never invent facts that the request does " +
  "not support (prices, certifications, addresses): leave them out. Answer with one JSON object only, " +
  "matching the JSON Schema given, with no text before or after it.";

/** The user message of the draft request. */
export function buildPrompt(subject: DraftSubject): string {
  return [
    `Request type: ${subject.requestType} (${WHAT[subject.requestType]}).`,
    `Business type: ${subject.businessType}`,
    `Terminology (words the business uses): ${subject.terminology?.trim() || "(none given)"}`,
    "",
    "Request data (JSON, from the customer's site wizard):",
    JSON.stringify(subject.requestData ?? {}, null, 2),
    "",
    "Answer with a single JSON object valid against this JSON Schema:",
    JSON.stringify(expectedJsonSchema(subject.requestType), null, 2),
  ].join("\n");
}

/** The model's answer is not the JSON the request type needs; the message says what is wrong. */
export class DraftOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DraftOutputError";
  }
}

/**
 * The JSON object inside a model answer: the whole text, a ```json fenced block, or the span from the
 * first `{` to the last `}` (a sentence around it). Throws DraftOutputError when there is none.
 */
export function extractJson(text: string): unknown {
  const trimmed = text.trim();
  const candidates: string[] = [trimmed];
  const fenced = /```(?:json)?\s*\n?([\s\S]*?)```/i.exec(trimmed);
  if (fenced?.[1]) candidates.push(fenced[1].trim());
  const first = trimmed.indexOf("{");
  const last = trimmed.lastIndexOf("}");
  if (first !== -1 && last > first) candidates.push(trimmed.slice(first, last + 1));
  for (const candidate of candidates) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // next candidate
    }
  }
  const preview = trimmed.length > 120 ? `${trimmed.slice(0, 120)}…` : trimmed;
  throw new DraftOutputError(`The answer contains no JSON object: ${JSON.stringify(preview)}`);
}

/** A value checked against the request type's schema; DraftOutputError lists every problem. */
export function validateContent<T extends RequestType>(type: T, value: unknown): GeneratedContent<T> {
  const parsed = checkColumn("generatedContent", type, value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 10)
      .map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`);
    const more = parsed.error.issues.length > 10 ? ` (and ${parsed.error.issues.length - 10} more)` : "";
    throw new DraftOutputError(`The JSON does not match the ${type} schema: ${problems.join("; ")}${more}`);
  }
  return parsed.data as GeneratedContent<T>;
}

/** The parts of a Messages API answer the draft reads. */
export interface ClaudeAnswer {
  content: readonly { type: string; text?: string }[];
  stop_reason?: string | null;
}

/** A Messages API answer -> the validated generated_content, or DraftOutputError saying why not. */
export function parseAnswer<T extends RequestType>(type: T, answer: ClaudeAnswer): GeneratedContent<T> {
  if (answer.stop_reason === "max_tokens") {
    throw new DraftOutputError("The answer was cut off at the output token limit (stop_reason max_tokens)");
  }
  if (answer.stop_reason === "refusal") throw new DraftOutputError("Claude declined to answer (stop_reason refusal)");
  const text = answer.content
    .filter((block) => block.type === "text" && typeof block.text === "string")
    .map((block) => block.text)
    .join("");
  if (!text.trim()) throw new DraftOutputError("The answer has no text");
  return validateContent(type, extractJson(text));
}

/**
 * List prices in US dollars per million tokens [input, output], from anthropic.com/pricing (checked
 * 2025-10; prompt caching and batch discounts not used here). A model id matches its entry by prefix
 * ("claude-sonnet-4-5-20250929" is "claude-sonnet-4-5"); the longest prefix wins. An unknown model has
 * no price: its cost stays empty rather than guessed. The cost is recorded in USD, as Anthropic bills.
 */
export const PRICES_USD_PER_MTOK: Record<string, readonly [number, number]> = {
  "claude-opus-4-5": [5, 25],
  "claude-opus-4-1": [15, 75],
  "claude-opus-4": [15, 75],
  "claude-sonnet-4-5": [3, 15],
  "claude-sonnet-4": [3, 15],
  "claude-3-7-sonnet": [3, 15],
  "claude-haiku-4-5": [1, 5],
  "claude-3-5-haiku": [0.8, 4],
  "claude-3-haiku": [0.25, 1.25],
};

export interface Usage {
  input_tokens: number;
  output_tokens: number;
}

/** The price of one call in USD, rounded to 4 decimals (the ai_generations.cost column), or null. */
export function costUsd(model: string, usage: Usage): string | null {
  const key = Object.keys(PRICES_USD_PER_MTOK)
    .filter((prefix) => model === prefix || model.startsWith(`${prefix}-`))
    .sort((a, b) => b.length - a.length)[0];
  if (!key) return null;
  const [input, output] = PRICES_USD_PER_MTOK[key]!;
  // In millionths of a dollar first, so that the rounding is done once, on integers.
  const micro = usage.input_tokens * input + usage.output_tokens * output;
  return (Math.round(micro / 100) / 10_000).toFixed(4);
}
