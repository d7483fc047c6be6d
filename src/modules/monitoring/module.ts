import { defineModule } from "../../module.js";
import { monitoringResources } from "./resource.js";
import { monitoringLocale } from "./locale.js";
import { monitoringTables } from "./tables.js";
import { UPTIME_OPERATIONS, uptimeRoutes } from "./uptime/routes.js";
import { uptimeJobs, uptimeSchedules } from "./uptime/jobs.js";

export const monitoringModule = defineModule({
  name: "monitoring",
  tables: monitoringTables,
  locale: monitoringLocale,
  navigation: { name: ["Monitoring", "Monitoring"], icon: "Activity" },
  resources: monitoringResources,
  api: [{ routes: uptimeRoutes, operations: UPTIME_OPERATIONS }],
  jobs: [...uptimeJobs],
  schedules: [...uptimeSchedules],
});
