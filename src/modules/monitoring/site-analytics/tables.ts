// The site analytics tables, read-only everywhere: /collect writes the raw events, the rollup job the
// daily rows. The visitor digests stay on the server (a pseudonymous id is still personal data).
import { defineTable } from "../../../db/table-spec.js";

const READ_ONLY = { new: null, edit: null, delete: null, bulkDelete: null } as const;

export const siteAnalyticsEventTable = defineTable({
  model: "SiteAnalyticsEvent",
  module: "monitoring",
  actions: READ_ONLY,
  writable: {},
  secrets: ["visitorHash"],
  list: ["id", "site", "occurredAt", "kind", "path", "referrerHost", "goal", "metric", "value"],
  title: ["site.name", "kind"],
  filters: ["site", "day", "kind", "metric"],
  order: { by: "id", direction: "desc" },
});

export const siteAnalyticsDailyTable = defineTable({
  model: "SiteAnalyticsDaily",
  module: "monitoring",
  actions: READ_ONLY,
  writable: {},
  list: ["id", "site", "day", "pageViews", "visitors", "rolledUpAt"],
  title: ["site.name", "day"],
  filters: ["site", "day"],
  order: { by: "day", direction: "desc" },
});

export const siteAnalyticsTables = [siteAnalyticsDailyTable, siteAnalyticsEventTable];
