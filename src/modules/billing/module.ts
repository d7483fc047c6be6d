import { defineModule } from "../../module.js";
import { billingTables } from "./tables.js";

export const billingModule = defineModule({
  name: "billing",
  tables: billingTables,
});
