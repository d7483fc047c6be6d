// The monitoring module's words, French and English side by side: the site checks.
// src/admin/locale.ts assembles every module's words into AdminJS's translations.
import type { ModuleLocale } from "../../module.js";

export const monitoringLocale: ModuleLocale = {
  resources: {
    site_monitoring: {
      label: ["Surveillance des sites", "Site monitoring"],
      common: ["id", "site", "errorMessage"],
      properties: {
        checkTime: ["Vérifié le", "Checked at"],
        statusCode: ["Code HTTP", "Status code"],
        responseTimeMs: ["Temps de réponse (ms)", "Response time (ms)"],
        isUp: ["En ligne", "Up"],
        checkType: ["Type de vérification", "Check type"],
      },
    },
  },
  enums: {
    CheckType: { http: ["HTTP", "HTTP"], ssl: ["SSL", "SSL"], dns: ["DNS", "DNS"] },
  },
};
