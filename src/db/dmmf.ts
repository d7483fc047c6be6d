// @adminjs/prisma reads models from Prisma.dmmf, which the "client" engine trims (no isId), so lists
// fail with "does not have an id property". The full DMMF comes from @prisma/internals, offline.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT } from "../lib/project-root.js";
import internals from "@prisma/internals";

export const SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma/schema.prisma");

export type DmmfModel = Awaited<ReturnType<typeof internals.getDMMF>>["datamodel"]["models"][number];

let cached: Promise<Map<string, DmmfModel>> | undefined;

/** Full DMMF models by Prisma model name (parsed once per process, about 50 ms). */
export function loadModels(): Promise<Map<string, DmmfModel>> {
  cached ??= (async () => {
    const datamodel = await readFile(SCHEMA_PATH, "utf8");
    const dmmf = await internals.getDMMF({ datamodel });
    return new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
  })();
  return cached;
}
