// The spec's "Claude Code integration" (issue 4, item 3): "Export for Claude Code" downloads a request
// as a Markdown brief carrying the JSON Schema its answer must follow; "Import result" takes that JSON
// back, validates it against the request type's schema and stores it as the request's draft, as a
// Claude draft would be (drafts.ts), while the request is processing.
import { Router, type RequestHandler } from "express";
import type { AiRequest, PrismaClient } from "@prisma/client";
import { AppError } from "../../lib/errors.js";
import { parseId } from "../../http/params.js";
import { can } from "../auth/permissions.js";
import { expectedJsonSchema, extractJson, DraftOutputError, SYSTEM_PROMPT } from "./claude.js";
import { storeValidatedDraft } from "./drafts.js";
import type { GeneratedContent, RequestType } from "./schemas.js";
import { requirePermission } from "../auth/current-admin.js";

type BriefSubject = Pick<
  AiRequest,
  "id" | "requestType" | "businessType" | "terminology" | "requestData" | "priority" | "status" | "createdAt"
>;

/** The request as a Markdown brief for Claude Code, with the expected JSON Schema. */
export function buildBrief(request: BriefSubject): string {
  const type = request.requestType as RequestType;
  return [
    `# Locod-AI request #${request.id}: ${type} for "${request.businessType}"`,
    "",
    "## Task",
    "",
    SYSTEM_PROMPT,
    "",
    `Write the result to a file \`request-${request.id}.json\`; an admin imports it in the back-office`,
    `(AI requests > #${request.id} > Import result), where it is checked against the schema below.`,
    "",
    "## Request",
    "",
    `- Request type: \`${type}\``,
    `- Business type: ${request.businessType}`,
    `- Terminology: ${request.terminology?.trim() || "(none given)"}`,
    `- Priority: ${request.priority} (1 urgent, 5 normal, 10 low)`,
    `- Status: ${request.status}; created ${request.createdAt.toISOString()}`,
    "",
    "### Request data (from the customer's site wizard)",
    "",
    "```json",
    JSON.stringify(request.requestData ?? {}, null, 2),
    "```",
    "",
    "## Expected result: one JSON object valid against this JSON Schema",
    "",
    "```json",
    JSON.stringify(expectedJsonSchema(type), null, 2),
    "```",
    "",
  ].join("\n");
}

/**
 * "Import result" by the acting admin (ai_queue.process): `text` is the JSON (bare, or in a ```json
 * block), checked against the request type's schema and stored as the draft. Invalid -> AppError
 * validation saying what is wrong.
 */
export async function importResult(prisma: PrismaClient, requestId: number, text: string): Promise<GeneratedContent> {
  const actorId = requirePermission("ai_queue", "process").id;
  if (!text.trim()) throw new AppError("validation", "Paste the JSON result first");
  let value: unknown;
  try {
    value = extractJson(text);
  } catch (error) {
    if (error instanceof DraftOutputError) throw new AppError("validation", error.message);
    throw error;
  }
  return storeValidatedDraft(prisma, actorId, requestId, value);
}

/** GET /admin/ai-queue/requests/:id/brief.md: the brief as a download (session admin with ai_queue.view). */
export function briefRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router();
  const download: RequestHandler = async (req, res, next) => {
    try {
      if (!req.admin) return res.redirect(302, "/admin/login");
      if (!can(req.admin, "ai_queue", "view")) {
        throw new AppError("forbidden", "This download needs the ai_queue.view permission");
      }
      const id = parseId(req.params.id, "AI request");
      const request = await deps.prisma.aiRequest.findUnique({ where: { id } });
      if (!request) throw new AppError("not_found", `AI request ${req.params.id} does not exist`);
      res
        .status(200)
        .type("text/markdown; charset=utf-8")
        .set("Content-Disposition", `attachment; filename="locod-ai-request-${request.id}.md"`)
        .set("Cache-Control", "no-store")
        .send(buildBrief(request));
    } catch (error) {
      next(error);
    }
  };
  router.get("/ai-queue/requests/:id/brief.md", download);
  return router;
}
