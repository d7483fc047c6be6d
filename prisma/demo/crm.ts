// Customers CRM demo (issue 17, item 8): internal notes (two mention an admin, one was edited), follow-up
// tasks (open, overdue and done, owned by the staff so each sees theirs), and the reusable direct
// e-mail templates in French and English.
import type { Prisma } from "@prisma/client";
import type { DemoCustomer } from "./customers.js";
import type { Staff } from "./staff.js";
import { addMs, DAY, HOUR } from "./time.js";

export interface DemoCrm {
  customerNotes: Prisma.CustomerNoteCreateManyInput[];
  customerNoteRevisions: Prisma.CustomerNoteRevisionCreateManyInput[];
  customerTasks: Prisma.CustomerTaskCreateManyInput[];
  customerEmailTemplates: Prisma.CustomerEmailTemplateCreateManyInput[];
}

const NOTES: { customer: number; author: keyof Staff; daysAgo: number; body: string; mention?: keyof Staff }[] = [
  {
    customer: 0,
    author: "admin",
    daysAgo: 40,
    body: "Appel de découverte : veut un site vitrine et la prise de rendez-vous.",
  },
  {
    customer: 0,
    author: "editor",
    daysAgo: 12,
    body: "Demande une page tarifs en anglais pour sa clientèle touristique. @admin@locod-ai.local à valider ?",
    mention: "admin",
  },
  { customer: 1, author: "admin", daysAgo: 25, body: "Paiement en retard le mois dernier, réglé après relance." },
  {
    customer: 2,
    author: "editor",
    daysAgo: 18,
    body: "Très satisfaite du premier site ; pense à un second pour sa boutique.",
  },
  {
    customer: 3,
    author: "superAdmin",
    daysAgo: 9,
    body: "Souhaite passer à l'offre Pro si le module de réservation arrive avant l'été. @editor@locod-ai.local",
    mention: "editor",
  },
  { customer: 4, author: "admin", daysAgo: 6, body: "Nom de domaine transféré ; vérifier les DNS après 48 h." },
  {
    customer: 5,
    author: "editor",
    daysAgo: 3,
    body: "A signalé un souci d'affichage sur mobile, corrigé dans la version 1.1.",
  },
];

const TASKS: {
  customer: number;
  owner: keyof Staff;
  by: keyof Staff;
  title: string;
  createdDaysAgo: number;
  dueInDays: number | null;
  doneDaysAgo?: number;
}[] = [
  {
    customer: 0,
    owner: "admin",
    by: "editor",
    title: "Valider la page tarifs en anglais",
    createdDaysAgo: 12,
    dueInDays: 2,
  },
  {
    customer: 1,
    owner: "admin",
    by: "admin",
    title: "Rappeler pour le moyen de paiement",
    createdDaysAgo: 20,
    dueInDays: -3,
  },
  {
    customer: 2,
    owner: "editor",
    by: "editor",
    title: "Proposer un second site (boutique)",
    createdDaysAgo: 17,
    dueInDays: 7,
  },
  {
    customer: 3,
    owner: "superAdmin",
    by: "superAdmin",
    title: "Relancer sur l'offre Pro",
    createdDaysAgo: 9,
    dueInDays: 14,
  },
  {
    customer: 4,
    owner: "editor",
    by: "admin",
    title: "Vérifier les DNS du domaine",
    createdDaysAgo: 6,
    dueInDays: -4,
    doneDaysAgo: 4,
  },
  {
    customer: 5,
    owner: "editor",
    by: "editor",
    title: "Confirmer le correctif mobile",
    createdDaysAgo: 3,
    dueInDays: 1,
  },
  {
    customer: 6,
    owner: "admin",
    by: "admin",
    title: "Point trimestriel",
    createdDaysAgo: 30,
    dueInDays: null,
    doneDaysAgo: 20,
  },
];

