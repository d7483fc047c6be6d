import { defineModule } from "../../module.js";
import { campaignsTimeline } from "./timeline.js";
import { campaignsResources } from "./resource.js";
import { campaignsLocale } from "./locale.js";
import { campaignsTables } from "./tables.js";
import { sendingJobs, sendingSchedules } from "./sending/jobs.js";
import { CAMPAIGN_SENDING_OPERATIONS, campaignSendingRoutes } from "./sending/routes.js";
import { emailWebhookRoutes, TRACKING_OPERATIONS, trackingRoutes } from "./tracking/routes.js";
import { SEGMENT_OPERATIONS, segmentRoutes } from "./segments/routes.js";
import { segmentsPage } from "./segments/page.js";

export const campaignsModule = defineModule({
  name: "campaigns",
  // Its events in a customer\'s story (the customer 360 timeline).
  customerTimeline: campaignsTimeline,
  tables: campaignsTables,
  locale: campaignsLocale,
  navigation: { name: ["Marketing", "Marketing"], icon: "Send" },
  resources: campaignsResources,
  api: [
    // Sending (sending/): send or schedule, pause, resume, cancel, test send, preview, figures.
    { routes: campaignSendingRoutes, operations: CAMPAIGN_SENDING_OPERATIONS },
    // Segments: the builder's live preview (the segments are the generic table routes).
    { routes: segmentRoutes, operations: SEGMENT_OPERATIONS },
  ],
  pages: {
    // The segment builder with its live preview, and the saved segments' counts.
    campaignSegments: {
      component: "SegmentsPage",
      icon: "Filter",
      handler: (deps, request) => segmentsPage(deps, request.query ?? {}),
    },
  },
  // Tracking (tracking/): the open pixel, the click redirect and the unsubscribe page, for mail clients.
  rootRoutes: { routes: (deps) => trackingRoutes(deps), operations: TRACKING_OPERATIONS },
  webhooks: (deps) => emailWebhookRoutes(deps),
  jobs: sendingJobs,
  schedules: sendingSchedules,
});
