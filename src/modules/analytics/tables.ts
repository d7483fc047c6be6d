import { defineTable } from "../../db/table-spec.js";

export const businessMetricTable = defineTable({
  model: "BusinessMetric",
  module: "analytics",
  actions: { new: null, edit: null, delete: null, bulkDelete: null, exportCsv: "export", alertThresholds: "configure" },
  writable: {},
  list: [
    "metricDate",
    "activeCustomers",
    "newCustomers",
    "churnedCustomers",
    "activeSites",
    "monthlyRevenue",
    "aiRequestsCount",
    "aiRevenue",
  ],
  filters: ["metricDate"],
  title: ["metricDate"],
  order: { by: "metricDate", direction: "desc" },
});

/** The tables of the module, in menu order. */
export const analyticsTables = [businessMetricTable];
