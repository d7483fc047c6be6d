// The site analytics rollup: every hour at :07, so a closed day is rolled up soon after midnight UTC and
// a missed run catches up at the next (the rollup takes every closed day not rolled up yet).
import { z } from "zod";
import { defineJob, scheduleJob } from "../../../queues/define-job.js";

export const siteAnalyticsRollupJob = defineJob({
  queue: "maintenance",
  name: "site-analytics-rollup",
  schema: z.object({ recompute: z.boolean().optional() }).nullish(),
  async handler(data, deps) {
    const { rollUpSiteAnalytics } = await import("./rollup.js");
    const { Redis } = await import("ioredis");
    const redis = new Redis(deps.config.redisUrl, { maxRetriesPerRequest: 2 });
    try {
      return await rollUpSiteAnalytics(deps.prisma, {
        now: new Date(),
        recompute: data?.recompute ?? false,
        redis,
        keyPrefix: deps.config.queuePrefix,
      });
    } finally {
      redis.disconnect();
    }
  },
});

export const siteAnalyticsJobs = [siteAnalyticsRollupJob];
export const siteAnalyticsSchedules = [scheduleJob(siteAnalyticsRollupJob, "7 * * * *")];
