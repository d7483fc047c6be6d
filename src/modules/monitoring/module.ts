import { defineModule } from "../../module.js";

export const monitoringModule = defineModule({
  name: "monitoring",
});
