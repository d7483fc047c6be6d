import { defineModule } from "../../module.js";
import { templatesResources } from "./resource.js";
import { templatesLocale } from "./locale.js";
import { templatesTables } from "./tables.js";

export const templatesModule = defineModule({
  name: "templates",
  tables: templatesTables,
  locale: templatesLocale,
  navigation: { name: ["Templates", "Templates"], icon: "Layout" },
  resources: templatesResources,
});
