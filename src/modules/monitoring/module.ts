import { defineModule } from "../../module.js";
import { monitoringResources } from "./resource.js";
import { monitoringLocale } from "./locale.js";
import { monitoringTables } from "./tables.js";

export const monitoringModule = defineModule({
  name: "monitoring",
  tables: monitoringTables,
  locale: monitoringLocale,
  navigation: { name: ["Monitoring", "Monitoring"], icon: "Activity" },
  resources: monitoringResources,
});
