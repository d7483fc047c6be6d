// The "Monitoring" record action of a site (sites resource): the site's monitors, response times, uptime
// and incidents (screens.ts), shown by components/monitoring/SiteMonitoring.tsx. It reads only: a GET.
// The sites table spec gives it sites.view; it needs monitoring.view as well.
import { NotFoundError, type Action, type ActionResponse } from "adminjs";
import type { ResourceKit } from "../../../admin/resource-kit.js";
import { contextCan } from "../../../admin/access.js";
import { siteMonitoringView } from "./screens.js";

export function siteSurveillanceAction(kit: ResourceKit): Partial<Action<ActionResponse>> {
  return {
    actionType: "record",
    icon: "Activity",
    component: kit.components.SiteMonitoring,
    showInDrawer: false,
    isAccessible: () => contextCan("monitoring", "view"),
    handler: async (_request, _response, context) => {
      const { record, currentAdmin } = context;
      if (!record) throw new NotFoundError("No such site", "surveillance");
      const view = await siteMonitoringView(kit.prisma, Number(record.id()));
      return { record: record.toJSON(currentAdmin), monitoring: view };
    },
  };
}
