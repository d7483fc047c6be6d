// The alert job: every minute, what is due for open and recently resolved incidents (run-alerts.ts).
import { defineJob, scheduleJob, ZNoData } from "../../../queues/define-job.js";

export const incidentAlertsJob = defineJob({
  queue: "maintenance",
  name: "incident-alerts",
  schema: ZNoData,
  async handler(_data, deps) {
    const { runIncidentAlerts } = await import("./run-alerts.js");
    return runIncidentAlerts(deps);
  },
});

export const alertJobs = [incidentAlertsJob];
export const alertSchedules = [scheduleJob(incidentAlertsJob, "* * * * *")];
