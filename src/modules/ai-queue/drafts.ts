// "Generate draft" (issue 4, item 3): an admin asks for a Claude draft of a request they are processing;
// an ai_generations row records the ask, a job of the `ai` queue calls Claude through the official SDK
// (its retries with backoff on 429/5xx, a timeout), records tokens, cost and outcome on that row, and a
// valid answer becomes the request's generated_content for the admin to review and edit before completing.
// The request's status never changes here: a draft is stored only while the request is still processing.
import Anthropic from "@anthropic-ai/sdk";
import type { Job } from "bullmq";
import type { Prisma, PrismaClient } from "@prisma/client";
import type { Config } from "../../config.js";
import { AppError } from "../../lib/errors.js";
import { writeAudit } from "../../lib/audit.js";
import type { Logger } from "../../lib/logger.js";
import type { Queues } from "../../queues/queues.js";
import { buildPrompt, costUsd, DraftOutputError, parseAnswer, SYSTEM_PROMPT, validateContent } from "./claude.js";
import type { GeneratedContent, RequestType } from "./schemas.js";
import { requirePermission } from "../auth/current-admin.js";
import { mayActOnRequest } from "./assignee-rule.js";

export const CLAUDE_NOT_CONFIGURED = "Claude is not configured (ANTHROPIC_API_KEY)";

/** SDK settings: retries of 429/5xx/connection errors (exponential backoff, Retry-After honoured). */
export const CLAUDE_MAX_RETRIES = 3;
/** Per HTTP attempt; a full site draft can take a minute to write. */
export const CLAUDE_TIMEOUT_MS = 120_000;
export const CLAUDE_MAX_TOKENS = 8_192;

export interface DraftJobData {
  generationId: number;
}

/**
 * Queues a draft of request `requestId` for the acting admin (ai_queue.process): an ai_generations row
 * (queued) and a `generate-draft` job. The request must be in progress (taken), by the acting admin
 * unless they may override its holder (assignee-rule.ts); without an API key
 * nothing is queued.
 */
export async function requestDraft(
  deps: { prisma: PrismaClient; queues: Pick<Queues, "byName">; config: Pick<Config, "anthropic"> },
  requestId: number,
): Promise<{ generationId: number }> {
  const actor = requirePermission("ai_queue", "process");
  const actorId = actor.id;
  if (!deps.config.anthropic.apiKey) throw new AppError("unavailable", CLAUDE_NOT_CONFIGURED);
  const generation = await deps.prisma.$transaction(async (tx) => {
    const request = await tx.aiRequest.findUnique({
      where: { id: requestId },
      select: { id: true, status: true, adminId: true },
    });
    if (!request) throw new AppError("not_found", `AI request ${requestId} does not exist`);
    if (!mayActOnRequest(actor, request)) {
      throw new AppError("forbidden", `AI request ${requestId} is assigned to another admin`);
    }
    if (request.status !== "processing") {
      throw new AppError(
        "conflict",
        `AI request ${requestId} is ${request.status}: a draft is generated for a request in progress (take it first)`,
      );
    }
    const row = await tx.aiGeneration.create({
      data: { aiRequestId: requestId, adminId: actorId, model: deps.config.anthropic.model, status: "queued" },
    });
    await writeAudit(tx, { action: "create", resourceType: "ai_generations", resourceId: row.id, after: row });
    return row;
  });
  const data: DraftJobData = { generationId: generation.id };
  // One job per generation; the SDK does the retrying, so the job itself runs once.
  await deps.queues.byName.ai.add("generate-draft", data, { jobId: `draft-${generation.id}`, attempts: 1 });
  return { generationId: generation.id };
}

/**
 * Stores `content` as the draft of request `requestId` if it is still processing (conditional update),
 * audited in the same transaction. Returns false when the request has moved on (nothing written).
 */
export async function storeDraft(
  prisma: PrismaClient,
  actorId: number | null,
  requestId: number,
  content: GeneratedContent,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.aiRequest.findUnique({
      where: { id: requestId },
      select: { id: true, generatedContent: true },
    });
    const { count } = await tx.aiRequest.updateMany({
      where: { id: requestId, status: "processing" },
      data: { generatedContent: content as Prisma.InputJsonValue },
    });
    if (count === 0) return false;
    await writeAudit(tx, {
      action: "draft",
      resourceType: "ai_requests",
      resourceId: requestId,
      before: { generatedContent: before?.generatedContent ?? null },
      after: { generatedContent: content },
      adminId: actorId,
    });
    return true;
  });
}

async function finish(
  prisma: PrismaClient,
  generationId: number,
  data: Omit<Prisma.AiGenerationUpdateInput, "aiRequest" | "admin">,
): Promise<void> {
  await prisma.aiGeneration.update({ where: { id: generationId }, data: { ...data, finishedAt: new Date() } });
}

