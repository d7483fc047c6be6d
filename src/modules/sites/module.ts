import { defineModule } from "../../module.js";
import { sitesLocale } from "./locale.js";

export const sitesModule = defineModule({
  name: "sites",
  locale: sitesLocale,
});
