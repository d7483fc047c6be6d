// Assembles AdminJS from the modules' resources, with the dashboard, branding and locales.
import AdminJS, { type AdminJSOptions } from "adminjs";
import { componentsBundler, generateUserComponentEntry, ADMIN_JS_TMP_DIR } from "adminjs/bundler";
import type { Deps } from "../deps.js";
import { createComponents } from "./components.js";
import { loadModels } from "../db/dmmf.js";
import { en, fr } from "./locale.js";
import { adminjsEn, adminjsFr } from "./adminjs-fr.js";
import { mergeTranslations } from "./merge-translations.js";
import { createResourceKit, type ResourceFactory } from "./resource-kit.js";
import { LocodPrismaResource } from "./prisma-resource.js";
import { aiQueueResources } from "../modules/ai-queue/resource.js";
import { customersResources } from "../modules/customers/resource.js";
import { billingResources } from "../modules/billing/resource.js";
import { sitesResources } from "../modules/sites/resource.js";
import { templatesResources } from "../modules/templates/resource.js";
import { monitoringResources } from "../modules/monitoring/resource.js";
import { analyticsResources } from "../modules/analytics/resource.js";
import { campaignsResources } from "../modules/campaigns/resource.js";
import { settingsResources } from "../modules/settings/resource.js";
import { dashboard } from "../modules/dashboard/service.js";
import { parsePeriod, queueBoardPage, type MetricPeriod } from "../modules/ai-queue/metrics.js";
import { revenuePage } from "../modules/billing/metrics.js";

// No adapter is registered: every resource is already a LocodPrismaResource instance, which AdminJS
// uses as it is. Registering @adminjs/prisma's adapter would make AdminJS re-wrap each instance in a
// stock Resource (it claims anything with a model and a client), silently dropping our overrides.

/** In the spec's module order; the navigation follows it. */
const MODULE_RESOURCES: ResourceFactory[] = [
  aiQueueResources,
  customersResources,
  billingResources,
  sitesResources,
  templatesResources,
  monitoringResources,
  analyticsResources,
  campaignsResources,
  settingsResources,
];

export const ADMIN_ROOT = "/admin";

export async function buildAdmin(
  deps: Pick<Deps, "prisma" | "config" | "queues" | "subscriptionGateway">,
): Promise<AdminJS> {
  // We bundle ourselves (bundleComponents); this stops @adminjs/express from starting a second,
  // concurrent bundle of the same files when NODE_ENV=production.
  process.env.ADMIN_JS_SKIP_BUNDLE = "true";
  LocodPrismaResource.countOptions = { exactCountLimit: deps.config.listExactCountLimit };
  const models = await loadModels();
  const components = createComponents();
  const kit = createResourceKit(deps, models, components);
  const options: AdminJSOptions = {
    rootPath: ADMIN_ROOT,
    loginPath: `${ADMIN_ROOT}/login`,
    logoutPath: `${ADMIN_ROOT}/logout`,
    resources: MODULE_RESOURCES.flatMap((factory) => factory(kit)),
    componentLoader: components.loader,
    dashboard: {
      component: components.Dashboard,
      // The same answer as GET /admin/api/v1/dashboard, for the session's admin; a bad period is an
      // error key for the page rather than a 500.
      handler: async (request) => {
        let days: MetricPeriod;
        try {
          days = parsePeriod((request.query ?? {}).days, 30);
        } catch {
          return { error: "dashboardBadPeriod" };
        }
        return dashboard(deps, { days });
      },
    },
    // The Queue IA board (components/QueueBoard.tsx); the handler refuses admins without ai_queue.view.
    pages: {
      queueBoard: {
        component: components.QueueBoard,
        icon: "Inbox",
        handler: async (request) => queueBoardPage(deps.prisma, (request.query ?? {}) as Record<string, unknown>),
      },
      // The Revenue page (components/RevenuePage.tsx); the handler refuses admins without billing.view.
      revenue: {
        component: components.RevenuePage,
        icon: "TrendingUp",
        handler: async () => revenuePage(deps.prisma),
      },
    },
    branding: {
      companyName: "Locod-AI Admin",
      withMadeWithLove: false,
      favicon: "/favicon.svg",
      logo: false,
      theme: { colors: { primary100: "#4268F6" } },
    },
    locale: {
      language: "fr",
      availableLanguages: ["fr", "en"],
      translations: { fr: mergeTranslations(adminjsFr, fr), en: mergeTranslations(adminjsEn, en) },
      withBackend: false,
    },
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
