// Rate limits of the REST API, per client IP and per bearer token: fixed windows counted in Redis by
// one Lua script for every policy of the request (one round trip, atomic), before the token is verified
// (so bad tokens and logins count against the IP, and an exhausted token costs no database lookup). The
// token's counter is keyed by a hash of the token as sent: one key per token, which no other caller can
// spend. Every answer under a limit carries RateLimit-Policy and RateLimit (IETF
// draft-ietf-httpapi-ratelimit-headers); over one, 429 problem+json with Retry-After. Should Redis fail,
// requests pass: a limit is not worth an outage.
import { createHash } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import type { Redis } from "ioredis";
import { AppError } from "../lib/errors.js";
import { bearerToken } from "./bearer-auth.js";

/** For each key: INCR its window's counter, start its expiry on the first hit; returns [count, ms left]... */
const HIT = `
local out = {}
for i, key in ipairs(KEYS) do
  local window = ARGV[i]
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('PEXPIRE', key, window) end
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then redis.call('PEXPIRE', key, window); ttl = tonumber(window) end
  out[#out + 1] = n
  out[#out + 1] = ttl
end
return out
`;
const HIT_SHA = createHash("sha1").update(HIT).digest("hex");

export interface RateLimitPolicy {
  /** The policy's name in the headers: "ip" or "token". */
  name: string;
  /** Requests per window; 0 lets everything pass without headers. */
  limit: () => number;
  windowSeconds: () => number;
  /** The caller the count belongs to, or null to skip counting this request under this policy. */
  keyOf: (req: Request) => string | null;
}

export interface RateLimitOptions {
  keyPrefix: string;
  onRedisError?: (err: Error) => void;
}

type LimitedRedis = Pick<Redis, "eval" | "evalsha">;

/** The answer's draft headers for one policy; added to any a previous policy set. */
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

/** The per-token policy's key: a digest of the bearer token sent, or null without one. */
export function bearerKey(req: Request): string | null {
  const token = bearerToken(req);
  return token ? createHash("sha256").update(token).digest("base64url").slice(0, 32) : null;
}

/** Runs the script, sending its text only when Redis does not know it yet (after a restart or FLUSH). */
async function hit(redis: LimitedRedis, keys: string[], windows: string[]): Promise<number[]> {
  try {
    return (await redis.evalsha(HIT_SHA, keys.length, ...keys, ...windows)) as number[];
  } catch (err) {
    if (!(err instanceof Error) || !err.message.startsWith("NOSCRIPT")) throw err;
    return (await redis.eval(HIT, keys.length, ...keys, ...windows)) as number[];
  }
}

/** One middleware counting the request under every policy that applies to it, in one Redis call. */
export function rateLimit(redis: LimitedRedis, policies: RateLimitPolicy[], options: RateLimitOptions): RequestHandler {
  return (req, res, next) => {
    const counted: { policy: RateLimitPolicy; limit: number; windowSeconds: number }[] = [];
    const keys: string[] = [];
    const windows: string[] = [];
    for (const policy of policies) {
      const limit = policy.limit();
      const id = limit > 0 ? policy.keyOf(req) : null;
      if (id === null) continue;
      const windowSeconds = policy.windowSeconds();
      counted.push({ policy, limit, windowSeconds });
      keys.push(`${options.keyPrefix}:ratelimit:${policy.name}:${windowSeconds}:${id}`);
      windows.push(String(windowSeconds * 1000));
    }
    if (counted.length === 0) return next();
    hit(redis, keys, windows).then(
      (answer) => {
        let over: AppError | null = null;
        counted.forEach(({ policy, limit, windowSeconds }, i) => {
          const count = answer[2 * i]!;
          const resetSeconds = Math.max(1, Math.ceil(answer[2 * i + 1]! / 1000));
          const remaining = Math.max(0, limit - count);
          setRateLimitHeaders(res, { name: policy.name, limit, windowSeconds, remaining, resetSeconds });
          if (count > limit && !over) {
            over = new AppError(
              "too_many_requests",
              `More than ${limit} requests in ${windowSeconds} s (${policy.name}); retry in ${resetSeconds} s`,
              undefined,
              { "Retry-After": String(resetSeconds) },
            );
          }
        });
        next(over ?? undefined);
      },
      (err: Error) => {
        options.onRedisError?.(err);
        next();
      },
    );
  };
}
