import type { ResourceFactory } from "../../admin/resource-kit.js";

export const monitoringResources: ResourceFactory = (kit) => [
  kit.resource(
    "SiteMonitoring",
    {
      listProperties: ["id", "site", "checkType", "isUp", "statusCode", "responseTimeMs", "checkTime"],
      filterProperties: ["site", "checkType", "isUp", "statusCode", "checkTime"],
      sort: { sortBy: "checkTime", direction: "desc" },
      properties: {
        checkType: { isTitle: true },
        statusCode: kit.int({ min: 100, max: 599 }),
        responseTimeMs: kit.int({ min: 0 }),
        errorMessage: kit.text(),
      },
    },
    { access: { module: "monitoring", actions: { new: null, edit: null, delete: null, bulkDelete: null } } },
  ),
];
