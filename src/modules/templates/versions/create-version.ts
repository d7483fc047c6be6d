// A new version of a template: a semantic version after every existing one, a changelog, and a
// configuration whose structure the site builder can read (each fault named by its path). Created
// inactive; activation is its own step. Audited.
import type { Prisma, PrismaClient, TemplateVersion } from "@prisma/client";
import { writeAudit } from "../../../lib/audit.js";
import { AppError } from "../../../lib/errors.js";
import { requirePermission } from "../../auth/index.js";
import { checkTemplateStructure } from "../rules/config-structure.js";
import { compareSemver, isSemver } from "../rules/semver.js";

export interface NewVersion {
  version: string;
  changelog: string;
  configData: unknown;
}

export async function createVersion(
  prisma: PrismaClient,
  templateId: number,
  input: NewVersion,
): Promise<TemplateVersion> {
  const admin = requirePermission("templates", "create");
  if (!isSemver(input.version))
    throw new AppError("validation", "The version is not a semantic version", [
      { field: "version", message: "A semantic version: MAJOR.MINOR.PATCH, e.g. 1.2.0 or 1.3.0-beta" },
    ]);
  const faults = checkTemplateStructure(input.configData);
  if (faults.length)
    throw new AppError(
      "validation",
      "The configuration's structure is invalid",
      faults.map((f) => ({ field: f.path === "(root)" ? "configData" : `configData.${f.path}`, message: f.message })),
    );
  return prisma.$transaction(async (tx) => {
    // Versions of one template are created one at a time, so "after every existing one" holds.
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM templates WHERE id = ${templateId} FOR UPDATE`;
    if (!locked.length) throw new AppError("not_found", `Template #${templateId} does not exist`);
    const existing = await tx.templateVersion.findMany({ where: { templateId }, select: { version: true } });
    const latest = existing
      .map((v) => v.version)
      .filter(isSemver)
      .sort(compareSemver)
      .at(-1);
    if (latest && compareSemver(input.version, latest) <= 0)
      throw new AppError("conflict", `The version must come after ${latest}`, [
        { field: "version", message: `Must come after the latest version, ${latest}` },
      ]);
    const row = await tx.templateVersion.create({
      data: {
        templateId,
        version: input.version,
        changelog: input.changelog,
        configData: input.configData as Prisma.InputJsonValue,
        createdBy: admin.id,
      },
    });
    await writeAudit(tx, { action: "create", resourceType: "template_versions", resourceId: row.id, after: row });
    return row;
  });
}
