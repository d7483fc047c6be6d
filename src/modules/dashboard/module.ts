import { defineModule } from "../../module.js";
import { DASHBOARD_OPERATIONS, dashboardRoutes } from "./routes.js";
import { dashboard } from "./service.js";
import { parsePeriod, type MetricPeriod } from "../ai-queue/metrics.js";
import { dashboardLocale } from "./locale.js";

export const dashboardModule = defineModule({
  name: "dashboard",
  locale: dashboardLocale,
  // The dashboard in one call, and its "send reminders for all overdue invoices" quick action.
  api: [
    {
      routes: (deps) => dashboardRoutes({ prisma: deps.prisma, queues: deps.queues }),
      operations: DASHBOARD_OPERATIONS,
    },
  ],
  // The same answer as GET /admin/api/v1/dashboard, for the session's admin; a bad period is an error
  // key for the page rather than a 500.
  dashboard: async (deps, request) => {
    let days: MetricPeriod;
    try {
      days = parsePeriod(request.query?.days, 30);
    } catch {
      return { error: "dashboardBadPeriod" };
    }
    return dashboard(deps, { days });
  },
});
