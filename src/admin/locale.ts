// French (default) and English UI of the portal's own screens: resource, property and enum-value
// labels, and the messages of the dashboard and of the form checks (resource-kit.ts).
// AdminJS looks labels up as:
//   labels.<resourceId>                          the resource's name in the sidebar and titles
//   labels.<navigation group name>               the sidebar groups (each module's navigation, added by index.ts)
//   resources.<resourceId>.properties.<prop>     a column or field
//   resources.<resourceId>.labels.<prop>.<value> an enum value (badges, selects, filters; AdminJS 7.8
//                                                reads enum values through translateLabel, not properties)
import { Prisma } from "@prisma/client";
import type { LocaleTranslations } from "adminjs";

/** [French, English] */
type Words = readonly [string, string];

// ---------------------------------------------------------------------------------------------
// Resources and their properties
// ---------------------------------------------------------------------------------------------

/** Properties named alike mean alike across tables. */
const COMMON = {
  id: ["ID", "ID"],
  createdAt: ["Créé le", "Created at"],
  status: ["Statut", "Status"],
  name: ["Nom", "Name"],
  email: ["E-mail", "E-mail"],
  customer: ["Client", "Customer"],
  site: ["Site", "Site"],
  admin: ["Admin", "Admin"],
  template: ["Template", "Template"],
  author: ["Créé par", "Created by"],
  version: ["Version", "Version"],
  configData: ["Configuration (JSON)", "Configuration (JSON)"],
  ipAddress: ["Adresse IP", "IP address"],
  userAgent: ["Navigateur (user agent)", "User agent"],
  errorMessage: ["Message d'erreur", "Error message"],
  sentAt: ["Envoyé le", "Sent at"],
  paidAt: ["Payé le", "Paid at"],
} as const satisfies Record<string, Words>;

type Common = keyof typeof COMMON;

interface ResourceWords {
  label: Words;
  /** Properties worded as in COMMON. */
  common: Common[];
  properties: Record<string, Words>;
}

