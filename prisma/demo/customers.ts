// Billing plans, customers (French small businesses), their subscriptions, sites and site configurations.
import type { CustomerStatus, PlanType, Prisma, SiteStatus, SubscriptionStatus } from "@prisma/client";
import { eur, type Money } from "./money.js";
import { createRng, type Rng } from "./random.js";
import type { DemoTemplates } from "./templates.js";
import { fill, slugify, uniqueIn } from "./text.js";
import { addMonthsUtc, addMs, dateBetween, DAY, HOUR, maxDate, minDate, MINUTE } from "./time.js";
import { CITIES, FIRST_NAMES, SURNAMES, TRADES, type TemplateKey, type Trade } from "./vocabulary.js";

export const CUSTOMER_COUNT = 200;
export const SITE_COUNT = 300;
/** Customers arrive over this many days, more of them recently (the business grows). */
const HISTORY_DAYS = 540;

export interface PlanSpec {
  id: number;
  name: PlanType;
  label: string;
  monthly: Money;
  yearly: Money;
  aiCredits: number;
  maxSites: number;
  features: readonly string[];
}

/** Prices before VAT, in EUR; a year costs ten months. */
export const PLANS: Record<PlanType, PlanSpec> = {
  free: {
    id: 1,
    name: "free",
    label: "Gratuit",
    monthly: eur("0.00"),
    yearly: eur("0.00"),
    aiCredits: 0,
    maxSites: 1,
    features: [
      "1 site vitrine",
      "Sous-domaine locod-ai",
      "Hébergement et certificat SSL inclus",
      "Génération IA à l'unité",
    ],
  },
  starter: {
    id: 2,
    name: "starter",
    label: "Starter",
    monthly: eur("19.00"),
    yearly: eur("190.00"),
    aiCredits: 3,
    maxSites: 3,
    features: [
      "3 sites",
      "Nom de domaine personnalisé",
      "3 crédits IA par mois",
      "Statistiques de visites",
      "Support par e-mail",
    ],
  },
  pro: {
    id: 3,
    name: "pro",
    label: "Pro",
    monthly: eur("49.00"),
    yearly: eur("490.00"),
    aiCredits: 10,
    maxSites: 10,
    features: [
      "10 sites",
      "10 crédits IA par mois",
      "Génération d'images par IA",
      "Prise de rendez-vous et formulaires",
      "SEO local avancé",
      "Support prioritaire",
    ],
  },
  enterprise: {
    id: 4,
    name: "enterprise",
    label: "Entreprise",
    monthly: eur("149.00"),
    yearly: eur("1490.00"),
    aiCredits: 50,
    maxSites: 50,
    features: [
      "50 sites",
      "50 crédits IA par mois",
      "Multi-établissements",
      "Accès API",
      "Gestionnaire de compte dédié",
      "Disponibilité garantie 99,9 %",
    ],
  },
};

export function buildPlans(now: Date): Prisma.BillingPlanCreateManyInput[] {
  return Object.values(PLANS).map((p) => ({
    id: p.id,
    name: p.name,
    priceMonthly: p.monthly,
    priceYearly: p.yearly,
    features: [...p.features],
    aiCreditsIncluded: p.aiCredits,
    maxSites: p.maxSites,
    status: "active",
    createdAt: addMs(now, -(HISTORY_DAYS + 30) * DAY),
  }));
}

export interface DemoCustomer {
  id: number;
  name: string;
  email: string;
  createdAt: Date;
  planType: PlanType;
  status: CustomerStatus;
  trade: Trade;
  city: (typeof CITIES)[number];
  firstName: string;
  surname: string;
  slug: string;
  /** When a cancelled or suspended customer stopped being active; null while active. */
  endedAt: Date | null;
}

