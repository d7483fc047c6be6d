// Assembles AdminJS from the modules' resources, with the dashboard, branding and locales.
import AdminJS, { type AdminJSOptions, type AdminPages, type LocaleTranslations } from "adminjs";
import { componentsBundler, generateUserComponentEntry, ADMIN_JS_TMP_DIR } from "adminjs/bundler";
import type { Deps } from "../deps.js";
import { createComponents } from "./components.js";
import { loadModels } from "../db/dmmf.js";
import { en, fr } from "./locale.js";
import { adminjsEn, adminjsFr } from "./adminjs-fr.js";
import { mergeTranslations } from "./merge-translations.js";
import { createResourceKit, type ResourceKit } from "./resource-kit.js";
import { LocodPrismaResource } from "./prisma-resource.js";
import type { Components } from "./components.js";
import type { ModuleDefinition, PageRequest } from "../module.js";
import { MODULES } from "../modules.js";
import { currentContext } from "../lib/request-context.js";

// No adapter is registered: every resource is already a LocodPrismaResource instance, which AdminJS
// uses as it is. Registering @adminjs/prisma's adapter would make AdminJS re-wrap each instance in a
// stock Resource (it claims anything with a model and a client), silently dropping our overrides.

export const ADMIN_ROOT = "/admin";

/** The modules' resources in list order, each in its module's sidebar group (shown by its French name). */
function moduleResources(kit: ResourceKit, modules: readonly ModuleDefinition[]) {
  return modules.flatMap((module) => {
    const group = module.navigation;
    const navigation = group ? { name: group.name[0], icon: group.icon } : undefined;
    // A table the module presents is its resource; any other table of the module gets the plain one.
    const presented = module.resources?.(kit) ?? [];
    const ids = new Set(presented.map((r) => r.options?.id));
    const plain = (module.tables ?? []).map((spec) => kit.table(spec)).filter((r) => !ids.has(r.options?.id));
    return [...presented, ...plain].map((r) => (navigation ? { ...r, options: { ...r.options, navigation } } : r));
  });
}

/** The modules' custom pages, their handlers given the app's deps. */
function modulePages(deps: Deps, components: Components, modules: readonly ModuleDefinition[]): AdminPages {
  return Object.fromEntries(
    modules.flatMap((module) =>
      Object.entries(module.pages ?? {}).map(([name, page]) => [
        name,
        {
          component: components[page.component],
          icon: page.icon,
          handler: async (request: PageRequest) => page.handler(deps, request ?? {}),
        },
      ]),
    ),
  );
}

/** The dashboard page's handler, from the one module that provides it. */
function dashboardHandler(deps: Deps, modules: readonly ModuleDefinition[]) {
  const providers = modules.filter((module) => module.dashboard);
  if (providers.length > 1) throw new Error(`Several modules provide the dashboard: ${providers.map((m) => m.name)}`);
  const handler = providers[0]?.dashboard;
  return handler ? async (request: PageRequest) => handler(deps, request ?? {}) : undefined;
}

/** The sidebar groups' labels: AdminJS looks a group up by its name, the French one. */
function navigationLabels(lang: 0 | 1, modules: readonly ModuleDefinition[]): LocaleTranslations {
  const labels = modules.flatMap((module) => (module.navigation ? [module.navigation.name] : []));
  return { labels: Object.fromEntries(labels.map((words) => [words[0], words[lang]])) };
}

/** AdminJS's own words, the sidebar groups' and the portal's (src/admin/locale.ts), in each language. */
export function translations(modules: readonly ModuleDefinition[] = MODULES): Record<"fr" | "en", LocaleTranslations> {
  return {
    fr: mergeTranslations(adminjsFr, navigationLabels(0, modules), fr),
    en: mergeTranslations(adminjsEn, navigationLabels(1, modules), en),
  };
}

/**
 * The language of a back-office page: the logged-in admin's (read from the database on this request),
 * else the login page's choice in this browser (its cookie, in the request's context), else French.
 */
export function pageLanguageOf(sessionAdmin?: { language?: unknown } | null): "fr" | "en" {
  const context = currentContext();
  const stored = context?.admin?.language ?? sessionAdmin?.language;
  if (stored === "fr" || stored === "en") return stored;
  return context?.language ?? "fr";
}

/** AdminJS for the modules given (the portal's list by default). */
export async function buildAdmin(deps: Deps, modules: readonly ModuleDefinition[] = MODULES): Promise<AdminJS> {
  // We bundle ourselves (bundleComponents); this stops @adminjs/express from starting a second,
  // concurrent bundle of the same files when NODE_ENV=production.
  process.env.ADMIN_JS_SKIP_BUNDLE = "true";
  LocodPrismaResource.countOptions = { exactCountLimit: deps.config.listExactCountLimit };
  const models = await loadModels();
  const components = createComponents();
  const kit = createResourceKit(deps, models, components);
  const handler = dashboardHandler(deps, modules);
  const words = translations(modules);
  const options: AdminJSOptions = {
    rootPath: ADMIN_ROOT,
    loginPath: `${ADMIN_ROOT}/login`,
    logoutPath: `${ADMIN_ROOT}/logout`,
    resources: moduleResources(kit, modules),
    componentLoader: components.loader,
    dashboard: { component: components.Dashboard, ...(handler ? { handler } : {}) },
    pages: modulePages(deps, components, modules),
    branding: {
      companyName: "Locod-AI Admin",
      withMadeWithLove: false,
      favicon: "/favicon.svg",
      logo: false,
      // Text and buttons at 4.5:1 or more on the page, card and table backgrounds (WCAG 1.4.3): AdminJS's
      // grey60 (secondary text, breadcrumbs, labels) and grey40 (default badges, white text) are too
      // light, and the brand blue #4268F6 reads at 4.4:1 on the page background (#2B4BD6 keeps 4.9:1 on the
      // tinted background of the sidebar's selected entry).
      theme: { colors: { primary100: "#2B4BD6", grey60: "#63646F", grey40: "#6B6C7B" } },
    },
    // Per page: the admin's stored language (or the login page's choice), so the bundle starts in it
    // and <html lang> follows; the top bar's selector stores a change (src/modules/auth/language.ts).
    locale: (currentAdmin) => ({
      language: pageLanguageOf(currentAdmin as { language?: unknown } | undefined),
      availableLanguages: ["fr", "en"],
      translations: words,
      withBackend: false,
    }),
    settings: { defaultPerPage: 20 },
  };
  return new AdminJS(options);
}

/**
 * Bundles the React components of components/ into .adminjs/ (rollup, offline). AdminJS only does this
 * itself in production or in watch mode; we do it once at start-up in every environment.
 */
export async function bundleComponents(admin: AdminJS): Promise<void> {
  await componentsBundler.createEntry({ content: generateUserComponentEntry(admin, ADMIN_JS_TMP_DIR) });
  await componentsBundler.build();
}
