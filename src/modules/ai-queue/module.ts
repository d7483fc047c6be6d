import { defineModule } from "../../module.js";
import { aiQueueEmailRenderers } from "./emails.js";
import { aiQueueJobs } from "./jobs.js";

export const aiQueueModule = defineModule({
  name: "ai-queue",
  jobs: aiQueueJobs,
  emailRenderers: aiQueueEmailRenderers,
});
