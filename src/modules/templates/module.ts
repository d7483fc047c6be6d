import { defineModule } from "../../module.js";
import { templatesResources } from "./resource.js";
import { templatesLocale } from "./locale.js";
import { templatesTables } from "./tables.js";
import { TEMPLATE_VERSION_OPERATIONS, templateVersionRoutes } from "./versions/routes.js";

export const templatesModule = defineModule({
  name: "templates",
  tables: templatesTables,
  locale: templatesLocale,
  navigation: { name: ["Templates", "Templates"], icon: "Layout" },
  resources: templatesResources,
  // Versions (activate, rollback, diff), usage analytics and the live preview.
  api: [{ routes: templateVersionRoutes, operations: TEMPLATE_VERSION_OPERATIONS }],
});
