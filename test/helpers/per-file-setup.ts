// Runs before each test file, in its worker: points the portal at the worker's own database and
// Redis key prefix, and empties every table so each file starts from a known state.
import { Redis } from "ioredis";
import pg from "pg";
import { workerDatabaseUrl } from "./databases.js";
import { leaks } from "./response-guard.js";

const worker = process.env.JEST_WORKER_ID ?? "1";
process.env.NODE_ENV = "test";
process.env.DATABASE_URL = workerDatabaseUrl(worker);
process.env.QUEUE_PREFIX = `locod-test:${process.pid}:${worker}`;
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? "silent";
process.env.BCRYPT_COST ??= "4";

beforeAll(async () => {
  // Login throttling counters live in Redis under the queue prefix, which every file of a worker shares.
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  try {
    const keys = await redis.keys(`${process.env.QUEUE_PREFIX}:login:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
    );
    if (rows.length) {
      await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
    }
  } finally {
    await client.end();
  }
});

// No response of any endpoint may carry a password hash (every test app is behind the guard).
afterAll(() => {
  expect(leaks).toEqual([]);
});
