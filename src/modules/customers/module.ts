import { defineModule } from "../../module.js";

export const customersModule = defineModule({
  name: "customers",
});
