// Support demo (issue 17, item 8): the SLA policies, canned replies in French and English, and tickets
// across every status with their conversations: one unanswered urgent ticket past its first-response
// target (the breached SLA the next SLA round escalates), one from an unknown address, resolved ones rated.
import type { Prisma, SupportPriority, SupportTicketStatus } from "@prisma/client";
import { deadlines, DEFAULT_SLA, PRIORITIES } from "../../src/modules/support/rules/sla.js";
import { replyMessageId } from "../../src/modules/support/rules/threading.js";
import type { DemoCustomer, DemoSite } from "./customers.js";
import type { Staff } from "./staff.js";
import { addMs, DAY, HOUR, MINUTE } from "./time.js";

export interface DemoSupport {
  supportSlaPolicies: Prisma.SupportSlaPolicyCreateManyInput[];
  supportCannedReplies: Prisma.SupportCannedReplyCreateManyInput[];
  supportTickets: Prisma.SupportTicketCreateManyInput[];
  supportMessages: Prisma.SupportMessageCreateManyInput[];
  supportAttachments: Prisma.SupportAttachmentCreateManyInput[];
}

const SUPPORT_ADDRESS = "support@locod-ai.local";

interface TicketPlan {
  subject: string;
  status: SupportTicketStatus;
  priority: SupportPriority;
  /** When it opened, before now. */
  ago: number;
  assignee: keyof Staff | null;
  /** Index of the demo customer; null: an unknown sender. */
  customer: number | null;
  link?: "site" | "aiRequest" | "invoice";
  /** The conversation after the customer's first message: who wrote, minutes after the opening. */
  then: { kind: "reply" | "customer" | "note"; after: number; body: string }[];
  resolvedAfter?: number;
  closedAfter?: number;
  csat?: number;
  escalated?: boolean;
  body: string;
}

const PLANS: TicketPlan[] = [
  {
    subject: "Mon site est inaccessible depuis ce matin",
    status: "open",
    priority: "urgent",
    ago: 3 * HOUR,
    assignee: "editor",
    customer: 0,
    link: "site",
    body: "Bonjour, mon site affiche une erreur depuis ce matin, mes clients ne peuvent plus réserver. Merci de regarder en urgence.",
    then: [{ kind: "note", after: 20, body: "Vérifier le certificat SSL du domaine avant de répondre." }],
  },
  {
    subject: "Changer les horaires d'ouverture",
    status: "open",
    priority: "normal",
    ago: 30 * MINUTE,
    assignee: null,
    customer: 1,
    link: "site",
    body: "Bonjour, comment modifier mes horaires d'ouverture sur la page d'accueil ?",
    then: [],
  },
  {
    subject: "Le texte généré ne correspond pas à mon métier",
    status: "open",
    priority: "high",
    ago: 26 * HOUR,
    assignee: "admin",
    customer: 2,
    link: "aiRequest",
    body: "Le contenu proposé parle de restauration alors que je suis plombier.",
    then: [
      {
        kind: "reply",
        after: 90,
        body: "Bonjour, merci pour votre message. Nous relançons la génération avec votre métier.",
      },
      { kind: "customer", after: 24 * 60, body: "Merci, mais la nouvelle version parle encore de menus." },
    ],
  },
  {
    subject: "Question sur ma facture de novembre",
    status: "pending",
    priority: "normal",
    ago: 2 * DAY,
    assignee: "editor",
    customer: 3,
    link: "invoice",
    body: "Bonjour, je ne comprends pas la ligne « génération IA » sur ma facture.",
    then: [
      {
        kind: "reply",
        after: 120,
        body: "Bonjour, cette ligne correspond à la génération de contenu demandée le 12. Souhaitez-vous le détail ?",
      },
    ],
  },
  {
    subject: "Ajouter un formulaire de contact",
    status: "resolved",
    priority: "normal",
    ago: 3 * DAY,
    assignee: "admin",
    customer: 4,
    body: "Est-il possible d'ajouter un formulaire de contact ?",
    then: [
      { kind: "reply", after: 45, body: "Oui : il est maintenant en ligne sur votre page Contact." },
      { kind: "customer", after: 200, body: "Parfait, merci beaucoup !" },
    ],
    resolvedAfter: 210,
    csat: 5,
  },
  {
    subject: "Mon nom de domaine ne répond pas",
    status: "resolved",
    priority: "low",
    ago: 10 * DAY,
    assignee: "editor",
    customer: 5,
    link: "site",
    body: "Bonjour, mon nom de domaine ne pointe pas encore vers mon nouveau site.",
    then: [
      {
        kind: "reply",
        after: 300,
        body: "Bonjour, l'enregistrement DNS manquait : il est en place et le domaine répond.",
      },
    ],
    resolvedAfter: 320,
    csat: 4,
  },
  {
    subject: "Remboursement demandé",
    status: "closed",
    priority: "high",
    ago: 20 * DAY,
    assignee: "admin",
    customer: 6,
    link: "invoice",
    body: "Je souhaite être remboursé du mois dernier, le site n'était pas prêt.",
    then: [
      { kind: "note", after: 30, body: "Voir avec la facturation : remboursement partiel possible." },
      { kind: "reply", after: 300, body: "Bonjour, nous avons procédé à un remboursement partiel de 50 %." },
    ],
    resolvedAfter: 310,
    closedAfter: 7 * 24 * 60,
    csat: 2,
  },
  {
    subject: "Logo flou sur mobile",
    status: "closed",
    priority: "normal",
    ago: 40 * DAY,
    assignee: "editor",
    customer: 7,
    body: "Mon logo est flou sur téléphone.",
    then: [{ kind: "reply", after: 180, body: "Nous avons remplacé le logo par une version haute définition." }],
    resolvedAfter: 200,
    closedAfter: 7 * 24 * 60,
  },
  {
    subject: "Demande de devis",
    status: "open",
    priority: "low",
    ago: 2 * HOUR,
    assignee: null,
    customer: null,
    body: "Bonjour, combien coûte un site pour une boulangerie ?",
    then: [],
  },
  {
    subject: "Paiement refusé",
    status: "resolved",
    priority: "urgent",
    ago: 6 * DAY,
    assignee: "admin",
    customer: 8,
    link: "invoice",
    body: "Ma carte a été refusée alors qu'elle est valide.",
    then: [{ kind: "reply", after: 40, body: "Le paiement est passé à la seconde tentative, tout est en ordre." }],
    resolvedAfter: 60,
    csat: 5,
  },
];

