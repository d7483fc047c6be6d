import { defineModule } from "../../module.js";
import { templatesResources } from "./resource.js";
import { templatesLocale } from "./locale.js";

export const templatesModule = defineModule({
  name: "templates",
  locale: templatesLocale,
  navigation: { name: ["Templates", "Templates"], icon: "Layout" },
  resources: templatesResources,
});
