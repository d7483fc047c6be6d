import { defineModule } from "../../module.js";

export const templatesModule = defineModule({
  name: "templates",
});
