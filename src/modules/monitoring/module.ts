import { defineModule } from "../../module.js";
import { monitoringResources } from "./resource.js";
import { monitoringLocale } from "./locale.js";
import { monitoringTables } from "./tables.js";
import { COLLECT_OPERATIONS, collectRoutes } from "./site-analytics/collect-routes.js";
import { SITE_ANALYTICS_OPERATIONS, siteAnalyticsRoutes } from "./site-analytics/routes.js";
import { siteAnalyticsJobs, siteAnalyticsSchedules } from "./site-analytics/jobs.js";

export const monitoringModule = defineModule({
  name: "monitoring",
  tables: monitoringTables,
  locale: monitoringLocale,
  navigation: { name: ["Monitoring", "Monitoring"], icon: "Activity" },
  resources: monitoringResources,
  // Site analytics: the customer sites' script and beacon at the root, the Audience figures in REST.
  rootRoutes: { routes: (deps) => collectRoutes(deps), operations: COLLECT_OPERATIONS },
  api: [{ routes: siteAnalyticsRoutes, operations: SITE_ANALYTICS_OPERATIONS }],
  jobs: [...siteAnalyticsJobs],
  schedules: [...siteAnalyticsSchedules],
});
