// The demo's saved segments: the marketing team's usual audiences, each a valid set of criteria of the
// campaigns module (its criteria unit test parses every one).
import type { Prisma } from "@prisma/client";
import type { Staff } from "./staff.js";

const DAY = 86_400_000;

export function buildSegments(now: Date, staff: Staff): Prisma.SegmentCreateManyInput[] {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const rows: Omit<Prisma.SegmentCreateManyInput, "id" | "createdAt" | "updatedAt">[] = [
    {
      name: "Clients Pro et Enterprise actifs",
      description: "Clients payants des offres supérieures, pour les nouveautés produit.",
      criteria: { plans: ["pro", "enterprise"], statuses: ["active"], billing: ["active"] },
      createdBy: staff.admin,
    },
    {
      name: "Nouveaux inscrits (30 jours)",
      description: "Série de bienvenue : clients inscrits ces 30 derniers jours.",
      criteria: { signedUp: { from: at(30).toISOString() }, statuses: ["active"] },
      createdBy: staff.editor,
    },
    {
      name: "Gratuits très actifs en IA",
      description: "Clients gratuits avec au moins 3 demandes IA en 90 jours : offre de montée en gamme.",
      criteria: { plans: ["free"], aiRequests: { period: { lastDays: 90 }, min: 3 } },
      createdBy: staff.editor,
    },
    {
      name: "English-speaking customers",
      description: null,
      criteria: { languages: ["en"], statuses: ["active"] },
      createdBy: staff.admin,
    },
    {
      name: "Retards de paiement",
      description: "Abonnements en impayé ou factures en retard.",
      criteria: { billing: ["past_due", "overdue"] },
      createdBy: staff.admin,
    },
    {
      name: "Parrainés, MRR 20 € et plus",
      description: "Clients parrainés qui paient au moins 20 € par mois.",
      criteria: { referral: ["referred"], mrr: { min: "20" } },
      createdBy: staff.editor,
    },
  ];
  return rows.map((row, i) => ({ ...row, id: i + 1, createdAt: at(60 - i * 5), updatedAt: at(40 - i * 5) }));
}
