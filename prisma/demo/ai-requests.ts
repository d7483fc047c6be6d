// The AI request queue (Queue IA): requests sent by step 4 of the site wizard, in every status and of
// every type, with what the customer asked for and, once completed, what was generated.
import type { AiBillingStatus, AiRequestStatus, AiRequestType, PlanType, Prisma } from "@prisma/client";
import type { DemoCustomer, DemoSite } from "./customers.js";
import { phoneNumber } from "./customers.js";
import { eur, percentOf, type Money } from "./money.js";
import { createRng, type Rng } from "./random.js";
import type { Staff } from "./staff.js";
import { lowerFirst } from "./text.js";
import { addMs, dateBetween, DAY, HOUR, maxDate, MINUTE } from "./time.js";
import {
  ADMIN_NOTES,
  AUDIENCES,
  CANCELLATION_NOTES,
  FEEDBACK_NOTES,
  REJECTION_REASONS,
  TONES,
  type Trade,
} from "./vocabulary.js";

export const AI_REQUEST_COUNT = 1000;
/** Requests of the last this many days are in the demo. */
const QUEUE_DAYS = 90;

export const AI_REQUEST_STATUSES: readonly AiRequestStatus[] = [
  "pending",
  "processing",
  "completed",
  "rejected",
  "cancelled",
];
export const AI_REQUEST_TYPES: readonly AiRequestType[] = ["services", "content", "images", "full_site"];

/** What each type of request is quoted at before it is processed. */
const ESTIMATED_COST: Record<AiRequestType, Money> = {
  services: eur("2.00"),
  content: eur("3.50"),
  images: eur("5.00"),
  full_site: eur("12.00"),
};

/** How long an admin works on a request of each type, in minutes. */
const WORK_MINUTES: Record<AiRequestType, [number, number]> = {
  services: [4, 25],
  content: [8, 45],
  images: [10, 60],
  full_site: [30, 180],
};

export interface DemoAiRequest {
  row: Prisma.AiRequestCreateManyInput & { id: number; createdAt: Date };
  customerId: number;
  type: AiRequestType;
  status: AiRequestStatus;
  completedAt: Date | null;
  actualCost: Money | null;
}

const LIVE: readonly AiRequestStatus[] = ["pending", "processing"];

/** Half of the requests arrive at a steady pace, half in proportion to the growing customer base. */
function drawCreatedAt(rng: Rng, now: Date): Date {
  const steady = rng.chance(0.5);
  const u = rng.next();
  const ageDays = steady ? QUEUE_DAYS * u : QUEUE_DAYS * (1 - Math.sqrt(u));
  return addMs(now, -Math.max(5 * 60, Math.floor((ageDays * DAY) / 1000)) * 1000);
}

/** Recent requests are still in the queue; older ones have been decided. */
function statusMix(age: number): Record<AiRequestStatus, number> {
  if (age < DAY) return { pending: 55, processing: 20, completed: 15, rejected: 5, cancelled: 5 };
  if (age < 3 * DAY) return { pending: 25, processing: 10, completed: 55, rejected: 5, cancelled: 5 };
  if (age < 7 * DAY) return { pending: 6, processing: 2, completed: 78, rejected: 6, cancelled: 8 };
  return { pending: 0, processing: 0, completed: 82, rejected: 7, cancelled: 11 };
}

