// The dashboard module's words, French and English side by side: the home dashboard and its quick action.
// src/admin/locale.ts assembles every module's words into AdminJS's translations.
import type { ModuleLocale } from "../../module.js";

export const dashboardLocale: ModuleLocale = {
  messages: {
    // The dashboard (components/Dashboard.tsx, modules/dashboard/service.ts).
    dashboardTitle: ["Tableau de bord", "Dashboard"],
    dashboardDays: ["jours", "days"],
    dashboardBadPeriod: ["Période invalide : 7, 30 ou 90 jours.", "Invalid period: 7, 30 or 90 days."],
    dashboardComparedWith: ["comparé à", "compared with"],
    dashboardVsPrevious: ["vs période précédente", "vs previous period"],
    dashboardKpiMrr: ["MRR (aujourd'hui)", "MRR (now)"],
    dashboardKpiChurn: ["Taux de churn", "Churn rate"],
    dashboardChurnBase: ["clients actifs au début", "active customers at the start"],
    dashboardKpiNewCustomers: ["Nouveaux clients", "New customers"],
    dashboardKpiAiRevenue: ["Revenus IA", "AI revenue"],
    dashboardTrends: ["Tendances", "Trends"],
    dashboardSeriesMrr: ["MRR", "MRR"],
    dashboardSeriesActiveCustomers: ["Clients actifs", "Active customers"],
    dashboardSeriesNewCustomers: ["Nouveaux clients", "New customers"],
    dashboardSeriesAiRevenue: ["Revenus IA", "AI revenue"],
    dashboardSeriesAiRequests: ["Demandes IA", "AI requests"],
    dashboardAlerts: ["À traiter maintenant", "Needs action now"],
    dashboardNoAlerts: [
      "Rien à signaler : aucune alerte au-dessus de son seuil.",
      "All clear: no alert above its threshold.",
    ],
    dashboardAct: ["Traiter", "Act"],
    dashboardQuickActions: ["Actions rapides", "Quick actions"],
    dashboardOpenAiQueue: ["Traiter la file IA", "Open the AI queue"],
    dashboardSendReminders: ["Relancer les factures en retard", "Send reminders for overdue invoices"],
    dashboardSendRemindersConfirm: ["Confirmer l'envoi des relances", "Confirm sending the reminders"],
    dashboardRemindersFailed: ["Les relances n'ont pas pu être envoyées.", "The reminders could not be sent."],
    dashboardOpenSupport: ["Support", "Support"],
    dashboardSupportUnavailable: ["Le module support n'existe pas encore.", "The support module does not exist yet."],
    remindOverdueDone: ["Relances envoyées", "Reminders sent"],
    dashboardSecurityAlerts: ["Alertes de sécurité à traiter", "Security alerts to review"],
    dashboardSecurityAlertsAll: ["Voir toutes les alertes", "See all alerts"],
    dashboardBillingAlerts: [
      "Alertes de facturation à prendre en compte (paiements refusés, litiges)",
      "Billing alerts to acknowledge (failed payments, disputes)",
    ],
    dashboardBillingAlertsAll: ["Voir les alertes de facturation", "See the billing alerts"],
    // Counts with their plural (components/page-kit.ts: `key_one` or `key_other` after the number).
    dashboardAlertSitesDown_one: [
      "site hors ligne (incident ouvert)",
      "site down (open incident)",
    ],
    dashboardAlertSitesDown_other: [
      "sites hors ligne (incident ouvert)",
      "sites down (open incident)",
    ],
    dashboardAlertInvoicesOverdue_one: ["facture échue et impayée", "invoice past due and unpaid"],
    dashboardAlertInvoicesOverdue_other: ["factures échues et impayées", "invoices past due and unpaid"],
    dashboardAlertAiQueueBacklog_one: ["demande IA en attente", "AI request waiting"],
    dashboardAlertAiQueueBacklog_other: ["demandes IA en attente", "AI requests waiting"],
    dashboardOverSla_one: ["hors délai", "past its SLA"],
    dashboardOverSla_other: ["hors délai", "past their SLA"],
    dashboardAlertFailedJobs_one: ["tâche en échec", "failed job"],
    dashboardAlertFailedJobs_other: ["tâches en échec", "failed jobs"],
    dashboardAlertSecurity_one: ["alerte de sécurité à traiter", "security alert to review"],
    dashboardAlertSecurity_other: ["alertes de sécurité à traiter", "security alerts to review"],
    dashboardAlertBilling_one: [
      "alerte de facturation (paiement refusé, litige)",
      "billing alert (failed payment, dispute)",
    ],
    dashboardAlertBilling_other: [
      "alertes de facturation (paiements refusés, litiges)",
      "billing alerts (failed payments, disputes)",
    ],
    dashboardRemindersSent_one: ["relance envoyée", "reminder sent"],
    dashboardRemindersSent_other: ["relances envoyées", "reminders sent"],
    dashboardRemindersSkipped_one: ["ignorée (déjà relancée sous 24 h)", "skipped (reminded within 24 h)"],
    dashboardRemindersSkipped_other: ["ignorées (déjà relancées sous 24 h)", "skipped (reminded within 24 h)"],
    dashboardRemindersRemaining_one: ["reste à relancer", "still to remind"],
    dashboardRemindersRemaining_other: ["restent à relancer", "still to remind"],
    dashboardAiPending_one: ["demande IA en attente", "AI request pending"],
    dashboardAiPending_other: ["demandes IA en attente", "AI requests pending"],
    dashboardTrendSummary: ["Valeurs du graphique", "Values of the chart"],
    dashboardDay: ["Jour", "Day"],
  },
  actions: {
    // Invoices: the dashboard's quick action (src/modules/dashboard/overdue-reminders.ts).
    remindOverdue: ["Relancer toutes les factures en retard", "Remind all overdue invoices"],
  },
};
