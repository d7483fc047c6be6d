import { defineModule } from "../../module.js";
import { settingsResources } from "./resource.js";
import { accountRoutes } from "./account-routes.js";
import { settingsLocale } from "./locale.js";
import { settingsTables } from "./tables.js";
import { settingsJobs } from "./jobs.js";
import { currentContext } from "../../lib/request-context.js";

export const settingsModule = defineModule({
  name: "settings",
  tables: settingsTables,
  locale: settingsLocale,
  navigation: { name: ["Paramètres", "Settings"], icon: "Settings" },
  resources: settingsResources,
  adminRoutes: accountRoutes,
  pages: {
    // Changing one's own password, inside the layout (components/AccountPassword.tsx); the form posts
    // to /admin/account/password (account-routes.ts: throttle, audit).
    account: {
      component: "AccountPassword",
      icon: "Key",
      handler: async () => {
        const admin = currentContext()?.admin;
        return admin ? { email: admin.email } : { error: "accountNoSession" };
      },
    },
  },
  jobs: settingsJobs,
});
