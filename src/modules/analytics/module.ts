import { defineModule } from "../../module.js";

export const analyticsModule = defineModule({
  name: "analytics",
});
