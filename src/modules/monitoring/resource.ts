import type { ResourceFactory } from "../../admin/resource-kit.js";
import { monitorCheckActions } from "./checks/admin-actions.js";
import { alertResources, incidentAlertActions } from "./alerts/resource.js";
import { siteAnalyticsDailyTable, siteAnalyticsEventTable } from "./site-analytics/tables.js";
import { incidentTable, maintenanceWindowTable, monitorTable, siteMonitoringTable } from "./tables.js";

export const monitoringResources: ResourceFactory = (kit) => [
  kit.table(monitorTable, { actions: monitorCheckActions(kit) }),
  kit.table(incidentTable, { actions: incidentAlertActions(kit) }),
  kit.table(maintenanceWindowTable),
  kit.table(siteMonitoringTable, { properties: { checkType: { isTitle: true } } }),
  ...alertResources(kit),
  kit.table(siteAnalyticsDailyTable),
  kit.table(siteAnalyticsEventTable),
];
