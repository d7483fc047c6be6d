// 90 days of site analytics rollups (site_analytics_daily) for the live demo sites: visitors with a
// weekly rhythm and a slow trend, page views per visit, the pages and goals of each trade's template,
// referrers led by search, and Web Vitals around each site's own level (some sites slow, most good).
import type { Prisma } from "@prisma/client";
import type { DemoSite } from "./customers.js";
import { createRng } from "./random.js";
import { addMs, DAY, startOfUtcDay } from "./time.js";
import type { TemplateKey } from "./vocabulary.js";

const PAGES: Record<TemplateKey, readonly string[]> = {
  artisans: ["/", "/services", "/realisations", "/devis", "/contact", "/a-propos"],
  commerces: ["/", "/boutique", "/horaires", "/promotions", "/contact", "/a-propos"],
  "bien-etre": ["/", "/soins", "/tarifs", "/reservation", "/contact", "/a-propos"],
};
const GOALS: Record<TemplateKey, readonly string[]> = {
  artisans: ["Devis demandé", "Appel"],
  commerces: ["Itinéraire", "Appel"],
  "bien-etre": ["Réservation", "Appel"],
};
const REFERRERS = { "google.com": 60, "facebook.com": 12, "instagram.com": 9, "bing.com": 6, "pagesjaunes.fr": 5 };
/** Sunday first, as getUTCDay(): small businesses are looked up on weekdays, shops also on Saturdays. */
const WEEK: Record<TemplateKey, readonly number[]> = {
  artisans: [0.55, 1.15, 1.1, 1.05, 1.05, 0.95, 0.7],
  commerces: [0.7, 0.95, 0.95, 1, 1.05, 1.15, 1.25],
  "bien-etre": [0.75, 1, 1.05, 1.05, 1.05, 1.1, 1.05],
};

/** Split `total` into parts proportional to `weights`, rounded by largest remainder (they add up to it). */
function split(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < left; k++) parts[byRemainder[k]![1]]! += 1;
  return parts;
}

export function buildSiteAnalytics(
  seed: number,
  now: Date,
  sites: readonly DemoSite[],
): Prisma.SiteAnalyticsDailyCreateManyInput[] {
  const rng = createRng(seed, "site-analytics");
  const today = startOfUtcDay(now);
  const rows: Prisma.SiteAnalyticsDailyCreateManyInput[] = [];
  for (const site of sites.filter((s) => s.status === "active" && s.domain !== null && s.liveFrom !== null)) {
    const base = Math.round(8 * Math.exp(rng.next() * 3.2)); // 8 to about 200 visitors a day
    const trend = 0.9 + rng.next() * 0.5; // from 90 days ago to yesterday
    const depth = 1.5 + rng.next() * 1.8; // pages per visitor
    const slow = rng.chance(0.2);
    const lcp = slow ? rng.int(2600, 5200) : rng.int(1200, 2400);
    const inp = slow ? rng.int(180, 650) : rng.int(60, 190);
    const cls = slow ? 0.08 + rng.next() * 0.25 : 0.01 + rng.next() * 0.08;
    const pageWeights = PAGES[site.template].map((_, i) => (i === 0 ? 10 : 1 + rng.next() * 4));
    for (let back = 90; back >= 1; back--) {
      const day = addMs(today, -back * DAY);
      if (day < startOfUtcDay(site.liveFrom!)) continue;
      const level = base * (trend - ((trend - 1) * back) / 90) * WEEK[site.template][day.getUTCDay()]!;
      const visitors = Math.max(0, Math.round(level * (0.75 + rng.next() * 0.5)));
      const pageViews =
        visitors === 0 ? 0 : Math.max(visitors, Math.round(visitors * depth * (0.85 + rng.next() * 0.3)));
      const pages = split(pageViews, pageWeights)
        .map((views, i) => ({ path: PAGES[site.template][i]!, views }))
        .filter((p) => p.views > 0)
        .sort((a, b) => b.views - a.views || (a.path < b.path ? -1 : 1));
      const referred = Math.round(visitors * (0.35 + rng.next() * 0.2));
      const referrers = split(referred, Object.values(REFERRERS))
        .map((n, i) => ({ host: Object.keys(REFERRERS)[i]!, visitors: n }))
        .filter((r) => r.visitors > 0)
        .sort((a, b) => b.visitors - a.visitors || (a.host < b.host ? -1 : 1));
      const goals = GOALS[site.template]
        .map((name, i) => {
          const n = Math.round(visitors * (i === 0 ? 0.03 : 0.012) * (0.5 + rng.next()));
          return { name, count: n, visitors: Math.max(0, n - (n > 2 ? rng.int(0, 1) : 0)) };
        })
        .filter((g) => g.count > 0)
        .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
      const measured = Math.round(visitors * 0.6);
      const around = (v: number) => v * (0.85 + rng.next() * 0.3);
      const vitals =
        measured > 0
          ? {
              LCP: { p75: Math.round(around(lcp)), count: measured },
              INP: { p75: Math.round(around(inp)), count: Math.round(measured * 0.7) },
              CLS: { p75: Math.round(around(cls) * 1000) / 1000, count: measured },
            }
          : {};
      rows.push({
        siteId: site.id,
        day,
        pageViews,
        visitors,
        topPages: pages,
        topReferrers: referrers,
        goals,
        vitals,
        // The rollup of a closed day, at the midnight that closes it (never after the demo's now).
        rolledUpAt: addMs(day, DAY),
      });
    }
  }
  return rows.map((row, i) => ({ id: i + 1, ...row }));
}
