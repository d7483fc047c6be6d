import { defineModule } from "../../module.js";
import { customersTables } from "./tables.js";

export const customersModule = defineModule({
  name: "customers",
  tables: customersTables,
});
