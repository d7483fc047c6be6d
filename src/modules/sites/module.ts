import { defineModule } from "../../module.js";
import { sitesResources } from "./resource.js";
import { sitesLocale } from "./locale.js";

export const sitesModule = defineModule({
  name: "sites",
  locale: sitesLocale,
  navigation: { name: ["Sites", "Sites"], icon: "Globe" },
  resources: sitesResources,
});