const RESOURCES: Record<string, ResourceWords> = {
  ai_requests: {
    label: ["Demandes IA", "AI requests"],
    common: ["id", "createdAt", "status", "customer", "site", "admin"],
    properties: {
      requestType: ["Type de demande", "Request type"],
      idempotencyKey: ["Clé d'idempotence (assistant)", "Idempotency key (wizard)"],
      businessType: ["Activité", "Business type"],
      terminology: ["Terminologie", "Terminology"],
      requestData: ["Données de la demande (JSON)", "Request data (JSON)"],
      priority: ["Priorité", "Priority"],
      estimatedCost: ["Coût estimé", "Estimated cost"],
      actualCost: ["Coût réel", "Actual cost"],
      assignedAt: ["Assignée le", "Assigned at"],
      startedAt: ["Commencée le", "Started at"],
      completedAt: ["Terminée le", "Completed at"],
      adminNotes: ["Notes internes", "Admin notes"],
      generatedContent: ["Contenu généré (JSON)", "Generated content (JSON)"],
      customerFeedback: ["Note du client (1–5)", "Customer rating (1–5)"],
      customerNotes: ["Commentaire du client", "Customer notes"],
      billingStatus: ["Facturation", "Billing status"],
    },
  },
  customers: {
    label: ["Clients", "Customers"],
    common: ["id", "createdAt", "status", "name", "email"],
    properties: {
      planType: ["Offre", "Plan"],
      language: ["Langue des e-mails", "E-mail language"],
      stripeCustomerId: ["Client Stripe", "Stripe customer"],
    },
  },
  billing_plans: {
    label: ["Offres", "Billing plans"],
    common: ["id", "createdAt", "status", "name"],
    properties: {
      priceMonthly: ["Prix mensuel", "Monthly price"],
      priceYearly: ["Prix annuel", "Yearly price"],
      features: ["Fonctionnalités (JSON)", "Features (JSON)"],
      aiCreditsIncluded: ["Crédits IA inclus", "AI credits included"],
      maxSites: ["Sites max.", "Max. sites"],
      stripeProductId: ["Produit Stripe", "Stripe product"],
    },
  },
  customer_subscriptions: {
    label: ["Abonnements", "Subscriptions"],
    common: ["id", "createdAt", "status", "customer"],
    properties: {
      plan: ["Offre", "Plan"],
      startedAt: ["Début", "Started at"],
      currentPeriodStart: ["Début de période", "Current period start"],
      currentPeriodEnd: ["Fin de période", "Current period end"],
      cancelAtPeriodEnd: ["Résilié en fin de période", "Cancel at period end"],
      stripeSubscriptionId: ["Abonnement Stripe", "Stripe subscription"],
      billingInterval: ["Périodicité", "Billing interval"],
      trialEnd: ["Fin d'essai", "Trial end"],
      endedAt: ["Terminé le", "Ended at"],
    },
  },
  invoices: {
    label: ["Factures", "Invoices"],
    common: ["id", "status", "customer", "paidAt"],
    properties: {
      subscription: ["Abonnement", "Subscription"],
      invoiceNumber: ["Numéro", "Invoice number"],
      amount: ["Montant HT", "Amount (excl. tax)"],
      taxAmount: ["TVA", "Tax"],
      totalAmount: ["Total TTC", "Total (incl. tax)"],
      currency: ["Devise", "Currency"],
      issuedAt: ["Émise le", "Issued at"],
      dueAt: ["Échéance", "Due at"],
      stripeInvoiceId: ["Facture Stripe", "Stripe invoice"],
      paymentMethod: ["Moyen de paiement", "Payment method"],
      notes: ["Notes", "Notes"],
      stripePaymentIntentId: ["Paiement Stripe", "Stripe payment"],
      amountRefunded: ["Montant remboursé", "Amount refunded"],
      periodStart: ["Période du", "Period from"],
      periodEnd: ["Période jusqu'au", "Period until"],
    },
  },
  invoice_items: {
    label: ["Lignes de facture", "Invoice items"],
    common: ["id", "createdAt"],
    properties: {
      invoice: ["Facture", "Invoice"],
      aiRequest: ["Demande IA", "AI request"],
      description: ["Description", "Description"],
      quantity: ["Quantité", "Quantity"],
      unitPrice: ["Prix unitaire", "Unit price"],
      totalPrice: ["Total", "Total"],
    },
  },
  stripe_events: {
    label: ["Événements Stripe", "Stripe events"],
    common: ["id", "status"],
    properties: {
      type: ["Type d'événement", "Event type"],
      payload: ["Contenu (JSON)", "Payload (JSON)"],
      attempts: ["Tentatives", "Attempts"],
      error: ["Erreur ou note", "Error or note"],
      receivedAt: ["Reçu le", "Received at"],
      processedAt: ["Traité le", "Processed at"],
    },
  },
  refunds: {
    label: ["Remboursements", "Refunds"],
    common: ["id", "createdAt", "status", "admin"],
    properties: {
      invoice: ["Facture", "Invoice"],
      amount: ["Montant", "Amount"],
      reason: ["Motif", "Reason"],
      stripeRefundId: ["Remboursement Stripe", "Stripe refund"],
    },
  },
  billing_alerts: {
    label: ["Alertes de facturation", "Billing alerts"],
    common: ["id", "createdAt"],
    properties: {
      kind: ["Type d'alerte", "Alert kind"],
      invoice: ["Facture", "Invoice"],
      customerId: ["Client (ID)", "Customer (ID)"],
      details: ["Détails (JSON)", "Details (JSON)"],
      acknowledgedAt: ["Prise en compte le", "Acknowledged at"],
      acknowledger: ["Prise en compte par", "Acknowledged by"],
    },
  },
  subscription_history: {
    label: ["Historique MRR", "MRR history"],
    common: ["id", "createdAt", "status"],
    properties: {
      subscription: ["Abonnement", "Subscription"],
      customerId: ["Client (ID)", "Customer (ID)"],
      planId: ["Offre (ID)", "Plan (ID)"],
      billingInterval: ["Périodicité", "Billing interval"],
      mrr: ["MRR", "MRR"],
      validFrom: ["Depuis le", "Valid from"],
      reason: ["Changement", "Change"],
    },
  },
  sites: {
    label: ["Sites", "Sites"],
    common: ["id", "createdAt", "status", "name", "customer"],
    properties: {
      domain: ["Domaine", "Domain"],
      configPath: ["Chemin de configuration", "Config path"],
    },
  },
  site_configs: {
    label: ["Configurations de site", "Site configs"],
    common: ["id", "createdAt", "site", "version", "configData"],
    properties: {},
  },
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
  email_campaigns: {
    label: ["Campagnes e-mail", "E-mail campaigns"],
    common: ["id", "createdAt", "status", "name", "author", "sentAt"],
    properties: {
      subject: ["Objet", "Subject"],
      contentHtml: ["Contenu HTML", "HTML content"],
      contentText: ["Contenu texte", "Text content"],
      segmentCriteria: ["Ciblage (JSON)", "Segment criteria (JSON)"],
      scheduledAt: ["Programmée le", "Scheduled at"],
    },
  },
  email_sends: {
    label: ["Envois d'e-mails", "E-mail sends"],
    common: ["id", "status", "email", "customer", "sentAt", "errorMessage"],
    properties: {
      campaign: ["Campagne", "Campaign"],
      deliveredAt: ["Délivré le", "Delivered at"],
      openedAt: ["Ouvert le", "Opened at"],
      clickedAt: ["Cliqué le", "Clicked at"],
    },
  },
  referral_program: {
    label: ["Parrainages", "Referrals"],
    common: ["id", "createdAt", "status", "paidAt"],
    properties: {
      referrer: ["Parrain", "Referrer"],
      referred: ["Filleul", "Referred customer"],
      referralCode: ["Code de parrainage", "Referral code"],
      rewardType: ["Type de récompense", "Reward type"],
      rewardAmount: ["Montant de la récompense", "Reward amount"],
      earnedAt: ["Acquis le", "Earned at"],
    },
  },
  admin_users: {
    label: ["Utilisateurs admin", "Admin users"],
    common: ["id", "createdAt", "status", "name", "email"],
    properties: {
      role: ["Rôle", "Role"],
      password: ["Mot de passe", "Password"],
      passwordHash: ["Empreinte du mot de passe", "Password hash"],
      lastLogin: ["Dernière connexion", "Last login"],
      permissions: ["Permissions (JSON)", "Permissions (JSON)"],
    },
  },
  admin_sessions: {
    label: ["Sessions API", "API sessions"],
    common: ["createdAt", "admin", "ipAddress", "userAgent"],
    properties: {
      id: ["Identifiant du jeton", "Token id"],
      expiresAt: ["Expire le", "Expires at"],
    },
  },
  admin_activity_log: {
    label: ["Journal d'activité", "Activity log"],
    common: ["id", "createdAt", "admin", "ipAddress", "userAgent"],
    properties: {
      action: ["Action", "Action"],
      resourceType: ["Type de ressource", "Resource type"],
      resourceId: ["ID de la ressource", "Resource id"],
      oldValues: ["Anciennes valeurs (JSON)", "Old values (JSON)"],
      newValues: ["Nouvelles valeurs (JSON)", "New values (JSON)"],
    },
  },
  ai_generations: {
    label: ["Générations Claude", "Claude generations"],
    common: ["id", "createdAt", "status", "admin"],
    properties: {
      aiRequest: ["Demande IA", "AI request"],
      model: ["Modèle", "Model"],
      inputTokens: ["Jetons en entrée", "Input tokens"],
      outputTokens: ["Jetons en sortie", "Output tokens"],
      cost: ["Coût", "Cost"],
      attempts: ["Tentatives", "Attempts"],
      error: ["Erreur", "Error"],
      finishedAt: ["Terminée le", "Finished at"],
    },
  },
  email_log: {
    label: ["E-mails envoyés", "E-mail log"],
    common: ["id", "createdAt", "status", "customer"],
    properties: {
      template: ["Modèle", "Template"],
      language: ["Langue", "Language"],
      toAddress: ["Destinataire", "To"],
      subject: ["Objet", "Subject"],
      aiRequest: ["Demande IA", "AI request"],
      invoice: ["Facture", "Invoice"],
      attempts: ["Tentatives", "Attempts"],
      lastError: ["Dernière erreur", "Last error"],
      messageId: ["Identifiant du message", "Message id"],
      sentAt: ["Envoyé le", "Sent at"],
    },
  },
  settings: {
    label: ["Réglages", "Settings"],
    common: [],
    properties: {
      key: ["Clé", "Key"],
      value: ["Valeur (JSON)", "Value (JSON)"],
      updatedAt: ["Modifié le", "Updated at"],
      updater: ["Modifié par", "Updated by"],
    },
  },
  security_alerts: {
    label: ["Alertes de sécurité", "Security alerts"],
    common: ["id", "createdAt", "admin", "email", "ipAddress"],
    properties: {
      kind: ["Type d'alerte", "Alert kind"],
      details: ["Détails (JSON)", "Details (JSON)"],
      acknowledgedAt: ["Prise en compte le", "Acknowledged at"],
      acknowledger: ["Prise en compte par", "Acknowledged by"],
    },
  },
  password_reset_tokens: {
    label: ["Réinitialisations de mot de passe", "Password resets"],
    common: ["id", "createdAt", "admin"],
    properties: {
      requester: ["Demandée par", "Requested by"],
      expiresAt: ["Expire le", "Expires at"],
      usedAt: ["Utilisée le", "Used at"],
      tokenHash: ["Empreinte du jeton", "Token hash"],
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Enum values, by Prisma enum
// ---------------------------------------------------------------------------------------------

const ENUMS: Record<string, Record<string, Words>> = {
  CustomerStatus: {
    active: ["Actif", "Active"],
    suspended: ["Suspendu", "Suspended"],
    cancelled: ["Résilié", "Cancelled"],
  },
  PlanType: {
    free: ["Gratuit", "Free"],
    starter: ["Starter", "Starter"],
    pro: ["Pro", "Pro"],
    enterprise: ["Entreprise", "Enterprise"],
  },
  SiteStatus: {
    draft: ["Brouillon", "Draft"],
    building: ["En construction", "Building"],
    active: ["En ligne", "Active"],
    suspended: ["Suspendu", "Suspended"],
    archived: ["Archivé", "Archived"],
  },
  TemplateStatus: { draft: ["Brouillon", "Draft"], active: ["Actif", "Active"], archived: ["Archivé", "Archived"] },
  AiRequestType: {
    services: ["Services", "Services"],
    content: ["Contenus", "Content"],
    images: ["Images", "Images"],
    full_site: ["Site complet", "Full site"],
  },
  AiRequestStatus: {
    pending: ["En attente", "Pending"],
    processing: ["En cours", "Processing"],
    completed: ["Terminée", "Completed"],
    rejected: ["Rejetée", "Rejected"],
    cancelled: ["Annulée", "Cancelled"],
  },
  AiBillingStatus: {
    pending: ["À facturer", "Pending"],
    billed: ["Facturée", "Billed"],
    paid: ["Payée", "Paid"],
    refunded: ["Remboursée", "Refunded"],
  },
  AdminRole: {
    super_admin: ["Super admin", "Super admin"],
    admin: ["Admin", "Admin"],
    editor: ["Éditeur", "Editor"],
    viewer: ["Lecteur", "Viewer"],
  },
  AdminStatus: { active: ["Actif", "Active"], disabled: ["Désactivé", "Disabled"] },
  SecurityAlertKind: {
    failed_login_burst: ["Rafale d'échecs de connexion", "Burst of failed logins"],
    account_locked: ["Compte verrouillé", "Account locked"],
    new_ip_login: ["Connexion depuis une nouvelle IP", "Login from a new IP"],
    forced_logout: ["Déconnexion forcée", "Forced logout"],
  },
  BillingPlanStatus: { active: ["Active", "Active"], archived: ["Archivée", "Archived"] },
  SubscriptionStatus: {
    active: ["Actif", "Active"],
    cancelled: ["Résilié", "Cancelled"],
    expired: ["Expiré", "Expired"],
    suspended: ["Suspendu", "Suspended"],
    past_due: ["Paiement en retard", "Past due"],
    trialing: ["Essai", "Trial"],
  },
  BillingInterval: { monthly: ["Mensuel", "Monthly"], yearly: ["Annuel", "Yearly"] },
  Language: { fr: ["Français", "French"], en: ["Anglais", "English"] },
  AiGenerationStatus: {
    queued: ["En file", "Queued"],
    running: ["En cours", "Running"],
    succeeded: ["Réussie", "Succeeded"],
    failed: ["Échouée", "Failed"],
  },
  EmailLogStatus: { queued: ["En file", "Queued"], sent: ["Envoyé", "Sent"], failed: ["Échec", "Failed"] },
  InvoiceStatus: {
    draft: ["Brouillon", "Draft"],
    pending: ["En attente", "Pending"],
    paid: ["Payée", "Paid"],
    failed: ["Échec du paiement", "Failed"],
    refunded: ["Remboursée", "Refunded"],
  },
  StripeEventStatus: {
    received: ["Reçu", "Received"],
    processed: ["Traité", "Processed"],
    ignored: ["Ignoré", "Ignored"],
    failed: ["Échec (nouvel essai)", "Failed (retrying)"],
  },
  RefundStatus: {
    pending: ["En cours", "Pending"],
    succeeded: ["Effectué", "Succeeded"],
    failed: ["Échoué", "Failed"],
    canceled: ["Annulé", "Canceled"],
  },
  BillingAlertKind: {
    payment_failed: ["Paiement échoué", "Payment failed"],
    dispute_created: ["Litige ouvert", "Dispute opened"],
  },
  CheckType: { http: ["HTTP", "HTTP"], ssl: ["SSL", "SSL"], dns: ["DNS", "DNS"] },
  AbTestStatus: {
    draft: ["Brouillon", "Draft"],
    running: ["En cours", "Running"],
    completed: ["Terminé", "Completed"],
    cancelled: ["Annulé", "Cancelled"],
  },
  CampaignStatus: {
    draft: ["Brouillon", "Draft"],
    scheduled: ["Programmée", "Scheduled"],
    sending: ["En cours d'envoi", "Sending"],
    sent: ["Envoyée", "Sent"],
    cancelled: ["Annulée", "Cancelled"],
  },
  EmailSendStatus: {
    pending: ["En attente", "Pending"],
    sent: ["Envoyé", "Sent"],
    delivered: ["Délivré", "Delivered"],
    opened: ["Ouvert", "Opened"],
    clicked: ["Cliqué", "Clicked"],
    bounced: ["Rejeté (bounce)", "Bounced"],
    complained: ["Signalé comme spam", "Complained"],
  },
  RewardType: { credit: ["Crédit", "Credit"], discount: ["Remise", "Discount"], cash: ["Versement", "Cash"] },
  ReferralStatus: { pending: ["En attente", "Pending"], earned: ["Acquis", "Earned"], paid: ["Versé", "Paid"] },
};

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

const MESSAGES: Record<string, Words> = {
  loginWelcome: ["Back-office de Locod-AI", "Locod-AI back-office"],
  invalidCredentials: ["E-mail ou mot de passe incorrect", "Invalid e-mail or password"],
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
  dashboardAlertSitesDown: [
    "sites hors ligne (dernier contrôle HTTP en échec)",
    "sites down (latest HTTP check failed)",
  ],
  dashboardAlertInvoicesOverdue: ["factures échues et impayées", "invoices past due and unpaid"],
  dashboardAlertAiQueueBacklog: ["demandes IA en attente", "AI requests waiting"],
  dashboardOverSla: ["hors délai", "past their SLA"],
  dashboardAlertFailedJobs: ["tâches en échec", "failed jobs"],
  dashboardAlertSecurity: ["alertes de sécurité à traiter", "security alerts to review"],
  dashboardAlertBilling: [
    "alertes de facturation (paiements refusés, litiges)",
    "billing alerts (failed payments, disputes)",
  ],
  dashboardAct: ["Traiter", "Act"],
  dashboardQuickActions: ["Actions rapides", "Quick actions"],
  dashboardOpenAiQueue: ["Traiter la file IA", "Open the AI queue"],
  dashboardSendReminders: ["Relancer les factures en retard", "Send reminders for overdue invoices"],
  dashboardSendRemindersConfirm: ["Confirmer l'envoi des relances", "Confirm sending the reminders"],
  dashboardRemindersSent: ["relances envoyées", "reminders sent"],
  dashboardRemindersSkipped: ["ignorées (déjà relancées sous 24 h)", "skipped (reminded within 24 h)"],
  dashboardRemindersRemaining: ["restent à relancer", "still to remind"],
  dashboardRemindersFailed: ["Les relances n'ont pas pu être envoyées.", "The reminders could not be sent."],
  dashboardOpenSupport: ["Support", "Support"],
  dashboardSupportUnavailable: ["Le module support n'existe pas encore.", "The support module does not exist yet."],
  remindOverdueDone: ["Relances envoyées", "Reminders sent"],
  // The "Revenue" page (components/RevenuePage.tsx, modules/billing/metrics.ts) and reminders (dunning.ts).
  revenueTitle: ["Revenus", "Revenue"],
  revenueForbidden: ["Vous n'avez pas accès à la facturation.", "You do not have access to billing."],
  revenueLastFullMonth: ["Dernier mois complet", "Last full month"],
  revenueNow: ["aujourd'hui", "now"],
  revenueMrr: ["MRR (revenu mensuel récurrent)", "MRR (monthly recurring revenue)"],
  revenueArr: ["ARR (12 × MRR)", "ARR (12 × MRR)"],
  revenueArpa: ["ARPA (MRR par client payant)", "ARPA (MRR per paying customer)"],
  revenuePaying: ["Clients payants", "Paying customers"],
  revenueCustomerChurn: ["Churn clients", "Customer churn"],
  revenueGrossChurn: ["Churn de revenu brut", "Gross revenue churn"],
  revenueNetChurn: ["Churn de revenu net", "Net revenue churn"],
  revenueNrr: ["Rétention nette (NRR)", "Net revenue retention (NRR)"],
  revenueMovements: ["Mouvements de MRR sur 12 mois", "MRR movements over 12 months"],
  revenueChart: ["Mouvements de MRR par mois", "MRR movements per month"],
  revenueMonth: ["Mois", "Month"],
  revenueToDate: ["à ce jour", "to date"],
  revenueMrrStart: ["MRR au début", "MRR at start"],
  revenueMrrEnd: ["MRR à la fin", "MRR at end"],
  revenueNetNew: ["Variation nette", "Net new MRR"],
  revenueKind_new: ["Nouveaux", "New"],
  revenueKind_expansion: ["Expansion", "Expansion"],
  revenueKind_reactivation: ["Réactivation", "Reactivation"],
  revenueKind_contraction: ["Contraction", "Contraction"],
  revenueKind_churn: ["Churn", "Churn"],
  revenueOverdue: ["Factures en retard", "Overdue invoices"],
  revenueNoOverdue: ["Aucune facture en retard.", "No overdue invoices."],
  revenueInvoice: ["Facture", "Invoice"],
  revenueCustomer: ["Client", "Customer"],
  revenueStatus: ["Statut", "Status"],
  revenueTotal: ["Total TTC", "Total (incl. tax)"],
  revenueDue: ["Échéance", "Due"],
  revenueDays: ["j de retard", "days late"],
  revenueLastReminder: ["Dernière relance", "Last reminder"],
  revenueNextReminder: ["Prochaine relance possible :", "Next reminder allowed:"],
  revenueSendReminder: ["Relancer", "Send reminder"],
  sendReminderExplain: [
    "Le client reçoit par e-mail, dans sa langue, un rappel de cette facture en retard (numéro, montant, échéance, moyens de paiement). Une relance au plus par facture et par 24 heures.",
    "The customer is e-mailed, in their language, a reminder of this overdue invoice (number, amount, due date, how to pay). At most one reminder per invoice every 24 hours.",
  ],
  sendReminderDone: ["Relance envoyée", "Reminder sent"],
  // The "Queue IA" page (components/QueueBoard.tsx, modules/ai-queue/metrics.ts).
  queueBoardTitle: ["Queue IA", "AI queue"],
  queueBoardForbidden: ["Vous n'avez pas accès à la Queue IA.", "You do not have access to the AI queue."],
  queueBoardBadPeriod: ["Période invalide : 7, 30 ou 90 jours.", "Invalid period: 7, 30 or 90 days."],
  queueBoardTabUnassigned: ["Non assignées", "Unassigned"],
  queueBoardTabMine: ["Les miennes", "Mine"],
  queueBoardTabAll: ["Toutes (ouvertes)", "All open"],
  queueBoardEmpty: ["Aucune demande.", "No requests."],
  queueBoardTake: ["Prendre", "Take"],
  queueBoardTaken: ["Demande prise", "Request taken"],
  queueBoardRequest: ["Demande", "Request"],
  queueBoardCustomer: ["Client", "Customer"],
  queueBoardType: ["Type", "Type"],
  queueBoardPriority: ["Priorité", "Priority"],
  queueBoardStatus: ["Statut", "Status"],
  queueBoardAge: ["Âge", "Age"],
  queueBoardSla: ["SLA", "SLA"],
  queueBoardAssignee: ["Assignée à", "Assigned to"],
  queueBoardMe: ["moi", "me"],
  queueBoardNobody: ["personne", "nobody"],
  queueBoardMetrics: ["Indicateurs", "Metrics"],
  queueBoardDays: ["jours", "days"],
  queueBoardAvgCreated: ["Délai moyen création → fin (h)", "Average created → completed (h)"],
  queueBoardAvgStarted: ["Délai moyen prise → fin (h)", "Average started → completed (h)"],
  queueBoardCompletionRate: ["Taux de complétion", "Completion rate"],
  queueBoardRejectionRate: ["Taux de rejet", "Rejection rate"],
  queueBoardRevenue: ["Chiffre d'affaires (terminées)", "Revenue (completed)"],
  queueBoardBacklogPriority: ["En attente par priorité", "Backlog by priority"],
  queueBoardBacklogType: ["En attente par type", "Backlog by type"],
  queueBoardPerAdmin: ["Terminées par admin", "Completed per admin"],
  // Login protection and security alerts (modules/auth/throttle.ts, security-alerts.ts).
  tooManyLoginAttempts: [
    "Trop de tentatives de connexion échouées : réessayez plus tard.",
    "Too many failed login attempts: try again later.",
  ],
  dashboardSecurityAlerts: ["Alertes de sécurité à traiter", "Security alerts to review"],
  dashboardSecurityAlertsAll: ["Voir toutes les alertes", "See all alerts"],
  dashboardBillingAlerts: [
    "Alertes de facturation à prendre en compte (paiements refusés, litiges)",
    "Billing alerts to acknowledge (failed payments, disputes)",
  ],
  dashboardBillingAlertsAll: ["Voir les alertes de facturation", "See the billing alerts"],
  securityAlertAcknowledged: ["Alerte prise en compte", "Alert acknowledged"],
  securityAlertAlreadyAcknowledged: ["Cette alerte était déjà prise en compte", "This alert was already acknowledged"],
  securityAlertsAcknowledged: ["Alertes prises en compte", "Alerts acknowledged"],
  // Form checks (src/admin/resource-kit.ts).
  fieldsInvalid: ["Champs à corriger :", "Fields to correct:"],
  fieldRequired: ["Obligatoire", "Required"],
  fieldInvalidChoice: ["Valeur non proposée", "Not one of the choices"],
  fieldInvalidFormat: ["Format invalide", "Invalid format"],
  fieldInteger: ["Nombre entier attendu", "A whole number is expected"],
  fieldRange: ["Hors limites :", "Out of range:"],
  fieldDate: ["Date invalide", "Invalid date"],
  fieldBoolean: ["Oui ou non attendu", "Yes or no is expected"],
  fieldReference: ["Choisissez un enregistrement", "Pick a record"],
  fieldReferenceMissing: ["Cet enregistrement n'existe pas", "This record does not exist"],
  fieldMoney: [
    "Montant positif attendu, au centime près (ex. 12,50)",
    "A positive amount is expected, to the cent (e.g. 12.50)",
  ],
  fieldMoneyMax: ["Montant trop grand, maximum", "Amount too large, maximum"],
  fieldJson: ["JSON invalide", "Invalid JSON"],
  fieldJsonObject: ["Un objet JSON est attendu : { … }", "A JSON object is expected: { … }"],
  fieldJsonArray: ["Un tableau JSON est attendu : [ … ]", "A JSON array is expected: [ … ]"],
  fieldJsonStringArray: [
    'Un tableau JSON de textes est attendu : ["…", "…"]',
    'A JSON array of strings is expected: ["…", "…"]',
  ],
  fieldTaken: ["Déjà utilisé par un autre enregistrement", "Already used by another record"],
  fieldCheck: ["Valeur refusée par la base de données", "Value refused by the database"],
  abTestSameTemplate: ["Choisissez un autre template que le A", "Pick a template other than A"],
  endBeforeStart: ["La fin précède le début", "The end comes before the start"],
  referralSelf: ["Un client ne peut pas se parrainer lui-même", "A customer cannot refer themselves"],
  recordStillReferenced: [
    "Suppression impossible : d'autres données dépendent de cet enregistrement",
    "Cannot delete: other data depends on this record",
  ],
  priorityHint: ["1 = urgente, 5 = normale, 10 = basse", "1 = urgent, 5 = normal, 10 = low"],
  passwordTooShort: ["12 caractères au moins", "At least 12 characters"],
  passwordTooLong: ["64 caractères (72 octets) au plus", "At most 64 characters (72 bytes)"],
  passwordHint: [
    "12 à 64 caractères. En modification, laisser vide pour garder le mot de passe actuel.",
    "12 to 64 characters. When editing, leave empty to keep the current password.",
  ],
  permissionsHint: [
    'Vide : les droits du rôle. Sinon un tableau qui les restreint, ex. ["ai_queue.view", "customers.view"]',
    'Empty: the role\'s rights. Otherwise an array narrowing them, e.g. ["ai_queue.view", "customers.view"]',
  ],
  // Admin users and passwords (src/modules/settings/service.ts, password-policy.ts).
  passwordNewHint: [
    "12 à 64 caractères, ni un mot de passe courant, ni l'e-mail ou le nom de la personne. Ensuite, seule la personne le change (lien de réinitialisation ou « Changer mon mot de passe »).",
    "12 to 64 characters, not a common password, nor the person's e-mail or name. Afterwards only its owner changes it (reset link or “Change my password”).",
  ],
  passwordRepeated: [
    "Quelques caractères répétés : trop facile à deviner",
    "A few characters repeated: too easy to guess",
  ],
  passwordSequence: [
    "Une suite de l'alphabet, de chiffres ou du clavier : trop facile à deviner",
    "A run of the alphabet, digits or keyboard: too easy to guess",
  ],
  passwordCommon: [
    "Mot de passe trop courant (ou un mot de passe courant entouré de chiffres ou de symboles)",
    "Too common a password (or a common one with digits or symbols around it)",
  ],
  passwordContainsEmail: ["Ne doit pas contenir l'adresse e-mail", "Must not contain the e-mail address"],
  passwordContainsName: ["Ne doit pas contenir le nom de la personne", "Must not contain the person's name"],
  passwordUseReset: [
    "Le mot de passe d'un autre ne se choisit pas : utilisez « Réinitialiser le mot de passe »",
    "Another person's password is not chosen for them: use “Reset password”",
  ],
  passwordMismatch: ["Les deux nouveaux mots de passe diffèrent", "The two new passwords differ"],
  currentPasswordWrong: ["Mot de passe actuel incorrect", "The current password is wrong"],
  passwordUnchanged: [
    "Le nouveau mot de passe doit différer de l'actuel",
    "The new password must differ from the current one",
  ],
  passwordChangedElsewhere: [
    "Le mot de passe a été changé entre-temps : recommencez",
    "The password was changed meanwhile: try again",
  ],
  resetTokenUnknown: ["Ce lien de réinitialisation n'est pas valide", "This reset link is not valid"],
  resetTokenUsed: ["Ce lien de réinitialisation a déjà servi", "This reset link has already been used"],
  resetTokenExpired: ["Ce lien de réinitialisation a expiré", "This reset link has expired"],
  notLoggedIn: ["Connectez-vous d'abord", "Log in first"],
  adminNotFound: ["Cet utilisateur admin n'existe pas", "No such admin user"],
  selfDisable: ["Vous ne pouvez pas désactiver votre propre compte", "You cannot disable your own account"],
  lastSuperAdmin: [
    "C'est le dernier super admin actif : nommez d'abord un autre super_admin",
    "This is the last active super admin: promote another admin to super_admin first",
  ],
  alreadyDisabled: ["Ce compte est déjà désactivé", "This account is already disabled"],
  alreadyActive: ["Ce compte est déjà actif", "This account is already active"],
  permissionUnknown: [
    "Permission inconnue (voir la matrice des permissions)",
    "Unknown permission (see the permission matrix)",
  ],
  disableExplain: [
    "Le compte ne pourra plus se connecter, et toutes ses sessions (navigateur et jetons API) prennent fin maintenant.",
    "The account will no longer be able to log in, and all its sessions (browser and API tokens) end now.",
  ],
  enableExplain: [
    "Le compte pourra de nouveau se connecter avec son mot de passe.",
    "The account will be able to log in again with its password.",
  ],
  resetPasswordExplain: [
    "Un lien à usage unique, valable une heure, est envoyé par e-mail à la personne : c'est elle qui choisit son nouveau mot de passe. Ses sessions prennent fin quand elle l'a choisi.",
    "A one-time link, valid for one hour, is e-mailed to the person: they choose their new password themselves. Their sessions end once they have.",
  ],
  forceLogoutExplain: [
    "Toutes les sessions du compte (navigateur et jetons API) prennent fin maintenant ; il devra se reconnecter.",
    "All the account's sessions (browser and API tokens) end now; it will have to log in again.",
  ],
  disableDone: ["Compte désactivé, sessions terminées", "Account disabled, sessions ended"],
  enableDone: ["Compte réactivé", "Account enabled"],
  resetPasswordDone: ["Lien de réinitialisation envoyé par e-mail", "Reset link e-mailed"],
  forceLogoutDone: ["Toutes les sessions du compte sont terminées", "All the account's sessions have ended"],
  accountChangePassword: ["Changer mon mot de passe", "Change my password"],
  // Queue IA workflow (src/modules/ai-queue/service.ts).
  takeExplain: [
    "La demande vous est assignée et passe en traitement ; le client est prévenu par e-mail.",
    "The request is assigned to you and moves to processing; the customer is e-mailed.",
  ],
  releaseExplain: [
    "La demande redevient en attente et n'est plus assignée.",
    "The request goes back to pending, unassigned.",
  ],
  completeExplain: [
    "Le contenu (JSON conforme au type de demande) est livré, la demande est facturée et le client prévenu.",
    "The content (JSON matching the request type) is delivered, the request billed and the customer e-mailed.",
  ],
  rejectExplain: [
    "La demande est refusée ; le motif est envoyé au client.",
    "The request is rejected; the reason is sent to the customer.",
  ],
  takeDone: ["Demande prise en charge", "Request taken"],
  releaseDone: ["Demande libérée", "Request released"],
  completeDone: ["Demande terminée et facturée", "Request completed and billed"],
  rejectDone: ["Demande refusée", "Request rejected"],
  // Claude drafts and the Claude Code export/import (src/modules/ai-queue/resource.ts).
  aiRequestNotFound: ["Cette demande IA n'existe pas", "No such AI request"],
  generateDraftExplain: [
    "Claude rédige un brouillon du contenu à partir de la demande. Il s'affiche dans « Contenu généré » dès qu'il est prêt (suivi dans Générations IA) ; relisez-le et modifiez-le avant de terminer la demande.",
    'Claude writes a draft of the content from the request. It appears in "Generated content" once ready (tracked in AI generations); review and edit it before completing the request.',
  ],
  generateDraftQueued: [
    "Brouillon demandé à Claude : il apparaîtra dans le contenu généré",
    "Draft requested from Claude: it will appear in the generated content",
  ],
  exportBriefExplain: [
    "Télécharge la demande en Markdown, avec le schéma JSON attendu, pour la traiter avec Claude Code ; importez ensuite le JSON obtenu avec « Importer un résultat ».",
    'Downloads the request as Markdown, with the expected JSON schema, to work on it with Claude Code; then import the resulting JSON with "Import result".',
  ],
  importResultExplain: [
    "Collez le JSON produit par Claude Code : il est vérifié selon le type de demande puis enregistré comme brouillon (contenu généré).",
    "Paste the JSON produced by Claude Code: it is checked against the request type and stored as the draft (generated content).",
  ],
  importResultDone: ["Résultat importé comme brouillon", "Result imported as the draft"],
  // Refunds and billing alerts (src/modules/billing/refund-actions.ts).
  refundExplain: [
    "Rembourse tout ou partie du paiement de cette facture, avec un motif. Payée par Stripe : le remboursement passe par Stripe. Payée autrement (virement) : il est enregistré ici et se fait par le même moyen.",
    "Refunds all or part of this invoice's payment, with a reason. Paid through Stripe: the refund goes through Stripe. Paid otherwise (transfer): it is recorded here and made the same way.",
  ],
  refundDone: ["Remboursement enregistré", "Refund recorded"],
  acknowledgeExplain: [
    "L'alerte est marquée comme vue et quitte le tableau de bord.",
    "The alert is marked as seen and leaves the dashboard.",
  ],
  billingAlertAcknowledged: ["Alerte prise en compte", "Alert acknowledged"],
  billingAlertAlreadyAcknowledged: ["Cette alerte était déjà prise en compte", "This alert was already acknowledged"],
  siteLimitReached: [
    "ce client a déjà tous les sites que son offre permet (voir Sites max. de l'offre)",
    "this customer already has all the sites its plan allows (see the plan's max. sites)",
  ],
  // Invoice documents (src/modules/billing/document-routes.ts).
  invoicePdfExplain: [
    "La facture au format PDF (A4), avec les mentions légales du vendeur.",
    "The invoice as an A4 PDF, with the seller's legal details.",
  ],
  invoicePdfDraftExplain: [
    "Cette facture est un brouillon : le PDF porte la mention DRAFT et n'a pas de valeur comptable.",
    "This invoice is a draft: the PDF is watermarked DRAFT and has no accounting value.",
  ],
  accountingExportExplain: [
    "Factures émises dans la période (dates incluses, brouillons exclus) et leurs lignes, en CSV UTF-8 pour le tableur ou l'import comptable.",
    "Invoices issued in the range (dates included, drafts excluded) and their lines, as UTF-8 CSV for a spreadsheet or an accounting import.",
  ],
  accountingExportFrom: ["Du (date d'émission)", "From (issue date)"],
  accountingExportTo: ["Au (inclus)", "To (inclusive)"],
  accountingExportInvoices: ["Factures (CSV)", "Invoices (CSV)"],
  accountingExportItems: ["Lignes de factures (CSV)", "Invoice lines (CSV)"],
  accountingExportRangeInvalid: [
    "La date de fin doit être égale ou postérieure à la date de début.",
    "The end date must be on or after the start date.",
  ],
  // Subscriptions (src/modules/billing/subscription-actions.ts).
  subscriptionCreated: ["Abonnement créé", "Subscription created"],
  changePlanExplain: [
    "Le changement d'offre s'applique tout de suite. Une montée en gamme facture la différence de prix pour les jours restants de la période ; une descente n'est pas remboursée.",
    "The plan change applies at once. An upgrade bills the price difference for the days left in the period; a downgrade gives no credit.",
  ],
  cancelAtPeriodEndExplain: [
    "L'abonnement reste actif jusqu'à la fin de la période en cours, puis prend fin ; rien n'est remboursé.",
    "The subscription stays active until the end of the current period, then ends; nothing is refunded.",
  ],
  cancelNowExplain: [
    "L'abonnement prend fin maintenant et sort du MRR ; la période en cours n'est pas remboursée.",
    "The subscription ends now and leaves MRR; the current period is not refunded.",
  ],
  suspendExplain: [
    "L'abonnement est suspendu (par exemple pour impayé) : il sort du MRR et n'est plus facturé jusqu'à sa réactivation.",
    "The subscription is suspended (for instance when unpaid): it leaves MRR and is not billed until reactivated.",
  ],
  reactivateExplain: [
    "Annule une résiliation prévue, ou relance un abonnement suspendu ou terminé (une nouvelle période commence alors aujourd'hui).",
    "Undoes a scheduled cancellation, or restarts a suspended or ended subscription (a restarted one begins a new period today).",
  ],
  changePlanDone: ["Offre changée", "Plan changed"],
  cancelAtPeriodEndDone: [
    "L'abonnement prendra fin en fin de période",
    "The subscription will end at the end of its period",
  ],
  cancelNowDone: ["Abonnement résilié", "Subscription cancelled"],
  suspendDone: ["Abonnement suspendu", "Subscription suspended"],
  reactivateDone: ["Abonnement réactivé", "Subscription reactivated"],
  // Invoices (src/modules/billing/invoice-actions.ts).
  issueExplain: [
    "La facture reçoit le prochain numéro légal de l'année, sa date d'émission et son échéance ; ensuite seuls ses champs de paiement peuvent changer.",
    "The invoice gets the year's next legal number, its issue date and its due date; after that only its payment fields can change.",
  ],
  issueDone: ["Facture {{number}} émise", "Invoice {{number}} issued"],
  runInvoicingExplain: [
    "Émet, pour un mois terminé, la facture de chaque client : abonnements de la période, usage Queue IA et prorata déjà en brouillon. Un client déjà facturé pour ce mois est ignoré.",
    "Issues, for a month that has ended, each customer's invoice: the period's subscriptions, and the Queue IA usage and proration already on the draft. A customer already invoiced for that month is skipped.",
  ],
  runInvoicingDone: [
    "Facturation {{period}} : {{issued}} factures émises, {{skipped}} clients déjà facturés ({{customers}} clients)",
    "Invoicing {{period}}: {{issued}} invoices issued, {{skipped}} customers already invoiced ({{customers}} customers)",
  ],
  runInvoicingPartial: [
    "Facturation {{period}} : {{issued}} factures émises, {{failed}} clients en échec (relancer le mois les reprend)",
    "Invoicing {{period}}: {{issued}} invoices issued, {{failed}} customers failed (running the month again retries them)",
  ],
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
};

/** Custom actions (AdminJS looks them up as actions.<name>). */
/** Custom pages of AdminJS (translatePage): their names in the sidebar. */
const PAGES: Record<string, Words> = {
  queueBoard: ["Queue IA", "AI queue"],
  revenue: ["Revenus", "Revenue"],
};

const ACTIONS: Record<string, Words> = {
  acknowledge: ["Prendre en compte", "Acknowledge"],
  bulkAcknowledge: ["Prendre en compte", "Acknowledge"],
  // Invoices: payment reminder (src/modules/billing/reminder-actions.ts).
  sendReminder: ["Relancer le client", "Send reminder"],
  // Invoices: the dashboard's quick action (src/modules/dashboard/overdue-reminders.ts).
  remindOverdue: ["Relancer toutes les factures en retard", "Remind all overdue invoices"],
  // Admin users (src/modules/settings/resource.ts).
  disable: ["Désactiver", "Disable"],
  enable: ["Réactiver", "Enable"],
  resetPassword: ["Réinitialiser le mot de passe", "Reset password"],
  forceLogout: ["Déconnecter partout", "Log out everywhere"],
  // Queue IA workflow (src/modules/ai-queue/service.ts).
  take: ["Prendre", "Take"],
  release: ["Libérer", "Release"],
  complete: ["Terminer", "Complete"],
  reject: ["Refuser", "Reject"],
  // AI requests (src/modules/ai-queue/resource.ts).
  generateDraft: ["Générer un brouillon (Claude)", "Generate draft (Claude)"],
  exportBrief: ["Exporter pour Claude Code", "Export for Claude Code"],
  importResult: ["Importer un résultat", "Import result"],
  // Invoices (src/modules/billing/refund-actions.ts).
  refund: ["Rembourser", "Refund"],
  // Invoices (src/modules/billing/invoice-actions.ts).
  issue: ["Émettre", "Issue"],
  runInvoicing: ["Facturation mensuelle", "Run monthly invoicing"],
  // Invoice documents (src/modules/billing/document-routes.ts).
  downloadPdf: ["Télécharger le PDF", "Download PDF"],
  accountingExport: ["Export comptable", "Accounting export"],
  // Business metrics (src/modules/analytics/resource.ts).
  exportCsv: ["Export CSV", "CSV export"],
  alertThresholds: ["Seuils d'alerte", "Alert thresholds"],
  // Subscriptions (src/modules/billing/subscription-actions.ts).
  changePlan: ["Changer d'offre", "Change plan"],
  cancelAtPeriodEnd: ["Résilier en fin de période", "Cancel at period end"],
  cancelNow: ["Résilier maintenant", "Cancel now"],
  suspend: ["Suspendre", "Suspend"],
  reactivate: ["Réactiver", "Reactivate"],
};

// ---------------------------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------------------------

type Lang = 0 | 1;
const pick = (lang: Lang, words: Record<string, Words>) =>
  Object.fromEntries(Object.entries(words).map(([key, pair]) => [key, pair[lang]]));

/** resourceId -> enum property -> Prisma enum name, from the client's data model. */
function enumProperties(): Map<string, Record<string, string>> {
  const byResource = new Map<string, Record<string, string>>();
  for (const model of Prisma.dmmf.datamodel.models) {
    const enums = model.fields.filter((f) => f.kind === "enum");
    if (enums.length)
      byResource.set(model.dbName ?? model.name, Object.fromEntries(enums.map((f) => [f.name, f.type])));
  }
  return byResource;
}

function build(lang: Lang): LocaleTranslations {
  const enumProps = enumProperties();
  const resources = Object.fromEntries(
    Object.entries(RESOURCES).map(([resourceId, words]) => {
      const common = Object.fromEntries(words.common.map((name) => [name, COMMON[name][lang]]));
      const enums = Object.entries(enumProps.get(resourceId) ?? {}).map(([prop, enumName]) => [
        prop,
        pick(lang, ENUMS[enumName] ?? {}),
      ]);
      return [
        resourceId,
        { properties: { ...common, ...pick(lang, words.properties) }, labels: Object.fromEntries(enums) },
      ];
    }),
  );
  const resourceLabels = Object.fromEntries(Object.entries(RESOURCES).map(([id, words]) => [id, words.label[lang]]));
  return {
    labels: resourceLabels,
    properties: pick(lang, COMMON),
    resources,
    messages: pick(lang, MESSAGES),
    actions: pick(lang, ACTIONS),
    pages: pick(lang, PAGES),
  };
}

export const fr: LocaleTranslations = build(0);
export const en: LocaleTranslations = build(1);