export function buildCustomers(seed: number, now: Date): DemoCustomer[] {
  const rng = createRng(seed, "customers");
  const names = new Set<string>();
  const slugs = new Set<string>();
  const customers: DemoCustomer[] = [];
  for (let i = 0; i < CUSTOMER_COUNT; i++) {
    const trade = rng.pick(TRADES);
    const city = rng.pick(CITIES);
    const firstName = rng.pick(FIRST_NAMES);
    const surname = rng.pick(SURNAMES);
    const pattern = rng.pick(trade.names);
    let name = fill(pattern, { nom: surname, prenom: firstName, ville: city.name });
    // "Boulangerie du Marché" exists in many towns: the second one is told apart by its town.
    if (names.has(name) && !pattern.includes("{ville}")) name = `${name} (${city.name})`;
    name = uniqueIn(names, name, (b, n) => `${b} ${n}`);
    const slug = uniqueIn(slugs, slugify(name));
    // .test (RFC 2606): demo addresses and domains can never reach a real mailbox or web site.
    const mailbox = rng.pick(["contact", "bonjour", "info", slugify(firstName)]);

    // Density grows linearly towards today: the square root of a uniform draw.
    const daysAgo = 1 + Math.floor((HISTORY_DAYS - 1) * (1 - Math.sqrt(rng.next())));
    const createdAt = addMs(now, -daysAgo * DAY + rng.int(7 * 60, 22 * 60) * MINUTE + rng.int(0, 59) * 1000);
    const planType = rng.weighted<PlanType>({ free: 45, starter: 30, pro: 18, enterprise: 7 });
    let status = rng.weighted<CustomerStatus>({ active: 88, cancelled: 8, suspended: 4 });
    let endedAt: Date | null = null;
    if (status !== "active") {
      const from = maxDate(addMs(createdAt, 14 * DAY), addMs(now, -120 * DAY));
      const to = addMs(now, -DAY);
      if (from.getTime() < to.getTime()) endedAt = dateBetween(rng, from, to);
      else status = "active";
    }
    customers.push({
      id: 0,
      name,
      email: `${mailbox}@${slug}.test`,
      createdAt,
      planType,
      status,
      trade,
      city,
      firstName,
      surname,
      slug,
      endedAt,
    });
  }
  customers.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  customers.forEach((c, i) => (c.id = i + 1));
  return customers;
}

export function customerRows(customers: readonly DemoCustomer[]): Prisma.CustomerCreateManyInput[] {
  return customers.map((c) => ({
    id: c.id,
    email: c.email,
    name: c.name,
    createdAt: c.createdAt,
    planType: c.planType,
    status: c.status,
  }));
}

export interface DemoSubscription {
  id: number;
  customerId: number;
  /** The plan now (the customer's plan_type). */
  plan: PlanSpec;
  yearly: boolean;
  status: SubscriptionStatus;
  startedAt: Date;
  /** When a cancelled or suspended subscription stopped. */
  endedAt: Date | null;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  /** The plan it started on, and its plan changes since (the last one is `plan`). */
  initialPlan: PlanSpec;
  planChanges: { at: Date; plan: PlanSpec }[];
  /** Suspensions for an unpaid invoice, resumed once paid: [from, until). */
  pauses: { from: Date; until: Date }[];
}

/** The subscription's plan at `at` (its first plan before it started). */
export function planAt(sub: Pick<DemoSubscription, "initialPlan" | "planChanges">, at: Date): PlanSpec {
  let plan = sub.initialPlan;
  for (const change of sub.planChanges) if (change.at.getTime() <= at.getTime()) plan = change.plan;
  return plan;
}

/** The start of billing period `k` of a subscription (period 0 starts with it). */
export function periodStart(sub: Pick<DemoSubscription, "startedAt" | "yearly">, k: number): Date {
  return addMonthsUtc(sub.startedAt, k * (sub.yearly ? 12 : 1));
}

