// Saved segments: created, renamed and re-aimed through the generic table writes (AdminJS and REST),
// with their criteria checked by the zod schema first, so a stored segment always compiles. Other
// modules read a saved segment's criteria by id (the campaign sender copies them, the customer list
// filters on them).
import type { PrismaClient } from "@prisma/client";
import type { RecordWrites, WriteDeps } from "../../../db/table-spec.js";
import { writeAudit } from "../../../lib/audit.js";
import { AppError } from "../../../lib/errors.js";
import { parseSegmentCriteria, type SegmentCriteria } from "./rules/criteria.js";

/** The criteria, validated and normalised (duplicates dropped); a 400 naming `criteria.<path>` otherwise. */
export function checkedCriteria(input: unknown): SegmentCriteria {
  const parsed = parseSegmentCriteria(input);
  if (!parsed.ok) {
    const [first] = parsed.problems;
    throw new AppError("validation", `${first?.field ?? "criteria"}: ${first?.message ?? "invalid"}`, parsed.problems);
  }
  return parsed.criteria;
}

export interface SavedSegment {
  id: number;
  name: string;
  description: string | null;
  criteria: SegmentCriteria;
}

/** A saved segment with its criteria validated; 404 when there is none of that id. */
export async function loadSegment(deps: { prisma: PrismaClient }, id: number): Promise<SavedSegment> {
  const row = await deps.prisma.segment.findUnique({
    where: { id },
    select: { id: true, name: true, description: true, criteria: true },
  });
  if (!row) throw new AppError("not_found", `Segment #${id} does not exist`);
  return { ...row, criteria: checkedCriteria(row.criteria) };
}

/** Every saved segment, by name (the pickers of the campaign form and the customer list). */
export async function listSegments(deps: { prisma: PrismaClient }): Promise<SavedSegment[]> {
  const rows = await deps.prisma.segment.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, description: true, criteria: true },
  });
  return rows.map((row) => ({ ...row, criteria: checkedCriteria(row.criteria) }));
}

/** The generic writes of the segments table, with the criteria checked (both write paths use them). */
export function segmentWrites(deps: WriteDeps): RecordWrites {
  const { prisma } = deps;
  return {
    create: (data) => {
      const criteria = checkedCriteria(data.criteria);
      return prisma.$transaction(async (tx) => {
        const row = await tx.segment.create({
          data: { ...(data as Parameters<typeof tx.segment.create>[0]["data"]), criteria },
        });
        await writeAudit(tx, { action: "create", resourceType: "segments", resourceId: row.id, after: row });
        return row;
      });
    },
    update: (id, data) => {
      const changes = { ...data };
      if ("criteria" in changes) changes.criteria = checkedCriteria(changes.criteria);
      return prisma.$transaction(async (tx) => {
        const before = await tx.segment.findUnique({ where: { id: Number(id) } });
        if (!before) throw new AppError("not_found", `Segment #${id} does not exist`);
        const after = await tx.segment.update({
          where: { id: before.id },
          data: changes as Parameters<typeof tx.segment.update>[0]["data"],
        });
        await writeAudit(tx, { action: "update", resourceType: "segments", resourceId: after.id, before, after });
        return after;
      });
    },
  };
}
