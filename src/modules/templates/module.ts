import { defineModule } from "../../module.js";
import { templatesResources } from "./resource.js";
import { templatesLocale } from "./locale.js";
import { templatesTables } from "./tables.js";
import { TEMPLATE_VERSION_OPERATIONS, templateVersionRoutes } from "./versions/routes.js";
import { AB_ROOT_OPERATIONS, abRootRoutes } from "./ab/root-routes.js";
import { AB_TEST_OPERATIONS, abTestRoutes } from "./ab/routes.js";
import { abJobs, abSchedules } from "./ab/jobs.js";

export const templatesModule = defineModule({
  name: "templates",
  tables: templatesTables,
  locale: templatesLocale,
  navigation: { name: ["Templates", "Templates"], icon: "Layout" },
  resources: templatesResources,
  // Versions (activate, rollback, diff), usage analytics and the live preview; A/B tests (ab/): assignment
  // and events for customer sites at the root, the lifecycle and report in REST.
  rootRoutes: { routes: (deps) => abRootRoutes(deps), operations: AB_ROOT_OPERATIONS },
  api: [
    { routes: templateVersionRoutes, operations: TEMPLATE_VERSION_OPERATIONS },
    { routes: abTestRoutes, operations: AB_TEST_OPERATIONS },
  ],
  jobs: [...abJobs],
  schedules: [...abSchedules],
});
