// The words of site analytics ("Audience"), French and English; merged into the monitoring module's.
import type { ModuleLocale } from "../../../module.js";

export const siteAnalyticsLocale = {
  resources: {
    site_analytics_daily: {
      label: ["Audience par jour", "Daily audience"],
      common: ["id", "site"],
      properties: {
        day: ["Jour", "Day"],
        pageViews: ["Pages vues", "Page views"],
        visitors: ["Visiteurs uniques", "Unique visitors"],
        topPages: ["Pages les plus vues", "Top pages"],
        topReferrers: ["Principaux référents", "Top referrers"],
        goals: ["Objectifs", "Goals"],
        vitals: ["Web Vitals (p75)", "Web Vitals (p75)"],
        rolledUpAt: ["Agrégé le", "Rolled up at"],
      },
    },
    site_analytics_events: {
      label: ["Événements d'audience", "Audience events"],
      common: ["id", "site"],
      properties: {
        day: ["Jour", "Day"],
        occurredAt: ["Reçu le", "Received at"],
        kind: ["Type", "Kind"],
        path: ["Page", "Page"],
        referrerHost: ["Référent", "Referrer"],
        visitorHash: ["Visiteur (empreinte du jour)", "Visitor (digest of the day)"],
        goal: ["Objectif", "Goal"],
        metric: ["Mesure", "Metric"],
        value: ["Valeur", "Value"],
      },
    },
  },
  enums: {
    SiteAnalyticsEventKind: {
      pageview: ["Page vue", "Page view"],
      goal: ["Objectif", "Goal"],
      vital: ["Web Vital", "Web Vital"],
    },
    WebVital: { LCP: ["LCP", "LCP"], INP: ["INP", "INP"], CLS: ["CLS", "CLS"] },
  },
  actions: { audience: ["Audience", "Audience"] },
  messages: {
    audienceTitle: ["Audience", "Audience"],
    audiencePeriod: ["Période", "Period"],
    audienceDaysUnit: ["jours", "days"],
    audienceDay: ["Jour", "Day"],
    audienceBusiest: ["jour le plus fréquenté", "busiest day"],
    audienceVisitors: ["Visiteurs uniques", "Unique visitors"],
    audiencePageViews: ["Pages vues", "Page views"],
    audienceConversions: ["Conversions", "Conversions"],
    audienceChart: ["Visiteurs et pages vues par jour", "Visitors and page views per day"],
    audienceTopPages: ["Pages les plus vues", "Top pages"],
    audienceReferrers: ["Référents", "Referrers"],
    audienceGoals: ["Objectifs", "Goals"],
    audienceVitals: ["Web Vitals (75e percentile)", "Web Vitals (75th percentile)"],
    audiencePage: ["Page", "Page"],
    audienceViews: ["Vues", "Views"],
    audienceSource: ["Source", "Source"],
    audienceGoal: ["Objectif", "Goal"],
    audienceCount: ["Nombre", "Count"],
    audienceMetric: ["Mesure", "Metric"],
    audienceMeasures: ["Mesures", "Measures"],
    audienceRating: ["Appréciation", "Rating"],
    audienceGood: ["Bon", "Good"],
    audienceNeedsImprovement: ["À améliorer", "Needs improvement"],
    audiencePoor: ["Mauvais", "Poor"],
    audienceNothing: ["Aucune donnée sur la période", "No data for this period"],
    audienceNoDomain: [
      "Ce site n'a pas de domaine : le script d'audience ne peut pas l'identifier.",
      "This site has no domain: the audience script cannot identify it.",
    ],
    audienceSnippet: [
      "Pour mesurer l'audience, ajoutez cette ligne dans le <head> des pages du site :",
      "To measure the audience, add this line to the <head> of the site's pages:",
    ],
    audienceForbidden: [
      "L'audience demande la permission monitoring.view",
      "The audience needs the monitoring.view permission",
    ],
  },
} satisfies ModuleLocale;
