// The "Audience" record action of sites: the site's audience over 7, 30 or 90 days, for admins who may
// see both the site (sites.view, the table spec's permission) and monitoring (monitoring.view, checked
// here on every call).
import type { Action, ActionResponse } from "adminjs";
import type { ResourceKit } from "../../../admin/resource-kit.js";
import { contextCan } from "../../../admin/access.js";
import { lastDays, PERIOD_CHOICES } from "./rules/period.js";
import { siteAudience } from "./audience.js";

export function siteAudienceAction(kit: ResourceKit): Partial<Action<ActionResponse>> {
  return {
    actionType: "record",
    icon: "BarChart2",
    component: kit.components.SiteAnalytics,
    isAccessible: () => contextCan("monitoring", "view"),
    handler: async (request, _response, context) => {
      const { record, currentAdmin } = context;
      if (!record) throw new Error("No such site");
      if (!contextCan("monitoring", "view")) return { record: record.toJSON(currentAdmin), error: "audienceForbidden" };
      const asked = Number((request.query as Record<string, unknown> | undefined)?.days);
      const days = (PERIOD_CHOICES as readonly number[]).includes(asked) ? asked : 30;
      const now = new Date();
      const audience = await siteAudience(kit.prisma, Number(record.id()), lastDays(days, now), now);
      return {
        record: record.toJSON(currentAdmin),
        audience: { ...audience, scriptUrl: new URL("/collect.js", kit.config.publicBaseUrl).href },
      };
    },
  };
}
