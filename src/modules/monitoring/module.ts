import { defineModule } from "../../module.js";
import { monitoringResources } from "./resource.js";
import { monitoringLocale } from "./locale.js";
import { monitoringTables } from "./tables.js";
import { checkJobs, checkSchedules } from "./checks/jobs.js";
import { MONITOR_CHECK_OPERATIONS, monitorCheckRoutes } from "./checks/routes.js";
import { ALERT_OPERATIONS, alertRoutes } from "./alerts/routes.js";
import { ackPageRoutes } from "./alerts/ack-page.js";
import { alertJobs, alertSchedules } from "./alerts/jobs.js";
import { alertEmailRenderers } from "./alerts/emails.js";

export const monitoringModule = defineModule({
  name: "monitoring",
  tables: monitoringTables,
  locale: monitoringLocale,
  navigation: { name: ["Monitoring", "Monitoring"], icon: "Activity" },
  resources: monitoringResources,
  api: [
    { routes: monitorCheckRoutes, operations: MONITOR_CHECK_OPERATIONS },
    // Incident alerts (alerts/): acknowledge over REST and from the e-mail link; the alert job every minute.
    { routes: alertRoutes, operations: ALERT_OPERATIONS },
  ],
  adminRoutes: ackPageRoutes,
  jobs: [...checkJobs, ...alertJobs],
  schedules: [...checkSchedules, ...alertSchedules],
  emailRenderers: alertEmailRenderers,
});
