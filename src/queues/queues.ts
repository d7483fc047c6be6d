// The portal's queues: their names, the job dependencies, and createQueues. A leaf: it imports no
// module, so every module may use it. Modules declare their jobs (define-job.ts); registry.ts, which only
// the server and the worker import, runs them.
import { Queue, type ConnectionOptions } from "bullmq";
import type { PrismaClient } from "@prisma/client";
import type { Logger } from "../lib/logger.js";
import type { Config } from "../config.js";
import type { EmailRenderers } from "../lib/email/renderers.js";

export const QUEUE_NAMES = ["maintenance", "mail", "ai", "billing", "monitoring"] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface JobDeps {
  prisma: PrismaClient;
  log: Logger;
  /** The process's configuration (SMTP, public URL). */
  config: Config;
  /** The process's queues, for jobs that queue others. */
  queues: Queues;
  /** The modules' e-mail renderers; the job registry sets them from the module list. */
  emailRenderers?: EmailRenderers;
}

export function redisConnection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    ...(url.protocol === "rediss:" ? { tls: {} } : {}),
    // Required by BullMQ workers: blocking commands must wait for Redis rather than fail.
    maxRetriesPerRequest: null,
  };
}

export interface Queues {
  byName: Record<QueueName, Queue>;
  close(): Promise<void>;
}

export function createQueues(redisUrl: string, prefix: string): Queues {
  const connection = redisConnection(redisUrl);
  const byName = Object.fromEntries(
    QUEUE_NAMES.map((name) => [
      name,
      new Queue(name, {
        connection,
        prefix,
        defaultJobOptions: {
          attempts: 5,
          backoff: { type: "exponential", delay: 2_000 },
          removeOnComplete: { age: 7 * 24 * 3600, count: 1_000 },
          // Failed jobs stay visible in Bull Board until someone looks at them.
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      }),
    ]),
  ) as Record<QueueName, Queue>;
  return {
    byName,
    async close() {
      await Promise.all(Object.values(byName).map((q) => q.close()));
    },
  };
}
