import { defineModule } from "../../module.js";
import { monitoringResources } from "./resource.js";
import { monitoringLocale } from "./locale.js";
import { monitoringTables } from "./tables.js";
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
  // Incident alerts (alerts/): acknowledge over REST and from the e-mail link; the alert job every minute.
  api: [{ routes: alertRoutes, operations: ALERT_OPERATIONS }],
  adminRoutes: ackPageRoutes,
  jobs: alertJobs,
  schedules: alertSchedules,
  emailRenderers: alertEmailRenderers,
});
