import { defineModule } from "../../module.js";
import { campaignsResources } from "./resource.js";
import { campaignsLocale } from "./locale.js";

export const campaignsModule = defineModule({
  name: "campaigns",
  locale: campaignsLocale,
  navigation: { name: ["Marketing", "Marketing"], icon: "Send" },
  resources: campaignsResources,
});
