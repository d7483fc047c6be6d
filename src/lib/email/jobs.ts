// The mail queue's outbox jobs (outbox.ts). They belong to no module: the job registry adds them to
// the modules' jobs.
import { defineJob, scheduleJob, ZNoData } from "../../queues/define-job.js";
import { sendMail, ZMailMessage } from "./mailer.js";
import { SEND_EMAIL_LOG, SEND_MAIL, sendEmailLog, SWEEP_EMAIL_LOG, sweepEmailLog, ZSendEmailLogJob } from "./outbox.js";

/**
 * A message sent as it is. Delivered at least once, like every job: a retry after the SMTP server took
 * the message but before the job was marked done sends it twice, which no mail sender can rule out.
 */
export const sendMailJob = defineJob({
  queue: "mail",
  name: SEND_MAIL,
  schema: ZMailMessage,
  async handler(message, deps) {
    return { messageId: await sendMail(deps.config.mail, message, { prisma: deps.prisma }) };
  },
});

/** A recorded customer e-mail, rendered by the module that owns its template. */
export const sendEmailLogJob = defineJob({
  queue: "mail",
  name: SEND_EMAIL_LOG,
  schema: ZSendEmailLogJob,
  handler: (_data, deps, job) => sendEmailLog({ ...deps, renderers: deps.emailRenderers }, job),
});

export const sweepEmailLogJob = defineJob({
  queue: "mail",
  name: SWEEP_EMAIL_LOG,
  schema: ZNoData,
  handler: (_data, deps) => sweepEmailLog(deps, deps.queues),
});

export const EMAIL_JOBS = [sendMailJob, sendEmailLogJob, sweepEmailLogJob];
export const EMAIL_SCHEDULES = [scheduleJob(sweepEmailLogJob, "*/5 * * * *")];
