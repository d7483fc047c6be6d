import type { ResourceFactory } from "../../admin/resource-kit.js";

export const aiQueueResources: ResourceFactory = (kit) => [
  kit.resource("AiRequest", {
    navigation: kit.nav.aiQueue,
    listProperties: [
      "id",
      "customerId",
      "requestType",
      "businessType",
      "status",
      "priority",
      "estimatedCost",
      "adminId",
      "createdAt",
    ],
    sort: { sortBy: "createdAt", direction: "desc" },
  }),
];
