import { defineModule } from "../../module.js";
import { templatesLocale } from "./locale.js";

export const templatesModule = defineModule({
  name: "templates",
  locale: templatesLocale,
});
