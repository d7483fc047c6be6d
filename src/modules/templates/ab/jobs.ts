// The A/B rollup: every 10 minutes, so a running test's report is at most 10 minutes behind its events
// (stopping a test rolls it up once more, in the stop's transaction).
import { z } from "zod";
import { defineJob, scheduleJob } from "../../../queues/define-job.js";

export const abRollupJob = defineJob({
  queue: "maintenance",
  name: "template-ab-rollup",
  schema: z.object({}).nullish(),
  async handler(_data, deps) {
    const { rollUpRunningAbTests } = await import("./rollup.js");
    return rollUpRunningAbTests(deps.prisma);
  },
});

export const abJobs = [abRollupJob];
export const abSchedules = [scheduleJob(abRollupJob, "*/10 * * * *")];
