import {
  AppError as AdminNotice,
  type Action,
  type ActionContext,
  type ActionRequest,
  type ActionResponse,
  type Before,
} from "adminjs";
import { fieldErrors, type ResourceFactory, type ResourceKit } from "../../admin/resource-kit.js";
import { serviceRecordAction } from "../../admin/service-action.js";
import { AppError } from "../../lib/errors.js";
import { completeRequest, rejectRequest, releaseRequest, takeRequest } from "./service.js";
import { importResult } from "./brief.js";
import { requestDraft } from "./drafts.js";
import { aiGenerationTable, aiRequestTable } from "./tables.js";
import { columnErrors, columnFormData } from "./json-fields.js";
import { checkColumn, type JsonColumn, type RequestType } from "./schemas.js";

type Payload = Record<string, unknown>;
const str = (value: unknown) => (typeof value === "string" ? value : value == null ? "" : String(value));

/**
 * A workflow record action: its page (ConfirmAction, or AiRequestTransition where input is needed)
 * POSTs; a GET only shows the record. The service checks the permission and the state.
 */
function workflowAction(
  kit: ResourceKit,
  name: "take" | "release" | "complete" | "reject",
  icon: string,
  run: (id: number, payload: Payload) => Promise<unknown>,
  isVisible: (context: ActionContext) => boolean,
): Partial<Action<ActionResponse>> {
  const needsInput = name === "complete" || name === "reject";
  return serviceRecordAction({
    icon,
    component: needsInput ? kit.components.AiRequestTransition : kit.components.ConfirmAction,
    ...(name === "reject" ? { variant: "danger" as const } : {}),
    isVisible,
    run,
    done: () => ({ message: `${name}Done`, type: "success" }),
  });
}

/** A JSON column's value as a form posts it (its JSON text), or the field error of invalid JSON. */
function postedJson(column: JsonColumn, raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  try {
    return JSON.parse(raw);
  } catch {
    throw fieldErrors("ai_requests", { [column]: { message: "$t(messages.fieldJson)" } });
  }
}

/**
 * A JSON column checked against the request type's schema before the service or the adapter writes it
 * (which check it again): a refusal names each input's path in the admin's words, nothing is written.
 * Returns the value as the schema reads it (its defaults filled in), as the intake stores it.
 */
function checkPosted(column: JsonColumn, type: unknown, value: unknown): unknown {
  const errors = columnErrors(column, type as RequestType, value);
  if (errors) throw fieldErrors("ai_requests", errors);
  const parsed = checkColumn(column, type as RequestType, value);
  return parsed.success ? parsed.data : value;
}

/** The edit form's request_data, checked as the wizard's intake checks it (after the kit's form check). */
const checkRequestDataEdit: Before = (request: ActionRequest, context) => {
  if (request.method !== "post" || !request.payload || !("requestData" in request.payload)) return request;
  const value = postedJson("requestData", request.payload.requestData);
  const requestData = checkPosted("requestData", context.record?.param("requestType"), value);
  return { ...request, payload: { ...request.payload, requestData } };
};

function aiRequestActions(kit: ResourceKit) {
  const deps = { prisma: kit.prisma, queues: kit.queues };
  const status = (context: ActionContext) => context.record?.param("status") as string | undefined;
  return {
    take: workflowAction(
      kit,
      "take",
      "Play",
      (id) => takeRequest(deps, id),
      (c) => status(c) === "pending",
    ),
    release: workflowAction(
      kit,
      "release",
      "RotateCcw",
      (id) => releaseRequest(deps, id),
      (c) => status(c) === "processing",
    ),
    complete: workflowAction(
      kit,
      "complete",
      "CheckCircle",
      async (id, p) => {
        const generatedContent = postedJson("generatedContent", p.generatedContent);
        const { requestType } = await kit.prisma.aiRequest.findUniqueOrThrow({
          where: { id },
          select: { requestType: true },
        });
        checkPosted("generatedContent", requestType, generatedContent);
        // The service checks it again (the same checkColumn) and stores the schema's reading.
        return completeRequest(deps, id, {
          generatedContent,
          // As typed, "2,50" or "2.50": the service reads it.
          actualCost: str(p.actualCost) || null,
          adminNotes: str(p.adminNotes) || null,
        });
      },
      (c) => status(c) === "processing",
    ),
    reject: workflowAction(
      kit,
      "reject",
      "XCircle",
      (id, p) => rejectRequest(deps, id, str(p.adminNotes)),
      (c) => status(c) === "pending" || status(c) === "processing",
    ),
  };
}

