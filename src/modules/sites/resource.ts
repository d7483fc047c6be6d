import type { ResourceFactory } from "../../admin/resource-kit.js";
import { siteConfigTable, siteTable } from "./tables.js";
import { siteBackupActions } from "./backups/admin-action.js";

export const sitesResources: ResourceFactory = (kit) => [
  kit.table(siteTable, {
    properties: { name: { isTitle: true } },
    // "Backups": versions, diff, download, back up now, restore (backups/admin-action.ts).
    actions: { ...siteBackupActions(kit) },
  }),
  kit.table(siteConfigTable, { properties: { version: { isTitle: true } } }),
];
