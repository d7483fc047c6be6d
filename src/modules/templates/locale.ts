// The templates module's words, French and English side by side: templates, their versions and A/B tests.
// src/admin/locale.ts assembles every module's words into AdminJS's translations.
import type { ModuleLocale } from "../../module.js";

export const templatesLocale: ModuleLocale = {
  resources: {
    templates: {
      label: ["Templates", "Templates"],
      common: ["id", "createdAt", "status", "name"],
      properties: {
        category: ["Catégorie", "Category"],
        configTemplate: ["Configuration type (JSON)", "Config template (JSON)"],
      },
    },
    template_versions: {
      label: ["Versions de template", "Template versions"],
      common: ["id", "createdAt", "template", "author", "version", "configData"],
      properties: {
        changelog: ["Journal des modifications", "Changelog"],
        isActive: ["Active", "Active"],
        activatedAt: ["Activée le", "Activated at"],
        activator: ["Activée par", "Activated by"],
        previousVersion: ["Version remplacée", "Replaced version"],
      },
    },
    template_ab_tests: {
      label: ["Tests A/B", "A/B tests"],
      common: ["id", "createdAt", "status", "name", "author"],
      properties: {
        templateA: ["Template A", "Template A"],
        templateB: ["Template B", "Template B"],
        trafficSplit: ["Trafic vers B (%)", "Traffic to B (%)"],
        startDate: ["Début", "Start date"],
        endDate: ["Fin", "End date"],
      },
    },
  },
  enums: {
    TemplateStatus: { draft: ["Brouillon", "Draft"], active: ["Actif", "Active"], archived: ["Archivé", "Archived"] },
    AbTestStatus: {
      draft: ["Brouillon", "Draft"],
      running: ["En cours", "Running"],
      completed: ["Terminé", "Completed"],
      cancelled: ["Annulé", "Cancelled"],
    },
  },
  messages: {
    abTestSameTemplate: ["Choisissez un autre template que le A", "Pick a template other than A"],
    endBeforeStart: ["La fin précède le début", "The end comes before the start"],
  },
};
