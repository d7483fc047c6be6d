// `npm run bench:rest`: what the REST API's rate limits and Idempotency-Key cost per request, on the
// machine's Redis. Each middleware is called directly (no HTTP, no database), sequentially, and timed
// from the call to the moment the request would go on (next()), plus, for an idempotent POST, the write
// of its answer when the response finishes. Prints the mean and the 50th/99th percentiles in ms.
import { EventEmitter } from "node:events";
import { performance } from "node:perf_hooks";
import type { Request, RequestHandler, Response } from "express";
import { Redis } from "ioredis";
import { rateLimit } from "../../src/http/rate-limit.js";
import { idempotency } from "../../src/http/idempotency.js";

const N = Number(process.env.BENCH_REQUESTS ?? 2000);
const prefix = `locod:bench-rest:${process.pid}`;
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");

function fakeResponse(): Response {
  const res = new EventEmitter() as unknown as Response & Record<string, unknown>;
  const headers = new Map<string, string>();
  Object.assign(res, {
    statusCode: 201,
    set: (name: string | Record<string, string>, value?: string) => {
      if (typeof name === "string") headers.set(name.toLowerCase(), value!);
      else for (const [k, v] of Object.entries(name)) headers.set(k.toLowerCase(), v);
      return res;
    },
    get: (name: string) => headers.get(name.toLowerCase()),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    status: (code: number) => ((res.statusCode = code), res),
    write: () => true,
    end: () => res,
  });
  return res;
}

async function time(label: string, run: (i: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < 100; i++) await run(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < N; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  console.log(
    `${label.padEnd(40)} mean ${mean.toFixed(3)} ms  p50 ${at(0.5).toFixed(3)} ms  p99 ${at(0.99).toFixed(3)} ms`,
  );
}

const through = (handler: RequestHandler, req: Request, res: Response) =>
  new Promise<void>((resolve, reject) => handler(req, res, (err?: unknown) => (err ? reject(err) : resolve())));

const policy = (name: string, key: string) => ({
  name,
  limit: () => 1_000_000_000,
  windowSeconds: () => 60,
  keyOf: () => key,
});
// As the API counts a request: its IP and its bearer token, both in one call.
const limiter = rateLimit(redis, [policy("ip", "bench-ip"), policy("token", "bench-token")], { keyPrefix: prefix });
const keys = idempotency(redis, prefix);
const body = { name: "Acme", email: "acme@example.test", planType: "pro" };

await time("Redis PING (round trip, for scale)", async () => {
  await redis.ping();
});
await time("rate limits ip + token (one Lua call)", () => through(limiter, {} as Request, fakeResponse()));
await time("POST without Idempotency-Key", () =>
  through(keys, { method: "POST", get: () => undefined } as unknown as Request, fakeResponse()),
);
await time("POST with a new Idempotency-Key (+ keep)", async (i) => {
  const res = fakeResponse();
  const req = {
    method: "POST",
    get: (name: string) => (name === "idempotency-key" ? `bench-${i}` : undefined),
    admin: { id: 1 },
    baseUrl: "/admin/api/v1",
    path: "/customers/customers",
    body,
  } as unknown as Request;
  await through(keys, req, res);
  res.end(JSON.stringify({ id: i, ...body }));
  res.emit("finish");
  // The answer's write is fire-and-forget in the middleware; a PING after it waits for it (one pipe).
  await redis.ping();
});

let cursor = "0";
do {
  const [next, found] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
  if (found.length) await redis.del(...found);
  cursor = next;
} while (cursor !== "0");
redis.disconnect();
