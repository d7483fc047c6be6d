import { defineModule } from "../../module.js";
import { monitoringResources } from "./resource.js";
import { monitoringLocale } from "./locale.js";
import { monitoringTables } from "./tables.js";
import { checkJobs, checkSchedules } from "./checks/jobs.js";
import { MONITOR_CHECK_OPERATIONS, monitorCheckRoutes } from "./checks/routes.js";

export const monitoringModule = defineModule({
  name: "monitoring",
  tables: monitoringTables,
  locale: monitoringLocale,
  navigation: { name: ["Monitoring", "Monitoring"], icon: "Activity" },
  resources: monitoringResources,
  api: [{ routes: monitorCheckRoutes, operations: MONITOR_CHECK_OPERATIONS }],
  jobs: [...checkJobs],
  schedules: [...checkSchedules],
});
