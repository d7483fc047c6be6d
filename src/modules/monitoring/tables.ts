import { defineTable } from "../../db/table-spec.js";
import { alertTables, INCIDENT_ACTION_ACCESS } from "./alerts/tables.js";
import { siteAnalyticsTables } from "./site-analytics/tables.js";

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

export const monitorTable = defineTable({
  model: "Monitor",
  module: "monitoring",
  actions: {
    new: "configure_alerts",
    edit: "configure_alerts",
    delete: "configure_alerts",
    bulkDelete: null,
    // checks/admin-actions.ts
    pause: "configure_alerts",
    resume: "configure_alerts",
  },
  writable: {
    siteId: {},
    type: {},
    target: { maxLength: 2048 },
    expectedStatus: { min: 100, max: 599 },
    keyword: { maxLength: 200 },
    timeoutMs: { min: 100, max: 60000 },
    sslWarningDays: { min: 0, max: 365 },
    dnsExpected: { json: "array" },
    intervalSeconds: { min: 30, max: 86400 },
    enabled: {},
    failureThreshold: { min: 1, max: 100 },
    successThreshold: { min: 1, max: 100 },
  },
  workflow: ["state", "consecutiveFailures", "consecutiveSuccesses", "lastCheckedAt", "nextCheckAt"],
  list: ["id", "site", "type", "target", "state", "enabled", "intervalSeconds", "lastCheckedAt"],
  title: ["site.name", "type"],
  related: [{ table: "incidents", via: "monitorId" }],
  filters: ["site", "type", "state", "enabled"],
  order: { by: "id", direction: "asc" },
});

export const incidentTable = defineTable({
  model: "Incident",
  module: "monitoring",
  actions: {
    new: null,
    edit: null,
    delete: null,
    bulkDelete: null,
    ...INCIDENT_ACTION_ACCESS,
    resolve: "configure_alerts",
  },
  writable: {},
  workflow: ["acknowledgedById", "acknowledgedAt", "resolvedAt"],
  list: ["id", "site", "monitor", "cause", "openedAt", "acknowledgedAt", "resolvedAt"],
  title: ["site.name", "cause"],
  related: [{ table: "incident_notifications", via: "incidentId" }],
  filters: ["site", "monitor", "openedAt", "resolvedAt"],
  order: { by: "openedAt", direction: "desc" },
});

export const maintenanceWindowTable = defineTable({
  model: "MaintenanceWindow",
  module: "monitoring",
  actions: { new: "configure_alerts", edit: "configure_alerts", delete: "configure_alerts", bulkDelete: null },
  writable: {
    siteId: {},
    title: { maxLength: 200 },
    kind: {},
    startsAt: {},
    endsAt: {},
    weekday: { min: 0, max: 6 },
    startMinute: { min: 0, max: 1439 },
    durationMinutes: { min: 1, max: 10080 },
    timeZone: { maxLength: 64, timeZone: true },
  },
  author: "createdById",
  list: ["id", "title", "site", "kind", "startsAt", "endsAt", "weekday"],
  title: ["title"],
  filters: ["site", "kind"],
  order: { by: "id", direction: "desc" },
  constraints: {
    maintenance_windows_one_off: {
      field: "endsAt",
      message: "maintenanceOneOff",
      text: "a one-off window needs a start and an end after it",
    },
    maintenance_windows_weekly: {
      field: "weekday",
      message: "maintenanceWeekly",
      text: "a weekly window needs a weekday (0-6), a start minute (0-1439) and a duration (1-10080 minutes)",
    },
  },
});

/** The tables of the module, in menu order. */
export const monitoringTables = [
  monitorTable,
  incidentTable,
  maintenanceWindowTable,
  siteMonitoringTable,
  ...alertTables,
  ...siteAnalyticsTables,
];
