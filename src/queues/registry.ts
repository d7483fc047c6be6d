// The job registry: the jobs and schedules the modules declare (ModuleDefinition.jobs, .schedules), the
// e-mail outbox's jobs, and the workers that run them. Imported by the server and the worker only (and
// tests); workers run in `npm start` and `npm run worker`.
import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { ModuleDefinition } from "../module.js";
import { MODULES } from "../modules.js";
import { EMAIL_JOBS, EMAIL_SCHEDULES } from "../lib/email/jobs.js";
import { collectEmailRenderers, type EmailRenderers } from "../lib/email/renderers.js";
import type { JobDefinition, Schedule } from "./define-job.js";
import { QUEUE_NAMES, redisConnection, type JobDeps, type QueueName, type Queues } from "./queues.js";

export interface JobRegistry {
  /** Every declared job, by queue and then name. */
  jobs: Readonly<Record<QueueName, ReadonlyMap<string, JobDefinition>>>;
  schedules: readonly Schedule[];
  emailRenderers: EmailRenderers;
  /**
   * Runs a job by its definition. Data that does not parse fails the job for good (UnrecoverableError:
   * retrying cannot fix it); a name no module declares fails it like any error.
   */
  run(queue: QueueName, job: Job, deps: JobDeps): Promise<unknown>;
}

/**
 * Collects the modules' jobs, schedules and e-mail renderers. Refuses, when built, a queue and job name
 * declared twice, a schedule of an undeclared job, and a job scheduled twice.
 */
export function buildJobRegistry(modules: readonly ModuleDefinition[]): JobRegistry {
  const jobs = Object.fromEntries(QUEUE_NAMES.map((q) => [q, new Map<string, JobDefinition>()])) as Record<
    QueueName,
    Map<string, JobDefinition>
  >;
  const owners = new Map<string, string>();
  for (const module of modules) {
    for (const job of module.jobs ?? []) {
      const key = `${job.queue}/${job.name}`;
      const other = owners.get(key);
      if (other !== undefined) {
        throw new Error(`Job "${job.name}" on queue "${job.queue}" is declared twice: by ${other} and ${module.name}`);
      }
      owners.set(key, module.name);
      jobs[job.queue].set(job.name, job);
    }
  }
  const schedules: Schedule[] = [];
  const scheduled = new Set<string>();
  for (const module of modules) {
    for (const schedule of module.schedules ?? []) {
      const key = `${schedule.queue}/${schedule.name}`;
      if (!jobs[schedule.queue].has(schedule.name)) {
        throw new Error(
          `${module.name} schedules "${schedule.name}" on queue "${schedule.queue}", which no module declares`,
        );
      }
      if (scheduled.has(key)) throw new Error(`Job "${schedule.name}" on queue "${schedule.queue}" is scheduled twice`);
      scheduled.add(key);
      schedules.push(schedule);
    }
  }
  const emailRenderers = collectEmailRenderers(modules);
  return {
    jobs,
    schedules,
    emailRenderers,
    async run(queue, job, deps) {
      const definition = jobs[queue].get(job.name);
      if (!definition) throw new Error(`No processor for job "${job.name}" on queue "${queue}"`);
      const parsed = definition.schema.safeParse(job.data);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "data"}: ${i.message}`).join("; ");
        throw new UnrecoverableError(`Job "${job.name}" on queue "${queue}" has invalid data: ${issues}`);
      }
      return definition.handler(parsed.data, { ...deps, emailRenderers }, job);
    },
  };
}

/** The e-mail outbox's jobs (src/lib/email), which belong to no module, beside the modules'. */
const OUTBOX: ModuleDefinition = { name: "email outbox", jobs: EMAIL_JOBS, schedules: EMAIL_SCHEDULES };

let portal: JobRegistry | undefined;

/** The portal's registry: the outbox and every module of src/modules.ts. */
export function portalRegistry(): JobRegistry {
  portal ??= buildJobRegistry([OUTBOX, ...MODULES]);
  return portal;
}

/** Declares the repeatable jobs, keyed so that every start re-declares rather than duplicates them. */
export async function scheduleRepeatableJobs(queues: Queues): Promise<void> {
  for (const s of portalRegistry().schedules) {
    await queues.byName[s.queue].upsertJobScheduler(s.name, { pattern: s.pattern, tz: "UTC" }, { name: s.name });
  }
}

export interface Workers {
  workers: Worker[];
  close(): Promise<void>;
}

/** One worker per queue, on the queues' Redis and prefix (deps.config). */
export function startWorkers(deps: JobDeps): Workers {
  const registry = portalRegistry();
  const connection = redisConnection(deps.config.redisUrl);
  const workers = QUEUE_NAMES.map((queueName) => {
    const worker = new Worker(queueName, (job) => registry.run(queueName, job, deps), {
      connection,
      prefix: deps.config.queuePrefix,
      concurrency: 4,
    });
    worker.on("failed", (job, err) =>
      deps.log.warn({ queue: queueName, job: job?.name, id: job?.id, err: err.message }, "job failed"),
    );
    worker.on("error", (err) => deps.log.error({ queue: queueName, err: err.message }, "worker error"));
    return worker;
  });
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