export function buildSupport(
  now: Date,
  staff: Staff,
  customers: readonly DemoCustomer[],
  sites: readonly DemoSite[],
  aiRequests: readonly { id: number; customerId: number }[],
  invoices: readonly { id: number; customerId: number }[],
): DemoSupport {
  const since = addMs(now, -120 * DAY);
  const supportSlaPolicies = PRIORITIES.map((priority, i) => ({
    id: i + 1,
    priority,
    ...DEFAULT_SLA[priority],
    updatedAt: since,
  }));
  const supportCannedReplies: Prisma.SupportCannedReplyCreateManyInput[] = [
    {
      id: 1,
      title: "Accusé de réception",
      language: "fr",
      body: "Bonjour,\n\nMerci pour votre message : nous l'examinons et revenons vers vous rapidement.\n\nL'équipe Locod-AI",
      createdById: staff.admin,
      createdAt: since,
      updatedAt: since,
    },
    {
      id: 2,
      title: "Problème résolu",
      language: "fr",
      body: "Bonjour,\n\nLe problème est corrigé. N'hésitez pas à nous répondre s'il se reproduit.\n\nL'équipe Locod-AI",
      createdById: staff.admin,
      createdAt: since,
      updatedAt: since,
    },
    {
      id: 3,
      title: "Acknowledgement",
      language: "en",
      body: "Hello,\n\nThank you for your message: we are looking into it and will get back to you shortly.\n\nThe Locod-AI team",
      createdById: staff.editor,
      createdAt: since,
      updatedAt: since,
    },
    {
      id: 4,
      title: "Issue fixed",
      language: "en",
      body: "Hello,\n\nThe issue is fixed. Just reply to this e-mail if it happens again.\n\nThe Locod-AI team",
      createdById: staff.editor,
      createdAt: since,
      updatedAt: since,
    },
  ];
  const supportTickets: Prisma.SupportTicketCreateManyInput[] = [];
  const supportMessages: Prisma.SupportMessageCreateManyInput[] = [];
  PLANS.forEach((plan, index) => {
    const id = index + 1;
    const openedAt = addMs(now, -plan.ago);
    const at = (minutes: number) => addMs(openedAt, minutes * MINUTE);
    const customer = plan.customer === null ? null : customers[plan.customer % customers.length]!;
    const email = customer?.email ?? "prospect.boulangerie@example.com";
    const site = customer ? sites.find((s) => s.customerId === customer.id) : undefined;
    const request = customer ? aiRequests.find((r) => r.customerId === customer.id) : undefined;
    const invoice = customer ? invoices.find((i) => i.customerId === customer.id) : undefined;
    const assigneeId = plan.assignee ? staff[plan.assignee] : null;
    const firstReply = plan.then.find((m) => m.kind === "reply");
    const lastAnswer = [...plan.then].reverse().find((m) => m.kind !== "note");
    const awaiting =
      plan.status === "open" && (!lastAnswer || lastAnswer.kind === "customer") ? at(lastAnswer?.after ?? 0) : null;
    supportTickets.push({
      id,
      subject: plan.subject,
      status: plan.status,
      priority: plan.priority,
      assigneeId,
      assignedAt: assigneeId ? at(1) : null,
      customerId: customer?.id ?? null,
      siteId: plan.link === "site" ? (site?.id ?? null) : null,
      aiRequestId: plan.link === "aiRequest" ? (request?.id ?? null) : null,
      invoiceId: plan.link === "invoice" ? (invoice?.id ?? null) : null,
      requesterEmail: email,
      requesterName: customer?.name ?? null,
      createdAt: openedAt,
      updatedAt: at(plan.then.at(-1)?.after ?? 0),
      ...deadlines(openedAt, DEFAULT_SLA[plan.priority]),
      firstResponseAt: firstReply ? at(firstReply.after) : null,
      resolvedAt: plan.resolvedAfter !== undefined ? at(plan.resolvedAfter) : null,
      closedAt: plan.closedAfter !== undefined ? at(plan.closedAfter) : null,
      awaitingReplySince: awaiting,
      csatScore: plan.csat ?? null,
      csatAt: plan.csat !== undefined && plan.resolvedAfter !== undefined ? at(plan.resolvedAfter + 600) : null,
    });
    const customerId = (n: number) => `<demo-${id}-${n}@${email.split("@")[1]}>`;
    const thread: string[] = [];
    const push = (kind: "customer" | "reply" | "note", after: number, body: string) => {
      const messageId = supportMessages.length + 1;
      const emailMessageId =
        kind === "customer"
          ? customerId(messageId)
          : kind === "reply"
            ? replyMessageId(id, messageId, SUPPORT_ADDRESS)
            : null;
      supportMessages.push({
        id: messageId,
        ticketId: id,
        kind,
        authorId: kind === "customer" ? null : (assigneeId ?? staff.admin),
        fromAddress: kind === "customer" ? email : kind === "reply" ? SUPPORT_ADDRESS : null,
        body,
        emailMessageId,
        inReplyTo: kind === "note" ? null : (thread.at(-1) ?? null),
        createdAt: at(after),
      });
      if (emailMessageId) thread.push(emailMessageId);
    };
    push("customer", 0, plan.body);
    for (const m of plan.then) push(m.kind, m.after, m.body);
  });
  // The customer of the unreachable site sent two screenshots (a 1x1 PNG stands for each).
  const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
  const supportAttachments: Prisma.SupportAttachmentCreateManyInput[] = [
    {
      id: 1,
      messageId: 1,
      filename: "capture-erreur.png",
      contentType: "image/png",
      sizeBytes: Buffer.from(png, "base64").length,
      content: png,
      createdAt: supportMessages[0]!.createdAt as Date,
    },
    {
      id: 2,
      messageId: 1,
      filename: "capture-erreur-mobile.png",
      contentType: "image/png",
      sizeBytes: Buffer.from(png, "base64").length,
      content: png,
      createdAt: supportMessages[0]!.createdAt as Date,
    },
  ];
  return { supportSlaPolicies, supportCannedReplies, supportTickets, supportMessages, supportAttachments };
}
