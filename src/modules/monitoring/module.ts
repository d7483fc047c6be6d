import { defineModule } from "../../module.js";
import { monitoringLocale } from "./locale.js";

export const monitoringModule = defineModule({
  name: "monitoring",
  locale: monitoringLocale,
});
