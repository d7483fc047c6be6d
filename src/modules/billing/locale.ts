// The billing module's words, French and English side by side: plans, subscriptions, invoices, refunds, Stripe events, the revenue page and their actions.
// src/admin/locale.ts assembles every module's words into AdminJS's translations.
import type { ModuleLocale } from "../../module.js";

export const billingLocale: ModuleLocale = {
  resources: {
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
        seller: ["Vendeur à l'émission", "Seller at issue"],
        vatRate: ["Taux de TVA à l'émission", "VAT rate at issue"],
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
        customerId: ["Client", "Customer"],
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
        customerId: ["Client", "Customer"],
        planId: ["Offre", "Plan"],
        billingInterval: ["Périodicité", "Billing interval"],
        mrr: ["MRR", "MRR"],
        validFrom: ["Depuis le", "Valid from"],
        reason: ["Changement", "Change"],
      },
    },
  },
  enums: {
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
  },
  messages: {
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
    revenueLastReminder: ["Dernière relance", "Last reminder"],
    revenueNextReminder: ["Prochaine relance possible :", "Next reminder allowed:"],
    revenueSendReminder: ["Relancer", "Send reminder"],
    sendReminderExplain: [
      "Le client reçoit par e-mail, dans sa langue, un rappel de cette facture en retard (numéro, montant, échéance, moyens de paiement). Une relance au plus par facture et par 24 heures.",
      "The customer is e-mailed, in their language, a reminder of this overdue invoice (number, amount, due date, how to pay). At most one reminder per invoice every 24 hours.",
    ],
    sendReminderDone: ["Relance envoyée", "Reminder sent"],
    // Refunds and billing alerts (src/modules/billing/refund-actions.ts).
    refundExplain: [
      "Rembourse tout ou partie du paiement de cette facture, avec un motif. Payée par Stripe : le remboursement passe par Stripe. Payée autrement (virement) : il est enregistré ici et se fait par le même moyen.",
      "Refunds all or part of this invoice's payment, with a reason. Paid through Stripe: the refund goes through Stripe. Paid otherwise (transfer): it is recorded here and made the same way.",
    ],
    refundDone: ["Remboursement enregistré", "Refund recorded"],
    billingAlertAcknowledged: ["Alerte prise en compte", "Alert acknowledged"],
    billingAlertAlreadyAcknowledged: ["Cette alerte était déjà prise en compte", "This alert was already acknowledged"],
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
    recordPaymentExplain: [
      "Enregistre le paiement reçu aujourd'hui par virement : la facture passe à payée. Le moyen de paiement reste modifiable ensuite.",
      "Records the payment received today by bank transfer: the invoice becomes paid. The payment method can still be changed afterwards.",
    ],
    recordPaymentDone: ["Paiement enregistré", "Payment recorded"],
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
    // The Revenue page (components/RevenuePage.tsx): counts with their plural, the chart's text alternative.
    revenueDaysLate_one: ["jour de retard", "day late"],
    revenueDaysLate_other: ["jours de retard", "days late"],
    revenueCustomers_one: ["client", "customer"],
    revenueCustomers_other: ["clients", "customers"],
    revenueChartSummary: [
      "Mouvements de MRR par mois, gains au-dessus de l'axe, pertes en dessous ; le tableau qui suit donne chaque valeur.",
      "MRR movements by month, gains above the axis, losses below; the table that follows gives every value.",
    ],
    revenueTableLabel: ["Mouvements de MRR par mois", "MRR movements by month"],
    revenueOverdueLabel: ["Factures en retard", "Overdue invoices"],
  },
  actions: {
    // Invoices: payment reminder (src/modules/billing/reminder-actions.ts).
    sendReminder: ["Relancer le client", "Send reminder"],
    // Invoices (src/modules/billing/refund-actions.ts).
    refund: ["Rembourser", "Refund"],
    // Invoices (src/modules/billing/invoice-actions.ts).
    issue: ["Émettre", "Issue"],
    recordPayment: ["Enregistrer le paiement", "Record payment"],
    runInvoicing: ["Facturation mensuelle", "Run monthly invoicing"],
    // Invoice documents (src/modules/billing/document-routes.ts).
    downloadPdf: ["Télécharger le PDF", "Download PDF"],
    accountingExport: ["Export comptable", "Accounting export"],
    // Subscriptions (src/modules/billing/subscription-actions.ts).
    changePlan: ["Changer d'offre", "Change plan"],
    cancelAtPeriodEnd: ["Résilier en fin de période", "Cancel at period end"],
    cancelNow: ["Résilier maintenant", "Cancel now"],
    suspend: ["Suspendre", "Suspend"],
    reactivate: ["Réactiver", "Reactivate"],
  },
  pages: {
    revenue: ["Revenus", "Revenue"],
  },
};
