import { defineModule } from "../../module.js";

export const campaignsModule = defineModule({
  name: "campaigns",
});
