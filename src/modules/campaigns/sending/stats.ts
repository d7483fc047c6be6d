// A campaign's figures: progress of the sending (the campaign page's bar), deliveries, unique opens and
// clicks with their rates, each link's unique and total clicks, and the subject test's groups.
import type { PrismaClient } from "@prisma/client";
import { AppError } from "../../../lib/errors.js";
import { requirePermission } from "../../auth/index.js";

export interface CampaignStats {
  campaignId: number;
  status: string;
  recipients: number;
  byStatus: Record<string, number>;
  /** Sends done (sent or further, failed, skipped) over recipients, 0..1. */
  progress: number;
  sent: number;
  uniqueOpens: number;
  uniqueClicks: number;
  openRate: number;
  clickRate: number;
  links: { url: string; uniqueClicks: number; totalClicks: number }[];
  variants: { variant: string; sent: number; uniqueOpens: number; uniqueClicks: number }[];
  abWinner: string | null;
}

const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : 0);

export async function campaignStats(prisma: PrismaClient, id: number): Promise<CampaignStats> {
  requirePermission("campaigns", "view");
  const c = await prisma.emailCampaign.findUnique({
    where: { id },
    select: { id: true, status: true, links: true, abWinner: true },
  });
  if (!c) throw new AppError("not_found", `Campaign #${id} does not exist`);
  const [statuses, totals, variants, clicks] = await Promise.all([
    prisma.$queryRaw<{ status: string; n: bigint }[]>`
      SELECT status::text, count(*) AS n FROM email_sends WHERE campaign_id = ${id} GROUP BY status`,
    prisma.$queryRaw<{ opens: bigint; clicks: bigint }[]>`
      SELECT count(opened_at) AS opens, count(clicked_at) AS clicks FROM email_sends WHERE campaign_id = ${id}`,
    prisma.$queryRaw<{ variant: string; sent: bigint; opens: bigint; clicks: bigint }[]>`
      SELECT variant, count(*) FILTER (WHERE status NOT IN ('pending','failed','skipped')) AS sent,
             count(opened_at) AS opens, count(clicked_at) AS clicks
        FROM email_sends WHERE campaign_id = ${id} AND variant IS NOT NULL GROUP BY variant ORDER BY variant`,
    prisma.$queryRaw<{ link_index: number; uniq: bigint; total: bigint }[]>`
      SELECT k.link_index, count(DISTINCT k.send_id) AS uniq, count(*) AS total
        FROM email_clicks k JOIN email_sends s ON s.id = k.send_id
       WHERE s.campaign_id = ${id} GROUP BY k.link_index`,
  ]);
  const byStatus = Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)]));
  const recipients = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const pending = byStatus.pending ?? 0;
  const sent = recipients - pending - (byStatus.failed ?? 0) - (byStatus.skipped ?? 0);
  const uniqueOpens = Number(totals[0]?.opens ?? 0);
  const uniqueClicks = Number(totals[0]?.clicks ?? 0);
  const links = (Array.isArray(c.links) ? c.links : []) as string[];
  return {
    campaignId: id,
    status: c.status,
    recipients,
    byStatus,
    progress: rate(recipients - pending, recipients),
    sent,
    uniqueOpens,
    uniqueClicks,
    openRate: rate(uniqueOpens, sent),
    clickRate: rate(uniqueClicks, sent),
    links: links.map((url, i) => {
      const row = clicks.find((k) => k.link_index === i);
      return { url, uniqueClicks: Number(row?.uniq ?? 0), totalClicks: Number(row?.total ?? 0) };
    }),
    variants: variants.map((v) => ({
      variant: v.variant,
      sent: Number(v.sent),
      uniqueOpens: Number(v.opens),
      uniqueClicks: Number(v.clicks),
    })),
    abWinner: c.abWinner,
  };
}
