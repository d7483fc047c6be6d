// The REST rate limiter: every policy of a request counted in one Redis call, its headers, the first
// policy over its limit refusing with 429, and the script sent in full only when Redis lost it.
import type { Request, Response } from "express";
import { AppError } from "../lib/errors.js";
import { bearerKey, rateLimit, type RateLimitPolicy } from "./rate-limit.js";

/** A Redis double: counts per key in memory, as the Lua script would, and records each call. */
function fakeRedis(options: { knowsScript?: boolean } = {}) {
  const counts = new Map<string, number>();
  const calls: { command: "evalsha" | "eval"; keys: string[] }[] = [];
  let knows = options.knowsScript ?? true;
  const run = (command: "evalsha" | "eval", n: number, args: (string | number)[]) => {
    const keys = args.slice(0, n).map(String);
    calls.push({ command, keys });
    if (command === "evalsha" && !knows) return Promise.reject(new Error("NOSCRIPT No matching script."));
    knows = true;
    return Promise.resolve(
      keys.flatMap((key, i) => {
        counts.set(key, (counts.get(key) ?? 0) + 1);
        return [counts.get(key)!, Number(args[n + i])];
      }),
    );
  };
  return {
    calls,
    redis: {
      evalsha: (_sha: string, n: number, ...args: (string | number)[]) => run("evalsha", n, args),
      eval: (_script: string, n: number, ...args: (string | number)[]) => run("eval", n, args),
    } as never,
  };
}

function fakeRequest(headers: Record<string, string> = {}): Request {
  return { ip: "198.51.100.7", get: (name: string) => headers[name.toLowerCase()] } as unknown as Request;
}

function fakeResponse() {
  const headers = new Map<string, string>();
  return {
    headers,
    res: {
      get: (name: string) => headers.get(name.toLowerCase()),
      set: (name: string, value: string) => headers.set(name.toLowerCase(), value),
    } as unknown as Response,
  };
}

const policies = (perIp: number, perToken: number): RateLimitPolicy[] => [
  { name: "ip", limit: () => perIp, windowSeconds: () => 60, keyOf: (req) => req.ip ?? null },
  { name: "token", limit: () => perToken, windowSeconds: () => 60, keyOf: bearerKey },
];

const pass = (handler: ReturnType<typeof rateLimit>, req: Request, res: Response) =>
  new Promise<unknown>((resolve) => handler(req, res, resolve));

describe("rateLimit", () => {
  const bearer = { authorization: "Bearer abc.def.ghi" };

  it("counts the IP and the token in one Redis call and sets both policies' headers", async () => {
    const { redis, calls } = fakeRedis();
    const limiter = rateLimit(redis, policies(10, 3), { keyPrefix: "p" });
    const { res, headers } = fakeResponse();
    expect(await pass(limiter, fakeRequest(bearer), res)).toBeUndefined();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.keys).toEqual(["p:ratelimit:ip:60:198.51.100.7", expect.stringMatching(/^p:ratelimit:token:60:/)]);
    expect(headers.get("ratelimit-policy")).toBe('"ip";q=10;w=60, "token";q=3;w=60');
    expect(headers.get("ratelimit")).toBe('"ip";r=9;t=60, "token";r=2;t=60');
  });

  it("keys the token by a digest of it, never the token itself", async () => {
    const { redis, calls } = fakeRedis();
    await pass(rateLimit(redis, policies(10, 3), { keyPrefix: "p" }), fakeRequest(bearer), fakeResponse().res);
    expect(calls[0]!.keys[1]).not.toContain("abc.def.ghi");
    expect(bearerKey(fakeRequest(bearer))).toBe(bearerKey(fakeRequest({ authorization: "bearer abc.def.ghi" })));
    expect(bearerKey(fakeRequest(bearer))).not.toBe(bearerKey(fakeRequest({ authorization: "Bearer abc.def.ghj" })));
    expect(bearerKey(fakeRequest({ authorization: "Basic Zm9vOmJhcg==" }))).toBeNull();
  });

  it("answers 429 with Retry-After once the token's window is spent, whatever the IP's count", async () => {
    const { redis } = fakeRedis();
    const limiter = rateLimit(redis, policies(100, 2), { keyPrefix: "p" });
    for (let i = 0; i < 2; i++) expect(await pass(limiter, fakeRequest(bearer), fakeResponse().res)).toBeUndefined();
    const { res, headers } = fakeResponse();
    const err = (await pass(limiter, fakeRequest(bearer), res)) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("too_many_requests");
    expect(err.message).toContain("(token)");
    expect(err.headers).toEqual({ "Retry-After": "60" });
    expect(headers.get("ratelimit")).toBe('"ip";r=97;t=60, "token";r=0;t=60');
    // Another token still passes.
    expect(await pass(limiter, fakeRequest({ authorization: "Bearer other" }), fakeResponse().res)).toBeUndefined();
  });

  it("counts requests without a token under the IP only, and skips a policy whose limit is 0", async () => {
    const { redis, calls } = fakeRedis();
    await pass(rateLimit(redis, policies(5, 5), { keyPrefix: "p" }), fakeRequest(), fakeResponse().res);
    expect(calls[0]!.keys).toEqual(["p:ratelimit:ip:60:198.51.100.7"]);
    const { res, headers } = fakeResponse();
    await pass(rateLimit(redis, policies(0, 0), { keyPrefix: "p" }), fakeRequest(bearer), res);
    expect(calls).toHaveLength(1);
    expect(headers.size).toBe(0);
  });

  it("sends the script's text only when Redis no longer knows it", async () => {
    const { redis, calls } = fakeRedis({ knowsScript: false });
    const limiter = rateLimit(redis, policies(5, 5), { keyPrefix: "p" });
    await pass(limiter, fakeRequest(bearer), fakeResponse().res);
    await pass(limiter, fakeRequest(bearer), fakeResponse().res);
    expect(calls.map((c) => c.command)).toEqual(["evalsha", "eval", "evalsha"]);
  });

  it("lets the request through when Redis fails", async () => {
    const errors: string[] = [];
    const broken = { evalsha: () => Promise.reject(new Error("connection lost")) } as never;
    const limiter = rateLimit(broken, policies(1, 1), { keyPrefix: "p", onRedisError: (e) => errors.push(e.message) });
    expect(await pass(limiter, fakeRequest(bearer), fakeResponse().res)).toBeUndefined();
    expect(errors).toEqual(["connection lost"]);
  });
});