function requestTimes(rng: Rng, now: Date, status: AiRequestStatus, type: AiRequestType, drawn?: Date) {
  if (status === "pending") return { createdAt: drawn ?? addMs(now, -rng.int(5, 2 * 24 * 60) * MINUTE) };
  if (status === "processing") {
    let createdAt = drawn ?? addMs(now, -rng.int(40, 24 * 60) * MINUTE);
    if (createdAt.getTime() > now.getTime() - 40 * MINUTE) createdAt = addMs(now, -rng.int(40, 120) * MINUTE);
    // Taken within the last few hours, whenever it arrived.
    const earliest = maxDate(addMs(createdAt, 5 * MINUTE), addMs(now, -6 * HOUR));
    const assignedAt = dateBetween(rng, earliest, addMs(now, -20 * MINUTE));
    const startedAt = dateBetween(rng, assignedAt, addMs(now, -10 * MINUTE));
    return { createdAt, assignedAt, startedAt };
  }
  let createdAt = drawn ?? drawCreatedAt(rng, now);
  const waitMinutes = rng.chance(0.7) ? rng.int(5, 240) : rng.int(240, 20 * 60);
  const [lo, hi] = WORK_MINUTES[type];
  const work = rng.int(lo, hi);
  const total = (waitMinutes + 20 + work) * MINUTE;
  // Decided before the demo's `now`.
  if (createdAt.getTime() + total > now.getTime()) createdAt = addMs(now, -total - rng.int(10, 120) * MINUTE);
  const assignedAt = addMs(createdAt, waitMinutes * MINUTE);
  const startedAt = addMs(assignedAt, rng.int(0, 20) * MINUTE);
  const completedAt = addMs(startedAt, work * MINUTE);
  return { createdAt, assignedAt, startedAt, completedAt };
}

/** Bigger plans send more requests. */
const REQUESTS_WEIGHT: Record<PlanType, number> = { free: 1, starter: 2, pro: 4, enterprise: 8 };

/** A customer who existed at `at` and, for a request still in the queue, still is a customer. */
function pickCustomer(
  rng: Rng,
  pool: readonly DemoCustomer[],
  customers: readonly DemoCustomer[],
  at: Date,
  live: boolean,
): DemoCustomer {
  for (let attempt = 0; attempt < 200; attempt++) {
    const c = rng.pick(pool);
    if (c.createdAt.getTime() >= at.getTime()) continue;
    if (c.endedAt && (live || c.endedAt.getTime() <= at.getTime())) continue;
    return c;
  }
  return customers.find((c) => c.status === "active" && c.createdAt.getTime() < at.getTime()) ?? customers[0]!;
}

function businessBrief(rng: Rng, c: DemoCustomer, terminology: string) {
  const since = rng.int(1978, 2023);
  const pitch = rng.pick([
    `Entreprise familiale de ${rng.int(2, 12)} personnes.`,
    "Nous voulons attirer une clientèle plus jeune grâce au site.",
    "Beaucoup d'appels pour des renseignements : le site doit y répondre.",
    `Nous voulons mettre en avant nos ${terminology} et nos avis clients.`,
    "Ouvert du mardi au samedi, fermé en août.",
  ]);
  return {
    businessName: c.name,
    city: c.city.name,
    postalCode: c.city.postalCode,
    phone: phoneNumber(rng),
    description: `${c.name}, ${c.trade.noun} à ${c.city.name} depuis ${since}. ${pitch}`,
    targetAudience: rng.pick(AUDIENCES),
    tone: rng.pick(TONES),
    terminology,
  };
}

function requestData(rng: Rng, type: AiRequestType, c: DemoCustomer, site: DemoSite | undefined, terminology: string) {
  const brief = businessBrief(rng, c, terminology);
  const services = rng.sample(c.trade.services, rng.int(2, Math.min(4, c.trade.services.length)));
  const base = { ...brief, source: "wizard_step_4", siteDomain: site?.domain ?? null };
  switch (type) {
    case "services":
      return {
        ...base,
        services: services.map((s) => ({ name: s.name, priceFrom: s.priceFrom })),
        pricingDisplay: rng.pick(["à partir de", "sur devis", "prix fixes"]),
      };
    case "content":
      return {
        ...base,
        pages: rng.sample(["accueil", "à propos", "tarifs", "avis clients", "FAQ", "contact"], rng.int(2, 4)),
        keywords: [...c.trade.keywords, `${c.trade.keywords[0]} ${c.city.name}`],
        length: rng.pick(["court", "moyen", "détaillé"]),
      };
    case "images":
      return {
        ...base,
        images: [
          { subject: `la devanture de ${c.name}`, format: "16:9" },
          ...services.map((s) => ({ subject: lowerFirst(s.name), format: rng.pick(["4:3", "1:1"]) })),
        ].slice(0, rng.int(2, 4)),
        style: rng.pick(["photo réaliste", "illustration", "aquarelle"]),
      };
    case "full_site":
      return {
        ...base,
        template: c.trade.template,
        pages: ["accueil", terminology, "à propos", "contact"],
        services: services.map((s) => s.name),
        colors: rng.pick([
          { primary: "#1F4E79", secondary: "#F2A900" },
          { primary: "#8C3B1E", secondary: "#E9C46A" },
          { primary: "#5E8C7A", secondary: "#D8B4A0" },
          { primary: "#2D2D2D", secondary: "#C9A227" },
        ]),
        logoProvided: rng.chance(0.6),
      };
  }
}