/** Paying customers have one subscription on their plan; free customers have none. */
export function buildSubscriptions(seed: number, now: Date, customers: readonly DemoCustomer[]): DemoSubscription[] {
  const rng = createRng(seed, "subscriptions");
  const subs: DemoSubscription[] = [];
  for (const c of customers) {
    if (c.planType === "free") continue;
    const plan = PLANS[c.planType];
    const yearly = rng.chance(c.planType === "enterprise" ? 0.4 : 0.2);
    const lastPossible = addMs(c.endedAt ?? now, -HOUR);
    // Four in ten started on the free plan and upgraded later.
    let startedAt = addMs(c.createdAt, rng.int(5, 90) * MINUTE);
    if (rng.chance(0.4)) {
      const latest = addMs(c.createdAt, (lastPossible.getTime() - c.createdAt.getTime()) * 0.7);
      const earliest = addMs(c.createdAt, 3 * DAY);
      if (earliest < latest) startedAt = dateBetween(rng, earliest, latest);
    }
    startedAt = minDate(startedAt, lastPossible);
    const status: SubscriptionStatus =
      c.status === "cancelled" ? "cancelled" : c.status === "suspended" ? "suspended" : "active";
    const reference = c.endedAt ?? now;
    let k = 0;
    while (periodStart({ startedAt, yearly }, k + 1).getTime() <= reference.getTime()) k++;
    subs.push({
      id: 0,
      customerId: c.id,
      plan,
      yearly,
      status,
      startedAt,
      endedAt: c.endedAt,
      currentPeriodStart: periodStart({ startedAt, yearly }, k),
      currentPeriodEnd: periodStart({ startedAt, yearly }, k + 1),
      cancelAtPeriodEnd: status === "active" && rng.chance(0.06),
      initialPlan: plan,
      planChanges: [],
      pauses: [],
    });
  }
  subs.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  subs.forEach((s, i) => (s.id = i + 1));
  addSubscriptionStories(seed, now, subs);
  return subs;
}

/** The next plan up or down from a paid plan (null past the ends). */
const PAID_ORDER: readonly PlanType[] = ["starter", "pro", "enterprise"];
function neighbour(plan: PlanSpec, step: 1 | -1): PlanSpec | null {
  const next = PAID_ORDER[PAID_ORDER.indexOf(plan.name) + step];
  return next ? PLANS[next] : null;
}

/**
 * The last 12 months of each subscription's life, so that the Revenue page has every kind of MRR
 * movement to show: three in ten changed plan once (mostly upgrades), ending on the plan they have now;
 * about one active subscription in seven was suspended for an unpaid invoice for a few weeks and resumed. Suspensions end before the 90 days the demo invoices and daily snapshots cover. Drawn from a
 * stream of its own, so the rest of the demo is unchanged.
 */
function addSubscriptionStories(seed: number, now: Date, subs: DemoSubscription[]): void {
  const rng = createRng(seed, "subscription_stories");
  const yearAgo = addMs(now, -365 * DAY);
  for (const sub of subs) {
    const from = maxDate(addMs(sub.startedAt, 35 * DAY), yearAgo);
    const to = addMs(minDate(sub.endedAt ?? now, now), -10 * DAY);
    if (from.getTime() >= to.getTime()) continue;
    if (rng.chance(0.3)) {
      // An upgrade came from the plan below, a downgrade from the plan above.
      const previous = neighbour(sub.plan, rng.chance(0.8) ? -1 : 1);
      if (previous) {
        sub.initialPlan = previous;
        sub.planChanges.push({ at: dateBetween(rng, from, to), plan: sub.plan });
      }
    }
    const pauseEnd = addMs(now, -100 * DAY);
    if (sub.status === "active" && rng.chance(0.15) && from.getTime() < addMs(pauseEnd, -20 * DAY).getTime()) {
      const start = dateBetween(rng, from, addMs(pauseEnd, -20 * DAY));
      const until = minDate(addMs(start, rng.int(20, 75) * DAY), pauseEnd);
      const change = sub.planChanges[0]?.at.getTime();
      // A plan is not changed while suspended.
      if (change === undefined || change < start.getTime() || change >= until.getTime()) {
        sub.pauses.push({ from: start, until });
      }
    }
  }
}

