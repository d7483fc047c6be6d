// Idempotency-Key on POST (as Stripe reads it): the first request with a key runs and its answer is
// kept in Redis for 24 hours; a retry with the same key and body gets that answer again, marked
// `Idempotent-Replayed: true`, and runs nothing. The key is scoped to the authenticated admin, the
// method and the path. The same key with another body, or while the first is still running: 409.
// An answer of 5xx (or a dropped connection) is not kept, so that the retry runs for real.
import { createHash } from "node:crypto";
import type { RequestHandler } from "express";
import type { Redis } from "ioredis";
import { AppError } from "../lib/errors.js";

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** How long a request may hold its key before a retry may take it (a crashed instance's leftovers). */
const IN_FLIGHT_SECONDS = 300;
const KEY = /^[\x21-\x7e]{1,255}$/;
/** Answer headers a replay gives back. */
const KEPT_HEADERS = ["content-type", "location", "etag"];

interface Stored {
  state: "pending" | "done";
  fingerprint: string;
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

type IdempotencyRedis = Pick<Redis, "set" | "get" | "del">;

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url");

/** What makes two requests "the same": the JSON body (an empty body as {}). */
export function fingerprintOf(body: unknown): string {
  return sha256(JSON.stringify(body ?? {}));
}

/** The Redis key of an Idempotency-Key, scoped to the admin, method and path. */
export function idempotencyRedisKey(
  keyPrefix: string,
  scope: { admin: string; method: string; path: string },
  given: string,
) {
  return `${keyPrefix}:idempotency:${sha256(`${scope.admin}:${scope.method}:${scope.path}:${given}`)}`;
}

export function idempotency(redis: IdempotencyRedis, keyPrefix: string): RequestHandler {
  return (req, res, next) => {
    const given = req.get("idempotency-key");
    if (req.method !== "POST" || given === undefined) return next();
    if (!KEY.test(given)) {
      return next(
        new AppError("validation", "Idempotency-Key: invalid", [
          { field: "Idempotency-Key", message: "must be 1-255 visible ASCII characters" },
        ]),
      );
    }
    const scope = {
      admin: String(req.admin?.id ?? "anonymous"),
      method: req.method,
      path: `${req.baseUrl}${req.path}`,
    };
    const key = idempotencyRedisKey(keyPrefix, scope, given);
    const fingerprint = fingerprintOf(req.body);
    const pending: Stored = { state: "pending", fingerprint };

    const run = () => {
      const chunks: Buffer[] = [];
      const write = res.write.bind(res) as (...args: unknown[]) => boolean;
      const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
      const keep = (chunk: unknown, encoding: unknown) => {
        if (chunk === undefined || chunk === null || typeof chunk === "function") return;
        chunks.push(
          Buffer.isBuffer(chunk)
            ? chunk
            : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"),
        );
      };
      res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
        keep(chunk, encoding);
        return write(chunk, encoding, cb);
      }) as typeof res.write;
      res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
        keep(chunk, encoding);
        return end(chunk, encoding, cb);
      }) as typeof res.end;
      let finished = false;
      res.on("finish", () => {
        finished = true;
        if (res.statusCode >= 500) {
          void redis.del(key).catch(() => undefined);
          return;
        }
        const headers: Record<string, string> = {};
        for (const name of KEPT_HEADERS) {
          const value = res.getHeader(name);
          if (value !== undefined) headers[name] = String(value);
        }
        const done: Stored = {
          state: "done",
          fingerprint,
          status: res.statusCode,
          headers,
          body: Buffer.concat(chunks).toString("base64"),
        };
        void redis.set(key, JSON.stringify(done), "EX", IDEMPOTENCY_TTL_SECONDS).catch(() => undefined);
      });
      res.on("close", () => {
        if (!finished) void redis.del(key).catch(() => undefined);
      });
      next();
    };

    const replayOrRefuse = (stored: Stored) => {
      if (stored.fingerprint !== fingerprint) {
        return next(
          new AppError("conflict", "This Idempotency-Key was used with another request body", [
            { field: "Idempotency-Key", message: "was already used with a different body" },
          ]),
        );
      }
      if (stored.state === "pending") {
        return next(
          new AppError("conflict", "A request with this Idempotency-Key is still in progress; retry later", [
            { field: "Idempotency-Key", message: "is in use by a request still in progress" },
          ]),
        );
      }
      res.status(stored.status!).set(stored.headers ?? {});
      res.set("Idempotent-Replayed", "true");
      res.end(Buffer.from(stored.body ?? "", "base64"));
    };

    redis
      .set(key, JSON.stringify(pending), "EX", IN_FLIGHT_SECONDS, "NX")
      .then(async (taken) => {
        if (taken === "OK") return run();
        const raw = await redis.get(key);
        // Gone between the two calls (its request failed): this one runs.
        if (raw === null) {
          const again = await redis.set(key, JSON.stringify(pending), "EX", IN_FLIGHT_SECONDS, "NX");
          if (again === "OK") return run();
          return replayOrRefuse({ state: "pending", fingerprint });
        }
        replayOrRefuse(JSON.parse(raw) as Stored);
      })
      .catch((err: unknown) => {
        next(
          err instanceof AppError
            ? err
            : new AppError("unavailable", "Idempotency keys cannot be checked right now; retry later"),
        );
      });
  };
}
