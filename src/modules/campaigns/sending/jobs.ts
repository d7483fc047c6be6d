// The campaign sender's jobs, on the mail queue: a batch of one campaign's recipients, and every minute
// the scheduled campaigns that are due (and a sending campaign whose batch job was lost).
import { z } from "zod";
import { defineJob, scheduleJob, ZNoData } from "../../../queues/define-job.js";
import type { JobDeps } from "../../../queues/queues.js";
import { CAMPAIGN_BATCH, CAMPAIGN_START_DUE } from "./service.js";

export function batchDeps(deps: Pick<JobDeps, "prisma" | "queues" | "config">) {
  return {
    prisma: deps.prisma,
    queues: deps.queues,
    mail: deps.config.mail,
    publicBaseUrl: deps.config.publicBaseUrl,
    trackingSecret: deps.config.session.secret,
  };
}

export const campaignBatchJob = defineJob({
  queue: "mail",
  name: CAMPAIGN_BATCH,
  schema: z.object({ campaignId: z.number().int().positive() }),
  async handler({ campaignId }, deps) {
    const { runCampaignBatch } = await import("./batch.js");
    return runCampaignBatch(batchDeps(deps), campaignId);
  },
});

export const campaignStartDueJob = defineJob({
  queue: "mail",
  name: CAMPAIGN_START_DUE,
  schema: ZNoData,
  async handler(_data, deps) {
    const { startDueCampaigns } = await import("./service.js");
    return { started: await startDueCampaigns(deps) };
  },
});

export const sendingJobs = [campaignBatchJob, campaignStartDueJob];
export const sendingSchedules = [scheduleJob(campaignStartDueJob, "* * * * *")];
