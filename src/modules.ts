// The portal's modules, in the spec's order (the navigation follows it). Adding a module is its folder
// under src/modules/ and one line here.
import type { ModuleDefinition } from "./module.js";
import { authModule } from "./modules/auth/module.js";
import { dashboardModule } from "./modules/dashboard/module.js";
import { aiQueueModule } from "./modules/ai-queue/module.js";
import { customersModule } from "./modules/customers/module.js";
import { billingModule } from "./modules/billing/module.js";
import { sitesModule } from "./modules/sites/module.js";
import { templatesModule } from "./modules/templates/module.js";
import { monitoringModule } from "./modules/monitoring/module.js";
import { analyticsModule } from "./modules/analytics/module.js";
import { campaignsModule } from "./modules/campaigns/module.js";
import { supportModule } from "./modules/support/module.js";
import { settingsModule } from "./modules/settings/module.js";

export const MODULES: readonly ModuleDefinition[] = [
  authModule,
  dashboardModule,
  aiQueueModule,
  customersModule,
  billingModule,
  sitesModule,
  templatesModule,
  monitoringModule,
  analyticsModule,
  campaignsModule,
  supportModule,
  settingsModule,
];
