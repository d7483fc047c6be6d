// A site's create and edit, from AdminJS and REST alike: the row and its audit row, and, when the site
// goes active with a domain, its monitors (the monitoring module), all in one transaction. A site built
// from a template records the template's active version of that moment (templates usage analytics); the
// template is chosen once, at creation.
import type { Site } from "@prisma/client";
import { writeAudit } from "../../lib/audit.js";
import { AppError } from "../../lib/errors.js";
import type { RecordWrites, WriteDeps } from "../../db/table-spec.js";
import { ensureSiteMonitors, goesLive } from "../monitoring/index.js";
import { activeVersionOf } from "../templates/index.js";

function siteId(raw: string): number {
  const id = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw new AppError("not_found", `No sites row with id ${raw}`);
  return id;
}

export function siteWrites(deps: WriteDeps): RecordWrites {
  return {
    create: (data) =>
      deps.prisma.$transaction(async (tx) => {
        const input = { ...data } as Parameters<typeof tx.site.create>[0]["data"] & { templateId?: number | null };
        if (input.templateId != null) {
          const version = await activeVersionOf(tx, input.templateId);
          if (!version)
            throw new AppError("validation", "This template has no active version to build a site from", [
              { field: "templateId", message: "This template has no active version to build a site from" },
            ]);
          (input as { templateVersionId?: number }).templateVersionId = version.id;
        }
        const row: Site = await tx.site.create({ data: input });
        await writeAudit(tx, { action: "create", resourceType: "sites", resourceId: row.id, after: row });
        if (goesLive(null, row)) await ensureSiteMonitors(tx, row);
        return row;
      }),
    update: (id, data) =>
      deps.prisma.$transaction(async (tx) => {
        const where = { id: siteId(id) };
        const before = await tx.site.findUnique({ where });
        if (!before) throw new AppError("not_found", `No sites row with id ${id}`);
        if ("templateId" in data && (data.templateId ?? null) !== before.templateId)
          throw new AppError("validation", "A site's template is chosen when the site is created", [
            { field: "templateId", message: "A site's template is chosen when the site is created" },
          ]);
        const after = await tx.site.update({ where, data });
        await writeAudit(tx, { action: "update", resourceType: "sites", resourceId: after.id, before, after });
        if (goesLive(before, after)) await ensureSiteMonitors(tx, after);
        return after;
      }),
  };
}
