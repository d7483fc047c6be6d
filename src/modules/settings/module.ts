import { defineModule } from "../../module.js";
import { settingsTables } from "./tables.js";

export const settingsModule = defineModule({
  name: "settings",
  tables: settingsTables,
});