export function subscriptionRows(subs: readonly DemoSubscription[]): Prisma.CustomerSubscriptionCreateManyInput[] {
  return subs.map((s) => ({
    id: s.id,
    customerId: s.customerId,
    planId: s.plan.id,
    status: s.status,
    startedAt: s.startedAt,
    currentPeriodStart: s.currentPeriodStart,
    currentPeriodEnd: s.currentPeriodEnd,
    cancelAtPeriodEnd: s.cancelAtPeriodEnd,
    // No Stripe ids: demo subscriptions never went through Stripe, and a made-up id would be sent to its API.
    stripeSubscriptionId: null,
    createdAt: s.startedAt,
    billingInterval: s.yearly ? "yearly" : "monthly",
    endedAt: s.status === "cancelled" ? s.endedAt : null,
  }));
}

export interface DemoSite {
  id: number;
  customerId: number;
  name: string;
  domain: string | null;
  status: SiteStatus;
  createdAt: Date;
  /** When the site went live and, for archived or suspended sites, when it went off. */
  liveFrom: Date | null;
  liveUntil: Date | null;
  template: TemplateKey;
}

const EXTRA_SITES = [
  { label: "Boutique en ligne", slug: "boutique" },
  { label: "Événements", slug: "evenements" },
  { label: "Recrutement", slug: "recrutement" },
  { label: "Cartes cadeaux", slug: "cadeaux" },
] as const;

/** As many sites as extraSites() has names for. */
const MAX_SITES_PER_CUSTOMER = 1 + EXTRA_SITES.length + CITIES.length - 1;

/** The names of a customer's second, third... sites: side projects first, then other towns. */
function extraSites(rng: Rng, c: DemoCustomer): { label: string; slug: string }[] {
  const towns = rng
    .sample(
      CITIES.filter((city) => city !== c.city),
      CITIES.length - 1,
    )
    .map((city) => ({ label: `Établissement de ${city.name}`, slug: slugify(city.name) }));
  return [...rng.sample(EXTRA_SITES, EXTRA_SITES.length), ...towns];
}

/** Every customer has a site; paying customers have more, within their plan's limit. */
export function buildSites(seed: number, now: Date, customers: readonly DemoCustomer[]): DemoSite[] {
  const rng = createRng(seed, "sites");
  const count = new Map(customers.map((c) => [c.id, 1]));
  const weight: Record<PlanType, number> = { free: 0, starter: 1, pro: 3, enterprise: 6 };
  const pool = customers.flatMap((c) => Array<DemoCustomer>(weight[c.planType]).fill(c));
  for (let total = customers.length; total < SITE_COUNT;) {
    const c = rng.pick(pool);
    if (count.get(c.id)! < Math.min(PLANS[c.planType].maxSites, MAX_SITES_PER_CUSTOMER)) {
      count.set(c.id, count.get(c.id)! + 1);
      total++;
    }
  }

  const domains = new Set<string>();
  const sites: DemoSite[] = [];
  for (const c of customers) {
    const end = c.endedAt ?? now;
    const extras = count.get(c.id)! > 1 ? extraSites(rng, c) : [];
    for (let j = 0; j < count.get(c.id)!; j++) {
      const extra = j === 0 ? undefined : extras[j - 1]!;
      let createdAt =
        j === 0
          ? addMs(c.createdAt, rng.int(10, 48 * 60) * MINUTE)
          : dateBetween(rng, addMs(c.createdAt, DAY), addMs(end, -HOUR));
      createdAt = maxDate(c.createdAt, minDate(createdAt, addMs(end, -HOUR)));
      const build = addMs(createdAt, rng.int(2, 30) * HOUR);
      let status: SiteStatus;
      let liveFrom: Date | null = null;
      let liveUntil: Date | null = null;
      if (c.status !== "active") {
        status = c.status === "cancelled" ? "archived" : "suspended";
        if (build.getTime() < c.endedAt!.getTime()) {
          liveFrom = build;
          liveUntil = c.endedAt;
        }
      } else if (createdAt.getTime() > now.getTime() - 2 * DAY) {
        status = rng.chance(0.6) ? "building" : "draft";
      } else {
        status = rng.weighted({ active: 90, draft: 6, archived: 4 });
        if (status !== "draft") liveFrom = minDate(build, addMs(now, -HOUR));
        if (status === "archived") liveUntil = dateBetween(rng, liveFrom!, now);
      }
      let domain: string | null = null;
      if (status !== "draft" || rng.chance(0.5)) {
        const base = extra ? `${c.slug}-${extra.slug}` : c.slug;
        domain = uniqueIn(domains, c.planType === "free" ? `${base}.locod-ai.test` : `${base}.test`, (b, n) =>
          b.replace(/(\.locod-ai)?\.test$/, `-${n}$&`),
        );
      }
      sites.push({
        id: 0,
        customerId: c.id,
        name: extra ? `${c.name} – ${extra.label}` : c.name,
        domain,
        status,
        createdAt,
        liveFrom,
        liveUntil,
        template: c.trade.template,
      });
    }
  }
  sites.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  sites.forEach((s, i) => (s.id = i + 1));
  return sites;
}

