import { defineModule } from "../../module.js";
import { campaignsResources } from "./resource.js";
import { campaignsLocale } from "./locale.js";
import { campaignsTables } from "./tables.js";

export const campaignsModule = defineModule({
  name: "campaigns",
  tables: campaignsTables,
  locale: campaignsLocale,
  navigation: { name: ["Marketing", "Marketing"], icon: "Send" },
  resources: campaignsResources,
});
