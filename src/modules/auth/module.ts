import { defineModule } from "../../module.js";

export const authModule = defineModule({
  name: "auth",
});
