// The analytics module's words, French and English side by side: the daily business metrics, their export and the alert thresholds.
// src/admin/locale.ts assembles every module's words into AdminJS's translations.
import type { ModuleLocale } from "../../module.js";

export const analyticsLocale: ModuleLocale = {
  resources: {
    business_metrics: {
      label: ["Indicateurs quotidiens", "Business metrics"],
      common: ["id", "createdAt"],
      properties: {
        metricDate: ["Date", "Date"],
        totalCustomers: ["Clients (total)", "Total customers"],
        activeCustomers: ["Clients actifs", "Active customers"],
        newCustomers: ["Nouveaux clients", "New customers"],
        churnedCustomers: ["Clients perdus", "Churned customers"],
        totalSites: ["Sites (total)", "Total sites"],
        activeSites: ["Sites actifs", "Active sites"],
        monthlyRevenue: ["Revenu mensuel (MRR)", "Monthly revenue (MRR)"],
        aiRequestsCount: ["Demandes IA", "AI requests"],
        aiRevenue: ["Revenu IA", "AI revenue"],
        // The dashboard's alert thresholds (the "Alert thresholds" action; modules/analytics/thresholds.ts).
        aiQueuePending: ["Demandes IA en attente (au-delà de)", "Pending AI requests (above)"],
        overdueInvoices: ["Factures impayées en retard (au-delà de)", "Overdue unpaid invoices (above)"],
        sitesDown: ["Sites hors service (au-delà de)", "Sites down (above)"],
        failedJobs: ["Tâches en échec (au-delà de)", "Failed jobs (above)"],
      },
    },
  },
  messages: {
    // Analytics (src/modules/analytics/resource.ts).
    metricsExportExplain: [
      "Les indicateurs quotidiens des jours choisis (inclus), un jour par ligne, en CSV pour le tableur.",
      "The daily business metrics of the chosen days (included), one day per line, as CSV for a spreadsheet.",
    ],
    metricsExportFrom: ["Du", "From"],
    metricsExportTo: ["Au (inclus)", "To (inclusive)"],
    metricsExportDownload: ["Télécharger (CSV)", "Download (CSV)"],
    metricsExportRangeInvalid: [
      "La date de fin doit être égale ou postérieure à la date de début.",
      "The end date must be on or after the start date.",
    ],
    alertThresholdsExplain: [
      "Le tableau de bord signale une alerte quand un de ces chiffres est dépassé (les demandes IA en attente au-delà de leur délai sont toujours signalées). Nombres entiers de 0 à 100000.",
      "The dashboard raises an alert when one of these figures is exceeded (AI requests pending beyond their SLA are always raised). Whole numbers from 0 to 100000.",
    ],
    alertThresholdsSaved: ["Seuils d'alerte enregistrés", "Alert thresholds saved"],
  },
  actions: {
    // The audit log's words for what this module records (admin_activity_log.action, dots as underscores).
    business_metrics_snapshot: ["Indicateurs du jour enregistrés", "Daily metrics snapshot"],
    business_metrics_resnapshot: ["Indicateurs du jour recalculés", "Daily metrics recomputed"],
    // Business metrics (src/modules/analytics/resource.ts).
    exportCsv: ["Export CSV", "CSV export"],
    alertThresholds: ["Seuils d'alerte", "Alert thresholds"],
  },
};
