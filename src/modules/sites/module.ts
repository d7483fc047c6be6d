import { defineModule } from "../../module.js";
import { sitesResources } from "./resource.js";

export const sitesModule = defineModule({
  name: "sites",
  navigation: { name: ["Sites", "Sites"], icon: "Globe" },
  resources: sitesResources,
});