export function siteRows(sites: readonly DemoSite[]): Prisma.SiteCreateManyInput[] {
  return sites.map((s) => ({
    id: s.id,
    customerId: s.customerId,
    name: s.name,
    domain: s.domain,
    configPath: `sites/${s.id}/config.json`,
    status: s.status,
    createdAt: s.createdAt,
  }));
}

/** Fictitious numbers: ARCEP reserves these blocks for films and fiction. */
const FICTITIOUS_PHONE_BLOCKS = ["01 99 00", "02 61 91", "03 53 01", "04 65 71", "05 36 49"] as const;

export function phoneNumber(rng: Rng): string {
  const pair = () => String(rng.int(0, 99)).padStart(2, "0");
  return `${rng.pick(FICTITIOUS_PHONE_BLOCKS)} ${pair()} ${pair()}`;
}

const PAGES_BY_TEMPLATE: Record<TemplateKey, readonly string[]> = {
  artisans: ["accueil", "prestations", "realisations", "devis", "contact"],
  commerces: ["accueil", "produits", "horaires", "contact"],
  "bien-etre": ["accueil", "soins", "tarifs", "rendez-vous", "contact"],
};

/** One configuration per site, and a second or third version for sites edited since. */
export function buildSiteConfigs(
  seed: number,
  now: Date,
  sites: readonly DemoSite[],
  customers: readonly DemoCustomer[],
  templates: DemoTemplates,
): Prisma.SiteConfigCreateManyInput[] {
  const rng = createRng(seed, "site_configs");
  const byId = new Map(customers.map((c) => [c.id, c]));
  const rows: Prisma.SiteConfigCreateManyInput[] = [];
  for (const site of sites) {
    const c = byId.get(site.customerId)!;
    const versions = site.status === "active" ? rng.weighted({ 1: 55, 2: 30, 3: 15 }) : "1";
    const phone = phoneNumber(rng);
    let at = addMs(site.createdAt, rng.int(1, 30) * MINUTE);
    for (let version = 1; version <= Number(versions); version++) {
      if (version > 1) at = dateBetween(rng, at, addMs(now, -MINUTE));
      rows.push({
        siteId: site.id,
        version,
        createdAt: at,
        configData: {
          template: site.template,
          templateId: templates.idByKey[site.template],
          templateVersion: templates.versionAt(site.template, at),
          business: {
            name: c.name,
            trade: c.trade.label,
            city: c.city.name,
            postalCode: c.city.postalCode,
            phone,
            email: c.email,
          },
          pages: PAGES_BY_TEMPLATE[site.template],
          seo: {
            title: `${c.name} – ${c.trade.label} à ${c.city.name}`,
            description: `${c.trade.label} à ${c.city.name} : ${c.trade.services
              .slice(0, 3)
              .map((s) => s.name.toLowerCase())
              .join(", ")}.`,
          },
          published: site.liveFrom !== null && site.liveUntil === null,
        },
      });
    }
  }
  rows.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
  rows.forEach((r, i) => (r.id = i + 1));
  return rows;
}
