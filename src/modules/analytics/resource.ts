import type { ResourceFactory } from "../../admin/resource-kit.js";

const COUNTS = [
  "totalCustomers",
  "activeCustomers",
  "newCustomers",
  "churnedCustomers",
  "totalSites",
  "activeSites",
  "aiRequestsCount",
] as const;

export const analyticsResources: ResourceFactory = (kit) => [
  kit.resource(
    "BusinessMetric",
    {
      navigation: kit.nav.analytics,
      listProperties: [
        "metricDate",
        "activeCustomers",
        "newCustomers",
        "churnedCustomers",
        "activeSites",
        "monthlyRevenue",
        "aiRequestsCount",
        "aiRevenue",
      ],
      filterProperties: ["metricDate"],
      sort: { sortBy: "metricDate", direction: "desc" },
      properties: {
        // One snapshot per day.
        metricDate: { ...kit.date(), isTitle: true },
        monthlyRevenue: kit.money(),
        aiRevenue: kit.money(),
        ...Object.fromEntries(COUNTS.map((name) => [name, kit.int({ min: 0 })])),
      },
    },
    { access: { module: "analytics", actions: { new: null, edit: null, delete: null, bulkDelete: null } } },
  ),
];
