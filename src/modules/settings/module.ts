import { defineModule } from "../../module.js";
import { settingsResources } from "./resource.js";
import { accountRoutes } from "./account-routes.js";

export const settingsModule = defineModule({
  name: "settings",
  navigation: { name: ["Paramètres", "Settings"], icon: "Settings" },
  resources: settingsResources,
  adminRoutes: accountRoutes,
});
