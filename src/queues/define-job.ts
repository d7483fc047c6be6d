// A job as a module declares it: which queue, its name, what its data must hold, and its handler.
// Definitions are light (a zod schema and a function that imports the use case when the job runs), so
// the registry that collects them never pulls a module's code in at import time.
import type { z } from "zod";
import type { JobDeps, QueueName } from "./queues.js";

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  queue: QueueName;
  name: string;
  /** What job.data must hold; a job whose data does not parse fails without retrying work. */
  schema: S;
  /** Runs the job; jobs are delivered at least once, so it must be idempotent. */
  handler: (data: z.output<S>, deps: JobDeps, job: { id?: string; attemptsMade: number }) => Promise<unknown>;
}

/** A repeatable job, re-declared (not duplicated) at every start. */
export interface Schedule {
  queue: QueueName;
  name: string;
  /** cron pattern, UTC */
  pattern: string;
}

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}
