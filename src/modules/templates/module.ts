import { defineModule } from "../../module.js";
import { templatesTables } from "./tables.js";

export const templatesModule = defineModule({
  name: "templates",
  tables: templatesTables,
});
