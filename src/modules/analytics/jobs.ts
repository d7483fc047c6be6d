// The analytics module's jobs. Each handler imports its use case when it runs, so declaring them pulls
// no module code in.
import { z } from "zod";
import { defineJob, scheduleJob } from "../../queues/define-job.js";

/** The business_metrics row of the day just ended, or of `date` (metrics-snapshot.ts). */
export const snapshotMetricsJob = defineJob({
  queue: "maintenance",
  name: "metrics-snapshot",
  schema: z.object({ date: z.string().optional() }).nullish(),
  async handler(data, deps, job) {
    const { metricsSnapshotJob } = await import("./metrics-snapshot.js");
    // The job's times: a scheduler's job carries the time it was due, which a late or retried run keeps.
    return metricsSnapshotJob(deps.prisma, { data, timestamp: job.timestamp, opts: job.opts });
  },
});

export const analyticsJobs = [snapshotMetricsJob];
export const analyticsSchedules = [scheduleJob(snapshotMetricsJob, "5 0 * * *")];
