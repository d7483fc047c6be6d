import { defineModule } from "../../module.js";
import { settingsResources } from "./resource.js";
import { accountRoutes } from "./account-routes.js";
import { settingsLocale } from "./locale.js";
import { settingsTables } from "./tables.js";
import { settingsJobs } from "./jobs.js";

export const settingsModule = defineModule({
  name: "settings",
  tables: settingsTables,
  locale: settingsLocale,
  navigation: { name: ["Paramètres", "Settings"], icon: "Settings" },
  resources: settingsResources,
  adminRoutes: accountRoutes,
  jobs: settingsJobs,
});
