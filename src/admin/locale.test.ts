import { $Enums, Prisma } from "@prisma/client";
import { MODULES } from "../modules.js";
import { en, fr } from "./locale.js";

type Tree = { [key: string]: string | Tree };

/** Every leaf of a translation object as its dotted path. */
function paths(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : paths(value, `${prefix}${key}.`),
  );
}

function leaf(tree: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);
}

const resourceIds = Object.keys(fr.resources ?? {});

describe("admin locale", () => {
  it("words the same keys in French and English, none of them empty", () => {
    const frPaths = paths(fr as Tree).sort();
    expect(paths(en as Tree).sort()).toEqual(frPaths);
    for (const lang of [fr, en]) {
      for (const path of frPaths) expect(leaf(lang, path.split("."))).toMatch(/\S/);
    }
  });

  it("gives every resource a label in both languages", () => {
    expect(resourceIds.length).toBeGreaterThan(0);
    for (const id of resourceIds) {
      expect(leaf(fr, ["labels", id])).toMatch(/\S/);
      expect(leaf(en, ["labels", id])).toMatch(/\S/);
    }
  });

  it("takes its resources from the modules' locales, each one a table of the schema", () => {
    const declared = MODULES.flatMap((module) => Object.keys(module.locale?.resources ?? {}));
    expect(declared.sort()).toEqual([...resourceIds].sort());
    const tables = new Set(Prisma.dmmf.datamodel.models.map((model) => model.dbName ?? model.name));
    for (const id of resourceIds) expect(tables).toContain(id);
  });

  it("words every value of every enum of the schema, on every resource property that holds it", () => {
    const used = new Set<string>();
    for (const model of Prisma.dmmf.datamodel.models) {
      const id = model.dbName ?? model.name;
      for (const field of model.fields.filter((f) => f.kind === "enum")) {
        used.add(field.type);
        const values = Object.keys($Enums[field.type as keyof typeof $Enums]);
        for (const lang of [fr, en]) {
          const labels = leaf(lang, ["resources", id, "labels", field.name]) as Record<string, string> | undefined;
          expect({ [`${id}.${field.name}`]: Object.keys(labels ?? {}).sort() }).toEqual({
            [`${id}.${field.name}`]: [...values].sort(),
          });
        }
      }
    }
    // An enum no table holds would have no place to be shown.
    expect([...used].sort()).toEqual(Object.keys($Enums).sort());
  });
});
