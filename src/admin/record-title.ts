// What names a row wherever the portal shows it (list links, references, filters, page headings): the
// table spec's `title` columns, one of them possibly a relation's ("customer.name"). Pure: the resource
// (prisma-resource.ts) selects what these functions ask for and hands them the row.
import type { DmmfModel } from "../db/dmmf.js";

/** One part of a title: a column of the row, or a column of one of its relations. */
export interface TitlePart {
  relation?: string;
  field: string;
}

export function titleParts(title: readonly string[]): TitlePart[] {
  return title.map((path) => {
    const dot = path.indexOf(".");
    return dot < 0 ? { field: path } : { relation: path.slice(0, dot), field: path.slice(dot + 1) };
  });
}

/**
 * Refuses a title naming a column or relation the model lacks, a JSON column or a relation's relation:
 * start-up fails on it instead of every page showing ids.
 */
export function checkTitle(model: DmmfModel, title: readonly string[], models: Map<string, DmmfModel>): void {
  if (!title.length) throw new Error(`${model.name}: the title names no column`);
  for (const part of titleParts(title)) {
    let target = model;
    if (part.relation) {
      const relation = model.fields.find((f) => f.name === part.relation && f.kind === "object");
      const related = relation ? models.get(relation.type) : undefined;
      if (!relation || !related || relation.isList) {
        throw new Error(`${model.name}: the title's "${part.relation}" is not a relation to one row`);
      }
      target = related;
    }
    const field = target.fields.find((f) => f.name === part.field);
    if (!field || field.kind === "object" || field.type === "Json") {
      throw new Error(
        `${model.name}: the title's "${part.relation ? `${part.relation}.` : ""}${part.field}" is not a column`,
      );
    }
  }
}

/** The relations a title reads, each with the columns it needs: a Prisma select to merge into a query. */
export function titleRelations(title: readonly string[] | undefined): Record<string, { select: Record<string, true> }> {
  const relations: Record<string, { select: Record<string, true> }> = {};
  for (const part of titleParts(title ?? [])) {
    if (part.relation) (relations[part.relation] ??= { select: {} }).select[part.field] = true;
  }
  return relations;
}

/** The row's own columns a title reads. */
export function titleColumns(title: readonly string[] | undefined): string[] {
  return titleParts(title ?? []).flatMap((p) => (p.relation ? [] : [p.field]));
}

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const iso = value.toISOString();
    // A date column (midnight UTC) is a day; a timestamp keeps its minutes.
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  if (typeof value === "object") return String(value.toString());
  return String(value as string | number | boolean).trim();
}

/** The title of a row as Prisma returns it (relations nested): its filled parts joined by " · ", or null. */
export function titleText(row: Record<string, unknown>, title: readonly string[] | undefined): string | null {
  const parts = titleParts(title ?? []).map((part) => {
    const holder = part.relation ? (row[part.relation] as Record<string, unknown> | null | undefined) : row;
    return text(holder?.[part.field]);
  });
  const filled = parts.filter((p) => p !== "");
  return filled.length ? filled.join(" · ") : null;
}
