import { defineModule } from "../../module.js";
import { monitoringResources } from "./resource.js";

export const monitoringModule = defineModule({
  name: "monitoring",
  navigation: { name: ["Monitoring", "Monitoring"], icon: "Activity" },
  resources: monitoringResources,
});
