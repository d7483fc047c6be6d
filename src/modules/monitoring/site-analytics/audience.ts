// A site's Audience over a period: its daily rollups, and today's figures straight from the raw events
// (today is rolled up only once it is over). The Audience action and the REST route both answer this.
import type { PrismaClient } from "@prisma/client";
import { AppError } from "../../../lib/errors.js";
import {
  dayStart,
  isoDay,
  summarise,
  type AnalyticsDay,
  type AnalyticsSummary,
  type DayRange,
} from "./rules/period.js";
import { liveDay } from "./rollup.js";

export interface SiteAudience extends AnalyticsSummary {
  site: { id: number; name: string; domain: string | null };
}

export async function siteAudience(
  prisma: PrismaClient,
  siteId: number,
  range: DayRange,
  now: Date,
): Promise<SiteAudience> {
  const site = await prisma.site.findUnique({ where: { id: siteId }, select: { id: true, name: true, domain: true } });
  if (!site) throw new AppError("not_found", "No such site");
  const rows = await prisma.siteAnalyticsDaily.findMany({
    where: { siteId, day: { gte: dayStart(range.from), lte: dayStart(range.to) } },
    select: {
      day: true,
      pageViews: true,
      visitors: true,
      topPages: true,
      topReferrers: true,
      goals: true,
      vitals: true,
    },
    orderBy: { day: "asc" },
  });
  const days: AnalyticsDay[] = rows.map((row) => ({
    day: isoDay(row.day),
    pageViews: row.pageViews,
    visitors: row.visitors,
    topPages: row.topPages as unknown as AnalyticsDay["topPages"],
    topReferrers: row.topReferrers as unknown as AnalyticsDay["topReferrers"],
    goals: row.goals as unknown as AnalyticsDay["goals"],
    vitals: row.vitals as unknown as AnalyticsDay["vitals"],
  }));
  const today = isoDay(now);
  if (today >= range.from && today <= range.to && !days.some((d) => d.day === today)) {
    const live = await liveDay(prisma, siteId, today);
    if (live) days.push(live);
  }
  return { site, ...summarise(range, days) };
}