const TEMPLATES: Omit<Prisma.CustomerEmailTemplateCreateManyInput, "id" | "createdAt">[] = [
  {
    name: "Prise de nouvelles",
    subjectFr: "Comment se passe votre site, {{ customer.name }} ?",
    bodyFr:
      "Bonjour {{ customer.name }},\n\nNous voulions savoir si votre site vous donne satisfaction. Répondez à ce message : " +
      "il arrive directement à notre équipe.\n\n{{ admin.name }}, Locod-AI",
    subjectEn: "How is your website going, {{ customer.name }}?",
    bodyEn:
      "Hello {{ customer.name }},\n\nWe wanted to know whether your website works well for you. Reply to this message: " +
      "it reaches our team directly.\n\n{{ admin.name }}, Locod-AI",
  },
  {
    name: "Passage à l'offre supérieure",
    subjectFr: "Ce que l'offre supérieure apporterait à votre site",
    bodyFr:
      "Bonjour {{ customer.name }},\n\nVotre offre actuelle est « {{ customer.plan }} ». Nous pouvons vous présenter ce " +
      "qu'apporterait l'offre supérieure : répondez simplement à ce message.\n\n{{ admin.name }}",
    subjectEn: "What the next plan would bring to your website",
    bodyEn:
      'Hello {{ customer.name }},\n\nYour current plan is "{{ customer.plan }}". We can show you what the next plan ' +
      "would bring: just reply to this message.\n\n{{ admin.name }}",
  },
  {
    name: "Moyen de paiement à mettre à jour",
    subjectFr: "Votre moyen de paiement est à mettre à jour",
    bodyFr:
      "Bonjour {{ customer.name }},\n\nLe dernier prélèvement n'a pas abouti. Pouvez-vous mettre à jour votre moyen de " +
      "paiement ? Nous restons disponibles en répondant à ce message.\n\n{{ admin.name }}",
    subjectEn: "Please update your payment method",
    bodyEn:
      "Hello {{ customer.name }},\n\nThe last payment did not go through. Could you update your payment method? Reply to " +
      "this message if we can help.\n\n{{ admin.name }}",
  },
];

export function buildCrm(now: Date, staff: Staff, customers: readonly DemoCustomer[]): DemoCrm {
  const active = customers.filter((c) => c.status === "active");
  const customerAt = (i: number) => active[i % active.length]!;
  const ago = (days: number) => addMs(now, -days * DAY + 10 * HOUR);

  const customerNotes: Prisma.CustomerNoteCreateManyInput[] = NOTES.map((n, i) => {
    const customer = customerAt(n.customer);
    const createdAt = new Date(Math.max(ago(n.daysAgo).getTime(), customer.createdAt.getTime() + HOUR));
    return {
      id: i + 1,
      customerId: customer.id,
      authorId: staff[n.author],
      body: n.body,
      mentions: n.mention ? [staff[n.mention]] : [],
      createdAt,
      // The third note was corrected once (its earlier text is in customer_note_revisions).
      updatedAt: i === 2 ? addMs(createdAt, 2 * HOUR) : null,
    };
  });
  const edited = customerNotes[2]!;
  const customerNoteRevisions: Prisma.CustomerNoteRevisionCreateManyInput[] = [
    {
      id: 1,
      noteId: edited.id!,
      body: "Paiement en retard le mois dernier.",
      editedById: staff.admin,
      editedAt: edited.updatedAt as Date,
    },
  ];

  const customerTasks: Prisma.CustomerTaskCreateManyInput[] = TASKS.map((t, i) => {
    const customer = customerAt(t.customer);
    const createdAt = new Date(Math.max(ago(t.createdDaysAgo).getTime(), customer.createdAt.getTime() + HOUR));
    const done = t.doneDaysAgo !== undefined;
    return {
      id: i + 1,
      customerId: customer.id,
      title: t.title,
      dueAt: t.dueInDays === null ? null : addMs(now, t.dueInDays * DAY + 17 * HOUR),
      ownerId: staff[t.owner],
      createdById: staff[t.by],
      createdAt,
      done,
      doneAt: done ? new Date(Math.max(ago(t.doneDaysAgo!).getTime(), createdAt.getTime() + HOUR)) : null,
    };
  });

  const customerEmailTemplates = TEMPLATES.map((t, i) => ({ ...t, id: i + 1, createdAt: ago(60 - i * 10) }));
  return { customerNotes, customerNoteRevisions, customerTasks, customerEmailTemplates };
}
