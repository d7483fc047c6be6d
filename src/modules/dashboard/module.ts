import { defineModule } from "../../module.js";

export const dashboardModule = defineModule({
  name: "dashboard",
});