type RequestData = ReturnType<typeof requestData>;

function generatedContent(rng: Rng, type: AiRequestType, c: DemoCustomer, data: RequestData) {
  const trade: Trade = c.trade;
  const model = { model: "claude-sonnet-4-5", tokens: { input: rng.int(900, 4000), output: rng.int(600, 6000) } };
  const hero = {
    title: rng.pick([
      `${c.name}, votre ${trade.noun} à ${c.city.name}`,
      `Bienvenue chez ${c.name}`,
      `${trade.label} à ${c.city.name} : le savoir-faire près de chez vous`,
    ]),
    subtitle: `${trade.services[0]!.name}, ${lowerFirst(trade.services[1]!.name)} et bien plus, avec le sourire.`,
    cta: rng.pick(["Nous contacter", "Demander un devis", "Prendre rendez-vous", "Voir nos horaires"]),
  };
  const seo = {
    title: `${c.name} – ${trade.label} à ${c.city.name}`,
    metaDescription: `${c.name}, ${trade.noun} à ${c.city.name} (${c.city.postalCode}). ${trade.services[0]!.description}`,
  };
  switch (type) {
    case "services":
      return {
        ...model,
        intro: `Découvrez nos ${data.terminology} : du travail soigné, des prix clairs.`,
        services: trade.services.map((s) => ({
          name: s.name,
          description: s.description,
          price: `à partir de ${s.priceFrom} €`,
        })),
      };
    case "content":
      return {
        ...model,
        hero,
        about: {
          title: "Notre histoire",
          body: `${data.description} Chez ${c.name}, chaque client est accueilli comme un voisin.`,
        },
        sections: trade.services.slice(0, 3).map((s) => ({ title: s.name, body: s.description })),
        seo,
      };
    case "images": {
      const images = "images" in data ? data.images : [];
      return {
        ...model,
        images: images.map((img) => ({
          prompt: `${img.subject}, ${c.city.name}, lumière naturelle, style ${"style" in data ? data.style : "photo"}`,
          alt: img.subject.charAt(0).toUpperCase() + img.subject.slice(1),
          url: `https://cdn.locod-ai.test/generated/${rng.int(0x100000, 0xffffff).toString(16)}.webp`,
          width: img.format === "16:9" ? 1600 : 1200,
          height: img.format === "16:9" ? 900 : img.format === "4:3" ? 900 : 1200,
        })),
      };
    }
    case "full_site":
      return {
        ...model,
        pages: [
          { slug: "accueil", title: "Accueil", sections: [{ type: "hero", ...hero }] },
          {
            slug: "services",
            title: data.terminology.charAt(0).toUpperCase() + data.terminology.slice(1),
            sections: trade.services.map((s) => ({ type: "card", title: s.name, body: s.description })),
          },
          { slug: "a-propos", title: "À propos", sections: [{ type: "text", body: data.description }] },
          {
            slug: "contact",
            title: "Contact",
            sections: [{ type: "contact", phone: data.phone, city: c.city.name, postalCode: c.city.postalCode }],
          },
        ],
        seo,
      };
  }
}

function priorityFor(rng: Rng, plan: PlanType): number {
  if (rng.chance(0.03)) return 1;
  switch (plan) {
    case "enterprise":
      return rng.int(2, 4);
    case "pro":
      return rng.int(4, 5);
    case "starter":
      return 5;
    case "free":
      return rng.int(5, 8);
  }
}

/**
 * 1,000 requests. The first twenty cover every status with every type; the rest arrive over 90 days
 * and are still queued or already decided depending on their age. billing_status is set to "pending" here and updated by the invoices that bill them.
 */
