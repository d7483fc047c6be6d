import { defineTable } from "../../db/table-spec.js";
import { siteWrites } from "./site-writes.js";
import { SITE_BACKUP_ACTION_ACCESS } from "./backups/access.js";

export const siteTable = defineTable({
  model: "Site",
  module: "sites",
  // A site going active gets its monitors (site-writes.ts).
  writes: siteWrites,
  writable: {
    customerId: {},
    name: {},
    domain: { hostname: true },
    configPath: { relativePath: true },
    status: {},
    // The template a site is built from, chosen at creation; the version is its active one then (site-writes.ts).
    templateId: {},
  },
  workflow: ["templateVersionId"],
  list: ["id", "name", "customer", "domain", "status", "createdAt"],
  title: ["name"],
  actions: {
    // "Backups": the site's config versions, diff, download, back up and restore (backups/admin-action.ts).
    ...SITE_BACKUP_ACTION_ACCESS,
    // Audience (monitoring's site analytics) and surveillance (the monitoring module's view of the site)
    // also need monitoring.view, which the actions check.
    audience: "view",
    surveillance: "view",
  },
  related: [
    { table: "site_configs", via: "siteId" },
    { table: "site_monitoring", via: "siteId" },
  ],
  filters: ["name", "customer", "domain", "status", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
  constraints: {
    sites_customer_id_check: {
      field: "customerId",
      message: "siteLimitReached",
      text: "this customer already has all the sites its plan allows (see the plan's max. sites)",
    },
  },
});

export const siteConfigTable = defineTable({
  model: "SiteConfig",
  module: "sites",
  writable: {
    siteId: {},
    configData: { json: "object" },
    version: { min: 1 },
  },
  // Written by the backups (backups/service.ts); a backup's row is frozen (migration site_config_backups).
  workflow: ["kind", "note", "restoredFrom"],
  author: "createdById",
  list: ["id", "site", "version", "kind", "createdBy", "createdAt"],
  title: ["site.name", "version"],
  filters: ["site", "version", "kind", "createdBy", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

/** The tables of the module, in menu order. */
export const sitesTables = [siteTable, siteConfigTable];
