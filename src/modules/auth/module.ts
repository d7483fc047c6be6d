import { defineModule } from "../../module.js";
import { AUTH_OPERATIONS, authRoutes } from "./routes.js";
import { authLocale } from "./locale.js";
import { authJobs, authSchedules } from "./jobs.js";
import { languageRoutes } from "./language.js";

export const authModule = defineModule({
  name: "auth",
  locale: authLocale,
  // The login needs no token; logout and me check theirs themselves.
  publicApi: { routes: authRoutes, operations: AUTH_OPERATIONS },
  jobs: authJobs,
  schedules: authSchedules,
  // The login page's FR | EN switch and the top bar's language choice, stored per admin.
  adminRoutes: languageRoutes,
});
