import type { ResourceFactory } from "../../admin/resource-kit.js";
import { monitorCheckActions } from "./checks/admin-actions.js";
import { alertResources, incidentAlertActions } from "./alerts/resource.js";
import { siteAnalyticsDailyTable, siteAnalyticsEventTable } from "./site-analytics/tables.js";
import { serviceRecordAction } from "../../admin/service-action.js";
import { incidentTable, maintenanceWindowTable, monitorTable, siteMonitoringTable } from "./tables.js";
import { resolveIncident } from "./uptime/resolve-incident.js";

export const monitoringResources: ResourceFactory = (kit) => [
  kit.table(monitorTable, { actions: monitorCheckActions(kit) }),
  kit.table(incidentTable, {
    actions: {
      ...incidentAlertActions(kit),
      // An open incident closed by hand (uptime/resolve-incident.ts); the checks resolve the others.
      resolve: serviceRecordAction({
        icon: "CheckCircle",
        component: kit.components.ConfirmAction,
        isVisible: (context) => !context.record?.param("resolvedAt"),
        run: (id) => resolveIncident(kit.prisma, id),
        done: () => ({ message: "resolveDone", type: "success" }),
      }),
    },
  }),
  kit.table(maintenanceWindowTable),
  kit.table(siteMonitoringTable, { properties: { checkType: { isTitle: true } } }),
  ...alertResources(kit),
  kit.table(siteAnalyticsDailyTable),
  kit.table(siteAnalyticsEventTable),
];
