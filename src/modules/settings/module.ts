import { defineModule } from "../../module.js";
import { settingsJobs } from "./jobs.js";

export const settingsModule = defineModule({
  name: "settings",
  jobs: settingsJobs,
});
