import { defineModule } from "../../module.js";

export const sitesModule = defineModule({
  name: "sites",
});
