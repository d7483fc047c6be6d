// What the back-office shows that has no words in French or in English: enum values, booleans,
// properties, actions, resources, sidebar groups and pages, each looked up the way AdminJS 7.8's
// translate functions look it up (resources.<id>.<kind>.<name>, then <kind>.<name>). Run by
// `npm run lint:i18n` (scripts/lint-i18n.ts) over the AdminJS built from the modules.
import { $Enums } from "@prisma/client";
import type { LocaleTranslations } from "adminjs";
import { REASONS } from "../db/columns.js";

type Tree = { readonly [key: string]: string | Tree | undefined };

/** What one resource shows, read from its decorated AdminJS resource. */
export interface ShownResource {
  id: string;
  properties: {
    path: string;
    type: string;
    /** Enum values offered (badges, selects, filters). */
    values: string[];
  }[];
  /** Its actions, AdminJS's own (list, show...) and the module's. */
  actions: string[];
}

export interface ShownAdmin {
  resources: ShownResource[];
  /** Sidebar group names (the French name is the key). */
  navigation: string[];
  pages: string[];
}

function leaf(tree: Tree | undefined, path: string): unknown {
  let node: unknown = tree;
  for (const key of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A key AdminJS would find: the resource's own, then the shared one; non-blank text. */
function worded(tree: Tree, resourceId: string | null, kind: string, name: string): boolean {
  const candidates = resourceId ? [`resources.${resourceId}.${kind}.${name}`, `${kind}.${name}`] : [`${kind}.${name}`];
  return candidates.some((key) => {
    const value = leaf(tree, key);
    return typeof value === "string" && /\S/.test(value);
  });
}

/**
 * Every shown thing without words, as "en: resources.ai_requests.labels.status.pending". `languages`
 * are the trees each browser gets: for English, AdminJS's own English under the portal's.
 */
export function missingWords(shown: ShownAdmin, languages: Record<string, LocaleTranslations>): string[] {
  const missing: string[] = [];
  for (const [lang, translations] of Object.entries(languages)) {
    const tree = translations as Tree;
    const need = (resourceId: string | null, kind: string, name: string) => {
      if (!worded(tree, resourceId, kind, name))
        missing.push(`${lang}: ${resourceId ? `resources.${resourceId}.` : ""}${kind}.${name}`);
    };
    for (const group of shown.navigation) need(null, "labels", group);
    for (const page of shown.pages) need(null, "pages", page);
    for (const resource of shown.resources) {
      need(null, "labels", resource.id);
      for (const property of resource.properties) {
        need(resource.id, "properties", property.path);
        for (const value of property.values) need(resource.id, "labels", `${property.path}.${value}`);
        if (property.type === "boolean") {
          need(resource.id, "labels", `${property.path}.true`);
          need(resource.id, "labels", `${property.path}.false`);
        }
      }
      for (const action of resource.actions) need(resource.id, "actions", action);
    }
    // The reasons a form field is refused (src/db/columns.ts), which AdminJS words as messages.
    for (const reason of Object.keys(REASONS)) need(null, "messages", reason);
  }
  return [...new Set(missing)];
}

/** Values of the schema's enums (every one of them, shown or not) without words in either language. */
export function unwordedEnums(words: Record<string, Record<string, readonly [string, string]>>): string[] {
  return Object.entries($Enums).flatMap(([name, values]) =>
    Object.keys(values).flatMap((value) => {
      const pair = words[name]?.[value];
      return (["fr", "en"] as const).flatMap((lang, i) =>
        pair && /\S/.test(pair[i] ?? "") ? [] : [`${lang}: enums.${name}.${value}`],
      );
    }),
  );
}
