// The sites module's words, French and English side by side: sites and their configurations.
// src/admin/locale.ts assembles every module's words into AdminJS's translations.
import type { ModuleLocale } from "../../module.js";
import { siteBackupLocale, siteBackupProperties } from "./backups/locale.js";

export const sitesLocale: ModuleLocale = {
  resources: {
    sites: {
      label: ["Sites", "Sites"],
      common: ["id", "createdAt", "status", "name", "customer"],
      properties: {
        domain: ["Domaine", "Domain"],
        configPath: ["Chemin de configuration", "Config path"],
        template: ["Template", "Template"],
        templateVersion: ["Version du template", "Template version"],
      },
    },
    site_configs: {
      label: ["Configurations de site", "Site configs"],
      common: ["id", "createdAt", "site", "version", "configData"],
      properties: { ...siteBackupProperties },
    },
  },
  enums: {
    SiteStatus: {
      draft: ["Brouillon", "Draft"],
      building: ["En construction", "Building"],
      active: ["En ligne", "Active"],
      suspended: ["Suspendu", "Suspended"],
      archived: ["Archivé", "Archived"],
    },
    ...siteBackupLocale.enums,
  },
  actions: { ...siteBackupLocale.actions },
  messages: {
    timeline_site_created: ["Site créé", "Site created"],
    ...siteBackupLocale.messages,
    siteLimitReached: [
      "ce client a déjà tous les sites que son offre permet (voir Sites max. de l'offre)",
      "this customer already has all the sites its plan allows (see the plan's max. sites)",
    ],
  },
};
