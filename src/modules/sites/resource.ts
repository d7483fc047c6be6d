import type { ResourceFactory } from "../../admin/resource-kit.js";
import { siteConfigTable, siteTable } from "./tables.js";
import { siteSurveillanceAction } from "../monitoring/index.js";

export const sitesResources: ResourceFactory = (kit) => [
  kit.table(siteTable, {
    properties: { name: { isTitle: true } },
    // The site's monitors, uptime and incidents (the monitoring module's view).
    actions: { surveillance: siteSurveillanceAction(kit) },
  }),
  kit.table(siteConfigTable, { properties: { version: { isTitle: true } } }),
];
