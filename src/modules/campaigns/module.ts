import { defineModule } from "../../module.js";
import { campaignsLocale } from "./locale.js";

export const campaignsModule = defineModule({
  name: "campaigns",
  locale: campaignsLocale,
});
