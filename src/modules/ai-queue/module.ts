import { defineModule } from "../../module.js";
import { aiQueueTimeline } from "./timeline.js";
import { aiQueueResources } from "./resource.js";
import { AI_QUEUE_OPERATIONS, aiQueueRoutes } from "./routes.js";
import { aiQueueStatsRoutes } from "./stats-routes.js";
import { briefRoutes } from "./brief.js";
import { wizardWebhookRoutes } from "./webhook-routes.js";
import { queueBoardPage } from "./metrics.js";
import { aiQueueLocale } from "./locale.js";
import { aiQueueTables } from "./tables.js";
import { aiQueueEmailRenderers } from "./emails.js";
import { aiQueueJobs } from "./jobs.js";

export const aiQueueModule = defineModule({
  name: "ai-queue",
  // Its events in a customer\'s story (the customer 360 timeline).
  customerTimeline: aiQueueTimeline,
  tables: aiQueueTables,
  locale: aiQueueLocale,
  permissionModule: "ai_queue",
  navigation: { name: ["Queue IA", "AI queue"], icon: "Cpu" },
  resources: aiQueueResources,
  // AI_QUEUE_OPERATIONS describes the stats route too.
  api: [
    { routes: aiQueueRoutes, operations: AI_QUEUE_OPERATIONS },
    { routes: aiQueueStatsRoutes, operations: [] },
  ],
  adminRoutes: briefRoutes,
  webhooks: wizardWebhookRoutes,
  pages: {
    // The Queue IA board (components/QueueBoard.tsx); the handler refuses admins without ai_queue.view.
    queueBoard: {
      component: "QueueBoard",
      icon: "Inbox",
      handler: async (deps, request) => queueBoardPage(deps.prisma, request.query ?? {}),
    },
  },
  jobs: aiQueueJobs,
  emailRenderers: aiQueueEmailRenderers,
});
