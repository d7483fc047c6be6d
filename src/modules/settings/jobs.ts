// The settings module's jobs. Each handler imports its use case when it runs, so declaring them pulls
// no module code in.
import { z } from "zod";
import { defineJob } from "../../queues/define-job.js";

/** The e-mail of a password reset (service.ts): mints the token and sends the link. */
export const passwordResetJob = defineJob({
  queue: "mail",
  name: "password-reset",
  schema: z.object({ resetId: z.number().int().positive() }),
  async handler(data, deps) {
    const { sendPasswordResetMail } = await import("./service.js");
    return sendPasswordResetMail(deps, data);
  },
});

export const settingsJobs = [passwordResetJob];
