import { defineModule } from "../../module.js";
import { campaignsResources } from "./resource.js";

export const campaignsModule = defineModule({
  name: "campaigns",
  navigation: { name: ["Marketing", "Marketing"], icon: "Send" },
  resources: campaignsResources,
});
