import { defineModule } from "../../module.js";
import { authJobs, authSchedules } from "./jobs.js";

export const authModule = defineModule({
  name: "auth",
  jobs: authJobs,
  schedules: authSchedules,
});
