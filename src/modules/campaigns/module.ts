import { defineModule } from "../../module.js";
import { campaignsTables } from "./tables.js";

export const campaignsModule = defineModule({
  name: "campaigns",
  tables: campaignsTables,
});
