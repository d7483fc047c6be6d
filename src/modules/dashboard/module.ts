import { defineModule } from "../../module.js";
import { dashboardLocale } from "./locale.js";

export const dashboardModule = defineModule({
  name: "dashboard",
  locale: dashboardLocale,
});
