// The customers module's words, French and English side by side: the customers table.
// src/admin/locale.ts assembles every module's words into AdminJS's translations.
import type { ModuleLocale } from "../../module.js";

export const customersLocale: ModuleLocale = {
  resources: {
    customers: {
      label: ["Clients", "Customers"],
      common: ["id", "createdAt", "status", "name", "email"],
      properties: {
        planType: ["Offre", "Plan"],
        language: ["Langue des e-mails", "E-mail language"],
        stripeCustomerId: ["Client Stripe", "Stripe customer"],
      },
    },
  },
  enums: {
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
  },
};
