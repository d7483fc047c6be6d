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
    customer_notes: {
      label: ["Notes internes", "Internal notes"],
      common: ["id", "createdAt"],
      properties: {
        customer: ["Client", "Customer"],
        customerId: ["Client", "Customer"],
        author: ["Auteur", "Author"],
        authorId: ["Auteur", "Author"],
        body: ["Note", "Note"],
        mentions: ["Mentions", "Mentions"],
        updatedAt: ["Modifiée le", "Edited at"],
      },
    },
    customer_note_revisions: {
      label: ["Historique des notes", "Note history"],
      common: ["id"],
      properties: {
        note: ["Note", "Note"],
        noteId: ["Note", "Note"],
        body: ["Texte précédent", "Previous text"],
        editedBy: ["Modifiée par", "Edited by"],
        editedById: ["Modifiée par", "Edited by"],
        editedAt: ["Modifiée le", "Edited at"],
      },
    },
    customer_tasks: {
      label: ["Tâches de suivi", "Follow-up tasks"],
      common: ["id", "createdAt"],
      properties: {
        customer: ["Client", "Customer"],
        customerId: ["Client", "Customer"],
        title: ["Tâche", "Task"],
        dueAt: ["Échéance", "Due"],
        owner: ["Responsable", "Owner"],
        ownerId: ["Responsable", "Owner"],
        done: ["Faite", "Done"],
        doneAt: ["Faite le", "Done at"],
        createdBy: ["Créée par", "Created by"],
        createdById: ["Créée par", "Created by"],
      },
    },
    customer_email_templates: {
      label: ["Modèles d'e-mail client", "Customer e-mail templates"],
      common: ["id", "createdAt", "name"],
      properties: {
        subjectFr: ["Objet (français)", "Subject (French)"],
        bodyFr: ["Texte (français)", "Body (French)"],
        subjectEn: ["Objet (anglais)", "Subject (English)"],
        bodyEn: ["Texte (anglais)", "Body (English)"],
      },
    },
    customer_emails: {
      label: ["E-mails directs", "Direct e-mails"],
      common: ["id", "createdAt"],
      properties: {
        customer: ["Client", "Customer"],
        customerId: ["Client", "Customer"],
        template: ["Modèle", "Template"],
        templateId: ["Modèle", "Template"],
        emailLog: ["Envoi", "Delivery"],
        emailLogId: ["Envoi", "Delivery"],
        subject: ["Objet", "Subject"],
        body: ["Texte", "Body"],
        sentBy: ["Envoyé par", "Sent by"],
        sentById: ["Envoyé par", "Sent by"],
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
  messages: {
    timeline_signup: ["Inscription", "Signed up"],
    timeline_note: ["Note interne", "Internal note"],
    timeline_task_created: ["Tâche créée", "Task created"],
    timeline_task_done: ["Tâche faite", "Task done"],
    timeline_direct_email: ["E-mail direct envoyé", "Direct e-mail sent"],
  },
};
