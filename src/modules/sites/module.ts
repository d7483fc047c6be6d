import { defineModule } from "../../module.js";
import { sitesResources } from "./resource.js";
import { sitesLocale } from "./locale.js";
import { sitesTables } from "./tables.js";

export const sitesModule = defineModule({
  name: "sites",
  tables: sitesTables,
  locale: sitesLocale,
  navigation: { name: ["Sites", "Sites"], icon: "Globe" },
  resources: sitesResources,
});
