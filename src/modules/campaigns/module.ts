import { defineModule } from "../../module.js";
import { campaignsResources } from "./resource.js";
import { campaignsLocale } from "./locale.js";
import { campaignsTables } from "./tables.js";
import { SEGMENT_OPERATIONS, segmentRoutes } from "./segments/routes.js";
import { segmentsPage } from "./segments/page.js";

export const campaignsModule = defineModule({
  name: "campaigns",
  tables: campaignsTables,
  locale: campaignsLocale,
  navigation: { name: ["Marketing", "Marketing"], icon: "Send" },
  resources: campaignsResources,
  api: [
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
});
