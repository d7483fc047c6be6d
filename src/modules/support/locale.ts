// The support module's words, French and English side by side: tickets, their conversation, canned
// replies, SLA policies, the inbox and the metrics. src/admin/locale.ts assembles them.
import type { ModuleLocale } from "../../module.js";

export const supportLocale: ModuleLocale = {
  resources: {
    support_tickets: {
      label: ["Tickets", "Tickets"],
      common: ["id", "createdAt", "status", "customer", "site"],
      properties: {
        subject: ["Objet", "Subject"],
        priority: ["Priorité", "Priority"],
        assignee: ["Assigné à", "Assignee"],
        assigneeId: ["Assigné à", "Assignee"],
        aiRequest: ["Demande IA", "AI request"],
        invoice: ["Facture", "Invoice"],
        requesterEmail: ["E-mail du demandeur", "Requester e-mail"],
        requesterName: ["Nom du demandeur", "Requester name"],
        updatedAt: ["Modifié le", "Updated at"],
        assignedAt: ["Assigné le", "Assigned at"],
        firstResponseDueAt: ["Première réponse attendue avant", "First response due"],
        resolutionDueAt: ["Résolution attendue avant", "Resolution due"],
        firstResponseAt: ["Première réponse le", "First response at"],
        resolvedAt: ["Résolu le", "Resolved at"],
        closedAt: ["Fermé le", "Closed at"],
        awaitingReplySince: ["Attend une réponse depuis", "Awaiting reply since"],
        escalationLevel: ["Niveau", "Level"],
        escalatedAt: ["Escaladé le", "Escalated at"],
        csatScore: ["Satisfaction (1-5)", "CSAT (1-5)"],
        csatComment: ["Commentaire de satisfaction", "CSAT comment"],
        csatAt: ["Satisfaction donnée le", "CSAT given at"],
        messages: ["Messages", "Messages"],
      },
    },
    support_messages: {
      label: ["Messages de support", "Support messages"],
      common: ["id", "createdAt", "author"],
      properties: {
        ticket: ["Ticket", "Ticket"],
        kind: ["Type", "Kind"],
        fromAddress: ["Expéditeur", "From"],
        body: ["Message", "Message"],
        emailMessageId: ["Message-ID", "Message-ID"],
        inReplyTo: ["En réponse à", "In reply to"],
        eventId: ["Événement entrant", "Inbound event"],
        emailLog: ["E-mail envoyé", "E-mail sent"],
        cannedReply: ["Réponse type", "Canned reply"],
        attachments: ["Pièces jointes", "Attachments"],
      },
    },
    support_attachments: {
      label: ["Pièces jointes", "Attachments"],
      common: ["id", "createdAt"],
      properties: {
        message: ["Message", "Message"],
        filename: ["Nom du fichier", "File name"],
        contentType: ["Type", "Content type"],
        sizeBytes: ["Taille (octets)", "Size (bytes)"],
        content: ["Contenu (base64)", "Content (base64)"],
      },
    },
    support_canned_replies: {
      label: ["Réponses types", "Canned replies"],
      common: ["id", "createdAt"],
      properties: {
        title: ["Titre", "Title"],
        body: ["Texte", "Text"],
        language: ["Langue", "Language"],
        createdBy: ["Créée par", "Created by"],
        updatedAt: ["Modifiée le", "Updated at"],
      },
    },
    support_sla_policies: {
      label: ["SLA du support", "Support SLAs"],
      common: ["id"],
      properties: {
        priority: ["Priorité", "Priority"],
        firstResponseMinutes: ["Première réponse (minutes)", "First response (minutes)"],
        resolutionMinutes: ["Résolution (minutes)", "Resolution (minutes)"],
        reassignAfterMinutes: ["Réassigner après un silence de (minutes)", "Reassign after silence of (minutes)"],
        updatedAt: ["Modifié le", "Updated at"],
      },
    },
  },
  enums: {
    SupportTicketStatus: {
      open: ["Ouvert", "Open"],
      pending: ["En attente du client", "Pending"],
      resolved: ["Résolu", "Resolved"],
      closed: ["Fermé", "Closed"],
    },
    SupportPriority: {
      low: ["Basse", "Low"],
      normal: ["Normale", "Normal"],
      high: ["Haute", "High"],
      urgent: ["Urgente", "Urgent"],
    },
    SupportMessageKind: {
      customer: ["Client", "Customer"],
      reply: ["Réponse", "Reply"],
      note: ["Note interne", "Internal note"],
    },
  },
  messages: {
    timeline_ticket_opened: ["Ticket de support ouvert", "Support ticket opened"],
    timeline_ticket_resolved: ["Ticket de support résolu", "Support ticket resolved"],
  },
};
