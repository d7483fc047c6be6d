// The auth module's jobs. Each handler imports its use case when it runs, so declaring them pulls no
// module code in.
import { defineJob, scheduleJob, ZNoData } from "../../queues/define-job.js";

export const purgeExpiredSessionsJob = defineJob({
  queue: "maintenance",
  name: "purge-expired-sessions",
  schema: ZNoData,
  async handler(_data, deps) {
    const { purgeExpiredSessions } = await import("./purge-expired-sessions.js");
    return purgeExpiredSessions(deps.prisma);
  },
});

export const authJobs = [purgeExpiredSessionsJob];
export const authSchedules = [scheduleJob(purgeExpiredSessionsJob, "17 * * * *")];
