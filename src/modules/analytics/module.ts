import { defineModule } from "../../module.js";
import { analyticsJobs, analyticsSchedules } from "./jobs.js";

export const analyticsModule = defineModule({
  name: "analytics",
  jobs: analyticsJobs,
  schedules: analyticsSchedules,
});
