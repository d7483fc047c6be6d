// The words of the incident alerts, French and English: merged into the monitoring module's locale.
import type { ModuleLocale } from "../../../module.js";

export const alertLocale = {
  resources: {
    alert_channels: {
      label: ["Canaux d'alerte", "Alert channels"],
      common: ["id", "createdAt"],
      properties: {
        name: ["Nom", "Name"],
        kind: ["Type", "Kind"],
        email: ["Adresse e-mail", "E-mail address"],
        admin: ["Administrateur", "Admin"],
        adminId: ["Administrateur", "Admin"],
        webhook: ["URL du webhook entrant (Slack ou compatible)", "Incoming webhook URL (Slack or compatible)"],
        secretWebhookUrl: ["URL du webhook", "Webhook URL"],
        webhookHint: ["Webhook", "Webhook"],
        language: ["Langue", "Language"],
        enabled: ["Actif", "Enabled"],
        onCall: ["Astreintes", "On call"],
        notifications: ["Alertes envoyées", "Alerts sent"],
      },
    },
    alert_on_call: {
      label: ["Astreintes", "On call"],
      common: ["id", "createdAt"],
      properties: {
        level: ["Niveau", "Level"],
        channel: ["Canal", "Channel"],
        channelId: ["Canal", "Channel"],
      },
    },
    alert_escalation_levels: {
      label: ["Escalade", "Escalation ladder"],
      common: ["id", "createdAt"],
      properties: {
        level: ["Niveau", "Level"],
        afterMinutes: ["Après (minutes sans prise en charge)", "After (minutes unacknowledged)"],
      },
    },
    incident_notifications: {
      label: ["Alertes envoyées", "Alerts sent"],
      common: ["id", "createdAt"],
      properties: {
        incident: ["Incident", "Incident"],
        incidentId: ["Incident", "Incident"],
        kind: ["Type", "Kind"],
        level: ["Niveau", "Level"],
        seq: ["Numéro", "Number"],
        target: ["Destinataire (clé)", "Recipient (key)"],
        channel: ["Canal", "Channel"],
        channelId: ["Canal", "Channel"],
        customer: ["Client", "Customer"],
        customerId: ["Client", "Customer"],
        recipient: ["Destinataire", "Recipient"],
        status: ["Statut", "Status"],
        attempts: ["Tentatives", "Attempts"],
        lastError: ["Dernière erreur", "Last error"],
        nextAttemptAt: ["Prochaine tentative", "Next attempt"],
        emailLog: ["E-mail", "E-mail"],
        emailLogId: ["E-mail", "E-mail"],
        ackLink: ["Lien de prise en charge", "Acknowledge link"],
        sentAt: ["Envoyée le", "Sent at"],
      },
    },
  },
  enums: {
    AlertChannelKind: { email: ["E-mail", "E-mail"], webhook: ["Webhook (Slack)", "Webhook (Slack)"] },
    IncidentNotificationKind: {
      opened: ["Ouverture", "Opened"],
      escalated: ["Escalade", "Escalated"],
      reminder: ["Rappel", "Reminder"],
      resolved: ["Résolu", "Resolved"],
      customer_notice: ["Avis au client", "Customer notice"],
      customer_resolved: ["Rétablissement (client)", "Back online (customer)"],
    },
    IncidentNotificationStatus: {
      pending: ["En attente", "Pending"],
      sent: ["Envoyée", "Sent"],
      failed: ["Échec", "Failed"],
    },
  },
  messages: {
    alertChannelTarget: [
      "Un canal e-mail a besoin d'une adresse ou d'un administrateur ; un canal webhook a besoin de son URL",
      "An e-mail channel needs an address or an admin; a webhook channel needs its URL",
    ],
    acknowledgeIncidentExplain: [
      "Vous prenez cet incident en charge : l'escalade et les rappels s'arrêtent, et l'équipe voit votre nom.",
      "You take this incident: its escalation and reminders stop, and the team sees your name.",
    ],
    acknowledgeIncidentDone: ["Incident pris en charge", "Incident acknowledged"],
  },
  actions: {
    acknowledgeIncident: ["Prendre en charge", "Acknowledge"],
  },
} satisfies ModuleLocale;
