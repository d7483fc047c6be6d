import { defineModule } from "../../module.js";
import { monitoringResources } from "./resource.js";
import { monitoringLocale } from "./locale.js";
import { monitoringTables } from "./tables.js";
import { UPTIME_OPERATIONS, uptimeRoutes } from "./uptime/routes.js";
import { uptimeJobs, uptimeSchedules } from "./uptime/jobs.js";
import { statusPage } from "./uptime/screens.js";

export const monitoringModule = defineModule({
  name: "monitoring",
  tables: monitoringTables,
  locale: monitoringLocale,
  navigation: { name: ["Monitoring", "Monitoring"], icon: "Activity" },
  resources: monitoringResources,
  api: [{ routes: uptimeRoutes, operations: UPTIME_OPERATIONS }],
  jobs: [...uptimeJobs],
  schedules: [...uptimeSchedules],
  pages: {
    // Every site's state, 90-day uptime bar and open incidents (components/monitoring/MonitoringStatus.tsx).
    monitoringStatus: {
      component: "MonitoringStatus",
      icon: "Activity",
      handler: async (deps, request) => statusPage(deps.prisma, request.query ?? {}),
    },
  },
});
