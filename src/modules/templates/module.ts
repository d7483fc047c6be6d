import { defineModule } from "../../module.js";
import { templatesResources } from "./resource.js";

export const templatesModule = defineModule({
  name: "templates",
  navigation: { name: ["Templates", "Templates"], icon: "Layout" },
  resources: templatesResources,
});
