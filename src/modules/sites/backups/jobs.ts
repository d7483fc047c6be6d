// The daily backup of changed site configs. The handler imports the service when it runs, so declaring
// the job pulls no module code in.
import { defineJob, scheduleJob, ZNoData } from "../../../queues/define-job.js";

/** A snapshot of every site whose current config changed since its latest one (service.ts dailyBackups). */
export const dailySiteBackupJob = defineJob({
  queue: "maintenance",
  name: "site-config-daily-backup",
  schema: ZNoData,
  async handler(_data, deps) {
    const { dailyBackups } = await import("./service.js");
    return dailyBackups({ prisma: deps.prisma });
  },
});

export const siteBackupJobs = [dailySiteBackupJob];
// 02:30 UTC: after the night's metrics snapshot, before the working day.
export const siteBackupSchedules = [scheduleJob(dailySiteBackupJob, "30 2 * * *")];
