import { defineModule } from "../../module.js";
import { authLocale } from "./locale.js";

export const authModule = defineModule({
  name: "auth",
  locale: authLocale,
});
