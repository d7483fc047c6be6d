import { defineModule } from "../../module.js";
import { monitoringTimeline } from "./timeline.js";
import { monitoringResources } from "./resource.js";
import { monitoringLocale } from "./locale.js";
import { monitoringTables } from "./tables.js";
import { checkJobs, checkSchedules } from "./checks/jobs.js";
import { MONITOR_CHECK_OPERATIONS, monitorCheckRoutes } from "./checks/routes.js";
import { ALERT_OPERATIONS, alertRoutes } from "./alerts/routes.js";
import { ackPageRoutes } from "./alerts/ack-page.js";
import { alertJobs, alertSchedules } from "./alerts/jobs.js";
import { alertEmailRenderers } from "./alerts/emails.js";
import { COLLECT_OPERATIONS, collectRoutes } from "./site-analytics/collect-routes.js";
import { SITE_ANALYTICS_OPERATIONS, siteAnalyticsRoutes } from "./site-analytics/routes.js";
import { siteAnalyticsJobs, siteAnalyticsSchedules } from "./site-analytics/jobs.js";
import { UPTIME_OPERATIONS, uptimeRoutes } from "./uptime/routes.js";
import { uptimeJobs, uptimeSchedules } from "./uptime/jobs.js";
import { statusPage } from "./uptime/screens.js";

export const monitoringModule = defineModule({
  name: "monitoring",
  // Its events in a customer\'s story (the customer 360 timeline).
  customerTimeline: monitoringTimeline,
  tables: monitoringTables,
  locale: monitoringLocale,
  navigation: { name: ["Monitoring", "Monitoring"], icon: "Activity" },
  resources: monitoringResources,
  // Site analytics: the customer sites' script and beacon at the root, the Audience figures in REST.
  rootRoutes: { routes: (deps) => collectRoutes(deps), operations: COLLECT_OPERATIONS },
  api: [
    { routes: monitorCheckRoutes, operations: MONITOR_CHECK_OPERATIONS },
    // Incident alerts (alerts/): acknowledge over REST and from the e-mail link; the alert job every minute.
    { routes: alertRoutes, operations: ALERT_OPERATIONS },
    { routes: siteAnalyticsRoutes, operations: SITE_ANALYTICS_OPERATIONS },
    { routes: uptimeRoutes, operations: UPTIME_OPERATIONS },
  ],
  adminRoutes: ackPageRoutes,
  jobs: [...checkJobs, ...alertJobs, ...siteAnalyticsJobs, ...uptimeJobs],
  schedules: [...checkSchedules, ...alertSchedules, ...siteAnalyticsSchedules, ...uptimeSchedules],
  emailRenderers: alertEmailRenderers,
  pages: {
    // Every site's state, 90-day uptime bar and open incidents (components/monitoring/MonitoringStatus.tsx).
    monitoringStatus: {
      component: "MonitoringStatus",
      icon: "Activity",
      handler: async (deps, request) => statusPage(deps.prisma, request.query ?? {}),
    },
  },
});
