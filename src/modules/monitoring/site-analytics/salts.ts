// The day's salt of the visitor digests (rules/visitor.ts), shared by every process through Redis: the
// first process to ask for a day's salt creates it (SET NX), the others read it. Each salt expires two
// days after it is made, and the rollup job deletes those of past days: once a day's salt is gone, no
// digest of that day can be recomputed from an IP.
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";

const TTL_SECONDS = 2 * 86_400;

export interface SaltStore {
  /** The salt of a UTC day (YYYY-MM-DD), created on first use. */
  forDay(day: string): Promise<string>;
}

type SaltRedis = Pick<Redis, "set" | "get" | "scan" | "del">;

const keyOf = (prefix: string, day: string) => `${prefix}:site-analytics:salt:${day}`;

export function saltStore(redis: SaltRedis, prefix: string): SaltStore {
  // One process keeps the current day's salt in memory: /collect reads it on every event.
  let cached: { day: string; salt: Promise<string> } | null = null;
  const load = async (day: string) => {
    const key = keyOf(prefix, day);
    await redis.set(key, randomBytes(24).toString("base64url"), "EX", TTL_SECONDS, "NX");
    const salt = await redis.get(key);
    if (!salt) throw new Error(`the salt of ${day} vanished`);
    return salt;
  };
  return {
    forDay(day) {
      if (cached?.day !== day) {
        const salt = load(day);
        cached = { day, salt };
        // A failed read is not kept: the next event tries again.
        salt.catch(() => {
          if (cached?.salt === salt) cached = null;
        });
      }
      return cached.salt;
    },
  };
}

/** Deletes the salts of the days before `today`; returns how many were deleted. */
export async function deleteOldSalts(redis: SaltRedis, prefix: string, today: string): Promise<number> {
  let cursor = "0";
  let deleted = 0;
  const pattern = keyOf(prefix, "*");
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 100);
    cursor = next;
    const old = keys.filter((key) => key.slice(-10) < today);
    if (old.length) deleted += await redis.del(...old);
  } while (cursor !== "0");
  return deleted;
}
