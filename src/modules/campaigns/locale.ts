// The campaigns module's words, French and English side by side: e-mail campaigns, sends and referrals.
// src/admin/locale.ts assembles every module's words into AdminJS's translations.
import type { ModuleLocale } from "../../module.js";

export const campaignsLocale: ModuleLocale = {
  resources: {
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
  },
  enums: {
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
  },
  messages: {
    "timeline.email_sent": ["E-mail de campagne envoyé", "Campaign e-mail sent"],
    "timeline.email_opened": ["E-mail de campagne ouvert", "Campaign e-mail opened"],
    "timeline.email_clicked": ["Lien de campagne cliqué", "Campaign link clicked"],
    referralSelf: ["Un client ne peut pas se parrainer lui-même", "A customer cannot refer themselves"],
  },
};
