// A walk through every page of the back-office, as each role and in each language: the dashboard, the
// custom pages, every list, the first record of each resource, every form and resource action the role
// may open, the logged-in menu's pages, and the pages it may not open. The pages come from the module
// registry (the resources and pages AdminJS is built from, src/modules.ts) and the permission matrix,
// so a new module is walked without editing this file. For each page: no console error, no failed
// request but the role's expected 403s, no request to another host, at most MAX_IDLE_API_REQUESTS API
// requests in IDLE_WINDOW_MS idle, no critical or serious axe-core violation, no raw enum value,
// boolean or field name in the visible text, `<html lang>` in the page's language; a screenshot under
// test/artifacts/walk/. WALK_ROLES=viewer,admin, WALK_LANGS=en and WALK_PAGES=<regexp of page keys> narrow a run; WALK_LANES sets how many
// tabs work at once.
import path from "node:path";
import { Prisma } from "@prisma/client";
import { locales, type LocaleTranslations } from "adminjs";
import { buildAdmin, translations } from "../../src/admin/index.js";
import { mergeTranslations } from "../../src/admin/merge-translations.js";
import { permissionFor } from "../../src/admin/access.js";
import { KitPrismaResource } from "../../src/admin/resource-kit.js";
import type { Role } from "../../src/modules/auth/permissions.js";
import { MODULES } from "../../src/modules.js";
import { makeAdmin } from "../factories/index.js";
import { seedEveryTable, idPath } from "../helpers/access-matrix.js";
import { ARTIFACTS_DIR, useBrowserApp } from "../helpers/browser.js";
import { judge, report, type PageFailure } from "../helpers/walk/judge.js";
import {
  LANGUAGES,
  ROLES,
  allowedPages,
  forbiddenPages,
  type CustomPageInfo,
  type Language,
  type ResourceInfo,
} from "../helpers/walk/plan.js";
import { leakCheckers } from "../helpers/walk/vocabulary.js";
import { axeSource, logIn, newWalkContext, walkPages, type Visit, type WalkContext } from "../helpers/walk/walker.js";

const SCREENSHOTS = path.join(ARTIFACTS_DIR, "walk");

function chosen<T extends string>(variable: string, all: readonly T[]): T[] {
  const raw = process.env[variable];
  if (!raw) return [...all];
  const picked = raw.split(",").map((s) => s.trim()) as T[];
  const unknown = picked.filter((p) => !all.includes(p));
  if (unknown.length) throw new Error(`${variable}: unknown ${unknown.join(", ")} (one of ${all.join(", ")})`);
  return picked;
}

const app = useBrowserApp({
  prepare: async (app) => {
    await seedEveryTable(app.deps.prisma);
  },
});

/** The registry's resources as the plan reads them, each with its first record. */
async function registryResources(): Promise<{ resources: ResourceInfo[]; fieldNames: string[] }> {
  const admin = await buildAdmin(app.deps, MODULES);
  const resources: ResourceInfo[] = [];
  const fieldNames = new Set<string>();
  for (const resource of admin.resources) {
    if (!(resource instanceof KitPrismaResource)) throw new Error(`${resource.id()} is not a kit resource`);
    const decorated = resource.decorate();
    const first = await resource.find({ filters: {} } as never, {
      limit: 1,
      sort: { sortBy: idPath(resource), direction: "asc" },
    });
    resources.push({
      id: resource.tableName,
      module: resource.access.module,
      actions: Object.values(decorated.actions).map((action) => ({
        name: action.name,
        type: action.isBulkType() ? "bulk" : action.isRecordType() ? "record" : "resource",
        permission: permissionFor(resource.access, action.name),
        hasComponent: Boolean((action as unknown as { action: { component?: unknown } }).action.component),
      })),
      ...(first[0] ? { firstRecordId: String(first[0].id()) } : {}),
    });
    for (const property of resource.properties()) fieldNames.add(property.path());
    for (const column of resource.described.columns) {
      fieldNames.add(column.name);
      if (column.dbName) fieldNames.add(column.dbName);
    }
  }
  return { resources, fieldNames: [...fieldNames] };
}

