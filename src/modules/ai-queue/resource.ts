import type { ResourceFactory } from "../../admin/resource-kit.js";

export const aiQueueResources: ResourceFactory = (kit) => [
  kit.resource(
    "AiRequest",
    {
      navigation: kit.nav.aiQueue,
      listProperties: [
        "id",
        "customer",
        "requestType",
        "businessType",
        "status",
        "priority",
        "estimatedCost",
        "admin",
        "createdAt",
      ],
      filterProperties: [
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
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: {
        businessType: { isTitle: true },
        requestData: kit.json("object"),
        // CHECK (priority BETWEEN 1 AND 10): 1 urgent, 5 normal, 10 low.
        priority: { ...kit.int({ min: 1, max: 10 }), description: "priorityHint" },
        estimatedCost: kit.money(),
        actualCost: kit.money(),
        // Set by the queue workflow as a request moves on, not by hand.
        assignedAt: kit.readOnly(),
        startedAt: kit.readOnly(),
        completedAt: kit.readOnly(),
        adminNotes: kit.text(),
        generatedContent: kit.json(),
        // The customer's own rating and words (CHECK customer_feedback BETWEEN 1 AND 5): never typed by an admin.
        customerFeedback: kit.readOnly(),
        customerNotes: { ...kit.text(), isVisible: { list: false, show: true, edit: false, filter: false } },
      },
    },
    { access: { module: "ai_queue", actions: { new: null, edit: "process" } } },
  ),
  kit.resource(
    "AiGeneration",
    {
      navigation: kit.nav.aiQueue,
      listProperties: [
        "id",
        "aiRequest",
        "status",
        "model",
        "inputTokens",
        "outputTokens",
        "cost",
        "admin",
        "createdAt",
      ],
      filterProperties: ["aiRequest", "status", "model", "admin", "createdAt"],
      sort: { sortBy: "createdAt", direction: "desc" },
      properties: { model: { isTitle: true }, error: kit.text(), cost: kit.money() },
    },
    // Written by the draft job: a record of what Claude was asked and what it cost.
    { access: { module: "ai_queue", actions: { new: null, edit: null, delete: null, bulkDelete: null } } },
  ),
];
