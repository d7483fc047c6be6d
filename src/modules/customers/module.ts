import { defineModule } from "../../module.js";
import { customersLocale } from "./locale.js";

export const customersModule = defineModule({
  name: "customers",
  locale: customersLocale,
});
