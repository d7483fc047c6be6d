import { defineModule } from "../../module.js";

export const settingsModule = defineModule({
  name: "settings",
});
