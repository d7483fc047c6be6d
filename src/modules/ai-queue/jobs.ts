// The AI queue's jobs. Each handler imports its use case when it runs, so declaring them pulls no
// module code in.
import { z } from "zod";
import { defineJob } from "../../queues/define-job.js";

/** A Claude draft of an AI request (drafts.ts); queued once per generation, which the SDK retries. */
export const generateDraftJob = defineJob({
  queue: "ai",
  name: "generate-draft",
  schema: z.object({ generationId: z.coerce.number().int().positive() }),
  async handler(data, deps) {
    const { processDraftJob } = await import("./drafts.js");
    return processDraftJob({ data }, deps);
  },
});

export const aiQueueJobs = [generateDraftJob];
