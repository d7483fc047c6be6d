// The process's long-lived connections, created once and passed to the app, the workers and the tests.
import { Redis } from "ioredis";
import pg from "pg";
import type { PrismaClient } from "@prisma/client";
import type { Config } from "./config.js";
import { createPrisma } from "./db/prisma.js";
import { createLogger, type Logger } from "./lib/logger.js";
import { createQueues, type Queues } from "./queues/queues.js";
import type { CustomerTimelineEvent, TimelineRange } from "./lib/customer-timeline.js";

/** A module as the customer 360 page reads it: its name and the events it tells (ModuleDefinition). */
export interface TimelineTeller {
  name: string;
  customerTimeline?: (deps: Deps, customerId: number, range: TimelineRange) => Promise<CustomerTimelineEvent[]>;
}

export interface Deps {
  config: Config;
  prisma: PrismaClient;
  /** Plain pg pool: the session store and hand-written SQL where Prisma cannot express it. */
  pool: pg.Pool;
  redis: Redis;
  queues: Queues;
  log: Logger;
  /**
   * The modules the app serves, for the customer 360 page's timeline: set by createApp (src/app.ts),
   * which knows the list; a module cannot import src/modules.ts without a cycle.
   */
  timelineTellers?: readonly TimelineTeller[];
}

export function createDeps(config: Config, log: Logger = createLogger(config.logLevel)): Deps {
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
  pool.on("error", (err) => log.error({ err: err.message }, "idle PostgreSQL client error"));
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false });
  redis.on("error", (err) => log.warn({ err: err.message }, "Redis connection error"));
  return {
    config,
    prisma: createPrisma(config.databaseUrl),
    pool,
    redis,
    queues: createQueues(config.redisUrl, config.queuePrefix),
    log,
  };
}

export async function closeDeps(deps: Deps): Promise<void> {
  await deps.queues.close();
  await deps.prisma.$disconnect();
  await deps.pool.end();
  deps.redis.disconnect();
}
