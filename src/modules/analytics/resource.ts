import type { ResourceFactory } from "../../admin/resource-kit.js";

export const analyticsResources: ResourceFactory = (kit) => [
  kit.resource("BusinessMetric", { navigation: kit.nav.analytics, sort: { sortBy: "metricDate", direction: "desc" } }),
];
