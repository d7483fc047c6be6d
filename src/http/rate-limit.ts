// Rate limits of the REST API, per client IP (before authentication) and per bearer token (after it):
// a fixed window counted in Redis by one Lua script (one round trip, atomic). Every answer under a
// limit carries RateLimit-Policy and RateLimit (IETF draft-ietf-httpapi-ratelimit-headers); over it,
// 429 problem+json with Retry-After. Should Redis fail, requests pass: a limit is not worth an outage.
import type { RequestHandler, Response } from "express";
import type { Redis } from "ioredis";
import { AppError } from "../lib/errors.js";

/** INCR the window's counter, start its expiry on the first hit; returns [count, ms left]. */
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}
`;

export interface RateLimitOptions {
  /** The policy's name in the headers: "ip" or "token". */
  name: string;
  /** Requests per window; 0 lets everything pass without headers. */
  limit: () => number;
  windowSeconds: () => number;
  /** The caller the count belongs to, or null to skip counting. */
  keyOf: (req: Parameters<RequestHandler>[0]) => string | null;
  keyPrefix: string;
  onRedisError?: (err: Error) => void;
}

type LimitedRedis = Pick<Redis, "eval">;

/** The answer's draft headers for one policy; added to any a previous limiter set. */
export function setRateLimitHeaders(
  res: Response,
  policy: { name: string; limit: number; windowSeconds: number; remaining: number; resetSeconds: number },
): void {
  const append = (header: string, item: string) => {
    const current = res.get(header);
    res.set(header, current ? `${current}, ${item}` : item);
  };
  append("RateLimit-Policy", `"${policy.name}";q=${policy.limit};w=${policy.windowSeconds}`);
  append("RateLimit", `"${policy.name}";r=${policy.remaining};t=${policy.resetSeconds}`);
}

export function rateLimit(redis: LimitedRedis, options: RateLimitOptions): RequestHandler {
  return (req, res, next) => {
    const limit = options.limit();
    const id = limit > 0 ? options.keyOf(req) : null;
    if (id === null) return next();
    const windowSeconds = options.windowSeconds();
    const key = `${options.keyPrefix}:ratelimit:${options.name}:${windowSeconds}:${id}`;
    (redis.eval(HIT, 1, key, String(windowSeconds * 1000)) as Promise<[number, number]>).then(
      ([count, msLeft]) => {
        const resetSeconds = Math.max(1, Math.ceil(msLeft / 1000));
        const remaining = Math.max(0, limit - count);
        setRateLimitHeaders(res, { name: options.name, limit, windowSeconds, remaining, resetSeconds });
        if (count <= limit) return next();
        next(
          new AppError(
            "too_many_requests",
            `More than ${limit} requests in ${windowSeconds} s (${options.name}); retry in ${resetSeconds} s`,
            undefined,
            { "Retry-After": String(resetSeconds) },
          ),
        );
      },
      (err: Error) => {
        options.onRedisError?.(err);
        next();
      },
    );
  };
}
