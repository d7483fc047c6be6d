import { defineModule } from "../../module.js";
import { analyticsResources } from "./resource.js";
import { ANALYTICS_OPERATIONS, analyticsDownloadRoutes, analyticsRoutes } from "./routes.js";
import { analyticsLocale } from "./locale.js";
import { analyticsTables } from "./tables.js";
import { analyticsJobs, analyticsSchedules } from "./jobs.js";

export const analyticsModule = defineModule({
  name: "analytics",
  tables: analyticsTables,
  locale: analyticsLocale,
  navigation: { name: ["Analytics", "Analytics"], icon: "BarChart2" },
  resources: analyticsResources,
  // The dashboard's alert thresholds (GET, PUT) and the metrics export.
  api: [{ routes: analyticsRoutes, operations: ANALYTICS_OPERATIONS }],
  adminRoutes: analyticsDownloadRoutes,
  jobs: analyticsJobs,
  schedules: analyticsSchedules,
});
