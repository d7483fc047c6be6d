import type { ResourceFactory } from "../../admin/resource-kit.js";
import { siteConfigTable, siteTable } from "./tables.js";
import { siteBackupActions } from "./backups/admin-action.js";
import { siteAudienceAction } from "../monitoring/index.js";

export const sitesResources: ResourceFactory = (kit) => [
  kit.table(siteTable, {
    properties: { name: { isTitle: true } },
    // "Backups": versions, diff, download, back up now, restore (backups/admin-action.ts); "Audience".
    actions: { ...siteBackupActions(kit), audience: siteAudienceAction(kit) },
  }),
  kit.table(siteConfigTable, { properties: { version: { isTitle: true } } }),
];
