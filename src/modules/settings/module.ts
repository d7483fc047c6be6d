import { defineModule } from "../../module.js";
import { settingsLocale } from "./locale.js";

export const settingsModule = defineModule({
  name: "settings",
  locale: settingsLocale,
});
