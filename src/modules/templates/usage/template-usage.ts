// Usage analytics of a template: the sites built from it per version, per plan of their customer, and
// per month of creation (sites.template_id / template_version_id, set when a site is created).
import { Prisma, type PrismaClient } from "@prisma/client";
import { AppError } from "../../../lib/errors.js";
import { requirePermission } from "../../auth/index.js";

export interface TemplateUsage {
  templateId: number;
  sites: number;
  byVersion: { versionId: number; version: string; isActive: boolean; sites: number }[];
  byPlan: { plan: string; sites: number }[];
  /** Sites created per month (UTC), oldest first, over the last `months` months, by version. */
  overTime: { month: string; versionId: number | null; sites: number }[];
}

export async function templateUsage(
  prisma: PrismaClient,
  templateId: number,
  options: { months?: number; now?: Date } = {},
): Promise<TemplateUsage> {
  requirePermission("templates", "view");
  const months = options.months ?? 12;
  const now = options.now ?? new Date();
  const template = await prisma.template.findUnique({ where: { id: templateId }, select: { id: true } });
  if (!template) throw new AppError("not_found", `Template #${templateId} does not exist`);
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  const [versions, perVersion, byPlan, overTime] = await Promise.all([
    prisma.templateVersion.findMany({
      where: { templateId },
      select: { id: true, version: true, isActive: true },
      orderBy: { id: "asc" },
    }),
    prisma.site.groupBy({ by: ["templateVersionId"], where: { templateId }, _count: { _all: true } }),
    prisma.$queryRaw<{ plan: string; sites: bigint }[]>(Prisma.sql`
      SELECT c.plan_type::text AS plan, count(*) AS sites
        FROM sites s JOIN customers c ON c.id = s.customer_id
       WHERE s.template_id = ${templateId}
       GROUP BY c.plan_type ORDER BY c.plan_type`),
    prisma.$queryRaw<{ month: string; version_id: number | null; sites: bigint }[]>(Prisma.sql`
      SELECT to_char(date_trunc('month', s.created_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month,
             s.template_version_id AS version_id, count(*) AS sites
        FROM sites s
       WHERE s.template_id = ${templateId} AND s.created_at >= ${since}
       GROUP BY 1, 2 ORDER BY 1, 2 NULLS FIRST`),
  ]);
  const count = new Map(perVersion.map((g) => [g.templateVersionId, g._count._all]));
  return {
    templateId,
    sites: perVersion.reduce((sum, g) => sum + g._count._all, 0),
    byVersion: versions.map((v) => ({
      versionId: v.id,
      version: v.version,
      isActive: v.isActive,
      sites: count.get(v.id) ?? 0,
    })),
    byPlan: byPlan.map((r) => ({ plan: r.plan, sites: Number(r.sites) })),
    overTime: overTime.map((r) => ({ month: r.month, versionId: r.version_id, sites: Number(r.sites) })),
  };
}
