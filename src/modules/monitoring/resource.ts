import type { ResourceFactory } from "../../admin/resource-kit.js";
import { siteAnalyticsDailyTable, siteAnalyticsEventTable } from "./site-analytics/tables.js";
import { incidentTable, maintenanceWindowTable, monitorTable, siteMonitoringTable } from "./tables.js";

export const monitoringResources: ResourceFactory = (kit) => [
  kit.table(monitorTable),
  kit.table(incidentTable),
  kit.table(maintenanceWindowTable),
  kit.table(siteMonitoringTable, { properties: { checkType: { isTitle: true } } }),
  kit.table(siteAnalyticsDailyTable),
  kit.table(siteAnalyticsEventTable),
];