/** The modules' custom pages, each needing its module's view. */
function registryPages(): CustomPageInfo[] {
  return MODULES.flatMap((module) =>
    Object.keys(module.pages ?? {}).map((name) => ({
      name,
      module: (module.permissionModule ?? module.name) as CustomPageInfo["module"],
    })),
  );
}

/** What each language shows: AdminJS's own English words under the portal's, and the portal's French. */
function languageTables(): Record<Language, { messages: Record<string, string | undefined> }> {
  const portal = translations(MODULES);
  return { fr: portal.fr, en: mergeTranslations(locales.en as LocaleTranslations, portal.en) } as never;
}

/** The record actions with a page that AdminJS offers `context`'s admin on a resource's first record. */
async function offeredRecordActions(walk: WalkContext, resources: readonly ResourceInfo[]) {
  const offered = new Map<string, string[]>();
  for (const resource of resources) {
    if (resource.firstRecordId === undefined) continue;
    const url = `${app.baseUrl}/admin/api/resources/${resource.id}/records/${encodeURIComponent(resource.firstRecordId)}/show`;
    const response = await walk.context.request.get(url);
    if (response.status() !== 200) continue;
    const body = (await response.json()) as { record?: { recordActions?: { name: string }[] } };
    offered.set(
      resource.id,
      (body.record?.recordActions ?? []).map((a) => a.name),
    );
  }
  return (resource: ResourceInfo) => offered.get(resource.id) ?? [];
}

describe("the walk through every page", () => {
  it("finds every page clean, as each role and in each language", async () => {
    const started = Date.now();
    const roles = chosen<Role>("WALK_ROLES", ROLES);
    const languages = chosen<Language>("WALK_LANGS", LANGUAGES);
    const lanes = Number(process.env.WALK_LANES ?? 16);
    // WALK_PAGES: a regular expression on the pages' keys ("alert_channels|incident_notifications-show").
    const only = process.env.WALK_PAGES ? new RegExp(process.env.WALK_PAGES) : null;
    const { resources, fieldNames } = await registryResources();
    const enumValues = Prisma.dmmf.datamodel.enums.flatMap((e) => e.values.map((v) => v.name));
    const words = languageTables();
    const leaks = leakCheckers({ enumValues, fieldNames }, words);
    const notFound = LANGUAGES.map((l) => words[l].messages.pageNotFound_title).filter((t): t is string => Boolean(t));
    if (notFound.length !== LANGUAGES.length)
      throw new Error("messages.pageNotFound_title is not worded in every language");

    const visits: Visit[] = [];
    const contexts: WalkContext[] = [];
    for (const role of roles) {
      for (const language of languages) {
        // An admin of the role for each language: a language stored per admin cannot be shared.
        const login = await makeAdmin(app.deps.prisma, { role, name: `Walk ${role} ${language}` });
        const walk = await newWalkContext(app.browser, role, language);
        contexts.push(walk);
        await logIn(walk, app.baseUrl, login);
        const offered = await offeredRecordActions(walk, resources);
        const pages = [
          ...allowedPages(role, resources, registryPages(), offered),
          ...forbiddenPages(role, resources),
        ].filter((page) => !only || only.test(page.key));
        for (const page of pages) visits.push({ context: walk, page });
      }
    }
    const prepared = Date.now();
    const observations = await walkPages(visits, lanes, {
      baseUrl: app.baseUrl,
      axe: await axeSource(),
      screenshotDir: SCREENSHOTS,
      leaks,
    });
    for (const walk of contexts) await walk.context.close();

    const failures: PageFailure[] = [];
    observations.forEach((obs, i) => {
      const reasons = judge(obs, { notFound });
      if (reasons.length) failures.push({ context: visits[i]!.context.name, page: obs.page, reasons });
    });
    const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
    console.log(
      `walk: ${visits.length} pages, ${roles.length} roles x ${languages.length} languages, ${lanes} lanes; ` +
        `set-up ${seconds(prepared - started)}, walk ${seconds(Date.now() - prepared)}`,
    );
    // Every role walks at least the dashboard, the account page and each list of a module it may view.
    if (!only)
      expect(visits.length).toBeGreaterThanOrEqual(roles.length * languages.length * (2 + resources.length / 2));
    if (failures.length) throw new Error(report(failures, visits.length));
  }, 3_600_000);
});
