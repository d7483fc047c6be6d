import { defineModule } from "../../module.js";
import { campaignsResources } from "./resource.js";
import { campaignsLocale } from "./locale.js";
import { campaignsTables } from "./tables.js";
import { sendingJobs, sendingSchedules } from "./sending/jobs.js";
import { CAMPAIGN_SENDING_OPERATIONS, campaignSendingRoutes } from "./sending/routes.js";
import { emailWebhookRoutes, TRACKING_OPERATIONS, trackingRoutes } from "./tracking/routes.js";

export const campaignsModule = defineModule({
  name: "campaigns",
  tables: campaignsTables,
  locale: campaignsLocale,
  navigation: { name: ["Marketing", "Marketing"], icon: "Send" },
  resources: campaignsResources,
  // Sending (sending/): send or schedule, pause, resume, cancel, test send, preview, figures.
  api: [{ routes: campaignSendingRoutes, operations: CAMPAIGN_SENDING_OPERATIONS }],
  // Tracking (tracking/): the open pixel, the click redirect and the unsubscribe page, for mail clients.
  rootRoutes: { routes: (deps) => trackingRoutes(deps), operations: TRACKING_OPERATIONS },
  webhooks: (deps) => emailWebhookRoutes(deps),
  jobs: sendingJobs,
  schedules: sendingSchedules,
});
