import { defineModule } from "../../module.js";
import { supportLocale } from "./locale.js";
import { supportResources } from "./resource.js";
import { supportTables } from "./tables.js";

export const supportModule = defineModule({
  name: "support",
  tables: supportTables,
  locale: supportLocale,
  navigation: { name: ["Support", "Support"], icon: "LifeBuoy" },
  resources: supportResources,
});
