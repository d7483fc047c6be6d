import { defineTable } from "../../db/table-spec.js";

export const siteTable = defineTable({
  model: "Site",
  module: "sites",
  // surveillance: the monitoring module's view of the site; it needs monitoring.view as well.
  actions: { surveillance: "view" },
  writable: {
    customerId: {},
    name: {},
    domain: { hostname: true },
    configPath: { relativePath: true },
    status: {},
  },
  list: ["id", "name", "customer", "domain", "status", "createdAt"],
  title: ["name"],
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
  list: ["id", "site", "version", "createdAt"],
  title: ["site.name", "version"],
  filters: ["site", "version", "createdAt"],
  order: { by: "createdAt", direction: "desc" },
});

/** The tables of the module, in menu order. */
export const sitesTables = [siteTable, siteConfigTable];
