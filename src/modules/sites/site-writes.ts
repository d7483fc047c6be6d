// A site's create and edit, from AdminJS and REST alike: the row and its audit row, and, when the site
// goes active with a domain, its monitors (the monitoring module), all in one transaction.
import type { Site } from "@prisma/client";
import { writeAudit } from "../../lib/audit.js";
import { AppError } from "../../lib/errors.js";
import type { RecordWrites, WriteDeps } from "../../db/table-spec.js";
import { ensureSiteMonitors, goesLive } from "../monitoring/index.js";

function siteId(raw: string): number {
  const id = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw new AppError("not_found", `No sites row with id ${raw}`);
  return id;
}

export function siteWrites(deps: WriteDeps): RecordWrites {
  return {
    create: (data) =>
      deps.prisma.$transaction(async (tx) => {
        const row: Site = await tx.site.create({ data: data as Parameters<typeof tx.site.create>[0]["data"] });
        await writeAudit(tx, { action: "create", resourceType: "sites", resourceId: row.id, after: row });
        if (goesLive(null, row)) await ensureSiteMonitors(tx, row);
        return row;
      }),
    update: (id, data) =>
      deps.prisma.$transaction(async (tx) => {
        const where = { id: siteId(id) };
        const before = await tx.site.findUnique({ where });
        if (!before) throw new AppError("not_found", `No sites row with id ${id}`);
        const after = await tx.site.update({ where, data });
        await writeAudit(tx, { action: "update", resourceType: "sites", resourceId: after.id, before, after });
        if (goesLive(before, after)) await ensureSiteMonitors(tx, after);
        return after;
      }),
  };
}
