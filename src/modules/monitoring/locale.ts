// The monitoring module's words, French and English side by side: monitors, incidents, maintenance
// windows and the site checks. src/admin/locale.ts assembles every module's words into AdminJS's translations.
import type { ModuleLocale } from "../../module.js";

export const monitoringLocale: ModuleLocale = {
  resources: {
    monitors: {
      label: ["Moniteurs", "Monitors"],
      common: ["id", "site", "createdAt"],
      properties: {
        type: ["Type de vérification", "Check type"],
        target: ["Cible", "Target"],
        expectedStatus: ["Code HTTP attendu", "Expected status code"],
        keyword: ["Mot-clé attendu", "Expected keyword"],
        timeoutMs: ["Délai maximal (ms)", "Timeout (ms)"],
        sslWarningDays: ["Alerte certificat (jours avant expiration)", "Certificate warning (days before expiry)"],
        dnsExpected: ["Enregistrements DNS attendus", "Expected DNS records"],
        intervalSeconds: ["Intervalle (s)", "Interval (s)"],
        enabled: ["Actif", "Enabled"],
        failureThreshold: ["Échecs avant incident", "Failures before an incident"],
        successThreshold: ["Succès avant rétablissement", "Successes before recovery"],
        state: ["État", "State"],
        consecutiveFailures: ["Échecs consécutifs", "Consecutive failures"],
        consecutiveSuccesses: ["Succès consécutifs", "Consecutive successes"],
        lastCheckedAt: ["Dernière vérification", "Last checked"],
        nextCheckAt: ["Prochaine vérification", "Next check"],
        incidents: ["Incidents", "Incidents"],
        updatedAt: ["Modifié le", "Updated at"],
      },
    },
    incidents: {
      label: ["Incidents", "Incidents"],
      common: ["id", "site"],
      properties: {
        monitor: ["Moniteur", "Monitor"],
        monitorId: ["Moniteur", "Monitor"],
        cause: ["Cause", "Cause"],
        openedAt: ["Ouvert le", "Opened at"],
        acknowledgedBy: ["Pris en charge par", "Acknowledged by"],
        acknowledgedById: ["Pris en charge par", "Acknowledged by"],
        acknowledgedAt: ["Pris en charge le", "Acknowledged at"],
        resolvedAt: ["Résolu le", "Resolved at"],
      },
    },
    maintenance_windows: {
      label: ["Maintenances", "Maintenance windows"],
      common: ["id", "site", "createdAt"],
      properties: {
        title: ["Titre", "Title"],
        kind: ["Type", "Kind"],
        startsAt: ["Début", "Starts at"],
        endsAt: ["Fin", "Ends at"],
        weekday: ["Jour de la semaine (0 = dimanche)", "Weekday (0 = Sunday)"],
        startMinute: ["Minute de début (après minuit)", "Start minute (after midnight)"],
        durationMinutes: ["Durée (min)", "Duration (min)"],
        timeZone: ["Fuseau horaire", "Time zone"],
        createdBy: ["Créée par", "Created by"],
        createdById: ["Créée par", "Created by"],
      },
    },
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
    MonitorState: { pending: ["En attente", "Pending"], up: ["En ligne", "Up"], down: ["Hors ligne", "Down"] },
    MaintenanceKind: { one_off: ["Ponctuelle", "One-off"], weekly: ["Hebdomadaire", "Weekly"] },
  },
  actions: {
    resolve: ["Résoudre", "Resolve"],
  },
  messages: {
    resolveExplain: [
      "L'incident sera marqué comme résolu maintenant, sans attendre les vérifications.",
      "The incident will be marked resolved now, without waiting for the checks.",
    ],
    resolveDone: ["Incident résolu", "Incident resolved"],
    maintenanceOneOff: [
      "Une maintenance ponctuelle a besoin d'un début et d'une fin postérieure",
      "A one-off window needs a start and an end after it",
    ],
    maintenanceWeekly: [
      "Une maintenance hebdomadaire a besoin d'un jour (0-6), d'une minute de début (0-1439) et d'une durée (1-10080 min)",
      "A weekly window needs a weekday (0-6), a start minute (0-1439) and a duration (1-10080 minutes)",
    ],
  },
};