function errorText(error: unknown): string {
  if (error instanceof Anthropic.APIError) {
    const status = error.status ? `HTTP ${error.status}` : "no HTTP answer";
    return `Claude API error (${status}) after ${CLAUDE_MAX_RETRIES} retries: ${error.message}`.slice(0, 2000);
  }
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000);
}

/**
 * The `generate-draft` job. Idempotent: a generation already succeeded or failed is left alone (a job
 * delivered twice calls Claude once). Outcomes land on the ai_generations row; the job fails only when
 * the database does.
 */
export async function processDraftJob(
  job: Pick<Job<DraftJobData>, "data">,
  deps: { prisma: PrismaClient; log: Logger; config: Pick<Config, "anthropic"> },
): Promise<{ status: "succeeded" | "failed" | "skipped" }> {
  const { prisma, log, config } = deps;
  const generationId = Number(job.data.generationId);
  const generation = await prisma.aiGeneration.findUnique({
    where: { id: generationId },
    include: { aiRequest: true },
  });
  if (!generation || generation.status === "succeeded" || generation.status === "failed") {
    return { status: "skipped" };
  }
  await prisma.aiGeneration.update({ where: { id: generationId }, data: { status: "running" } });
  const { aiRequest: request } = generation;

  if (!config.anthropic.apiKey) {
    await finish(prisma, generationId, { status: "failed", error: CLAUDE_NOT_CONFIGURED });
    return { status: "failed" };
  }

  // Every HTTP attempt the SDK makes (first call and retries) is counted on the row.
  let attempts = generation.attempts;
  const countingFetch: typeof fetch = (input, init) => {
    attempts += 1;
    return fetch(input, init);
  };
  const client = new Anthropic({
    apiKey: config.anthropic.apiKey,
    baseURL: config.anthropic.baseUrl ?? null,
    maxRetries: CLAUDE_MAX_RETRIES,
    timeout: CLAUDE_TIMEOUT_MS,
    fetch: countingFetch,
  });
  const type = request.requestType as RequestType;

  let answer: Anthropic.Message;
  try {
    answer = await client.messages.create({
      model: generation.model,
      max_tokens: CLAUDE_MAX_TOKENS,
      system: SYSTEM_PROMPT,
      messages: [
        {
          role: "user",
          content: buildPrompt({
            requestType: type,
            businessType: request.businessType,
            terminology: request.terminology,
            requestData: request.requestData,
          }),
        },
      ],
    });
  } catch (error) {
    log.warn({ generationId, err: errorText(error) }, "Claude draft call failed");
    await finish(prisma, generationId, { status: "failed", attempts, error: errorText(error) });
    return { status: "failed" };
  }

  const usage = {
    inputTokens: answer.usage.input_tokens,
    outputTokens: answer.usage.output_tokens,
    cost: costUsd(generation.model, answer.usage),
    attempts,
  };
  let content: GeneratedContent;
  try {
    content = parseAnswer(type, answer);
  } catch (error) {
    if (!(error instanceof DraftOutputError)) throw error;
    await finish(prisma, generationId, {
      ...usage,
      status: "failed",
      error: `Malformed model output: ${error.message}`,
    });
    return { status: "failed" };
  }

  const stored = await storeDraft(prisma, generation.adminId, request.id, content);
  if (!stored) {
    const now = await prisma.aiRequest.findUnique({ where: { id: request.id }, select: { status: true } });
    await finish(prisma, generationId, {
      ...usage,
      status: "failed",
      error: `The request is no longer in progress (${now?.status ?? "deleted"}): the draft was not stored`,
    });
    return { status: "failed" };
  }
  await finish(prisma, generationId, { ...usage, status: "succeeded", error: null });
  return { status: "succeeded" };
}

/** Validates and stores a draft that came from elsewhere (the Claude Code import); see brief.ts. */
export async function storeValidatedDraft(
  prisma: PrismaClient,
  actorId: number | null,
  requestId: number,
  value: unknown,
): Promise<GeneratedContent> {
  const request = await prisma.aiRequest.findUnique({
    where: { id: requestId },
    select: { requestType: true, status: true },
  });
  if (!request) throw new AppError("not_found", `AI request ${requestId} does not exist`);
  let content: GeneratedContent;
  try {
    content = validateContent(request.requestType as RequestType, value);
  } catch (error) {
    if (error instanceof DraftOutputError) throw new AppError("validation", error.message);
    throw error;
  }
  if (request.status !== "processing" || !(await storeDraft(prisma, actorId, requestId, content))) {
    throw new AppError(
      "conflict",
      `AI request ${requestId} is not in progress (${request.status}): a draft is stored only while it is processing`,
    );
  }
  return content;
}
