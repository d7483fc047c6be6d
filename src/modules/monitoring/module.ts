import { defineModule } from "../../module.js";
import { monitoringResources } from "./resource.js";
import { monitoringLocale } from "./locale.js";

export const monitoringModule = defineModule({
  name: "monitoring",
  locale: monitoringLocale,
  navigation: { name: ["Monitoring", "Monitoring"], icon: "Activity" },
  resources: monitoringResources,
});
