// Adding a job under a fixed id (one Stripe event, one invoice push, one recorded e-mail) is a no-op while
// BullMQ still keeps a job of that id, and it keeps completed jobs for days and failed ones for weeks. When
// the database says the work is still to do while Redis says it is done (a database restored from a
// backup, a row set back by hand), a plain add would be silently dropped: requeueJob starts it again.
import type { Job, JobsOptions, Queue } from "bullmq";

export type RequeueOutcome = "added" | "replaced" | "pending";

/** States of a job that will still run: such a job is left as it is. */
const PENDING_STATES = new Set(["waiting", "waiting-children", "active", "delayed", "prioritized"]);

/**
 * Adds the job `name` with `data` under `options.jobId`: when a job of that id is completed or failed,
 * it is removed first and the new one added ("replaced"); when one is waiting, active or delayed, it is
 * left to run ("pending"); otherwise the job is added ("added").
 */
export async function requeueJob<Data>(
  queue: Pick<Queue, "add" | "getJob">,
  name: string,
  data: Data,
  options: JobsOptions & { jobId: string },
): Promise<RequeueOutcome> {
  const existing = (await queue.getJob(options.jobId)) as Job | undefined;
  if (existing) {
    const state = await existing.getState();
    if (PENDING_STATES.has(state)) return "pending";
    if (state === "completed" || state === "failed") {
      await existing.remove();
      await queue.add(name, data, options);
      return "replaced";
    }
  }
  await queue.add(name, data, options);
  return "added";
}
