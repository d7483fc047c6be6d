// The diff between any two versions (of one template or two), as the changed paths of their configurations.
import type { PrismaClient } from "@prisma/client";
import { AppError } from "../../../lib/errors.js";
import { requirePermission } from "../../auth/index.js";
import { diffConfigs, type ConfigChange } from "../rules/config-diff.js";

export interface VersionRef {
  id: number;
  templateId: number;
  version: string;
  isActive: boolean;
  changelog: string | null;
  createdAt: Date;
  author: string | null;
}

export interface VersionDiff {
  from: VersionRef;
  to: VersionRef;
  changes: ConfigChange[];
}

export async function diffVersions(prisma: PrismaClient, fromId: number, toId: number): Promise<VersionDiff> {
  requirePermission("templates", "view");
  const rows = await prisma.templateVersion.findMany({
    where: { id: { in: [fromId, toId] } },
    include: { author: { select: { name: true } } },
  });
  const find = (id: number, field: string) => {
    const row = rows.find((r) => r.id === id);
    if (!row)
      throw new AppError("not_found", `Template version #${id} does not exist`, [
        { field, message: "No such version" },
      ]);
    return row;
  };
  const [from, to] = [find(fromId, "from"), find(toId, "to")];
  const ref = (r: typeof from): VersionRef => ({
    id: r.id,
    templateId: r.templateId,
    version: r.version,
    isActive: r.isActive,
    changelog: r.changelog,
    createdAt: r.createdAt,
    author: r.author?.name ?? null,
  });
  return { from: ref(from), to: ref(to), changes: diffConfigs(from.configData, to.configData) };
}
