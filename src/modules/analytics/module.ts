import { defineModule } from "../../module.js";
import { analyticsTables } from "./tables.js";

export const analyticsModule = defineModule({
  name: "analytics",
  tables: analyticsTables,
});
