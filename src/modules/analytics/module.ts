import { defineModule } from "../../module.js";
import { analyticsLocale } from "./locale.js";

export const analyticsModule = defineModule({
  name: "analytics",
  locale: analyticsLocale,
});
