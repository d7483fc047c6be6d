// The uptime jobs: the hourly rollup, and the daily retention of raw checks (which rolls up first).
// Each handler imports its use case when it runs, so declaring them pulls no module code in.
import { defineJob, scheduleJob, ZNoData } from "../../../queues/define-job.js";

export const uptimeRollupJob = defineJob({
  queue: "maintenance",
  name: "monitoring-uptime-rollup",
  schema: ZNoData,
  async handler(_data, deps) {
    const { runRollup } = await import("./rollup.js");
    return runRollup(deps.prisma);
  },
});

export const rawRetentionJob = defineJob({
  queue: "maintenance",
  name: "monitoring-raw-retention",
  schema: ZNoData,
  async handler(_data, deps) {
    const [{ runRetention }, { readSetting }] = await Promise.all([
      import("./partitions.js"),
      import("../../settings/index.js"),
    ]);
    const retentionDays = await readSetting(deps.prisma, "monitoring.raw_retention_days");
    return runRetention(deps.prisma, { retentionDays });
  },
});

export const uptimeJobs = [uptimeRollupJob, rawRetentionJob];
// Five minutes past each hour, when the checks of the hour just closed are in; retention once a day.
export const uptimeSchedules = [scheduleJob(uptimeRollupJob, "5 * * * *"), scheduleJob(rawRetentionJob, "20 0 * * *")];