export const aiQueueResources: ResourceFactory = (kit) => [
  kit.table(aiRequestTable, {
    properties: {
      businessType: { isTitle: true },
      // CHECK (priority BETWEEN 1 AND 10): 1 urgent, 5 normal, 10 low.
      priority: { description: "priorityHint" },
      // The customer's own words, on the record's page only.
      customerNotes: { isVisible: { list: false, show: true, filter: false } },
      // Shown and edited through the form of the request type's schema (json-fields.ts).
      requestData: {
        components: { show: kit.components.SchemaJson, edit: kit.components.SchemaJson },
        custom: columnFormData("requestData"),
      },
      generatedContent: {
        components: { show: kit.components.SchemaJson },
        custom: columnFormData("generatedContent"),
      },
    },
    actions: { ...draftActions(kit), ...aiRequestActions(kit), edit: { before: [checkRequestDataEdit] } },
  }),
  // Written by the draft job: a record of what Claude was asked and what it cost.
  kit.table(aiGenerationTable, { properties: { model: { isTitle: true } } }),
];

// ---------------------------------------------------------------------------------------------
// Claude drafts and the Claude Code export/import (issue 4, item 3): drafts.ts, brief.ts
// ---------------------------------------------------------------------------------------------

type DraftAction = "generateDraft" | "exportBrief" | "importResult";

/** A service refusal (AppError) as an error notice on the record; anything else stays an error. */
function draftNotice(error: unknown): { message: string; type: "error" } {
  if (error instanceof AppError) return { message: error.message, type: "error" };
  throw error;
}

function draftActions(kit: ResourceKit): Record<DraftAction, Partial<Action<ActionResponse>>> {
  const processing = (context: ActionContext) => context.record?.param("status") === "processing";
  /** A record action that POSTs (its component sends the request); a GET only shows the record. */
  const postAction = (
    icon: string,
    component: string,
    run: (id: number, payload: Record<string, unknown>) => Promise<unknown>,
    done: string,
  ): Partial<Action<ActionResponse>> => ({
    actionType: "record",
    icon,
    component,
    isVisible: processing,
    handler: async (request, _response, context) => {
      const { record, resource, currentAdmin, h } = context;
      if (!record) throw new AdminNotice("$t(messages.aiRequestNotFound)");
      if (request.method !== "post") return { record: record.toJSON(currentAdmin) };
      const id = Number(record.id());
      const resourceId = resource._decorated?.id() ?? resource.id();
      try {
        await run(id, (request.payload ?? {}) as Record<string, unknown>);
      } catch (error) {
        return { record: record.toJSON(currentAdmin), notice: draftNotice(error) };
      }
      const fresh = (await resource.findOne(String(id), context)) ?? record;
      return {
        record: fresh.toJSON(currentAdmin),
        notice: { message: done, type: "success" },
        redirectUrl: h.recordActionUrl({ resourceId, recordId: String(id), actionName: "show" }),
      };
    },
  });
  return {
    // Confirmed with a POST (ConfirmAction); the job writes the draft (status stays processing).
    generateDraft: postAction(
      "Zap",
      kit.components.ConfirmAction,
      (id) => requestDraft(kit, id),
      "generateDraftQueued",
    ),
    // The component downloads the brief from GET /admin/ai-queue/requests/:id/brief.md (brief.ts).
    exportBrief: {
      actionType: "record",
      icon: "Download",
      component: kit.components.ExportBrief,
      handler: (_request, _response, context) => {
        const { record, currentAdmin } = context;
        if (!record) throw new AdminNotice("$t(messages.aiRequestNotFound)");
        return { record: record.toJSON(currentAdmin) };
      },
    },
    importResult: postAction(
      "Upload",
      kit.components.ImportResult,
      (id, payload) => importResult(kit.prisma, id, typeof payload.content === "string" ? payload.content : ""),
      "importResultDone",
    ),
  };
}
