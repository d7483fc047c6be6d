import { defineModule } from "../../module.js";
import { AUTH_OPERATIONS, authRoutes } from "./routes.js";
import { authLocale } from "./locale.js";
import { authJobs, authSchedules } from "./jobs.js";

export const authModule = defineModule({
  name: "auth",
  locale: authLocale,
  // The login needs no token; logout and me check theirs themselves.
  publicApi: { routes: authRoutes, operations: AUTH_OPERATIONS },
  jobs: authJobs,
  schedules: authSchedules,
});
