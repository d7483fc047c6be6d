import { defineModule } from "../../module.js";
import { campaignsTimeline } from "./timeline.js";
import { campaignsResources } from "./resource.js";
import { campaignsLocale } from "./locale.js";
import { campaignsTables } from "./tables.js";

export const campaignsModule = defineModule({
  name: "campaigns",
  // Its events in a customer\'s story (the customer 360 timeline).
  customerTimeline: campaignsTimeline,
  tables: campaignsTables,
  locale: campaignsLocale,
  navigation: { name: ["Marketing", "Marketing"], icon: "Send" },
  resources: campaignsResources,
});
