// The check round as a repeatable job (every 30 s): each run checks the monitors due then; rounds that
// overlap (a slow round, two workers) share them without checking one twice (check-round.ts).
import { defineJob, scheduleJob, ZNoData } from "../../../queues/define-job.js";

export const checkRoundJob = defineJob({
  queue: "monitoring",
  name: "check-round",
  schema: ZNoData,
  async handler(_data, deps) {
    const { runCheckRound } = await import("./check-round.js");
    return runCheckRound(deps.prisma, { log: deps.log });
  },
});

export const checkJobs = [checkRoundJob];
/** Six fields: seconds first. A monitor's own interval (30 s to a day) decides when it is due. */
export const checkSchedules = [scheduleJob(checkRoundJob, "*/30 * * * * *")];
