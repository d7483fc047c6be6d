// The ai-queue module's words, French and English side by side: the AI requests and Claude generations, the Queue IA board and its workflow.
// src/admin/locale.ts assembles every module's words into AdminJS's translations.
import type { ModuleLocale } from "../../module.js";

export const aiQueueLocale: ModuleLocale = {
  resources: {
    ai_requests: {
      label: ["Demandes IA", "AI requests"],
      common: ["id", "createdAt", "status", "customer", "site", "admin"],
      properties: {
        requestType: ["Type de demande", "Request type"],
        idempotencyKey: ["Clé d'idempotence (assistant)", "Idempotency key (wizard)"],
        idempotencyHash: ["Empreinte de la demande (assistant)", "Submission hash (wizard)"],
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
  },
  enums: {
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
    AiGenerationStatus: {
      queued: ["En file", "Queued"],
      running: ["En cours", "Running"],
      succeeded: ["Réussie", "Succeeded"],
      failed: ["Échouée", "Failed"],
    },
  },
  messages: {
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
    priorityHint: ["1 = urgente, 5 = normale, 10 = basse", "1 = urgent, 5 = normal, 10 = low"],
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
    // The Queue IA page's counts (components/QueueBoard.tsx, counts.ts), with their plural.
    queueBoardPending_one: ["demande en attente", "request pending"],
    queueBoardPending_other: ["demandes en attente", "requests pending"],
    queueBoardProcessing_one: ["en traitement", "being processed"],
    queueBoardProcessing_other: ["en traitement", "being processed"],
    queueBoardSeeList: ["voir la liste", "see the list"],
    queueBoardTable: ["Demandes ouvertes", "Open requests"],
  },
  actions: {
    // Queue IA workflow (src/modules/ai-queue/service.ts).
    take: ["Prendre", "Take"],
    release: ["Libérer", "Release"],
    complete: ["Terminer", "Complete"],
    reject: ["Refuser", "Reject"],
    // AI requests (src/modules/ai-queue/resource.ts).
    generateDraft: ["Générer un brouillon (Claude)", "Generate draft (Claude)"],
    exportBrief: ["Exporter pour Claude Code", "Export for Claude Code"],
    importResult: ["Importer un résultat", "Import result"],
  },
  pages: {
    queueBoard: ["Queue IA", "AI queue"],
  },
};