export function buildAiRequests(
  seed: number,
  now: Date,
  customers: readonly DemoCustomer[],
  sites: readonly DemoSite[],
  staff: Staff,
): DemoAiRequest[] {
  const rng = createRng(seed, "ai_requests");
  const sitesOf = new Map<number, DemoSite[]>();
  for (const s of sites) sitesOf.set(s.customerId, [...(sitesOf.get(s.customerId) ?? []), s]);
  const pool = customers.flatMap((c) => Array<DemoCustomer>(REQUESTS_WEIGHT[c.planType]).fill(c));
  // The viewer only looks: requests are worked by the editor, the admin and now and then the super admin.
  const workers: Record<string, number> = {
    [String(staff.editor)]: 50,
    [String(staff.admin)]: 35,
    [String(staff.superAdmin)]: 15,
  };

  const requests: DemoAiRequest[] = [];
  for (let k = 0; k < AI_REQUEST_COUNT; k++) {
    const combos = AI_REQUEST_STATUSES.length * AI_REQUEST_TYPES.length;
    const forced = k < combos;
    const type = forced
      ? AI_REQUEST_TYPES[Math.floor(k / AI_REQUEST_STATUSES.length)]!
      : rng.weighted<AiRequestType>({ services: 30, content: 35, images: 15, full_site: 20 });
    const drawn = forced ? undefined : drawCreatedAt(rng, now);
    const status = forced
      ? AI_REQUEST_STATUSES[k % AI_REQUEST_STATUSES.length]!
      : rng.weighted(statusMix(now.getTime() - drawn!.getTime()));
    const times = requestTimes(rng, now, status, type, drawn);
    const customer = pickCustomer(rng, pool, customers, times.createdAt, LIVE.includes(status));
    const candidates = (sitesOf.get(customer.id) ?? []).filter(
      (s) => s.createdAt.getTime() < times.createdAt.getTime(),
    );
    const site = candidates.length > 0 && rng.chance(0.9) ? rng.pick(candidates) : undefined;
    const terminology = rng.pick(customer.trade.terminology);
    const data = requestData(rng, type, customer, site, terminology);
    const estimatedCost = ESTIMATED_COST[type];
    const adminId = Number(rng.weighted(workers));

    const row: DemoAiRequest["row"] = {
      id: 0,
      customerId: customer.id,
      siteId: site?.id ?? null,
      requestType: type,
      businessType: customer.trade.key,
      terminology,
      requestData: data,
      status,
      priority: priorityFor(rng, customer.planType),
      estimatedCost,
      createdAt: times.createdAt,
      billingStatus: "pending" satisfies AiBillingStatus,
    };
    let actualCost: Money | null = null;
    if (status === "processing" || status === "completed") {
      Object.assign(row, { adminId, assignedAt: times.assignedAt, startedAt: times.startedAt });
    }
    if (status === "completed") {
      actualCost = percentOf(estimatedCost, rng.int(85, 130));
      row.completedAt = times.completedAt;
      row.actualCost = actualCost;
      row.generatedContent = generatedContent(rng, type, customer, data);
      if (rng.chance(0.3)) row.adminNotes = rng.pick(ADMIN_NOTES);
      if (rng.chance(0.55)) {
        const rating = Number(rng.weighted({ 5: 45, 4: 30, 3: 15, 2: 6, 1: 4 })) as 1 | 2 | 3 | 4 | 5;
        row.customerFeedback = rating;
        if (rng.chance(0.5)) row.customerNotes = rng.pick(FEEDBACK_NOTES[rating]);
      }
    }
    if (status === "rejected") {
      Object.assign(row, { adminId, assignedAt: times.assignedAt, adminNotes: rng.pick(REJECTION_REASONS) });
    }
    if (status === "cancelled") {
      // Most are cancelled by the customer before anyone took them.
      if (rng.chance(0.3)) Object.assign(row, { adminId, assignedAt: times.assignedAt });
      row.customerNotes = rng.pick(CANCELLATION_NOTES);
    }
    const completedAt = status === "completed" ? times.completedAt! : null;
    requests.push({ row, customerId: customer.id, type, status, completedAt, actualCost });
  }
  requests.sort((a, b) => a.row.createdAt.getTime() - b.row.createdAt.getTime());
  requests.forEach((r, i) => (r.row.id = i + 1));
  return requests;
}
