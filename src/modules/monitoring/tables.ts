import { defineTable } from "../../db/table-spec.js";

export const siteMonitoringTable = defineTable({
  model: "SiteMonitoring",
  module: "monitoring",
  actions: { new: null, edit: null, delete: null, bulkDelete: null },
  writable: {},
  list: ["id", "site", "checkType", "isUp", "statusCode", "responseTimeMs", "checkTime"],
  title: ["site.name", "checkTime"],
  filters: ["site", "checkType", "isUp", "statusCode", "checkTime"],
  order: { by: "checkTime", direction: "desc" },
});

/** The tables of the module, in menu order. */
export const monitoringTables = [siteMonitoringTable];
