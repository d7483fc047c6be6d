import { defineModule } from "../../module.js";
import { monitoringTables } from "./tables.js";

export const monitoringModule = defineModule({
  name: "monitoring",
  tables: monitoringTables,
});
