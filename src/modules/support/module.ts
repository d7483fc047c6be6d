import { defineModule } from "../../module.js";
import { supportLocale } from "./locale.js";
import { supportResources } from "./resource.js";
import { supportTables } from "./tables.js";
import { SUPPORT_OPERATIONS, supportRoutes } from "./routes.js";
import { supportEmailWebhook } from "./inbound.js";
import { supportJobs, supportSchedules } from "./jobs.js";
import { supportEmailRenderers } from "./emails.js";
import { supportTimeline } from "./timeline.js";

export const supportModule = defineModule({
  name: "support",
  tables: supportTables,
  locale: supportLocale,
  navigation: { name: ["Support", "Support"], icon: "LifeBuoy" },
  resources: supportResources,
  api: [{ routes: supportRoutes, operations: SUPPORT_OPERATIONS }],
  // Inbound e-mail at /webhooks/support-email (inbound.ts).
  webhooks: supportEmailWebhook,
  jobs: supportJobs,
  schedules: supportSchedules,
  emailRenderers: supportEmailRenderers,
  customerTimeline: supportTimeline,
});
