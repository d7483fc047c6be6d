// Runs before each test file, in its worker: points the portal at the worker's own database and
// Redis key prefix, and empties every table so each file starts from a known state.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { workerDatabaseUrl } from "./databases.js";
import { leaks } from "./response-guard.js";

const worker = process.env.JEST_WORKER_ID ?? "1";
process.env.NODE_ENV = "test";
process.env.DATABASE_URL = workerDatabaseUrl(worker);
// A Redis prefix of the file's own: jobs, job ids and login counters of another file (or a worker it
// left running) can never meet this file's.
process.env.QUEUE_PREFIX = `locod-test:${process.pid}:${worker}:${randomUUID().slice(0, 8)}`;
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? "silent";
process.env.BCRYPT_COST ??= "4";

beforeAll(async () => {
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

// The file's Redis keys go with it.
afterAll(async () => {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${process.env.QUEUE_PREFIX}:*`, "COUNT", 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
});

// No response of any endpoint may carry a password hash (every test app is behind the guard).
afterAll(() => {
  expect(leaks).toEqual([]);
});
