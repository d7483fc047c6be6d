import { defineModule } from "../../module.js";
import { billingLocale } from "./locale.js";

export const billingModule = defineModule({
  name: "billing",
  locale: billingLocale,
});
