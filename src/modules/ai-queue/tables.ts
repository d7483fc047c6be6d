import { defineTable } from "../../db/table-spec.js";
import { updateRequestFields } from "./service.js";

export const aiRequestTable = defineTable({
  model: "AiRequest",
  module: "ai_queue",
  actions: {
    new: null,
    edit: "process",
    generateDraft: "process",
    exportBrief: "view",
    importResult: "process",
    take: "process",
    release: "process",
    complete: "process",
    reject: "reject",
  },
  writable: {
    businessType: {},
    terminology: {},
    requestData: { json: "object" },
    priority: { min: 1, max: 10 },
    estimatedCost: {},
    adminNotes: { text: true },
  },
  workflow: [
    "status",
    "adminId",
    "assignedAt",
    "startedAt",
    "completedAt",
    "billingStatus",
    "generatedContent",
    "actualCost",
  ],
  list: ["id", "customer", "requestType", "businessType", "status", "priority", "estimatedCost", "admin", "createdAt"],
  title: ["businessType", "customer.name"],
  related: [
    { table: "ai_generations", via: "aiRequestId" },
    { table: "email_log", via: "aiRequestId" },
    { table: "invoice_items", via: "aiRequestId" },
  ],
  filters: [
    "status",
    "requestType",
    "priority",
    "customer",
    "site",
    "admin",
    "businessType",
    "billingStatus",
    "createdAt",
    "completedAt",
  ],
  order: { by: "createdAt", direction: "desc" },
  // request_data is checked against the request type's schema on every edit path, as on intake.
  writes: (deps) => ({ update: (id, data) => updateRequestFields(deps.prisma, Number(id), data) }),
});

export const aiGenerationTable = defineTable({
  model: "AiGeneration",
  module: "ai_queue",
  actions: { new: null, edit: null, delete: null, bulkDelete: null },
  writable: {},
  list: ["id", "aiRequest", "status", "model", "inputTokens", "outputTokens", "cost", "admin", "createdAt"],
  title: ["model", "createdAt"],
  filters: ["aiRequest", "status", "model", "admin", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

/** The tables of the module, in menu order. */
export const aiQueueTables = [aiRequestTable, aiGenerationTable];
