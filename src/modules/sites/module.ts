import { defineModule } from "../../module.js";
import { sitesTables } from "./tables.js";

export const sitesModule = defineModule({
  name: "sites",
  tables: sitesTables,
});
