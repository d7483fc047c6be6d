import { defineModule } from "../../module.js";

export const billingModule = defineModule({
  name: "billing",
});
