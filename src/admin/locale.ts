// French (default) and English UI. Resource and property labels live beside their module's resource.
import type { LocaleTranslations } from "adminjs";

export const fr: LocaleTranslations = {
  messages: {
    loginWelcome: "Back-office de Locod-AI",
    invalidCredentials: "E-mail ou mot de passe incorrect",
    dashboardTitle: "Tableau de bord",
    dashboardPendingAi: "Demandes IA en attente",
    dashboardProcessing: "en cours",
    dashboardCustomers: "Clients actifs",
    dashboardTotal: "au total",
    dashboardSites: "Sites actifs",
    dashboardDown: "hors ligne",
    dashboardOverdue: "Factures en retard",
  },
};

export const en: LocaleTranslations = {
  messages: {
    loginWelcome: "Locod-AI back-office",
    invalidCredentials: "Invalid e-mail or password",
    dashboardTitle: "Dashboard",
    dashboardPendingAi: "Pending AI requests",
    dashboardProcessing: "in progress",
    dashboardCustomers: "Active customers",
    dashboardTotal: "in total",
    dashboardSites: "Active sites",
    dashboardDown: "down",
    dashboardOverdue: "Overdue invoices",
  },
};
