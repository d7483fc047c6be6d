import { defineModule } from "../../module.js";
import { billingEmailRenderers } from "./emails.js";
import { billingJobs, billingSchedules } from "./jobs.js";
import { stripeJobs, stripeSchedules } from "./stripe/jobs.js";

export const billingModule = defineModule({
  name: "billing",
  jobs: [...billingJobs, ...stripeJobs],
  schedules: [...billingSchedules, ...stripeSchedules],
  emailRenderers: billingEmailRenderers,
});
