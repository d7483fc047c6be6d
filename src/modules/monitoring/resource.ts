import type { ResourceFactory } from "../../admin/resource-kit.js";

export const monitoringResources: ResourceFactory = (kit) => [
  kit.resource("SiteMonitoring", { navigation: kit.nav.monitoring, sort: { sortBy: "checkTime", direction: "desc" } }),
];
