// The SLA round: every five minutes, escalations of breached tickets and reassignments (service.ts).
import { defineJob, scheduleJob, ZNoData } from "../../queues/define-job.js";

export const supportSlaJob = defineJob({
  queue: "maintenance",
  name: "support-sla",
  schema: ZNoData,
  async handler(_data, deps) {
    const { runSlaRound } = await import("./service.js");
    return runSlaRound(deps.prisma);
  },
});

export const supportJobs = [supportSlaJob];
export const supportSchedules = [scheduleJob(supportSlaJob, "*/5 * * * *")];
