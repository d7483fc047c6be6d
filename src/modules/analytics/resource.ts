// Analytics (issue 6, item 3): business_metrics, read-only (the nightly snapshot writes it), with two
// resource actions:
// - "CSV export" (analytics.export): a range of days, then a download link to the session route
//   GET /admin/analytics/business_metrics/export.csv (routes.ts); reading only;
// - "Alert thresholds" (analytics.configure): the dashboard's thresholds, shown on GET and replaced on
//   POST through thresholds.ts, which checks the permission and the values and audits the change.
import type { Action, ActionResponse } from "adminjs";
import type { ResourceFactory, ResourceKit } from "../../admin/resource-kit.js";
import { serviceRefusal } from "../../admin/service-action.js";
import { readAlertThresholds, THRESHOLD_FIELDS, updateAlertThresholds } from "./thresholds.js";
import { rangeExportAction } from "../../admin/range-export.js";
import { businessMetricTable } from "./tables.js";

type AnalyticsAction = "exportCsv" | "alertThresholds";

/** A form's whole-number text as a number; anything else is left for the service to refuse by name. */
function formValues(payload: Record<string, unknown> | undefined): Record<string, unknown> {
  const values: Record<string, unknown> = { ...(payload ?? {}) };
  for (const field of THRESHOLD_FIELDS) {
    const raw = values[field];
    if (typeof raw === "string" && /^\s*\d{1,9}\s*$/.test(raw)) values[field] = Number(raw);
  }
  return values;
}

function analyticsActions(kit: ResourceKit): Record<AnalyticsAction, Partial<Action<ActionResponse>>> {
  return {
    // The form links to the session download route with the chosen range.
    exportCsv: rangeExportAction({
      component: kit.components.RangeExport,
      messages: "metricsExport",
      initial: "last30Days",
      downloads: [
        {
          href: "/admin/analytics/business_metrics/export.csv",
          label: "metricsExportDownload",
          testId: "metrics-export-download",
        },
      ],
    }),
    alertThresholds: {
      actionType: "resource",
      icon: "Bell",
      component: kit.components.AlertThresholds,
      handler: async (request) => {
        if (request.method !== "post") return { thresholds: await readAlertThresholds(kit.prisma) };
        try {
          const thresholds = await updateAlertThresholds(kit.prisma, formValues(request.payload));
          return { thresholds, notice: { message: "alertThresholdsSaved", type: "success" } };
        } catch (error) {
          throw serviceRefusal(error, { resourceId: "business_metrics" });
        }
      },
    },
  };
}

export const analyticsResources: ResourceFactory = (kit) => [
  kit.table(businessMetricTable, {
    // One snapshot per day.
    properties: { metricDate: { isTitle: true } },
    actions: analyticsActions(kit),
  }),
];
