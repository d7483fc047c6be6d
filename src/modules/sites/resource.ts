import type { ResourceFactory } from "../../admin/resource-kit.js";
import { siteConfigTable, siteTable } from "./tables.js";
import { siteBackupActions } from "./backups/admin-action.js";
import { siteAudienceAction, siteSurveillanceAction } from "../monitoring/index.js";

export const sitesResources: ResourceFactory = (kit) => [
  kit.table(siteTable, {
    properties: { name: { isTitle: true } },
    // "Backups": versions, diff, download, back up now, restore (backups/admin-action.ts); "Audience"; the
    // site's monitors, uptime and incidents (the monitoring module's view).
    actions: {
      ...siteBackupActions(kit),
      audience: siteAudienceAction(kit),
      surveillance: siteSurveillanceAction(kit),
    },
  }),
  kit.table(siteConfigTable, { properties: { version: { isTitle: true } } }),
];
