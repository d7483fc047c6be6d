// A job as a module declares it: which queue, its name, what its data must hold, and its handler.
// Definitions are light (a zod schema and a function that imports the use case when the job runs), so
// the registry that collects them never pulls a module's code in at import time.
import type { Job } from "bullmq";
import { z } from "zod";
import type { JobDeps, QueueName } from "./queues.js";

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  queue: QueueName;
  name: string;
  /** What job.data must hold; a job whose data does not parse fails at once, without retrying. */
  schema: S;
  /**
   * Runs the job with its parsed data; `job` is BullMQ's, for what the data does not say (attempts,
   * times). Jobs are delivered at least once, so it must be idempotent. (A method, so that a definition
   * with a narrower schema is still a JobDefinition.)
   */
  handler(data: z.output<S>, deps: JobDeps, job: Job): Promise<unknown>;
}

/** A repeatable job, re-declared (not duplicated) at every start. */
export interface Schedule {
  queue: QueueName;
  name: string;
  /** cron pattern, UTC */
  pattern: string;
}

/** The data of a job that needs none: nothing, or an object whose keys are ignored. */
export const ZNoData = z.object({}).nullish();

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

/** Runs `job` on a cron pattern (UTC). */
export function scheduleJob(job: Pick<JobDefinition, "queue" | "name">, pattern: string): Schedule {
  return { queue: job.queue, name: job.name, pattern };
}
